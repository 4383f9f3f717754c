import { Alert, Button, Group, Paper, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../platform/api";
import { describeError, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { ConfirmModal } from "../../platform/layout/ConfirmModal";
import { ErrorNotice, Loading, NotFoundPage, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { type Fact, Facts } from "../cases/Facts";
import { PathwayBadge } from "../cases/PathwayBadge";
import { GrantedScopes, ReferralPurposeText, ReferralStatusBadge } from "./ReferralBits";
import type { ReferralDetail } from "./types";

/** One referral: what is asked and on what grounds; the recipient answers, the referrer may revoke. */
export function ReferralPage() {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const { id = "" } = useParams();
  const detail = useResource<ReferralDetail>(`/api/referrals/${encodeURIComponent(id)}`);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (detail.error && detail.error.status === 404) return <NotFoundPage />;
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const referral = detail.data;

  async function step(action: "accept" | "decline" | "revoke", message: string) {
    setFailure(null);
    setBusy(true);
    try {
      const body = action === "decline" ? { reason } : {};
      detail.replace(
        await api.post<ReferralDetail>(`/api/referrals/${encodeURIComponent(referral.id)}/${action}`, body),
      );
      notifications.show({ color: "green", message });
    } catch (error) {
      setFailure(error);
    }
    setBusy(false);
    setConfirming(false);
  }

  const grounds = referral.grounds;
  const optional = (label: string, value: string | null): Fact[] =>
    value === null ? [] : [{ label, value }];
  const facts: Fact[] = [
    { label: t("referrals.pathway"), value: <PathwayBadge pathway={referral.case.pathway} /> },
    { label: t("referrals.from"), value: referral.from.name },
    { label: t("referrals.to"), value: referral.to.name },
    { label: t("referrals.purpose"), value: <ReferralPurposeText referral={referral} /> },
    { label: t("referrals.granted"), value: <GrantedScopes referral={referral} /> },
    {
      label: t("referrals.grounds"),
      value:
        grounds.kind === "consent"
          ? `${t("referrals.groundsConsent")}: ${t(`referrals.methodValue.${grounds.method}`)}, ${grounds.date}`
          : `${grounds.basis ? t(`referrals.basisValue.${grounds.basis}`) : t("referrals.legalBasis")}: ${grounds.decidedBy ?? ""}, ${grounds.date ?? ""}`,
    },
    { label: t("referrals.referredAt"), value: dateTime(referral.referredAt) },
    ...optional(t("referrals.note"), referral.note),
    ...optional(t("referrals.answeredAt"), referral.answeredAt && dateTime(referral.answeredAt)),
    ...optional(t("referrals.declineReason"), referral.declineReason),
    ...optional(t("referrals.revokedAt"), referral.revokedAt && dateTime(referral.revokedAt)),
  ];
  return (
    <Page
      title={t("referrals.detailTitle", { reference: referral.case.reference })}
      testId="referral-title"
      actions={<ReferralStatusBadge status={referral.status} />}
    >
      <Paper withBorder p="md" data-testid="referral-facts">
        <Facts facts={facts} />
      </Paper>
      {failure !== null && (
        <Alert color="red" role="alert" data-testid="referral-error">
          {describeError(failure)}
        </Alert>
      )}
      {referral.permissions.canAnswer && (
        <Stack gap="sm">
          <Textarea
            label={t("referrals.declineReason")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problemAt(fieldProblemsFrom(failure), "reason")}
            maxLength={2000}
            data-testid="decline-reason"
            maw={560}
          />
          <Group gap="sm">
            <Button
              loading={busy}
              onClick={() => void step("accept", t("referrals.accepted"))}
              data-testid="referral-accept"
            >
              {t("referrals.accept")}
            </Button>
            <Button
              variant="light"
              color="red"
              loading={busy}
              onClick={() => void step("decline", t("referrals.declined"))}
              data-testid="referral-decline"
            >
              {t("referrals.decline")}
            </Button>
          </Group>
        </Stack>
      )}
      {referral.status === "accepted" && (
        <Button
          component={Link}
          to={`/cases/${encodeURIComponent(referral.case.reference)}`}
          variant="light"
          w="fit-content"
          data-testid="referral-open-case"
        >
          {t("referrals.openCase")}
        </Button>
      )}
      {referral.permissions.canRevoke && (
        <Button
          variant="default"
          color="red"
          w="fit-content"
          onClick={() => setConfirming(true)}
          data-testid="referral-revoke"
        >
          {t("referrals.revoke")}
        </Button>
      )}
      <ConfirmModal
        opened={confirming}
        title={t("referrals.revoke")}
        message={t("referrals.revokeConfirm")}
        confirmLabel={t("referrals.revoke")}
        busy={busy}
        onConfirm={() => void step("revoke", t("referrals.revoked"))}
        onClose={() => setConfirming(false)}
      />
    </Page>
  );
}
