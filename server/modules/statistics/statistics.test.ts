import { and, count, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportReport, StatisticsDashboard, StatTable } from "../../../shared/statistics";
import { auditEvents } from "../../platform/audit/schema";
import { flattenText, readPdf } from "../../platform/pdf/inspect";
import { assistanceServicesGiven, reflectionExtensions } from "../assistance/schema";
import { cases, persons } from "../cases/schema";
import { intelArrests, intelOperationCases, intelOperations } from "../intelligence/schema";
import { caseClosures } from "../pathway/schema";
import { referrals } from "../referrals/schema";
import { type Session, startTestEnvironment, type TestEnvironment } from "../../testing/harness";
import { parseCsv, suppressedMark } from "./rules";
import { statisticsCaseFacts, statisticsPersonIdentities } from "./schema";

let env: TestEnvironment;
let supervisor: Session;
let coordinator: Session;
let otherSupervisor: Session;
let caseWorker: Session;

/** Seed 001 note 119: the TPIU database's victims identified per year, Kosovo and foreign. */
const tpiu: Record<number, { domestic: number; foreign: number }> = {
  2001: { domestic: 5, foreign: 167 },
  2002: { domestic: 3, foreign: 86 },
  2003: { domestic: 0, foreign: 34 },
  2004: { domestic: 12, foreign: 35 },
  2005: { domestic: 18, foreign: 31 },
};
const foreignCountries = ["MD", "RO", "UA", "BG", "AL"];
const header =
  "prs_FirstName,prs_SecondName,prs_Birthdate,prs_Gender,prs_Citizenship,vic_TypeOfExploitation,identification_date,identification_region,identification_source";

/** One record-level row per victim of the seed table; names are synthetic, one person each. */
function seedRows(): string[] {
  const rows: string[] = [];
  let n = 0;
  for (const [year, { domestic, foreign }] of Object.entries(tpiu)) {
    const y = Number(year);
    const add = (citizenship: string) => {
      n++;
      const day = String(1 + (n % 28)).padStart(2, "0");
      rows.push(
        `Given${n},Family${n},${y - 20 - (n % 15)}-03-${day},Feminine,${citizenship},SexualExploitation,${y}-06-${day},prishtine,police_raid`,
      );
    };
    for (let i = 0; i < domestic; i++) add("XK");
    for (let i = 0; i < foreign; i++) add(foreignCountries[i % foreignCountries.length] ?? "MD");
  }
  return rows;
}

const get = async <T>(session: Session, url: string) => {
  const response = await env.as(session, { method: "GET", url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};
const table = (dashboard: StatisticsDashboard, id: StatTable["id"]) => {
  const found = dashboard.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const post = (session: Session, url: string, payload: object) =>
  env.as(session, { method: "POST", url, payload });

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const other = await env.makeAgency({ type: "ngo" });
  const coordination = await env.makeAgency({ type: "national_coordinator" });
  supervisor = await env.signIn(unit.id, ["supervisor"]);
  otherSupervisor = await env.signIn(other.id, ["supervisor"]);
  coordinator = await env.signIn(coordination.id, ["coordinator"]);
  caseWorker = await env.signIn(unit.id, ["case_worker"]);
});
afterAll(async () => env.close());

describe("legacy import and the dashboard", () => {
  it("reports every invalid row and column in a dry run, and writes nothing", async () => {
    const csv = [
      header,
      "Ana,Lika,1990-01-01,Feminine,XK,SexualExploitation,2004-02-02,prishtine,police_raid",
      ",Nobody,1990-01-01,Feminine,XK,,2004-02-02,prishtine,police_raid",
      "Bora,Shala,2010-01-01,Unknown,ZZ,,2004-02-30,atlantis,police_raid",
    ].join("\n");
    const response = await post(supervisor, "/api/statistics/imports/dry-run", { csv });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<ImportReport>();
    expect(report.valid).toBe(false);
    expect(report.committed).toBe(false);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        { row: 2, column: "prs_FirstName", code: "required" },
        { row: 3, column: "prs_Gender", code: "invalid_choice" },
        { row: 3, column: "prs_Citizenship", code: "invalid_choice" },
        { row: 3, column: "identification_date", code: "invalid_date" },
      ]),
    );
    // All or nothing: the commit refuses a file with any problem.
    const commit = await post(supervisor, "/api/statistics/imports", { csv });
    expect(commit.json<ImportReport>().committed).toBe(false);
    const [stored] = await env.ctx.db.select({ n: count() }).from(cases);
    expect(stored?.n).toBe(0);
  });

  it("reads a legacy layout through a column mapping, and names a missing column", async () => {
    const csv = "Emri,Data,Rajoni\nAna,2004-02-02,prishtine\n";
    const missing = await post(supervisor, "/api/statistics/imports/dry-run", { csv });
    expect(missing.json<ImportReport>().issues[0]).toEqual({
      row: 0,
      column: "prs_FirstName",
      code: "import_column_missing",
    });
    const mapped = await post(supervisor, "/api/statistics/imports/dry-run", {
      csv,
      mapping: { prs_FirstName: "Emri", identification_date: "Data", identification_region: "Rajoni" },
    });
    expect(mapped.json<ImportReport>()).toMatchObject({ valid: true, rows: 1, issues: [] });
  });

  it("lets only supervisors import", async () => {
    const csv = `${header}\nAna,Lika,1990-01-01,Feminine,XK,,2004-02-02,prishtine,police_raid\n`;
    expect((await post(coordinator, "/api/statistics/imports/dry-run", { csv })).statusCode).toBe(403);
    expect((await post(caseWorker, "/api/statistics/imports", { csv })).statusCode).toBe(403);
  });

  it("imports the seed table's records in one commit and the dashboard returns exactly its numbers", async () => {
    const rows = seedRows();
    expect(rows).toHaveLength(391);
    // The first 2001 foreign victim is identified again in 2005 (a re-identification, not a new person).
    const again = rows[5]?.replace(/,2001-06-(\d\d),/, ",2005-09-$1,");
    const csv = [header, ...rows, again].join("\n");

    const dry = (await post(supervisor, "/api/statistics/imports/dry-run", { csv })).json<ImportReport>();
    expect(dry).toMatchObject({ rows: 392, valid: true, committed: false, imported: 0 });
    expect(dry.possibleDuplicates).toEqual([{ row: 392, withRow: 6, registered: false }]);

    const response = await post(supervisor, "/api/statistics/imports", { csv });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ImportReport>()).toMatchObject({ committed: true, imported: 392 });
    const [stored] = await env.ctx.db.select({ n: count() }).from(cases);
    expect(stored?.n).toBe(392);
    const [keys] = await env.ctx.db.select({ n: count() }).from(statisticsPersonIdentities);
    expect(keys?.n).toBe(392);
    const audit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "statistics.import"));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.detail)).not.toMatch(/Given|Family/);

    // The same file again: every row is now a registered person.
    const twice = (await post(supervisor, "/api/statistics/imports/dry-run", { csv })).json<ImportReport>();
    expect(twice.possibleDuplicates.filter((d) => d.registered)).toHaveLength(392);

    // The importing agency's supervisor may open these cases: exact figures.
    const exact = await get<StatisticsDashboard>(supervisor, "/api/statistics/dashboard?from=2001&to=2005");
    expect(exact).toMatchObject({ scope: "agency", k: null });
    const origin = table(exact, "identified_origin");
    expect(origin.rows).toEqual(["2001", "2002", "2003", "2004", "2005"]);
    expect(origin.columns).toEqual(["domestic", "foreign"]);
    expect(origin.cells).toEqual(Object.values(tpiu).map(({ domestic, foreign }) => [domestic, foreign]));
    expect(origin.total).toBe(391);
    expect(table(exact, "reidentified_origin")).toMatchObject({ rows: ["2005"], cells: [[1]], total: 1 });
    const citizenship = table(exact, "identified_citizenship");
    expect(citizenship.columns).toEqual(["AL", "BG", "MD", "RO", "UA", "XK"]);
    expect(citizenship.columnTotals?.at(-1)).toBe(38);
    expect(citizenship.columnTotals?.slice(0, 5).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(353);
    expect(table(exact, "identified_gender")).toMatchObject({ columns: ["Feminine"], columnTotals: [391] });
    expect(table(exact, "identified_exploitation")).toMatchObject({
      columns: ["SexualExploitation"],
      rowTotals: null,
    });
    expect(exact.minorsShare.map((m) => m.share)).toEqual([0, 0, 0, 0, 0]);

    // The national coordinator holds no access to identities: cells below 11 are suppressed, with
    // their complements, and the rest is exact.
    const national = await get<StatisticsDashboard>(
      coordinator,
      "/api/statistics/dashboard?from=2001&to=2005",
    );
    expect(national).toMatchObject({ scope: "national", k: 11 });
    const suppressed = table(national, "identified_origin");
    expect(suppressed.cells).toEqual([
      [null, null],
      [null, null],
      [0, 34],
      [12, 35],
      [18, 31],
    ]);
    expect(suppressed.rowTotals).toEqual([172, 89, 34, 47, 49]);
    expect(suppressed.columnTotals).toEqual([38, 353]);
    expect(suppressed.total).toBe(391);
    expect(table(national, "reidentified_origin").cells).toEqual([[null]]);

    // A year filter narrows the rows; another agency's supervisor counts none of these cases.
    const y2004 = await get<StatisticsDashboard>(supervisor, "/api/statistics/dashboard?from=2004&to=2004");
    expect(table(y2004, "identified_origin").cells).toEqual([[12, 35]]);
    const elsewhere = await get<StatisticsDashboard>(otherSupervisor, "/api/statistics/dashboard");
    expect(table(elsewhere, "identified_origin").rows).toEqual([]);
    const region = await get<StatisticsDashboard>(coordinator, "/api/statistics/dashboard?region=prizren");
    expect(table(region, "identified_origin").total).toBe(0);
  });

  it("exports each table as CSV, suppressed whoever asks", async () => {
    const response = await env.as(supervisor, {
      method: "GET",
      url: "/api/statistics/tables/identified_origin.csv?from=2001&to=2005&reason=annual_report",
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="identified_origin.csv"');
    const rows = parseCsv(response.body);
    expect(rows[0]).toEqual(["year", "domestic", "foreign", "total"]);
    expect(rows[1]).toEqual(["2001", suppressedMark, suppressedMark, "172"]);
    expect(rows[6]).toEqual(["total", "38", "353", "391"]);
    expect(response.body).not.toMatch(/Given|Family|NRM-/);
  });

  it("refuses other roles and a threshold below the default", async () => {
    expect((await env.as(caseWorker, { method: "GET", url: "/api/statistics/dashboard" })).statusCode).toBe(
      403,
    );
    const low = await env.as(coordinator, { method: "GET", url: "/api/statistics/dashboard?k=3" });
    expect(low.statusCode).toBe(400);
    expect(low.body).toMatch(/k/);
    const unknown = await env.as(coordinator, {
      method: "GET",
      url: "/api/statistics/tables/nothing.csv?reason=research",
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("exports de-identified HTCDS records in which every combination occurs at least k times", async () => {
    const response = await post(coordinator, "/api/statistics/htcds-export", {
      from: 2001,
      to: 2005,
      reason: "research",
    });
    expect(response.statusCode, response.body).toBe(200);
    const { csv, report } = response.json<{
      csv: string;
      report: {
        k: number;
        people: number;
        exported: number;
        droppedRecords: number;
        suppressedValues: Record<string, number>;
      };
    }>();
    expect(report.k).toBe(11);
    // 392 records, 391 people: the re-identified person is one record.
    expect(report.people).toBe(391);
    expect(report.exported + report.droppedRecords).toBe(391);
    const [head, ...records] = parseCsv(csv);
    expect(head).toEqual([
      "nrm_YearOfIdentification",
      "prs_Gender",
      "prs_Citizenship",
      "vic_AgeWhenTrafficked",
      "vic_TypeOfExploitation",
      "vic_TraffickingStatus",
      "cas_Status",
    ]);
    expect(records).toHaveLength(report.exported);
    const classes = new Map<string, number>();
    for (const r of records) classes.set(r.join("|"), (classes.get(r.join("|")) ?? 0) + 1);
    expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(11);
    // Ages are bands and dates are years, never a birth date or a name.
    expect(csv).not.toMatch(/Given|Family|\d{4}-\d{2}-\d{2}/);
    expect((await post(caseWorker, "/api/statistics/htcds-export", { reason: "research" })).statusCode).toBe(
      403,
    );
  });

  it("releases a differentially private table within each year's privacy budget", async () => {
    const release = (epsilon: number, fromYear = 2001, toYear = 2005) =>
      post(coordinator, "/api/statistics/releases", {
        table: "identified_origin",
        epsilon,
        fromYear,
        toYear,
        reason: "annual_report",
      });
    const first = await release(0.6);
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json<{ table: StatTable; spent: { year: number; spent: number }[] }>();
    expect(body.table.rows).toEqual(["2001", "2002", "2003", "2004", "2005"]);
    expect(body.table.cells.flat().every((v) => v !== null && v >= 0)).toBe(true);
    expect(body.spent.map((s) => s.spent)).toEqual([0.6, 0.6, 0.6, 0.6, 0.6]);
    // 0.6 + 0.6 > 1 for 2005: refused, and nothing is charged.
    const second = await release(0.6, 2005, 2006);
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: { code: string } }>().error.code).toBe("privacy_budget_exhausted");
    // Another year's budget is untouched; 0.4 more still fits in 2005.
    expect((await release(0.4, 2005, 2006)).statusCode).toBe(201);
    const ledger = await get<{ budget: number; years: { year: number; spent: number }[] }>(
      coordinator,
      "/api/statistics/releases",
    );
    expect(ledger.budget).toBe(1);
    expect(ledger.years.map((y) => [y.year, Math.round(y.spent * 10) / 10])).toEqual([
      [2001, 0.6],
      [2002, 0.6],
      [2003, 0.6],
      [2004, 0.6],
      [2005, 1],
      [2006, 0.4],
    ]);
    expect(
      (
        await post(supervisor, "/api/statistics/releases", {
          table: "identified_origin",
          epsilon: 0.1,
          fromYear: 2001,
          toYear: 2001,
          reason: "annual_report",
        })
      ).statusCode,
    ).toBe(403);
    const audit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "statistics.release"));
    expect(audit).toHaveLength(2);
  });

  it("writes the annual report as a PDF in English and Albanian, suppressed", async () => {
    for (const language of ["en", "sq"]) {
      const response = await env.as(supervisor, {
        method: "GET",
        url: `/api/statistics/annual-report.pdf?year=2001&language=${language}&reason=annual_report`,
      });
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pdf = readPdf(response.rawPayload);
      const text = flattenText(pdf.pages.join("\n"));
      expect(pdf.language).toBe(language);
      expect(pdf.missingGlyphs).toBe(0);
      // 2001: 5 domestic (small, hidden with its complement), 172 in all.
      expect(text).toContain(
        language === "en"
          ? "Domestic [c] · Foreign [c] · Total 172"
          : "Vendës [c] · Të huaj [c] · Gjithsej 172",
      );
      expect(text).not.toMatch(/Given|Family/);
      expect(response.headers["content-disposition"]).toBe(
        `attachment; filename="annual-report-2001-${language}.pdf"`,
      );
    }
    expect(
      (
        await env.as(caseWorker, {
          method: "GET",
          url: "/api/statistics/annual-report.pdf?year=2001&reason=other",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("counts referrals, assistance taken up, outcomes and reflection extensions of the cases in scope", async () => {
    const rows = await env.ctx.db
      .select({ id: cases.id, pathway: cases.pathway })
      .from(cases)
      .where(and(gte(cases.identificationDate, "2005-01-01"), lte(cases.identificationDate, "2005-06-30")));
    const domestic = rows.find((r) => r.pathway === "domestic_adult");
    const foreign = rows.find((r) => r.pathway === "foreign_adult");
    if (!domestic || !foreign) throw new Error("no 2005 cases to follow");
    const at = new Date("2005-08-01T10:00:00Z");
    const by = { userId: supervisor.user.id, agencyId: supervisor.user.agencyId };
    await env.ctx.db.insert(reflectionExtensions).values(
      [domestic, foreign].map((c) => ({
        caseId: c.id,
        previousEndDate: "2005-08-31",
        newEndDate: "2005-11-30",
        reason: Buffer.from([0]),
        extendedBy: by.userId,
        agencyId: by.agencyId,
        extendedAt: at,
      })),
    );
    await env.ctx.db.insert(referrals).values({
      caseId: foreign.id,
      fromAgencyId: by.agencyId,
      toAgencyId: by.agencyId,
      purpose: "service",
      status: "accepted",
      referredBy: by.userId,
      referredAt: at,
    });
    await env.ctx.db.insert(assistanceServicesGiven).values(
      (["delivered", "planned"] as const).map((status, i) => ({
        caseId: i === 0 ? foreign.id : domestic.id,
        service: "medical" as const,
        startDate: "2005-09-01",
        status,
        recordedBy: by.userId,
        agencyId: by.agencyId,
        recordedAt: at,
        updatedBy: by.userId,
        updatedAt: at,
      })),
    );
    await env.ctx.db.insert(caseClosures).values({
      caseId: domestic.id,
      outcome: "integrated_locally",
      status: "approved",
      proposedBy: by.userId,
      proposedAt: at,
      approvedBy: by.userId,
      approvedAt: at,
    });
    const exact = await get<StatisticsDashboard>(supervisor, "/api/statistics/dashboard?from=2005&to=2005");
    expect(table(exact, "reflection_extensions")).toMatchObject({
      rows: ["2005"],
      columns: ["domestic", "foreign"],
      cells: [[1, 1]],
      rowTotals: [2],
      columnTotals: null,
    });
    expect(table(exact, "referrals_status")).toMatchObject({ columns: ["accepted"], cells: [[1]] });
    // A planned service is not yet taken up.
    expect(table(exact, "assistance_service")).toMatchObject({ columns: ["medical"], cells: [[1]] });
    expect(table(exact, "outcomes")).toMatchObject({ columns: ["integrated_locally"], cells: [[1]] });
    // The coordinator sees the same figures hidden, and another agency's supervisor none.
    const national = await get<StatisticsDashboard>(
      coordinator,
      "/api/statistics/dashboard?from=2005&to=2005",
    );
    expect(table(national, "reflection_extensions").cells).toEqual([[null, null]]);
    const elsewhere = await get<StatisticsDashboard>(
      otherSupervisor,
      "/api/statistics/dashboard?from=2005&to=2005",
    );
    expect(table(elsewhere, "outcomes").rows).toEqual([]);
  });
});

describe("the per-case facts the dashboard reads", () => {
  const expectedFacts = sql`
    select c.id, coalesce(i.identity_key, uuid_send(c.person_id)) as person_key,
      count(*) over (partition by coalesce(i.identity_key, uuid_send(c.person_id))) > 1 as repeated,
      row_number() over (partition by coalesce(i.identity_key, uuid_send(c.person_id))
        order by c.identification_date, c.created_at, c.id) = 1 as first,
      extract(year from c.identification_date)::int as year, c.identification_region, c.identifying_agency_id,
      c.age_at_identification, c.source, c.exploitation_types, p.gender, p.citizenship
    from cases c join persons p on p.id = c.person_id
    left join statistics_person_identities i on i.person_id = c.person_id`;
  const storedFacts = sql`
    select case_id, person_key, repeated, first, year, region, identifying_agency_id, age, source,
      exploitation_types, gender, citizenship
    from statistics_case_facts`;
  const cellsOfFacts = sql`
    select year, region, identifying_agency_id, repeated, first, age, source, exploitation_types, gender,
      citizenship, count(*)::int from statistics_case_facts group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
  const storedCells = sql`
    select year, region, identifying_agency_id, repeated, first, age, source, exploitation_types, gender,
      citizenship, sum(n)::int from statistics_identified_cells group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
  const differences = async (a: SQL, b: SQL) => {
    const [row] = await env.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`((${a}) except all (${b})) d`);
    return row?.n;
  };
  const consistent = async () => {
    expect(await differences(expectedFacts, storedFacts)).toBe(0);
    expect(await differences(storedFacts, expectedFacts)).toBe(0);
    expect(await differences(cellsOfFacts, storedCells)).toBe(0);
    expect(await differences(storedCells, cellsOfFacts)).toBe(0);
  };

  it("follows registrations, imports and later edits of cases, persons and identity keys", async () => {
    const [stored] = await env.ctx.db.select({ n: count() }).from(statisticsCaseFacts);
    const [all] = await env.ctx.db.select({ n: count() }).from(cases);
    expect(stored?.n).toBe(all?.n);
    expect(all?.n).toBeGreaterThan(300);
    await consistent();

    const keyed = await env.ctx.db
      .select({ id: cases.id, personId: cases.personId, key: statisticsPersonIdentities.identityKey })
      .from(cases)
      .innerJoin(statisticsPersonIdentities, eq(statisticsPersonIdentities.personId, cases.personId))
      .orderBy(cases.createdAt, cases.id)
      .limit(2);
    const [one, two] = keyed;
    if (!one || !two) throw new Error("no cases with identity keys");
    // An edit of the case, of the person, and a second record found to be the same person.
    await env.ctx.db
      .update(cases)
      .set({ identificationRegion: "prizren", ageAtIdentification: 16 })
      .where(eq(cases.id, one.id));
    await env.ctx.db
      .update(persons)
      .set({ citizenship: ["AL"] })
      .where(eq(persons.id, one.personId));
    await env.ctx.db
      .update(statisticsPersonIdentities)
      .set({ identityKey: one.key })
      .where(eq(statisticsPersonIdentities.personId, two.personId));
    await consistent();
    const [shared] = await env.ctx.db
      .select({ n: count() })
      .from(statisticsCaseFacts)
      .where(and(eq(statisticsCaseFacts.repeated, true), eq(statisticsCaseFacts.personKey, one.key)));
    expect(shared?.n).toBeGreaterThanOrEqual(2);

    // The key taken away again: both records count as people of their own.
    await env.ctx.db
      .delete(statisticsPersonIdentities)
      .where(eq(statisticsPersonIdentities.personId, two.personId));
    await consistent();
  });
});

describe("police operations on the dashboard", () => {
  it("counts operations, people found and identified in them and arrests, small cells hidden", async () => {
    const [operation] = await env.ctx.db
      .insert(intelOperations)
      .values({
        agencyId: supervisor.user.agencyId,
        kind: "raid",
        conductedOn: "2004-05-10",
        region: "prishtine",
        units: Buffer.from([0]),
        inspectors: [],
        peopleFound: 30,
        seizures: [],
        interview: {} as never,
        recordedBy: supervisor.user.id,
        recordedAt: env.clock.now(),
      })
      .returning();
    if (!operation) throw new Error("no operation");
    const found = await env.ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(gte(cases.identificationDate, "2004-01-01"), lte(cases.identificationDate, "2004-12-31")))
      .orderBy(cases.id)
      .limit(12);
    expect(found).toHaveLength(12);
    await env.ctx.db.insert(intelOperationCases).values(
      found.map((c) => ({
        caseId: c.id,
        operationId: operation.id,
        created: false,
        linkedBy: supervisor.user.id,
        linkedAt: env.clock.now(),
      })),
    );
    await env.ctx.db
      .insert(intelArrests)
      .values(Array.from({ length: 13 }, () => ({ operationId: operation.id, nationality: "XK" })));

    const national = await get<StatisticsDashboard>(
      coordinator,
      "/api/statistics/dashboard?from=2004&to=2004",
    );
    const police = table(national, "police_operations");
    expect(police.rows).toEqual(["2004"]);
    expect(police.columns).toEqual(["operations", "people_found", "people_identified", "arrests"]);
    // One operation is a small cell: hidden from the coordinator, who holds no identities.
    expect(police.cells).toEqual([[null, 30, 12, 13]]);
    const elsewhere = await get<StatisticsDashboard>(
      coordinator,
      "/api/statistics/dashboard?from=2004&to=2004&region=prizren",
    );
    expect(table(elsewhere, "police_operations").rows).toEqual([]);
    // Operations are not cases of an agency's teams: the supervisor's dashboard has no such table.
    const own = await get<StatisticsDashboard>(supervisor, "/api/statistics/dashboard");
    expect(own.tables.some((t) => t.id === "police_operations")).toBe(false);
  });
});
