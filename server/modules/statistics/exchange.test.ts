import ExcelJS from "exceljs";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportColumns, ImportJobStatus, ImportReport } from "../../../shared/statistics";
import { auditEvents } from "../../platform/audit/schema";
import { type Session, startTestEnvironment, type TestEnvironment } from "../../testing/harness";
import { cases } from "../cases/schema";
import { parseCsv } from "./rules";

let env: TestEnvironment;
let supervisor: Session;
let otherSupervisor: Session;
let coordinator: Session;
let caseWorker: Session;
let police: Session;
let unitId: string;

const post = (session: Session, url: string, payload: object) =>
  env.as(session, { method: "POST", url, payload });
const get = (session: Session, url: string) => env.as(session, { method: "GET", url });

const casesOf = async (agencyId: string) =>
  (await env.ctx.db.select({ n: count() }).from(cases).where(eq(cases.identifyingAgencyId, agencyId)))[0]
    ?.n ?? 0;

/** An XLSX workbook as a legacy database would write it: dates as date cells, ages as numbers. */
async function workbook(rows: (string | number | Date | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Victims");
  for (const row of rows) sheet.addRow(row);
  book.addWorksheet("Notes").addRow(["not read"]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.CellValue[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows: ExcelJS.CellValue[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    const cells: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).value);
    rows.push(cells);
  });
  return rows;
}

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  unitId = unit.id;
  const other = await env.makeAgency({ type: "ngo" });
  const coordination = await env.makeAgency({ type: "national_coordinator" });
  supervisor = await env.signIn(unit.id, ["supervisor"]);
  otherSupervisor = await env.signIn(other.id, ["supervisor"]);
  coordinator = await env.signIn(coordination.id, ["coordinator"]);
  caseWorker = await env.signIn(unit.id, ["case_worker"]);
  police = await env.signIn(unit.id, ["police_investigator"]);
});
afterAll(async () => env.close());

describe("XLSX and mapped imports", () => {
  it("reads the first sheet of an XLSX workbook, with the same report and all-or-nothing commit", async () => {
    const header = [
      "prs_FirstName",
      "prs_SecondName",
      "prs_Birthdate",
      "prs_Gender",
      "prs_Citizenship",
      "identification_date",
      "identification_region",
      "identification_source",
    ];
    const good = [
      [
        "Teuta",
        "Xlsx",
        new Date(Date.UTC(1990, 0, 5)),
        "Feminine",
        "XK",
        new Date(Date.UTC(2005, 5, 1)),
        "prishtine",
        "police_raid",
      ],
      ["Nora", "Xlsx", "1991-02-03", "Feminine", "AL", "2005-07-01", "prizren", "ngo"],
    ];
    const bad = ["Vesa", "Xlsx", "1992-01-01", "Feminine", "XK", "2005-08-01", "atlantis", "police_raid"];
    const invalid = await workbook([header, ...good, bad]);

    const columns = await post(supervisor, "/api/statistics/imports/columns", { xlsx: invalid });
    expect(columns.statusCode, columns.body).toBe(200);
    const described = columns.json<ImportColumns>();
    expect(described.headers).toEqual(header);
    expect(described.rows).toBe(3);
    expect(described.suggested.identification_region).toBe("identification_region");

    const dry = await post(supervisor, "/api/statistics/imports/dry-run", { xlsx: invalid });
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json<ImportReport>();
    expect(report.rows).toBe(3);
    expect(report.valid).toBe(false);
    expect(report.issues).toEqual([{ row: 3, column: "identification_region", code: "invalid_choice" }]);
    // One bad row: nothing is written, even when the commit is asked for.
    const before = await casesOf(unitId);
    const refused = (
      await post(supervisor, "/api/statistics/imports", { xlsx: invalid })
    ).json<ImportReport>();
    expect(refused.committed).toBe(false);
    expect(await casesOf(unitId)).toBe(before);

    const valid = await workbook([header, ...good]);
    const committed = (
      await post(supervisor, "/api/statistics/imports", { xlsx: valid })
    ).json<ImportReport>();
    expect(committed).toMatchObject({ rows: 2, valid: true, committed: true, imported: 2 });
    expect(await casesOf(unitId)).toBe(before + 2);
    // The date cell was read as the date a person sees in the sheet.
    const dashboard = await get(supervisor, "/api/statistics/dashboard?from=2005&to=2005");
    expect(
      dashboard
        .json<{ tables: { id: string; total: number }[] }>()
        .tables.find((t) => t.id === "identified_origin")?.total,
    ).toBe(2);
  });

  it("refuses a file that is not a workbook, two files at once, and a case worker's upload", async () => {
    const unreadable = await post(supervisor, "/api/statistics/imports/dry-run", {
      xlsx: Buffer.from("not a zip").toString("base64"),
    });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json<{ error: { code: string; field: string } }>().error).toMatchObject({
      code: "import_unreadable",
      field: "xlsx",
    });
    const both = await post(supervisor, "/api/statistics/imports/dry-run", { csv: "a\nb\n", xlsx: "YQ==" });
    expect(both.json<{ error: { code: string } }>().error.code).toBe("import_one_file");
    const none = await post(supervisor, "/api/statistics/imports/dry-run", {});
    expect(none.statusCode).toBe(400);
    expect((await post(caseWorker, "/api/statistics/imports/columns", { csv: "a\nb\n" })).statusCode).toBe(
      403,
    );
  });

  it("imports a legacy layout through a column mapping and simple value mappings", async () => {
    const csv = [
      "Emri,Mbiemri,Gjinia,Shtetesia,Data e identifikimit,Rajoni",
      "Mira,Legacy,F,XK,2006-03-01,peje",
      "Besa,Legacy,F,AL,2006-04-01,prishtine",
    ].join("\n");
    const columns = (
      await post(supervisor, "/api/statistics/imports/columns", { csv })
    ).json<ImportColumns>();
    expect(columns.headers).toEqual([
      "Emri",
      "Mbiemri",
      "Gjinia",
      "Shtetesia",
      "Data e identifikimit",
      "Rajoni",
    ]);
    expect(columns.suggested).toEqual({});
    const mapping = {
      prs_FirstName: "Emri",
      prs_SecondName: "Mbiemri",
      prs_Gender: "Gjinia",
      prs_Citizenship: "Shtetesia",
      identification_date: "Data e identifikimit",
      identification_region: "Rajoni",
    };
    // Without the value mapping, "F" is no gender code: reported under the file's own column name.
    const unmapped = (
      await post(supervisor, "/api/statistics/imports/dry-run", { csv, mapping })
    ).json<ImportReport>();
    expect(unmapped.issues).toEqual([
      { row: 1, column: "Gjinia", code: "invalid_choice" },
      { row: 2, column: "Gjinia", code: "invalid_choice" },
    ]);
    const values = { prs_Gender: { F: "Feminine", M: "Masculine" } };
    const dry = (
      await post(supervisor, "/api/statistics/imports/dry-run", { csv, mapping, values })
    ).json<ImportReport>();
    expect(dry).toMatchObject({ rows: 2, valid: true, issues: [] });
    const committed = (
      await post(supervisor, "/api/statistics/imports", { csv, mapping, values })
    ).json<ImportReport>();
    expect(committed.imported).toBe(2);
  });
});

describe("import progress", () => {
  const header =
    "prs_FirstName,prs_SecondName,prs_Birthdate,prs_Gender,prs_Citizenship,identification_date,identification_region,identification_source";
  const rows = (n: number, year: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `Given${year}x${i},Progress,${1980 + (i % 20)}-01-${String(1 + (i % 28)).padStart(2, "0")},Feminine,MD,${year}-02-01,prishtine,police_raid`,
    );

  async function follow(session: Session, id: string, pauseMs = 20): Promise<ImportJobStatus[]> {
    const seen: ImportJobStatus[] = [];
    for (let i = 0; i < 20_000; i++) {
      const response = await get(session, `/api/statistics/import-jobs/${id}`);
      expect(response.statusCode, response.body).toBe(200);
      const status = response.json<ImportJobStatus>();
      seen.push(status);
      if (status.phase === "done" || status.phase === "failed") return seen;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    throw new Error("the import did not end");
  }

  it("reports rows checked and written of the total while it runs, then the result; one transaction", async () => {
    const csv = [header, ...rows(30, 2007)].join("\n");
    const before = await casesOf(unitId);
    const started = await post(supervisor, "/api/statistics/import-jobs", { csv, commit: true });
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json<ImportJobStatus>();
    expect(job).toMatchObject({ phase: "validating", done: 0, total: 30, result: null });
    // One running import per user.
    const second = await post(supervisor, "/api/statistics/import-jobs", { csv, commit: false });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: { code: string } }>().error.code).toBe("import_running");
    // Only its starter sees it.
    expect((await get(otherSupervisor, `/api/statistics/import-jobs/${job.id}`)).statusCode).toBe(404);

    const seen = await follow(supervisor, job.id);
    const last = seen.at(-1);
    expect(last?.phase).toBe("done");
    expect(last?.result).toMatchObject({ rows: 30, valid: true, committed: true, imported: 30 });
    expect(last?.done).toBe(30);
    expect(last?.total).toBe(30);
    // Figures in between were real: counted up, never above the total.
    const running = seen.filter((s) => s.phase === "validating" || s.phase === "writing");
    expect(running.length).toBeGreaterThan(0);
    for (const s of seen) expect(s.done).toBeLessThanOrEqual(s.total);
    expect(await casesOf(unitId)).toBe(before + 30);
    expect(
      (await get(supervisor, "/api/statistics/import-jobs/00000000-0000-4000-8000-000000000000")).statusCode,
    ).toBe(404);
  });

  it("shows rows checked counting up while a large file is checked", async () => {
    // Checking yields to the server after every row, so polls made back to back see it move; a
    // dry run of many rows keeps the test's duration small (writing is one transaction).
    const csv = [header, ...rows(600, 2008)].join("\n");
    const started = await post(supervisor, "/api/statistics/import-jobs", { csv, commit: false });
    expect(started.statusCode, started.body).toBe(202);
    const seen = await follow(supervisor, started.json<ImportJobStatus>().id, 0);
    expect(seen.at(-1)?.result).toMatchObject({ rows: 600, valid: true, committed: false });
    const between = seen.filter((s) => s.phase === "validating" && s.done > 0 && s.done < s.total);
    expect(between.length).toBeGreaterThan(1);
    const counts = seen.map((s) => s.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it("writes nothing when a row is wrong, and ends with the report of the problems", async () => {
    const csv = [
      header,
      ...rows(5, 2008),
      "Bad,Progress,1980-01-01,Feminine,MD,2008-02-30,prishtine,police_raid",
    ].join("\n");
    const before = await casesOf(unitId);
    const started = await post(supervisor, "/api/statistics/import-jobs", { csv, commit: true });
    expect(started.statusCode, started.body).toBe(202);
    const last = (await follow(supervisor, started.json<ImportJobStatus>().id)).at(-1);
    expect(last?.phase).toBe("done");
    expect(last?.result?.committed).toBe(false);
    expect(last?.result?.issues.map((i) => [i.row, i.column])).toEqual([[6, "identification_date"]]);
    expect(await casesOf(unitId)).toBe(before);
    expect((await post(caseWorker, "/api/statistics/import-jobs", { csv, commit: false })).statusCode).toBe(
      403,
    );
  });
});

describe("exports: reasons, XLSX, safe cells", () => {
  it("exports every table as XLSX with the CSV's cells, numbers as numbers, audited with its reason", async () => {
    const query = "from=2005&to=2007&reason=donor_report";
    const csv = await get(coordinator, `/api/statistics/tables/identified_origin.csv?${query}`);
    expect(csv.statusCode, csv.body).toBe(200);
    const xlsx = await get(coordinator, `/api/statistics/tables/identified_origin.xlsx?${query}`);
    expect(xlsx.statusCode, xlsx.body.slice(0, 200)).toBe(200);
    expect(xlsx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.headers["content-disposition"]).toBe('attachment; filename="identified_origin.xlsx"');
    const sheet = await readWorkbook(xlsx.rawPayload);
    const fromCsv = parseCsv(csv.body);
    expect(sheet.map((r) => r.map(String))).toEqual(fromCsv);
    // 2007: 30 foreign people, a published figure, as a number cell.
    const row2007 = sheet.find((r) => r[0] === "2007");
    expect(row2007?.[2]).toBe(30);

    const exports = await env.ctx.db
      .select({ detail: auditEvents.detail, reason: auditEvents.reason })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "statistics.export"),
          sql`${auditEvents.detail}->>'kind' = 'identified_origin'`,
        ),
      )
      // Both exports carry the test clock's time: the format orders them.
      .orderBy(sql`${auditEvents.detail}->>'format'`);
    expect(exports.map((e) => [e.detail, e.reason])).toEqual([
      [
        {
          kind: "identified_origin",
          format: "csv",
          reason: "donor_report",
          from: 2005,
          to: 2007,
          region: null,
        },
        "donor_report",
      ],
      [
        {
          kind: "identified_origin",
          format: "xlsx",
          reason: "donor_report",
          from: 2005,
          to: 2007,
          region: null,
        },
        "donor_report",
      ],
    ]);
  });

  it("refuses an export without a reason from the fixed list", async () => {
    for (const url of [
      "/api/statistics/tables/identified_origin.csv",
      "/api/statistics/tables/identified_origin.xlsx?reason=because",
      "/api/statistics/annual-report.pdf?year=2005",
    ]) {
      const response = await get(coordinator, url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json<{ error: { code: string; field: string } }>().error).toMatchObject({
        code: "export_reason_required",
        field: "querystring.reason",
      });
    }
    const htcds = await post(coordinator, "/api/statistics/htcds-export", { from: 2005 });
    expect(htcds.json<{ error: { field: string } }>().error.field).toBe("reason");
    const release = await post(coordinator, "/api/statistics/releases", {
      table: "identified_origin",
      epsilon: 0.1,
      fromYear: 2005,
      toYear: 2005,
    });
    expect(release.json<{ error: { field: string } }>().error.field).toBe("reason");
  });

  it("exports the de-identified HTCDS records as XLSX with the CSV's records", async () => {
    const body = { from: 2005, to: 2007, reason: "research" };
    const csv = (await post(coordinator, "/api/statistics/htcds-export", body)).json<{ csv: string }>();
    const xlsx = await post(coordinator, "/api/statistics/htcds-export", { ...body, format: "xlsx" });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const answer = xlsx.json<{ xlsx: string; csv?: string; report: { exported: number } }>();
    expect(answer.csv).toBeUndefined();
    const sheet = await readWorkbook(Buffer.from(answer.xlsx, "base64"));
    expect(sheet.map((r) => r.map(String))).toEqual(parseCsv(csv.csv));
    expect(sheet).toHaveLength(answer.report.exported + 1);
    const audited = await env.ctx.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "statistics.export"), eq(auditEvents.entityId, "htcds")));
    expect(audited.map((a) => (a.detail as { format: string; reason: string }).format)).toEqual([
      "csv",
      "xlsx",
    ]);
    expect(audited.every((a) => (a.detail as { reason: string }).reason === "research")).toBe(true);
  });

  it("neutralises a hostile premises name in the off-limits CSV", async () => {
    const created = await post(police, "/api/intelligence/premises", {
      name: '=HYPERLINK("http://evil.example","Bar")',
      kind: "night_bar",
      address: "@SUM(1+1)",
      municipality: "-2+3",
      region: "prishtine",
      status: "off_limits",
      parties: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const version = (await post(police, "/api/intelligence/off-limits/versions", {})).json<{
      version: number;
    }>();
    const csv = await get(police, `/api/intelligence/off-limits/versions/${version.version}/csv?language=en`);
    expect(csv.statusCode).toBe(200);
    const [, ...lines] = parseCsv(csv.body.replace(/^\uFEFF/, ""));
    const row = lines.find((l) => l.some((c) => c.includes("HYPERLINK")));
    expect(row).toBeDefined();
    expect(row).toContain(`'=HYPERLINK("http://evil.example","Bar")`);
    expect(row).toContain("'@SUM(1+1)");
    expect(row).toContain("'-2+3");
    for (const cell of lines.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
