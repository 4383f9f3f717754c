import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import type { ClosureState } from "./closure";
import { ProposeClosureForm, ReasonForm } from "./ClosureForms";

interface ClosurePanelProps {
  reference: string;
  /** Called after each change, since the procedure's next steps depend on the closure. */
  onChange: () => void;
}

/**
 * Closing a case: the proposal with its outcome, a supervisor's approval or rejection (never of
 * their own proposal), and the reason a supervisor gives before a closed case is reopened.
 */
export function ClosurePanel({ reference, onChange }: ClosurePanelProps) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const path = `/api/cases/${encodeURIComponent(reference)}/closure`;
  const state = useResource<ClosureState>(path);
  const [approving, setApproving] = useState(false);
  if (!state.data) return null;
  const { closure, permissions } = state.data;

  const changed = (next: ClosureState) => {
    state.replace(next);
    onChange();
  };
  const approve = async () => {
    setApproving(true);
    try {
      changed(await api.post<ClosureState>(`${path}/approve`, {}));
      notifications.show({ message: t("closure.approved") });
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    } finally {
      setApproving(false);
    }
  };

  return (
    <Stack gap="xs" mt="md" data-testid="closure-panel">
      <Text size="sm" fw={600}>
        {t("closure.title")}
      </Text>
      {closure && (
        <Stack gap={2} data-testid="closure-current" data-status={closure.status}>
          <Group gap="xs">
            <Badge variant="light">{t(`closure.status.${closure.status}`)}</Badge>
            <Text size="sm">{t(`closure.outcomes.${closure.outcome}`)}</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t("closure.proposedBy", {
              name: closure.proposedBy?.name ?? "",
              date: dateTime(closure.proposedAt),
            })}
          </Text>
          {closure.note && <Text size="sm">{closure.note}</Text>}
          {closure.hasNote && closure.note === null && (
            <Text size="xs" c="dimmed">
              {t("closure.noteSealed")}
            </Text>
          )}
          {closure.approvedBy && closure.approvedAt && (
            <Text size="xs" c="dimmed">
              {t("closure.approvedBy", { name: closure.approvedBy.name, date: dateTime(closure.approvedAt) })}
            </Text>
          )}
          {closure.rejectedBy && closure.rejectedAt && (
            <Text size="xs" c="dimmed">
              {t("closure.rejectedBy", { name: closure.rejectedBy.name, date: dateTime(closure.rejectedAt) })}
              {closure.rejectionReason ? ` — ${closure.rejectionReason}` : ""}
            </Text>
          )}
        </Stack>
      )}
      {permissions.canDecide && (
        <Stack gap="xs">
          <Group>
            <Button
              size="xs"
              loading={approving}
              onClick={() => void approve()}
              data-testid="closure-approve"
            >
              {t("closure.approve")}
            </Button>
          </Group>
          <ReasonForm
            path={`${path}/reject`}
            onDone={changed}
            label={t("closure.rejectionReason")}
            action={t("closure.reject")}
            testId="closure-reject"
          />
        </Stack>
      )}
      {permissions.canPropose && <ProposeClosureForm path={path} onDone={changed} />}
      {permissions.canRecordReopeningReason && (
        <ReasonForm
          path={`/api/cases/${encodeURIComponent(reference)}/reopening-reason`}
          onDone={changed}
          label={t("closure.reopeningReason")}
          action={t("closure.recordReopeningReason")}
          testId="closure-reopening"
        />
      )}
    </Stack>
  );
}
