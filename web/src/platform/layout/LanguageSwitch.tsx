import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { languages } from "../../../../shared/roles";
import { currentLanguage, isLanguage } from "../i18n";
import { languageEndonyms, useLanguageChoice } from "../language";

export function LanguageSwitch({
  withLabel = false,
  testId = "language-switch",
}: {
  withLabel?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const choose = useLanguageChoice();
  return (
    <NativeSelect
      data-testid={testId}
      aria-label={t("common.language")}
      label={withLabel ? t("common.language") : undefined}
      size="xs"
      value={currentLanguage()}
      data={languages.map((language) => ({ value: language, label: languageEndonyms[language] }))}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLanguage(value)) void choose(value);
      }}
    />
  );
}
