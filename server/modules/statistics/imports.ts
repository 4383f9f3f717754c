import { eq } from "drizzle-orm";
import { z } from "zod";
import { registrationInput, type RegistrationInput } from "../../../shared/registration";
import {
  type ImportColumn,
  importColumns,
  type ImportIssue,
  type ImportReport,
} from "../../../shared/statistics";
import { type Actor, auditActor, hasRole } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Forbidden, Invalid } from "../../platform/errors";
import { cases } from "../cases/schema";
import { prepareRegistration, type PreparedRegistration, writeRegistration } from "../cases/commands";
import { identityKey, recordIdentityKey, registeredKeys } from "./identity";
import { parseCsv } from "./rules";
import { readXlsxTable, UnreadableWorkbook } from "../../platform/spreadsheet-xlsx";
import { statisticsImports } from "./schema";

/** Rows per import: a legacy database of a few thousand records at most, in one transaction. */
export const maxImportRows = 20_000;

/** Legacy import is a supervisor's act: it registers cases in the supervisor's agency's name. */
export const mayImport = (actor: Actor) => hasRole(actor, "supervisor");

/** Told as the import runs: rows checked, then rows written, of how many. */
export type ImportProgress = (
  phase: "validating" | "writing",
  done: number,
  total: number,
) => void | Promise<void>;

/** Which CSV column holds each field: HTCDS names by default, or the legacy layout's own. */
export type ImportMapping = Partial<Record<ImportColumn, string>>;

const listOf = (text: string) =>
  text
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

/** From one CSV row to a registration, or the problems with it (row, column, message code). */
function rowToRegistration(
  get: (column: ImportColumn) => string,
  columnName: (column: ImportColumn) => string,
  row: number,
): { input: RegistrationInput | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const age = get("vic_AgeWhenTrafficked");
  const ageNumber = age === "" ? null : Number(age);
  if (ageNumber !== null && !Number.isInteger(ageNumber))
    issues.push({ row, column: columnName("vic_AgeWhenTrafficked"), code: "invalid_number" });
  const candidate = {
    person: {
      givenName: get("prs_FirstName"),
      familyName: get("prs_SecondName") || null,
      birthDate: get("prs_Birthdate") || null,
      estimatedAge: get("prs_Birthdate") ? null : Number.isInteger(ageNumber) ? ageNumber : null,
      gender: get("prs_Gender") || "NonSpecifiedUnknown",
      citizenship: listOf(get("prs_Citizenship")).map((c) => c.toUpperCase()),
    },
    identificationDate: get("identification_date"),
    identificationRegion: get("identification_region"),
    source: get("identification_source") || "other",
    traffickingStatus: get("vic_TraffickingStatus") || "PossibleVictimOfTrafficking",
    exploitationTypes: listOf(get("vic_TypeOfExploitation")),
    controlMethods: [],
  };
  const parsed = registrationInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ row, column: columnOfPath(issue.path, columnName), code: issue.message });
    return { input: null, issues };
  }
  return { input: parsed.data, issues };
}

function columnOfPath(path: readonly PropertyKey[], columnName: (column: ImportColumn) => string): string {
  const field = path.filter((p) => typeof p === "string").join(".");
  const byField: Record<string, ImportColumn> = {
    "person.givenName": "prs_FirstName",
    "person.familyName": "prs_SecondName",
    "person.birthDate": "prs_Birthdate",
    "person.estimatedAge": "vic_AgeWhenTrafficked",
    "person.gender": "prs_Gender",
    "person.citizenship": "prs_Citizenship",
    identificationDate: "identification_date",
    identificationRegion: "identification_region",
    source: "identification_source",
    traffickingStatus: "vic_TraffickingStatus",
    exploitationTypes: "vic_TypeOfExploitation",
  };
  const column = byField[field];
  return column ? columnName(column) : field;
}

/**
 * Reads a legacy CSV, checks every row as the registration form would (the same schema and rules,
 * so a row refused here would be refused there), and reports possible duplicates by the exact
 * identity key, inside the file and against people already registered. With `commit`, and only when
 * no row has a problem, registers every row in ONE transaction: all rows or none.
 */
export async function importLegacy(
  ctx: AppContext,
  actor: Actor,
  body: {
    table: string[][];
    mapping?: ImportMapping | undefined;
    values?: ValueMapping | undefined;
    commit: boolean;
  },
  progress: ImportProgress = () => undefined,
): Promise<ImportReport> {
  if (!mayImport(actor)) throw new Forbidden();
  const { header, data } = splitTable(body.table);
  const columnName = (column: ImportColumn) => body.mapping?.[column] ?? column;
  const position = new Map(importColumns.map((c) => [c, header.indexOf(columnName(c))] as const));
  const issues: ImportIssue[] = [];
  for (const required of ["prs_FirstName", "identification_date", "identification_region"] as const)
    if (position.get(required) === -1)
      issues.push({ row: 0, column: columnName(required), code: "import_column_missing" });
  if (issues.length > 0) return report(data.length, issues, [], false, 0);

  const prepared: { row: number; registration: PreparedRegistration; key: Buffer | null }[] = [];
  for (const [index, cells] of data.entries()) {
    const row = index + 1;
    const get = (column: ImportColumn) => {
      const at = position.get(column) ?? -1;
      const raw = at === -1 ? "" : (cells[at] ?? "").trim();
      return body.values?.[column]?.[raw] ?? raw;
    };
    await progress("validating", index, data.length);
    const { input, issues: rowIssues } = rowToRegistration(get, columnName, row);
    issues.push(...rowIssues);
    if (!input || rowIssues.length > 0) continue;
    try {
      const registration = await prepareRegistration(ctx, actor, input);
      const key = await identityKey(ctx, input.person);
      prepared.push({ row, registration, key });
    } catch (error) {
      if (error instanceof Invalid)
        issues.push({ row, column: columnOfPath(error.field.split("."), columnName), code: error.code });
      else throw error;
    }
  }

  const duplicates: ImportReport["possibleDuplicates"] = [];
  const known = await registeredKeys(
    ctx,
    prepared.flatMap((p) => (p.key ? [p.key] : [])),
  );
  const firstRowOf = new Map<string, number>();
  for (const p of prepared) {
    if (!p.key) continue;
    const hex = p.key.toString("hex");
    const earlier = firstRowOf.get(hex);
    if (earlier !== undefined || known.has(hex))
      duplicates.push({ row: p.row, withRow: earlier ?? null, registered: known.has(hex) });
    if (earlier === undefined) firstRowOf.set(hex, p.row);
  }

  await progress("validating", data.length, data.length);
  if (!body.commit || issues.length > 0) return report(data.length, issues, duplicates, false, 0);

  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    for (const [written, p] of prepared.entries()) {
      await progress("writing", written, prepared.length);
      const { caseId } = await writeRegistration(tx, ctx, actor, p.registration);
      const [row] = await tx.select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId));
      if (!row) throw new Error("imported case not stored");
      await recordIdentityKey(tx, row.personId, p.key, now);
    }
    const [batch] = await tx
      .insert(statisticsImports)
      .values({
        agencyId: actor.agencyId,
        importedBy: actor.userId,
        rowCount: prepared.length,
        duplicateCount: duplicates.length,
        importedAt: now,
      })
      .returning({ id: statisticsImports.id });
    await recordAudit(tx, auditActor(actor), {
      action: "statistics.import",
      entity: "statistics_import",
      entityId: batch?.id ?? "",
      detail: { rows: prepared.length, possibleDuplicates: duplicates.length },
    });
  });
  await progress("writing", prepared.length, prepared.length);
  return report(data.length, [], duplicates, true, prepared.length);
}

function report(
  rows: number,
  issues: ImportIssue[],
  possibleDuplicates: ImportReport["possibleDuplicates"],
  committed: boolean,
  imported: number,
): ImportReport {
  return { rows, valid: issues.length === 0, issues, possibleDuplicates, committed, imported };
}

/** The header row and the data rows of a file, checked for size. */
export function splitTable(table: string[][], field = "csv"): { header: string[]; data: string[][] } {
  const header = (table[0] ?? []).map((h) => h.trim());
  const data = table.slice(1);
  if (data.length === 0) throw new Invalid(field, "import_empty");
  if (data.length > maxImportRows) throw new Invalid(field, "import_too_many_rows", { max: maxImportRows });
  return { header, data };
}

/**
 * The rows of the uploaded file: a CSV text, or an XLSX workbook (base64) whose first sheet is
 * read with its first row as the header.
 */
export async function readImportFile(file: { csv?: string | undefined; xlsx?: string | undefined }) {
  if (file.csv !== undefined && file.xlsx !== undefined) throw new Invalid("xlsx", "import_one_file");
  if (file.xlsx !== undefined) {
    try {
      const sheet = await readXlsxTable(Buffer.from(file.xlsx, "base64"), maxImportRows + 1);
      if (sheet.tooMany) throw new Invalid("xlsx", "import_too_many_rows", { max: maxImportRows });
      splitTable(sheet.rows, "xlsx");
      return sheet.rows;
    } catch (error) {
      if (error instanceof UnreadableWorkbook) throw new Invalid("xlsx", "import_unreadable");
      throw error;
    }
  }
  if (file.csv === undefined) throw new Invalid("csv", "required");
  const rows = parseCsv(file.csv);
  splitTable(rows, "csv");
  return rows;
}

/** An XLSX workbook travels in JSON as base64: a third larger than the file. */
export const maxImportBytes = 20_000_000;

export const importFileFields = {
  csv: z.string().min(1, { message: "required" }).max(maxImportBytes, { message: "too_long" }).optional(),
  xlsx: z
    .base64({ message: "import_unreadable" })
    .min(1, { message: "required" })
    .max(Math.ceil((maxImportBytes * 4) / 3), { message: "too_long" })
    .optional(),
};

/** Legacy codes to the registration's: a column's value in the file, and the value it stands for. */
export type ValueMapping = Partial<Record<ImportColumn, Record<string, string>>>;

export const importBody = z.strictObject({
  ...importFileFields,
  mapping: z.partialRecord(z.enum(importColumns), z.string().max(100)).optional(),
  values: z
    .partialRecord(
      z.enum(importColumns),
      z.record(z.string().max(100), z.string().max(100)).refine((v) => Object.keys(v).length <= 200, {
        message: "too_big",
      }),
    )
    .optional(),
});
