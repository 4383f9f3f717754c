import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExportReason, StatTable } from "../../../../shared/statistics";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useExportReason } from "./Downloads";

interface ExportAnswer {
  csv?: string;
  /** The XLSX workbook, base64. */
  xlsx?: string;
  report: {
    k: number;
    people: number;
    exported: number;
    droppedRecords: number;
    suppressedValues: Record<string, number>;
  };
}

interface ReleaseAnswer {
  table: StatTable;
  epsilon: number;
  spent: { year: number; spent: number }[];
  budget: number;
}

const releasable = [
  "identified_origin",
  "identified_citizenship",
  "identified_age",
  "identified_gender",
  "identified_source",
] as const;

function saveFile(content: string | Uint8Array<ArrayBuffer>, type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

/**
 * For publication (national coordinator): the de-identified HTCDS 2.0 record-level export,
 * k-anonymous with its suppression report, and differentially private tables charged to each
 * year's privacy budget.
 */
export function PublicationSection({ from, to }: { from: number | ""; to: number | "" }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<ExportAnswer["report"] | null>(null);
  const [release, setRelease] = useState<ReleaseAnswer | null>(null);
  const [table, setTable] = useState<string>("identified_origin");
  const [epsilon, setEpsilon] = useState<number>(0.5);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const thisYear = new Date().getFullYear();
  const { ask, modal } = useExportReason();

  async function exportHtcds(format: "csv" | "xlsx", reason: ExportReason) {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.post<ExportAnswer>("/api/statistics/htcds-export", {
        ...(from === "" ? {} : { from }),
        ...(to === "" ? {} : { to }),
        reason,
        format,
      });
      setReport(answer.report);
      if (answer.csv !== undefined) saveFile(answer.csv, "text/csv;charset=utf-8", "htcds-export.csv");
      if (answer.xlsx !== undefined)
        saveFile(
          Uint8Array.from(atob(answer.xlsx), (c) => c.charCodeAt(0)),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "htcds-export.xlsx",
        );
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function releaseTable(reason: ExportReason) {
    setBusy(true);
    setFailure(null);
    try {
      setRelease(
        await api.post<ReleaseAnswer>("/api/statistics/releases", {
          table,
          epsilon,
          fromYear: from === "" ? thisYear - 1 : from,
          toYear: to === "" ? thisYear - 1 : to,
          reason,
        }),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="stats-publication">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("stats.publication.title")}
        </Title>
        <Text size="sm">{t("stats.publication.htcdsHint")}</Text>
        <Group>
          <Button
            variant="default"
            disabled={busy}
            onClick={() => ask((reason) => void exportHtcds("csv", reason))}
            data-testid="stats-htcds-export"
          >
            {t("stats.publication.htcds")}
          </Button>
          <Button
            variant="default"
            disabled={busy}
            onClick={() => ask((reason) => void exportHtcds("xlsx", reason))}
            data-testid="stats-htcds-export-xlsx"
          >
            {t("stats.publication.htcdsXlsx")}
          </Button>
        </Group>
        {report && (
          <Alert color="blue" data-testid="stats-htcds-report">
            {t("stats.publication.htcdsReport", {
              k: report.k,
              exported: report.exported,
              people: report.people,
              dropped: report.droppedRecords,
            })}{" "}
            {Object.entries(report.suppressedValues)
              .filter(([, n]) => n > 0)
              .map(([field, n]) => `${field}: ${n}`)
              .join(" · ")}
          </Alert>
        )}
        <Text size="sm">{t("stats.publication.dpHint")}</Text>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t("stats.publication.table")}
            value={table}
            onChange={(v) => setTable(v ?? "identified_origin")}
            data={releasable.map((id) => ({ value: id, label: t(`stats.table.${id}`) }))}
            w={300}
          />
          <NumberInput
            label="ε"
            value={epsilon}
            onChange={(v) => setEpsilon(typeof v === "number" ? v : 0.5)}
            min={0.01}
            max={1}
            step={0.1}
            decimalScale={2}
            w={100}
            data-testid="stats-epsilon"
          />
          <Button
            disabled={busy}
            onClick={() => ask((reason) => void releaseTable(reason))}
            data-testid="stats-release"
          >
            {t("stats.publication.release")}
          </Button>
        </Group>
        {failure !== null && <Alert color="red">{describeError(failure)}</Alert>}
        {release && (
          <Stack gap="xs" data-testid="stats-release-result">
            <Text size="sm">
              {t("stats.publication.spent", { epsilon: release.epsilon, budget: release.budget })}{" "}
              {release.spent.map((s) => `${s.year}: ${s.spent.toFixed(2)}`).join(" · ")}
            </Text>
            <Table.ScrollContainer minWidth={300}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    {release.table.columns.map((c) => (
                      <Table.Th key={c} ta="right">
                        {c}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {release.table.rows.map((row, i) => (
                    <Table.Tr key={row}>
                      <Table.Td>{row}</Table.Td>
                      {release.table.columns.map((c, j) => (
                        <Table.Td key={c} ta="right">
                          {release.table.cells[i]?.[j] ?? ""}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Stack>
      {modal}
    </Paper>
  );
}
