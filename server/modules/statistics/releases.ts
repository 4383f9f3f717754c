import { randomInt, randomUUID } from "node:crypto";
import { and, gte, lte, sql } from "drizzle-orm";
import type { ExportReason, StatTable, StatTableId } from "../../../shared/statistics";
import { type Actor, auditActor, hasRole } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Conflict, Forbidden, Invalid } from "../../platform/errors";
import { dashboard, personRecords, type StatisticsFilters } from "./queries";
import { csvLine } from "../../platform/spreadsheet";
import { xlsxFile } from "../../platform/spreadsheet-xlsx";
import { ageBand, kAnonymise, noisyCells, publishTable } from "./rules";
import { statisticsPrivacyLedger } from "./schema";

/** ε a year of data may spend, all releases together. */
export const yearlyPrivacyBudget = 1;

/** Tables whose cells partition people (one person, one cell): their sensitivity is 1. */
export const releasableTables: readonly StatTableId[] = [
  "identified_origin",
  "identified_citizenship",
  "identified_age",
  "identified_gender",
  "identified_source",
];

/** A uniform number in [0, 1) from the operating system's cryptographic generator. */
const secureUniform = () => randomInt(0, 2 ** 47) / 2 ** 47;

export async function privacyLedger(ctx: AppContext, actor: Actor) {
  if (!hasRole(actor, "coordinator")) throw new Forbidden();
  const rows = await ctx.db
    .select({
      year: statisticsPrivacyLedger.dataYear,
      spent: sql<number>`sum(${statisticsPrivacyLedger.epsilon})::float8`,
    })
    .from(statisticsPrivacyLedger)
    .groupBy(statisticsPrivacyLedger.dataYear)
    .orderBy(statisticsPrivacyLedger.dataYear);
  return { budget: yearlyPrivacyBudget, years: rows };
}

/**
 * A differentially private release of one table for public reports (national coordinator only):
 * Laplace noise of scale 1/ε on each cell, ε charged to every year of data the table covers, in
 * one transaction with the ledger locked, refused when a year's budget would be exceeded.
 */
export async function releaseNoisyTable(
  ctx: AppContext,
  actor: Actor,
  input: { table: StatTableId; epsilon: number; fromYear: number; toYear: number; reason: ExportReason },
): Promise<{ table: StatTable; epsilon: number; spent: { year: number; spent: number }[]; budget: number }> {
  if (!hasRole(actor, "coordinator")) throw new Forbidden();
  if (!releasableTables.includes(input.table)) throw new Invalid("table", "invalid_choice");
  if (input.toYear < input.fromYear) throw new Invalid("toYear", "too_small");
  if (input.toYear - input.fromYear > 50) throw new Invalid("toYear", "too_big");
  const filters: StatisticsFilters = { fromYear: input.fromYear, toYear: input.toYear, k: 0 };
  const exact = await dashboard(ctx, actor, filters, { exactForNoise: true });
  const source = exact.tables.find((t) => t.id === input.table);
  if (!source) throw new Invalid("table", "invalid_choice");
  const cells = noisyCells(
    source.cells.map((row) => row.map((v) => v ?? 0)),
    input.epsilon,
    secureUniform,
  );
  const table = publishTable(
    {
      id: source.id,
      rowDimension: source.rowDimension,
      columnDimension: source.columnDimension,
      rows: source.rows,
      columns: source.columns,
    },
    { cells, rowTotals: true, columnTotals: true },
    null,
  );
  const now = ctx.now();
  const releaseId = randomUUID();
  const years = Array.from({ length: input.toYear - input.fromYear + 1 }, (_, i) => input.fromYear + i);
  const spent = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE statistics_privacy_ledger IN EXCLUSIVE MODE`);
    const before = await tx
      .select({
        year: statisticsPrivacyLedger.dataYear,
        spent: sql<number>`sum(${statisticsPrivacyLedger.epsilon})::float8`,
      })
      .from(statisticsPrivacyLedger)
      .where(
        and(
          gte(statisticsPrivacyLedger.dataYear, input.fromYear),
          lte(statisticsPrivacyLedger.dataYear, input.toYear),
        ),
      )
      .groupBy(statisticsPrivacyLedger.dataYear);
    const spentIn = (year: number) => before.find((b) => b.year === year)?.spent ?? 0;
    // A small tolerance: sums of decimal ε are not exact in binary.
    if (years.some((y) => spentIn(y) + input.epsilon > yearlyPrivacyBudget + 1e-9))
      throw new Conflict("privacy_budget_exhausted");
    await tx.insert(statisticsPrivacyLedger).values(
      years.map((dataYear) => ({
        releaseId,
        dataYear,
        tableId: input.table,
        epsilon: input.epsilon,
        releasedBy: actor.userId,
        releasedAt: now,
      })),
    );
    await recordAudit(tx, auditActor(actor), {
      action: "statistics.release",
      entity: "statistics_release",
      entityId: releaseId,
      detail: {
        table: input.table,
        epsilon: input.epsilon,
        fromYear: input.fromYear,
        toYear: input.toYear,
        reason: input.reason,
      },
      reason: input.reason,
    });
    return years.map((year) => ({ year, spent: spentIn(year) + input.epsilon }));
  });
  return { table, epsilon: input.epsilon, spent, budget: yearlyPrivacyBudget };
}

/** HTCDS 2.0 field names of the de-identified export; the year of identification is an NRM term. */
export const htcdsExportFields = [
  "nrm_YearOfIdentification",
  "prs_Gender",
  "prs_Citizenship",
  "vic_AgeWhenTrafficked",
  "vic_TypeOfExploitation",
  "vic_TraffickingStatus",
  "cas_Status",
] as const;
type ExportRecord = Record<(typeof htcdsExportFields)[number], string>;

/**
 * Every exported field is treated as a quasi-identifier. Suppression starts with the fields the
 * least useful to aggregate tables and ends with the year.
 */
const suppressionOrder: (typeof htcdsExportFields)[number][] = [
  "cas_Status",
  "vic_TraffickingStatus",
  "vic_TypeOfExploitation",
  "prs_Citizenship",
  "vic_AgeWhenTrafficked",
  "prs_Gender",
  "nrm_YearOfIdentification",
];

/**
 * A de-identified record-level export in HTCDS 2.0 (one record per person, ages as bands, dates as
 * years), k-anonymous over all its fields, with the report of what was suppressed. Audited.
 */
export async function htcdsExport(
  ctx: AppContext,
  actor: Actor,
  filters: StatisticsFilters,
  output: { reason: ExportReason; format: "csv" | "xlsx" },
) {
  const people = await personRecords(ctx, actor, filters);
  const records: ExportRecord[] = people.map((p) => ({
    nrm_YearOfIdentification: String(p.year),
    prs_Gender: p.gender,
    prs_Citizenship: p.citizenship[0] ?? "",
    vic_AgeWhenTrafficked: ageBand(p.age),
    vic_TypeOfExploitation: [...p.exploitation].sort().join(";"),
    vic_TraffickingStatus: p.traffickingStatus,
    cas_Status: p.status,
  }));
  const anonymous = kAnonymise(records, suppressionOrder, filters.k);
  const grid: string[][] = [
    [...htcdsExportFields],
    ...anonymous.records.map((r) => htcdsExportFields.map((f) => r[f])),
  ];
  const report = {
    k: filters.k,
    people: records.length,
    exported: anonymous.records.length,
    droppedRecords: anonymous.droppedRecords,
    suppressedValues: anonymous.suppressedValues,
  };
  await ctx.db.transaction(async (tx) =>
    recordAudit(tx, auditActor(actor), {
      action: "statistics.export",
      entity: "statistics_export",
      entityId: "htcds",
      detail: {
        k: report.k,
        exported: report.exported,
        droppedRecords: report.droppedRecords,
        kind: "htcds",
        format: output.format,
        reason: output.reason,
      },
      reason: output.reason,
    }),
  );
  if (output.format === "xlsx")
    return { xlsx: (await xlsxFile([{ name: "HTCDS", rows: grid }], ctx.now())).toString("base64"), report };
  return { csv: `${grid.map(csvLine).join("\r\n")}\r\n`, report };
}
