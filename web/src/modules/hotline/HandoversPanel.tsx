import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import type { Handover } from "./types";

/**
 * What the helplines handed to this police unit: what was reported, where, how urgent. The caller
 * is named only when they agreed. Acknowledging records the time and ends the alert.
 */
export function HandoversPanel() {
  const { t } = useTranslation();
  const handovers = useResource<Handover[]>("/api/hotline/handovers");
  if (handovers.error) return <ErrorNotice error={handovers.error} onRetry={handovers.reload} />;
  if (!handovers.data) return <Loading />;
  return (
    <Stack gap="sm" data-testid="handover-list">
      <Title order={2} size="h4">
        {t("hotline.handovers")}
      </Title>
      {handovers.data.length === 0 && <Text>{t("hotline.noHandovers")}</Text>}
      {handovers.data.map((handover) => (
        <HandoverRow key={handover.id} handover={handover} onChanged={handovers.reload} />
      ))}
    </Stack>
  );
}

function HandoverRow({ handover, onChanged }: { handover: Handover; onChanged: () => void }) {
  const { t } = useTranslation();
  const { regionName } = useJurisdiction();
  const { dateTime, spokenLanguage } = useNames();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function acknowledge() {
    setFailure(null);
    setBusy(true);
    try {
      await api.post(`/api/hotline/handovers/${handover.id}/acknowledge`, {});
      onChanged();
    } catch (error) {
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <Paper
      withBorder
      p="md"
      bg={handover.acknowledgedAt ? undefined : "red.0"}
      data-testid="handover-row"
      data-acknowledged={String(handover.acknowledgedAt !== null)}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Badge color={handover.urgency === "imminent_danger" ? "red" : "orange"}>
              {t(`hotline.urgencies.${handover.urgency}`)}
            </Badge>
            <Text fw={600}>{handover.region ? regionName(handover.region) : t("hotline.unknownRegion")}</Text>
            <Text size="sm" c="dimmed">
              {dateTime(handover.handedAt)} · {t("hotline.from", { agency: handover.hotline.name })}
            </Text>
          </Group>
          {!handover.acknowledgedAt && (
            <Button
              color="red"
              loading={busy}
              onClick={() => void acknowledge()}
              data-testid="handover-acknowledge"
            >
              {t("hotline.acknowledge")}
            </Button>
          )}
        </Group>
        <Group gap={4}>
          {handover.indicators.map((indicator) => (
            <Badge key={indicator} size="sm" variant="outline">
              {t(`hotline.indicatorLabels.${indicator}`)}
            </Badge>
          ))}
        </Group>
        {handover.summary && (
          <Alert color="yellow" title={t("common.confidential")} data-testid="handover-summary">
            <Text style={{ whiteSpace: "pre-wrap" }}>{handover.summary}</Text>
          </Alert>
        )}
        <Text size="sm">
          {t(`hotline.channels.${handover.channel}`)} · {spokenLanguage(handover.language)} ·{" "}
          {t(`hotline.callerTypes.${handover.callerType}`)} ·{" "}
          {handover.callerConsent
            ? t("hotline.basisConsent")
            : handover.exception
              ? t(`hotline.exceptions.${handover.exception}`)
              : ""}
        </Text>
        <Text size="sm" data-testid="handover-caller">
          {handover.caller
            ? `${t("hotline.caller")}: ${[handover.caller.name, handover.caller.phone].filter(Boolean).join(" · ")}`
            : t("hotline.callerHidden")}
        </Text>
        {handover.acknowledgedAt && (
          <Text size="sm" c="green" data-testid="handover-acknowledged">
            {t("hotline.acknowledgedBy", {
              name: handover.acknowledgedBy?.name ?? "",
              time: dateTime(handover.acknowledgedAt),
            })}
          </Text>
        )}
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
