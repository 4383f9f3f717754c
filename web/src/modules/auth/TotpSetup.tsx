import { Alert, Button, Code, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../../shared/messages";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { currentLanguage } from "../../platform/i18n";
import type { Me } from "../../platform/types";

interface Secret {
  secret: string;
  uri: string;
}

/** Second-factor enrolment: the secret goes into an authenticator app, a code from it confirms. */
export function TotpSetup({ onEnabled }: { onEnabled: (user: Me) => void | Promise<void> }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<Secret | null>(null);
  const [code, setCode] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function start() {
    setFailure(null);
    setBusy(true);
    try {
      setSecret(await api.post<Secret>("/api/auth/totp/setup"));
    } catch (error) {
      setFailure(error);
    }
    setBusy(false);
  }

  async function enable(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setMissing(!code);
    if (!code) return;
    setBusy(true);
    try {
      const { user } = await api.post<{ user: Me }>("/api/auth/totp/enable", { code });
      setBusy(false);
      await onEnabled(user);
      return;
    } catch (error) {
      setFailure(error);
      setCode("");
    }
    setBusy(false);
  }

  return (
    <Stack gap="sm">
      {failure !== null && (
        <Alert color="red" role="alert">
          {describeError(failure)}
        </Alert>
      )}
      {secret === null ? (
        <Button onClick={() => void start()} loading={busy} data-testid="totp-start" w="fit-content">
          {t("totp.start")}
        </Button>
      ) : (
        <form onSubmit={(event) => void enable(event)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t("totp.instructions")}</Text>
            <Text size="sm" fw={600}>
              {t("totp.secret")}
            </Text>
            <Code block data-testid="totp-secret">
              {secret.secret}
            </Code>
            <Text size="sm" fw={600}>
              {t("totp.uri")}
            </Text>
            <Code block data-testid="totp-uri" style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
              {secret.uri}
            </Code>
            <TextInput
              label={t("auth.code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, ""))}
              error={missing ? errorMessage(currentLanguage(), "required") : undefined}
              maw={220}
            />
            <Button type="submit" loading={busy} data-testid="totp-enable" w="fit-content">
              {t("totp.enable")}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
