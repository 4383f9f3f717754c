import { Paper, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../../../shared/pathway";
import type { Pathway } from "../../../../shared/vocabulary";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { useAlertLabel } from "./labels";

interface Dashboard {
  agency: { name: string };
  cases: { open: number; byStage: { pathway: Pathway; stage: Stage | null; count: number }[] };
  tasks: { open: number; overdue: number };
  alerts: {
    open: number;
    unacknowledged: number;
    byKind: { kind: string; open: number; unacknowledged: number }[];
  };
  referrals: { pending: number };
}

function Figure({
  label,
  value,
  testId,
  alarm,
}: {
  label: string;
  value: number;
  testId: string;
  alarm?: boolean;
}) {
  return (
    <Paper withBorder p="md" bg={alarm && value > 0 ? "red.0" : undefined}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** The agency's workload in counts: where its cases stand and what is late, without opening a file. */
export function DashboardPage() {
  const { t } = useTranslation();
  const alertLabel = useAlertLabel();
  const dashboard = useResource<Dashboard>("/api/dashboard");
  if (dashboard.error) return <ErrorNotice error={dashboard.error} onRetry={dashboard.reload} />;
  if (!dashboard.data) return <Loading />;
  const { agency, cases, tasks, alerts, referrals } = dashboard.data;

  return (
    <Page title={t("alerts.dashboard.title")} testId="dashboard">
      <Text c="dimmed">{agency.name}</Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Figure label={t("alerts.dashboard.openCases")} value={cases.open} testId="dashboard-open-cases" />
        <Figure label={t("alerts.dashboard.openTasks")} value={tasks.open} testId="dashboard-open-tasks" />
        <Figure
          label={t("alerts.dashboard.overdueTasks")}
          value={tasks.overdue}
          testId="dashboard-overdue"
          alarm
        />
        <Figure label={t("alerts.dashboard.openAlerts")} value={alerts.open} testId="dashboard-alerts" />
        <Figure
          label={t("alerts.dashboard.newAlerts")}
          value={alerts.unacknowledged}
          testId="dashboard-new-alerts"
          alarm
        />
        <Figure
          label={t("alerts.dashboard.pendingReferrals")}
          value={referrals.pending}
          testId="dashboard-referrals"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t("alerts.dashboard.byStage")}
          </Title>
          {cases.byStage.length === 0 ? (
            <Text size="sm">{t("alerts.dashboard.none")}</Text>
          ) : (
            <Table data-testid="dashboard-by-stage">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("alerts.dashboard.pathway")}</Table.Th>
                  <Table.Th>{t("alerts.dashboard.stage")}</Table.Th>
                  <Table.Th ta="right">{t("alerts.dashboard.count")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.byStage.map((row) => (
                  <Table.Tr key={`${row.pathway}:${row.stage ?? ""}`}>
                    <Table.Td>{t(`vocabulary.pathway.${row.pathway}`)}</Table.Td>
                    <Table.Td>
                      {row.stage === null ? t("alerts.dashboard.noStage") : t(`procedure.stage.${row.stage}`)}
                    </Table.Td>
                    <Table.Td ta="right">{row.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t("alerts.dashboard.byKind")}
          </Title>
          {alerts.byKind.length === 0 ? (
            <Text size="sm">{t("alerts.dashboard.none")}</Text>
          ) : (
            <Table data-testid="dashboard-by-kind">
              <Table.Tbody>
                {alerts.byKind.map((row) => (
                  <Table.Tr key={row.kind} data-kind={row.kind}>
                    <Table.Td>{alertLabel(row.kind)}</Table.Td>
                    <Table.Td ta="right">{row.open}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
    </Page>
  );
}
