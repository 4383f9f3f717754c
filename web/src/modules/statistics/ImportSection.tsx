import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ImportColumn,
  importColumns,
  type ImportColumns,
  type ImportJobStatus,
  type ImportReport,
} from "../../../../shared/statistics";
import { api } from "../../platform/api";
import { describeError, describeProblem } from "../../platform/errors";

/** The uploaded file as the API takes it: CSV text, or an XLSX workbook in base64. */
type ImportFile = { csv: string } | { xlsx: string };

async function readFile(file: File): Promise<ImportFile> {
  if (!/\.xlsx$/i.test(file.name)) return { csv: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return { xlsx: btoa(binary) };
}

/** Which field each of the file's columns is taken for (null: left out). */
type Assignment = (ImportColumn | null)[];

function mappingOf(headers: string[], assignment: Assignment): Partial<Record<ImportColumn, string>> {
  const mapping: Partial<Record<ImportColumn, string>> = {};
  assignment.forEach((field, i) => {
    const header = headers[i];
    if (field && header !== undefined) mapping[field] = header;
  });
  return mapping;
}

const pollEvery = 300;

/**
 * Legacy records from a CSV or XLSX file (first sheet, header row). After upload, each column of
 * the file is mapped to a field (pre-filled where its name is the HTCDS 2.0 name); a dry run
 * reports every problem by row and column, and possible duplicates; the import registers all rows
 * in one transaction, or none. Both run on the server while the progress bar shows rows checked,
 * then rows written, of the file's rows.
 */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [payload, setPayload] = useState<ImportFile | null>(null);
  const [columns, setColumns] = useState<ImportColumns | null>(null);
  const [assignment, setAssignment] = useState<Assignment>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [job, setJob] = useState<ImportJobStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  async function choose(next: File | null) {
    setFile(next);
    setReport(null);
    setJob(null);
    setFailure(null);
    setColumns(null);
    setPayload(null);
    if (!next) return;
    try {
      const content = await readFile(next);
      const described = await api.post<ImportColumns>("/api/statistics/imports/columns", content);
      setPayload(content);
      setColumns(described);
      setAssignment(
        described.headers.map(
          (header) => importColumns.find((c) => described.suggested[c] === header.trim()) ?? null,
        ),
      );
    } catch (error) {
      setFailure(error);
    }
  }

  const assigned = assignment.filter((a): a is ImportColumn => a !== null);
  const twice = assigned.filter((a, i) => assigned.indexOf(a) !== i);

  async function send(commit: boolean) {
    if (payload === null || columns === null) return;
    setBusy(true);
    setFailure(null);
    setReport(null);
    try {
      let status = await api.post<ImportJobStatus>("/api/statistics/import-jobs", {
        ...payload,
        mapping: mappingOf(columns.headers, assignment),
        commit,
      });
      setJob(status);
      while (status.phase !== "done" && status.phase !== "failed") {
        await new Promise((resolve) => setTimeout(resolve, pollEvery));
        if (!alive.current) return;
        status = await api.get<ImportJobStatus>(`/api/statistics/import-jobs/${status.id}`);
        setJob(status);
      }
      if (status.phase === "failed") setFailure(new Error(status.error ?? "internal"));
      if (status.result) {
        setReport(status.result);
        if (status.result.committed) onImported();
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  const jobFailure = job?.phase === "failed" ? job.error : null;

  return (
    <Paper withBorder p="md" data-testid="stats-import">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("stats.import.title")}
        </Title>
        <Text size="sm">{t("stats.import.hint", { columns: importColumns.join(", ") })}</Text>
        <FileInput
          label={t("stats.import.file")}
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          data-testid="stats-import-file"
        />
        {columns && (
          <Stack gap="xs" data-testid="stats-import-mapping">
            <Text size="sm">{t("stats.import.mappingHint", { count: columns.rows })}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {columns.headers.map((header, i) => (
                <Select
                  key={`${i}-${header}`}
                  label={header || t("stats.import.unnamed", { number: i + 1 })}
                  placeholder={t("stats.import.ignored")}
                  clearable
                  searchable
                  value={assignment[i] ?? null}
                  onChange={(value) => setAssignment(assignment.map((a, j) => (j === i ? value : a)))}
                  data={importColumns.map((c) => ({ value: c, label: c }))}
                  error={
                    assignment[i] && twice.includes(assignment[i]) ? t("stats.import.mappedTwice") : null
                  }
                  data-testid={`stats-import-map-${i}`}
                />
              ))}
            </SimpleGrid>
          </Stack>
        )}
        <Group gap="sm">
          <Button
            variant="default"
            disabled={payload === null || busy || twice.length > 0}
            onClick={() => void send(false)}
            data-testid="stats-import-check"
          >
            {t("stats.import.check")}
          </Button>
          <Button
            disabled={payload === null || busy || twice.length > 0 || !report?.valid || report.committed}
            onClick={() => void send(true)}
            data-testid="stats-import-commit"
          >
            {t("stats.import.commit")}
          </Button>
        </Group>
        {job && (
          <Stack gap={4} data-testid="stats-import-progress">
            <Progress
              value={percent}
              animated={busy}
              striped={busy}
              aria-label={t("stats.import.progressLabel")}
            />
            <Text size="xs" data-testid="stats-import-progress-text">
              {t(`stats.import.phase.${job.phase}`, { done: job.done, total: job.total })}
            </Text>
          </Stack>
        )}
        {failure !== null && (
          <Alert color="red">
            {jobFailure ? describeProblem({ code: jobFailure }) : describeError(failure)}
          </Alert>
        )}
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
