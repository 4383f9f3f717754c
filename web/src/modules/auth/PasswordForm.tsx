import { Alert, Button, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../../shared/messages";
import { api, ApiError } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { currentLanguage } from "../../platform/i18n";
import { SecretInput } from "../../platform/layout/SecretInput";

/** The server requires at least this many characters (shared/messages: password_too_short). */
export const minimumPasswordLength = 10;

type Problem = "required" | "password_too_short" | "mismatch" | "password_wrong";

export function PasswordForm({ onChanged }: { onChanged: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeated, setRepeated] = useState("");
  const [problems, setProblems] = useState<Partial<Record<"current" | "next" | "repeated", Problem>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const message = (problem: Problem | undefined) =>
    problem === undefined
      ? undefined
      : problem === "mismatch"
        ? t("password.mismatch")
        : errorMessage(currentLanguage(), problem);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found: typeof problems = {};
    if (!current) found.current = "required";
    if (!next) found.next = "required";
    else if (next.length < minimumPasswordLength) found.next = "password_too_short";
    if (next && repeated !== next) found.repeated = "mismatch";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.post<void>("/api/auth/password", { currentPassword: current, newPassword: next });
      setCurrent("");
      setNext("");
      setRepeated("");
      setBusy(false);
      await onChanged();
      return;
    } catch (error) {
      if (error instanceof ApiError && error.code === "password_wrong")
        setProblems({ current: "password_wrong" });
      else if (error instanceof ApiError && error.code === "password_too_short")
        setProblems({ next: "password_too_short" });
      else setFailure(error);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm" maw={420}>
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        <SecretInput
          label={t("password.current")}
          autoComplete="current-password"
          data-testid="password-current"
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          error={message(problems.current)}
        />
        <SecretInput
          label={t("password.new")}
          description={t("password.rule", { count: minimumPasswordLength })}
          autoComplete="new-password"
          data-testid="password-new"
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
          error={message(problems.next)}
        />
        <SecretInput
          label={t("password.repeat")}
          autoComplete="new-password"
          data-testid="password-repeat"
          value={repeated}
          onChange={(event) => setRepeated(event.currentTarget.value)}
          error={message(problems.repeated)}
        />
        <Button type="submit" loading={busy} data-testid="password-submit" w="fit-content">
          {t("password.change")}
        </Button>
      </Stack>
    </form>
  );
}
