import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../../shared/messages";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { currentLanguage } from "../../platform/i18n";
import { minimumPasswordLength } from "../auth/PasswordForm";
import type { AdminUser } from "./types";
import { SecretInput } from "../../platform/layout/SecretInput";

/** The user must replace this password at the next sign-in; their open sessions end. */
export function PasswordResetModal({
  user,
  onClose,
  onDone,
}: {
  user: AdminUser | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPassword("");
    setProblem(null);
    setFailure(null);
  }, [user]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!user) return;
    setFailure(null);
    const code = !password
      ? "required"
      : password.length < minimumPasswordLength
        ? "password_too_short"
        : null;
    setProblem(code);
    if (code) return;
    setBusy(true);
    try {
      await api.post<void>(`/api/admin/users/${user.id}/password`, { password });
      onDone();
    } catch (error) {
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <Modal opened={user !== null} onClose={onClose} title={t("admin.resetPassword")} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t("admin.resetPasswordExplanation", { username: user?.username ?? "" })}</Text>
          {failure !== null && (
            <Alert color="red" role="alert">
              {describeError(failure)}
            </Alert>
          )}
          <SecretInput
            label={t("password.new")}
            description={t("password.rule", { count: minimumPasswordLength })}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={problem ? errorMessage(currentLanguage(), problem) : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="password-reset-submit">
              {t("admin.resetPassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
