import { Divider, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMe } from "../../platform/auth";
import { NotFoundPage } from "../../platform/layout/Page";
import { BreakGlassRequestForm } from "./BreakGlassRequestForm";
import { mayBreakGlass } from "./types";

/**
 * The "not found" of a case page. Whoever may break glass is offered it for the reference in the
 * address; the page says the same whether or not such a case exists.
 */
export function CaseNotFound({ reference, onGranted }: { reference: string; onGranted: () => void }) {
  const { t } = useTranslation();
  const user = useMe();
  if (!mayBreakGlass(user)) return <NotFoundPage />;
  return (
    <Stack gap="md">
      <NotFoundPage />
      <Divider />
      <Text size="sm">{t("breakglass.notFoundHint")}</Text>
      <BreakGlassRequestForm initialReference={reference} onGranted={onGranted} />
    </Stack>
  );
}
