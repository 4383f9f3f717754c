import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../../shared/messages";
import { api, ApiError } from "../../platform/api";
import { useAuth } from "../../platform/auth";
import { describeError } from "../../platform/errors";
import { currentLanguage } from "../../platform/i18n";
import type { LoginAnswer } from "../../platform/types";
import { AuthFrame } from "./AuthFrame";
import { SecretInput } from "../../platform/layout/SecretInput";

export function LoginPage() {
  const { t } = useTranslation();
  const { signedIn } = useAuth();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [codeAsked, setCodeAsked] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const required = errorMessage(currentLanguage(), "required");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const incomplete = !username.trim() || !password || (codeAsked && !code.trim());
    setMissing(incomplete);
    if (incomplete) return;
    setBusy(true);
    try {
      const body = codeAsked ? { username, password, totp: code.trim() } : { username, password };
      const answer = await api.post<LoginAnswer>("/api/auth/login", body, { expectUnauthorized: true });
      if (answer.status === "totp_required") {
        setCodeAsked(true);
      } else {
        await signedIn(answer);
        return;
      }
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.code === "totp_invalid") setCode("");
    }
    setBusy(false);
  }

  return (
    <AuthFrame title={t("auth.signInTitle")}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {failure !== null && (
            <Alert color="red" role="alert" data-testid="login-error">
              {describeError(failure)}
            </Alert>
          )}
          <TextInput
            label={t("auth.username")}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={missing && !username.trim() ? required : undefined}
            readOnly={codeAsked}
          />
          <SecretInput
            label={t("auth.password")}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={missing && !password ? required : undefined}
            readOnly={codeAsked}
          />
          {codeAsked && (
            <>
              <Text size="sm">{t("auth.codeExplanation")}</Text>
              <TextInput
                label={t("auth.code")}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, ""))}
                error={missing && !code.trim() ? required : undefined}
                data-autofocus
                autoFocus
              />
            </>
          )}
          <Button type="submit" loading={busy} data-testid="login-submit" fullWidth>
            {t("auth.signIn")}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
