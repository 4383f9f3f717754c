import { Anchor, Button, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ExportReason, exportReasons, type StatTable } from "../../../../shared/statistics";
import { withQuery } from "../../platform/api";

/** Starts the browser's download of a file the server sends as an attachment. */
export function downloadFrom(url: string, fileName: string): void {
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}

/**
 * Asks why figures are exported before any file leaves (issue 10): a reason from a fixed list,
 * recorded in the audit trail. `ask(run)` opens the question; `run` gets the chosen reason.
 */
export function useExportReason() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<((reason: ExportReason) => void) | null>(null);
  const [reason, setReason] = useState<ExportReason | null>(null);
  const close = () => {
    setPending(null);
    setReason(null);
  };
  const ask = (run: (reason: ExportReason) => void) => setPending(() => run);
  const modal = (
    <Modal opened={pending !== null} onClose={close} title={t("stats.export.title")} centered>
      <Stack gap="sm" data-testid="stats-export-modal">
        <Text size="sm">{t("stats.export.hint")}</Text>
        <Radio.Group label={t("stats.export.reason")} value={reason} onChange={(value) => setReason(value)}>
          <Stack gap="xs" mt="xs">
            {exportReasons.map((code) => (
              <Radio
                key={code}
                value={code}
                label={t(`stats.export.reasons.${code}`)}
                data-testid={`stats-export-reason-${code}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t("stats.export.cancel")}
          </Button>
          <Button
            disabled={reason === null}
            onClick={() => {
              const run = pending;
              const chosen = reason;
              close();
              if (run && chosen) run(chosen);
            }}
            data-testid="stats-export-confirm"
          >
            {t("stats.export.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { ask, modal };
}

type Query = Record<string, string | number | null>;

/** A table's data as CSV or XLSX, suppressed as every export is, after its reason is given. */
export function TableDownloads({ table, query }: { table: StatTable; query: Query }) {
  const { t } = useTranslation();
  const { ask, modal } = useExportReason();
  return (
    <>
      {(["csv", "xlsx"] as const).map((format) => (
        <Anchor
          key={format}
          component="button"
          type="button"
          size="xs"
          onClick={() =>
            ask((reason) =>
              downloadFrom(
                withQuery(`/api/statistics/tables/${table.id}.${format}`, { ...query, reason }),
                `${table.id}.${format}`,
              ),
            )
          }
          data-testid={`stats-${format}-${table.id}`}
        >
          <Group gap={4}>
            <IconDownload size={14} />
            {t(`stats.${format}`)}
          </Group>
        </Anchor>
      ))}
      {modal}
    </>
  );
}

/** The annual report PDF in English and Albanian, after its reason is given. */
export function ReportDownloads({ year, region }: { year: number; region: string | null }) {
  const { t } = useTranslation();
  const { ask, modal } = useExportReason();
  return (
    <>
      {(["en", "sq"] as const).map((language) => (
        <Anchor
          key={language}
          component="button"
          type="button"
          size="sm"
          onClick={() =>
            ask((reason) =>
              downloadFrom(
                withQuery("/api/statistics/annual-report.pdf", { year, language, region, reason }),
                `annual-report-${year}-${language}.pdf`,
              ),
            )
          }
          data-testid={`stats-report-${language}`}
        >
          {t("stats.annualReport", { year, language: language.toUpperCase() })}
        </Anchor>
      ))}
      {modal}
    </>
  );
}
