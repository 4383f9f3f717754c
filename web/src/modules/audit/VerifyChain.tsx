import { Alert, Button, Stack } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import type { ChainVerdict } from "./types";

/** Recomputes the hash chain: a changed or removed audit row breaks it at that row. */
export function VerifyChain() {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setFailure(null);
    try {
      setVerdict(await api.get<ChainVerdict>("/api/audit/verify"));
    } catch (error) {
      setVerdict(null);
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <Stack gap="xs" align="flex-start">
      <Button
        variant="light"
        leftSection={<IconShieldCheck size={18} />}
        onClick={() => void verify()}
        loading={busy}
        data-testid="verify-chain"
      >
        {t("audit.verify")}
      </Button>
      {verdict && (
        <Alert
          color={verdict.ok ? "green" : "red"}
          role="status"
          data-testid="verify-result"
          data-ok={String(verdict.ok)}
        >
          {verdict.ok
            ? t("audit.chainOk", { count: verdict.checked })
            : t("audit.chainBroken", { seq: verdict.brokenAt ?? "?", problem: verdict.problem ?? "" })}
        </Alert>
      )}
      {failure !== null && (
        <Alert color="red" role="alert" data-testid="verify-result">
          {describeError(failure)}
        </Alert>
      )}
    </Stack>
  );
}
