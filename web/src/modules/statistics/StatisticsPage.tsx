import { Paper, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Pathway, pathways } from "../../../../shared/vocabulary";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";

interface StatisticsSummary {
  total: number;
  byPathway: Partial<Record<Pathway, number>>;
  byYear: { year: number; count: number }[];
}

/** Counts only: no case, name or reference ever reaches this page. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const summary = useResource<StatisticsSummary>("/api/statistics/summary");
  if (summary.error) return <ErrorNotice error={summary.error} onRetry={summary.reload} />;
  if (!summary.data) return <Loading />;
  const { total, byPathway, byYear } = summary.data;
  const years = [...byYear].sort((a, b) => a.year - b.year);

  return (
    <Page title={t("statistics.title")}>
      <Paper withBorder p="md" w="fit-content">
        <Text size="sm" c="dimmed">
          {t("statistics.total")}
        </Text>
        <Text fz={32} fw={700} data-testid="statistics-total">
          {total}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t("statistics.byPathway")}
          </Title>
          <Table data-testid="statistics-by-pathway">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("cases.pathway")}</Table.Th>
                <Table.Th ta="right">{t("statistics.count")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pathways.map((pathway) => (
                <Table.Tr key={pathway}>
                  <Table.Td>{t(`vocabulary.pathway.${pathway}`)}</Table.Td>
                  <Table.Td ta="right">{byPathway[pathway] ?? 0}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t("statistics.byYear")}
          </Title>
          {years.length === 0 ? (
            <Text size="sm">{t("statistics.none")}</Text>
          ) : (
            <Table data-testid="statistics-by-year">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("statistics.year")}</Table.Th>
                  <Table.Th ta="right">{t("statistics.count")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {years.map((row) => (
                  <Table.Tr key={row.year}>
                    <Table.Td>{row.year}</Table.Td>
                    <Table.Td ta="right">{row.count}</Table.Td>
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
