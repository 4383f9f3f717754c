import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconTable } from "@tabler/icons-react";
import type { EChartsOption } from "echarts";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { StatDimension, StatisticsDashboard, StatTable } from "../../../../shared/statistics";
import type {
  AssistanceService,
  ClosureOutcome,
  ExploitationType,
  Gender,
  IdentificationSource,
  ReferralStatus,
} from "../../../../shared/vocabulary";
import { withQuery } from "../../platform/api";
import { hasAnyRole, useMe } from "../../platform/auth";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { ReportDownloads, TableDownloads } from "./Downloads";
import { EChart } from "./EChart";
import { ImportSection } from "./ImportSection";
import { PublicationSection } from "./PublicationSection";

interface Filters {
  from: number | "";
  to: number | "";
  region: string | null;
}

/** The label of a row or column code, by what it is. */
function useLabel() {
  const { t } = useTranslation();
  const { country } = useNames();
  return (dimension: StatDimension, code: string): string => {
    if (code === "unknown") return t("stats.unknown");
    switch (dimension) {
      case "origin":
        return t(`stats.origin.${code as "domestic" | "foreign"}`);
      case "citizenship":
        return country(code);
      case "gender":
        return t(`vocabulary.gender.${code as Gender}`);
      case "exploitation":
        return t(`vocabulary.exploitation.${code as ExploitationType}`);
      case "source":
        return t(`vocabulary.source.${code as IdentificationSource}`);
      case "referralStatus":
        return t(`referrals.statusValue.${code as ReferralStatus}`);
      case "service":
        return t(`referrals.serviceValue.${code as AssistanceService}`);
      case "outcome":
        return t(`closure.outcomes.${code as ClosureOutcome}`);
      case "people":
        return t("stats.people");
      case "policeFigure":
        return t(
          `stats.policeFigure.${code as "operations" | "people_found" | "people_identified" | "arrests"}`,
        );
      case "prosecutionStage":
        return t(`stats.prosecutionStage.${code as "proceedings" | "charged" | "convicted"}`);
      case "rangeCheck":
        return t(`stats.rangeCheck.${code as "below_minimum" | "within" | "above_maximum"}`);
      case "ageBand":
      case "year":
      case "month":
        return code;
    }
  };
}

const figure = (value: number | null) => (value === null ? "[c]" : String(value));

/**
 * Counts only, never a name, reference or case. For the national coordinator, every figure below
 * the threshold is hidden with the figures that would reveal it; a supervisor sees their agency's
 * exact counts. Downloads (CSV) are always suppressed.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { jurisdiction, regionName } = useJurisdiction();
  const [draft, setDraft] = useState<Filters>({ from: "", to: "", region: null });
  const [filters, setFilters] = useState<Filters>(draft);
  const query = { from: filters.from, to: filters.to, region: filters.region };
  const dashboard = useResource<StatisticsDashboard>(withQuery("/api/statistics/dashboard", query));
  const reportYear = filters.to === "" ? new Date().getFullYear() - 1 : filters.to;

  return (
    <Page title={t("stats.title")} testId="stats-page">
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label={t("stats.fromYear")}
            value={draft.from}
            onChange={(v) => setDraft({ ...draft, from: typeof v === "number" ? v : "" })}
            min={1990}
            max={2100}
            w={120}
            data-testid="stats-from"
          />
          <NumberInput
            label={t("stats.toYear")}
            value={draft.to}
            onChange={(v) => setDraft({ ...draft, to: typeof v === "number" ? v : "" })}
            min={1990}
            max={2100}
            w={120}
            data-testid="stats-to"
          />
          <Select
            label={t("stats.region")}
            placeholder={t("stats.allRegions")}
            clearable
            value={draft.region}
            onChange={(region) => setDraft({ ...draft, region })}
            data={(jurisdiction?.regions ?? []).map((r) => ({ value: r.code, label: regionName(r.code) }))}
            w={220}
            data-testid="stats-region"
          />
          <Button onClick={() => setFilters(draft)} data-testid="stats-apply">
            {t("stats.apply")}
          </Button>
          <ReportDownloads year={reportYear} region={filters.region} />
        </Group>
      </Paper>
      {dashboard.error ? (
        <ErrorNotice error={dashboard.error} onRetry={dashboard.reload} />
      ) : !dashboard.data ? (
        <Loading />
      ) : (
        <DashboardBody dashboard={dashboard.data} query={query} />
      )}
      {hasAnyRole(me, ["coordinator"]) && <PublicationSection from={filters.from} to={filters.to} />}
      {hasAnyRole(me, ["supervisor"]) && <ImportSection onImported={dashboard.reload} />}
    </Page>
  );
}

function DashboardBody({
  dashboard,
  query,
}: {
  dashboard: StatisticsDashboard;
  query: Record<string, string | number | null>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color={dashboard.k === null ? "blue" : "yellow"} data-testid="stats-suppression">
        {dashboard.k === null ? t("stats.exact") : t("stats.suppressed", { k: dashboard.k })}
      </Alert>
      {dashboard.minorsShare.length > 0 && (
        <Text size="sm" data-testid="stats-minors-share">
          {t("stats.minorsShare")}:{" "}
          {dashboard.minorsShare
            .map((m) => `${m.year} ${m.share === null ? "[c]" : `${Math.round(m.share * 100)}%`}`)
            .join(" · ")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {dashboard.tables.map((table) => (
          <ChartCard key={table.id} table={table} query={query} exact={dashboard.k === null} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ChartCard({
  table,
  query,
  exact,
}: {
  table: StatTable;
  query: Record<string, string | number | null>;
  /** The reader's dashboard is exact: a table suppressed all the same says why. */
  exact: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [showTable, setShowTable] = useState(false);
  const [focus, setFocus] = useState<string | null>(null);
  const option = useMemo<EChartsOption>(() => {
    const categories = table.rows;
    const line = table.rowDimension === "month";
    return {
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: "category", data: categories },
      yAxis: { type: "value", minInterval: 1 },
      series: table.columns.map((column, j) => ({
        name: label(table.columnDimension, column),
        type: line ? "line" : "bar",
        stack: line || table.rowTotals === null ? undefined : "total",
        data: table.cells.map((row) => row[j] ?? null),
      })),
    };
  }, [table, label]);

  return (
    <Paper withBorder p="md" data-testid={`stats-card-${table.id}`}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h5">
          {t(`stats.table.${table.id}`)}
        </Title>
        {table.suppressedCount > 0 && (
          <Badge color="yellow" variant="light">
            {t("stats.hiddenCount", { count: table.suppressedCount })}
          </Badge>
        )}
      </Group>
      {exact && table.k !== null && (
        <Text size="xs" c="dimmed" mb="xs" data-testid={`stats-national-${table.id}`}>
          {t("stats.nationalFigures")}
        </Text>
      )}
      {/* Drill-down: a click on a bar or point opens the table with that row marked. */}
      <EChart
        option={option}
        fileName={table.id}
        testId={`stats-chart-${table.id}`}
        onCategoryClick={(category) => {
          setFocus(category);
          setShowTable(true);
        }}
      />
      <Text size="xs" c="dimmed" mt={4}>
        {t("stats.drillDown")}
      </Text>
      <Group gap="xs" mt="xs">
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconTable size={14} />}
          onClick={() => setShowTable((v) => !v)}
          data-testid={`stats-show-table-${table.id}`}
        >
          {showTable ? t("stats.hideTable") : t("stats.showTable")}
        </Button>
        <TableDownloads table={table} query={query} />
      </Group>
      {showTable && <CountsTable table={table} focus={focus} />}
    </Paper>
  );
}

function CountsTable({ table, focus }: { table: StatTable; focus: string | null }) {
  const { t } = useTranslation();
  const label = useLabel();
  if (table.rows.length === 0)
    return (
      <Text size="sm" mt="sm">
        {t("stats.none")}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={400} mt="sm">
      <Table striped withTableBorder data-testid={`stats-table-${table.id}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              {table.rowDimension === "month" ? t("stats.dimension.month") : t("stats.dimension.year")}
            </Table.Th>
            {table.columns.map((c) => (
              <Table.Th key={c} ta="right">
                {label(table.columnDimension, c)}
              </Table.Th>
            ))}
            {table.rowTotals && <Table.Th ta="right">{t("stats.total")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, i) => (
            <Table.Tr
              key={row}
              bg={row === focus ? "var(--mantine-color-blue-light)" : undefined}
              data-testid="stats-table-row"
              data-focused={row === focus ? "true" : undefined}
            >
              <Table.Td>{row}</Table.Td>
              {table.columns.map((c, j) => (
                <Table.Td key={c} ta="right">
                  {figure(table.cells[i]?.[j] ?? null)}
                </Table.Td>
              ))}
              {table.rowTotals && <Table.Td ta="right">{figure(table.rowTotals[i] ?? null)}</Table.Td>}
            </Table.Tr>
          ))}
          {table.columnTotals && (
            <Table.Tr fw={700}>
              <Table.Td>{t("stats.total")}</Table.Td>
              {table.columnTotals.map((v, j) => (
                <Table.Td key={table.columns[j]} ta="right">
                  {figure(v)}
                </Table.Td>
              ))}
              {table.rowTotals && <Table.Td ta="right">{figure(table.total)}</Table.Td>}
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
