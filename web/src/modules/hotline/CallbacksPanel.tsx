import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callbackOutcomes } from "../../../../shared/hotline";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import type { DueCallbacks } from "./types";

/** The callbacks promised and not yet done, soonest first; the due ones are marked. */
export function CallbacksPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const callbacks = useResource<DueCallbacks>("/api/hotline/callbacks");
  if (callbacks.error) return <ErrorNotice error={callbacks.error} onRetry={callbacks.reload} />;
  if (!callbacks.data) return <Loading />;
  return (
    <Paper withBorder p="md" data-testid="callback-list">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("hotline.dueCallbacks")}
        </Title>
        {callbacks.data.length === 0 && <Text size="sm">{t("hotline.noCallbacks")}</Text>}
        {callbacks.data.map((callback) => (
          <CallbackRow key={callback.id} callback={callback} onChanged={onChanged} />
        ))}
      </Stack>
    </Paper>
  );
}

function CallbackRow({ callback, onChanged }: { callback: DueCallbacks[number]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { dateTime, spokenLanguage } = useNames();
  const [outcome, setOutcome] = useState<string>("reached");
  const [failure, setFailure] = useState<unknown>(null);

  async function record() {
    setFailure(null);
    try {
      await api.post(`/api/hotline/callbacks/${callback.id}/attempts`, { outcome });
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <Group justify="space-between" wrap="wrap" data-testid="callback-row" data-due={String(callback.due)}>
      <Group gap="xs">
        <Text size="sm">{dateTime(callback.dueAt)}</Text>
        {callback.due && (
          <Badge color="orange" size="sm">
            {t("hotline.callbackDue")}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          {t(`hotline.channels.${callback.channel}`)} · {spokenLanguage(callback.language)} ·{" "}
          {t("hotline.attempts", { count: callback.attempts })}
        </Text>
      </Group>
      <Group gap="xs" align="end">
        <NativeSelect
          aria-label={t("hotline.attemptOutcome")}
          data={callbackOutcomes.map((value) => ({ value, label: t(`hotline.callbackOutcomes.${value}`) }))}
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value)}
          data-testid="callback-outcome"
        />
        <Button size="xs" onClick={() => void record()} data-testid="callback-record">
          {t("hotline.recordAttempt")}
        </Button>
      </Group>
      {failure !== null && (
        <Text c="red" size="sm">
          {describeError(failure)}
        </Text>
      )}
    </Group>
  );
}
