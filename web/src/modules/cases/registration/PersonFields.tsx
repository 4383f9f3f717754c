import { MultiSelect, NativeSelect, NumberInput, SimpleGrid, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { educationLevels, genders, languageCodes, maritalStatuses } from "../../../../../shared/vocabulary";
import { problemAt } from "../../../platform/errors";
import { useJurisdiction } from "../../../platform/jurisdiction";
import { useNames } from "../../../platform/labels";
import { Section } from "../Facts";
import { bindText, type SectionProps } from "./fields";

export function PersonFields(props: SectionProps) {
  const { t } = useTranslation();
  const { draft, update, problems } = props;
  const { jurisdiction } = useJurisdiction();
  const { countryOptions, spokenLanguage } = useNames();
  const choose = { value: "", label: t("common.choose") };
  const notKnown = { value: "", label: t("common.notRecorded") };
  const languageOptions = languageCodes.map((code) => ({ value: code, label: spokenLanguage(code) }));
  const numberText = (value: string | number) => (typeof value === "number" ? String(value) : value);

  return (
    <Section
      title={t("registration.personSection")}
      extra={
        <Text size="sm" c="dimmed">
          {t("registration.personHint")}
        </Text>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          label={t("registration.givenName")}
          withAsterisk
          autoComplete="off"
          {...bindText(props, "givenName", "person.givenName")}
        />
        <TextInput
          label={t("registration.familyName")}
          autoComplete="off"
          {...bindText(props, "familyName", "person.familyName")}
        />
        <TextInput
          label={t("registration.otherNames")}
          description={t("registration.otherNamesHint")}
          autoComplete="off"
          {...bindText(props, "otherNames", "person.otherNames")}
        />
        <NativeSelect
          label={t("cases.gender")}
          withAsterisk
          data={[choose, ...genders.map((value) => ({ value, label: t(`vocabulary.gender.${value}`) }))]}
          {...bindText(props, "gender", "person.gender")}
        />
        <TextInput
          type="date"
          label={t("registration.birthDate")}
          description={t("registration.birthDateHint")}
          max={jurisdiction?.today}
          {...bindText(props, "birthDate", "person.birthDate")}
        />
        <NumberInput
          label={t("registration.estimatedAge")}
          description={t("registration.estimatedAgeHint")}
          name="person.estimatedAge"
          min={0}
          max={120}
          allowDecimal={false}
          allowNegative={false}
          value={draft.estimatedAge}
          onChange={(value) => update({ estimatedAge: numberText(value) })}
          error={problemAt(problems, "person.estimatedAge")}
        />
        <MultiSelect
          label={t("registration.citizenship")}
          description={t("registration.citizenshipHint")}
          data={countryOptions(jurisdiction?.countriesOfOrigin ?? [])}
          value={draft.citizenship}
          onChange={(citizenship) => update({ citizenship })}
          maxValues={4}
          searchable
          clearable
          nothingFoundMessage={t("common.nothingFound")}
          error={problemAt(problems, "person.citizenship")}
          data-testid="citizenship"
        />
        <NativeSelect
          label={t("registration.primaryLanguage")}
          data={[notKnown, ...languageOptions]}
          {...bindText(props, "primaryLanguage", "person.primaryLanguage")}
        />
        <MultiSelect
          label={t("registration.otherLanguages")}
          data={languageOptions}
          value={draft.otherLanguages}
          onChange={(otherLanguages) => update({ otherLanguages })}
          maxValues={10}
          searchable
          clearable
          nothingFoundMessage={t("common.nothingFound")}
          error={problemAt(problems, "person.otherLanguages")}
        />
        <NativeSelect
          label={t("registration.maritalStatus")}
          data={[
            notKnown,
            ...maritalStatuses.map((value) => ({ value, label: t(`vocabulary.maritalStatus.${value}`) })),
          ]}
          {...bindText(props, "maritalStatus", "person.maritalStatus")}
        />
        <NumberInput
          label={t("registration.numberOfChildren")}
          name="person.numberOfChildren"
          min={0}
          max={30}
          allowDecimal={false}
          allowNegative={false}
          value={draft.numberOfChildren}
          onChange={(value) => update({ numberOfChildren: numberText(value) })}
          error={problemAt(problems, "person.numberOfChildren")}
        />
        <NativeSelect
          label={t("registration.education")}
          data={[
            notKnown,
            ...educationLevels.map((value) => ({ value, label: t(`vocabulary.education.${value}`) })),
          ]}
          {...bindText(props, "education", "person.education")}
        />
        <TextInput
          label={t("registration.identityNumber")}
          autoComplete="off"
          {...bindText(props, "identityNumber", "person.identityNumber")}
        />
        <TextInput
          label={t("registration.phone")}
          type="tel"
          autoComplete="off"
          {...bindText(props, "phone", "person.phone")}
        />
      </SimpleGrid>
      <Textarea
        label={t("registration.address")}
        autosize
        minRows={2}
        {...bindText(props, "address", "person.address")}
      />
    </Section>
  );
}
