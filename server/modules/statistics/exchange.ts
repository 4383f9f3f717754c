import {
  type ExportReason,
  exportReasons,
  type ImportColumn,
  importColumns,
} from "../../../shared/statistics";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";

export { exportReasons };

/** Letters and digits only, lower case: "PRS first-name" and "prs_FirstName" read the same. */
const normalised = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The field each header is taken for when its name is an import column's (HTCDS name), whatever
 * its case, spaces or punctuation. The first matching header wins; other columns stay unmapped.
 */
export function suggestMapping(headers: readonly string[]): Partial<Record<ImportColumn, string>> {
  const suggested: Partial<Record<ImportColumn, string>> = {};
  for (const column of importColumns) {
    const header = headers.find((h) => h.trim() !== "" && normalised(h) === normalised(column));
    if (header !== undefined) suggested[column] = header.trim();
  }
  return suggested;
}

/** What was exported: a table, the de-identified records, a noisy release or the annual report. */
export interface ExportAudit {
  kind: string;
  format: "csv" | "xlsx" | "pdf" | "json";
  reason: ExportReason;
  /** Codes and numbers only (years, k, counts). */
  extra?: Record<string, string | number | null | undefined>;
}

/** Every file of figures that leaves the system is audited with its reason code (issue 10). */
export async function auditExport(ctx: AppContext, actor: Actor, exported: ExportAudit): Promise<void> {
  await ctx.db.transaction((tx) =>
    recordAudit(tx, auditActor(actor), {
      action: "statistics.export",
      entity: "statistics_export",
      entityId: exported.kind,
      detail: { ...exported.extra, kind: exported.kind, format: exported.format, reason: exported.reason },
      reason: exported.reason,
    }),
  );
}
