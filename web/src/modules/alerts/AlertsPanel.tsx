import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { NavigationItem } from "../../platform/navigation";
import { Link } from "react-router";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { PathwayBadge } from "../cases/PathwayBadge";
import { useTaskLabel } from "../pathway/tasks";
import { useAlertLabel } from "./labels";
import { type Alert, type MyAlerts, myAlertsPath } from "./types";

/**
 * The alarms for the user's agency and role, escalations first: a child at a police station past
 * the limit, a guardian not appointed, a task nobody did. The case by reference, never the person.
 */
/** Where an alert that concerns no case is worked on: the page of the record it is about. */
const caselessPages: Partial<Record<string, NavigationItem>> = {
  places_short: { name: "operations", path: "/operations" },
  hotline_danger: { name: "hotline", path: "/hotline" },
  premises_reopening: { name: "intelligence", path: "/intelligence" },
  premises_closure_ended: { name: "intelligence", path: "/intelligence" },
  possible_earlier_record: { name: "duplicates", path: "/duplicates" },
};

export function AlertsPanel() {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const alertLabel = useAlertLabel();
  const taskLabel = useTaskLabel();
  const alerts = useResource<MyAlerts>(myAlertsPath);
  const [acknowledging, setAcknowledging] = useState<string | null>(null);
  if (alerts.error) return <ErrorNotice error={alerts.error} onRetry={alerts.reload} />;
  if (!alerts.data) return <Loading />;

  const acknowledge = async (alert: Alert) => {
    setAcknowledging(alert.id);
    try {
      await api.post(`/api/alerts/${alert.id}/acknowledge`, {});
      alerts.reload();
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    } finally {
      setAcknowledging(null);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="alerts-panel">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("alerts.title")}
        </Title>
        {alerts.data.unacknowledged > 0 && (
          <Badge color="red" data-testid="alerts-unacknowledged">
            {t("alerts.unacknowledgedCount", { count: alerts.data.unacknowledged })}
          </Badge>
        )}
      </Group>
      {alerts.data.items.length === 0 ? (
        <Text size="sm" data-testid="alerts-empty">
          {t("alerts.empty")}
        </Text>
      ) : (
        <Stack gap="xs">
          {alerts.data.items.map((alert) => (
            <Paper
              key={alert.id}
              withBorder
              p="sm"
              bg={alert.acknowledged ? undefined : "red.0"}
              data-testid="alert-row"
              data-kind={alert.kind}
              data-level={alert.level}
              data-acknowledged={String(alert.acknowledged)}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {alertLabel(alert.kind)}
                    </Text>
                    {alert.level > 0 && (
                      <Badge size="xs" color="orange">
                        {t("alerts.escalated")}
                      </Badge>
                    )}
                  </Group>
                  {alert.case === null ? (
                    <Group gap="xs">
                      <Anchor
                        component={Link}
                        to={caselessPages[alert.kind]?.path ?? "/work"}
                        size="sm"
                        data-testid="alert-operations"
                      >
                        {t(`nav.${caselessPages[alert.kind]?.name ?? "work"}`)}
                      </Anchor>
                      {typeof alert.params.adultsShort === "number" && (
                        <Text size="sm" c="dimmed" data-testid="alert-places-short">
                          {t("alerts.placesShort", {
                            date: String(alert.params.date),
                            adults: alert.params.adultsShort,
                            minors: Number(alert.params.minorsShort),
                          })}
                        </Text>
                      )}
                    </Group>
                  ) : (
                    <Group gap="xs">
                      <Anchor
                        component={Link}
                        to={`/cases/${encodeURIComponent(alert.case.reference)}`}
                        size="sm"
                        data-testid="alert-case"
                      >
                        {alert.case.reference}
                      </Anchor>
                      <PathwayBadge pathway={alert.case.pathway} />
                      {typeof alert.params.task === "string" && (
                        <Text size="sm" c="dimmed">
                          {taskLabel(alert.params.task)}
                        </Text>
                      )}
                    </Group>
                  )}
                  <Text size="xs" c="dimmed">
                    {alert.dueAt
                      ? t("alerts.dueSince", { time: dateTime(alert.dueAt) })
                      : t("alerts.raisedAt", { time: dateTime(alert.raisedAt) })}
                  </Text>
                </Stack>
                {!alert.acknowledged && (
                  <Button
                    size="xs"
                    variant="light"
                    data-testid="alert-acknowledge"
                    loading={acknowledging === alert.id}
                    onClick={() => void acknowledge(alert)}
                  >
                    {t("alerts.acknowledge")}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
