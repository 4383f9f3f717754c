import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { importColumns, type ImportReport } from "../../../../shared/statistics";
import { api } from "../../platform/api";
import { describeError, describeProblem } from "../../platform/errors";

/**
 * Legacy records from a CSV file (HTCDS 2.0 column names): a dry run reports every problem by row
 * and column, and possible duplicates; the import registers all rows in one transaction, or none.
 */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function choose(next: File | null) {
    setFile(next);
    setReport(null);
    setFailure(null);
    setCsv(next ? await next.text() : null);
  }

  async function send(commit: boolean) {
    if (csv === null) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.post<ImportReport>(
        commit ? "/api/statistics/imports" : "/api/statistics/imports/dry-run",
        {
          csv,
        },
      );
      setReport(answer);
      if (answer.committed) onImported();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="stats-import">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("stats.import.title")}
        </Title>
        <Text size="sm">{t("stats.import.hint", { columns: importColumns.join(", ") })}</Text>
        <FileInput
          label={t("stats.import.file")}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          data-testid="stats-import-file"
        />
        <Group gap="sm">
          <Button
            variant="default"
            disabled={csv === null || busy}
            onClick={() => void send(false)}
            data-testid="stats-import-check"
          >
            {t("stats.import.check")}
          </Button>
          <Button
            disabled={csv === null || busy || !report?.valid || report.committed}
            onClick={() => void send(true)}
            data-testid="stats-import-commit"
          >
            {t("stats.import.commit")}
          </Button>
        </Group>
        {busy && <Progress value={100} animated striped data-testid="stats-import-progress" />}
        {failure !== null && <Alert color="red">{describeError(failure)}</Alert>}
        {report && (
          <Stack gap="xs" data-testid="stats-import-report">
            <Alert color={report.committed ? "green" : report.valid ? "blue" : "red"}>
              {report.committed
                ? t("stats.import.committed", { count: report.imported })
                : report.valid
                  ? t("stats.import.valid", { count: report.rows })
                  : t("stats.import.invalid", { count: report.issues.length })}
            </Alert>
            {report.possibleDuplicates.length > 0 && (
              <Text size="sm" data-testid="stats-import-duplicates">
                {t("stats.import.duplicates", { count: report.possibleDuplicates.length })}{" "}
                {report.possibleDuplicates
                  .slice(0, 50)
                  .map((d) => (d.withRow === null ? `${d.row}` : `${d.row}↔${d.withRow}`))
                  .join(", ")}
              </Text>
            )}
            {report.issues.length > 0 && (
              <Table.ScrollContainer minWidth={400}>
                <Table striped withTableBorder data-testid="stats-import-issues">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("stats.import.row")}</Table.Th>
                      <Table.Th>{t("stats.import.column")}</Table.Th>
                      <Table.Th>{t("stats.import.message")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.issues.slice(0, 500).map((issue) => (
                      <Table.Tr key={`${issue.row}-${issue.column}-${issue.code}`}>
                        <Table.Td>{issue.row}</Table.Td>
                        <Table.Td>{issue.column}</Table.Td>
                        <Table.Td>{describeProblem({ code: issue.code })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
