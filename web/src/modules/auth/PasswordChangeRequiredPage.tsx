import { Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../platform/auth";
import { AuthFrame } from "./AuthFrame";
import { PasswordForm } from "./PasswordForm";

/** A password set by an administrator is known to two people: the user replaces it first. */
export function PasswordChangeRequiredPage() {
  const { t } = useTranslation();
  const { refresh, signOut } = useAuth();
  return (
    <AuthFrame title={t("password.requiredTitle")}>
      <Text size="sm">{t("password.requiredExplanation")}</Text>
      <PasswordForm onChanged={refresh} />
      <Button variant="subtle" onClick={() => void signOut()} w="fit-content" data-testid="sign-out">
        {t("common.signOut")}
      </Button>
    </AuthFrame>
  );
}
