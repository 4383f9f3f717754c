import { Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../platform/auth";
import { AuthFrame } from "./AuthFrame";
import { TotpSetup } from "./TotpSetup";

/** A role that requires a second factor opens nothing else until one is set up. */
export function EnrolmentPage() {
  const { t } = useTranslation();
  const { refresh, signOut } = useAuth();
  return (
    <AuthFrame title={t("totp.enrolmentTitle")}>
      <Text size="sm">{t("totp.enrolmentExplanation")}</Text>
      <TotpSetup onEnabled={refresh} />
      <Button variant="subtle" onClick={() => void signOut()} w="fit-content" data-testid="sign-out">
        {t("common.signOut")}
      </Button>
    </AuthFrame>
  );
}
