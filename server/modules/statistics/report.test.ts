import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatisticsDashboard, StatTable } from "../../../shared/statistics";
import { renderPdf } from "../../platform/pdf/document";
import { flattenText, readPdf } from "../../platform/pdf/inspect";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { annualReport } from "./report";
import { parseCsv } from "./rules";

let env: TestEnvironment;
let police: Session;
let policeSupervisor: Session;
let prosecutor: Session;
let coordinator: Session;
let shelterSupervisor: Session;
let caseWorker: Session;

const post = (session: Session, url: string, payload: object) =>
  env.as(session, { method: "POST", url, payload });
const get = async <T>(session: Session, url: string) => {
  const response = await env.as(session, { method: "GET", url });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response.json<T>();
};
const tableOf = (dashboard: StatisticsDashboard, id: StatTable["id"]) => {
  const found = dashboard.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};

/**
 * 2026: 7 domestic people (a small cell) and 30 foreign (15 from Moldova, 15 from Ukraine); one
 * proceeding with 14 defendants charged, 12 of them convicted to 8 months under section 2.1 (below
 * its 24-month minimum) and 2 awaiting a verdict.
 */
beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const prosecution = await env.makeAgency({ type: "prosecution" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  const national = await env.makeAgency({ type: "national_coordinator" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  policeSupervisor = await env.signIn(unit.id, ["police_investigator", "supervisor"]);
  prosecutor = await env.signIn(prosecution.id, ["prosecutor"]);
  coordinator = await env.signIn(national.id, ["coordinator"]);
  shelterSupervisor = await env.signIn(shelter.id, ["supervisor"]);
  caseWorker = await env.signIn(unit.id, ["case_worker"]);

  const citizenships = [
    ...Array.from({ length: 7 }, () => "XK"),
    ...Array.from({ length: 15 }, () => "MD"),
    ...Array.from({ length: 15 }, () => "UA"),
  ];
  let first = "";
  for (const [i, citizenship] of citizenships.entries()) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const response = await post(
      police,
      "/api/cases",
      registration({
        person: { citizenship: [citizenship], birthDate: `${1980 + (i % 20)}-0${1 + (i % 9)}-${day}` },
        identificationDate: `2026-0${1 + (i % 5)}-${day}`,
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    first ||= response.json<{ reference: string }>().reference;
  }
  const team = await post(policeSupervisor, `/api/cases/${first}/team`, {
    agencyId: prosecution.id,
    scopes: ["identity"],
  });
  expect(team.statusCode).toBeLessThan(300);
  const opened = await post(prosecutor, "/api/justice/proceedings", {
    caseReference: first,
    injuredParty: true,
    witness: true,
    stage: "indictment",
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const proceeding = opened.json<{ id: string }>().id;
  for (let i = 0; i < 14; i++) {
    const defendant = await post(prosecutor, `/api/justice/proceedings/${proceeding}/defendants`, {
      name: `Counted Defendant`,
      nationality: "AL",
      role: "exploiter",
      custody: "detained",
    });
    expect(defendant.statusCode, defendant.body).toBe(201);
    const charge = await post(prosecutor, `/api/justice/proceedings/${proceeding}/charges`, {
      defendantId: defendant.json<{ id: string }>().id,
      section: "2.1",
      chargedOn: "2026-03-10",
    });
    expect(charge.statusCode, charge.body).toBe(201);
    if (i < 12) {
      const verdict = await post(prosecutor, `/api/justice/proceedings/${proceeding}/verdicts`, {
        chargeId: charge.json<{ id: string }>().id,
        outcome: "convicted",
        decidedOn: "2026-06-14",
        imprisonmentMonths: 8,
      });
      expect(verdict.statusCode, verdict.body).toBe(201);
    }
  }
}, 120_000);
afterAll(async () => env.close());

describe("the prosecution funnel and sentences on the dashboard", () => {
  it("shows the coordinator the funnel and the sentences by year, small cells hidden", async () => {
    const dashboard = await get<StatisticsDashboard>(coordinator, "/api/statistics/dashboard");
    const funnel = tableOf(dashboard, "prosecution_funnel");
    expect(funnel).toMatchObject({
      rowDimension: "year",
      columnDimension: "prosecutionStage",
      rows: ["2026"],
      columns: ["proceedings", "charged", "convicted"],
      // One proceeding: a small cell.
      cells: [[null, 14, 12]],
      rowTotals: null,
      columnTotals: null,
      k: 11,
      suppressedCount: 1,
    });
    expect(tableOf(dashboard, "sentences_range")).toMatchObject({
      columns: ["below_minimum", "within", "above_maximum"],
      cells: [[12, 0, 0]],
      rowTotals: [12],
      columnTotals: [12, 0, 0],
      total: 12,
    });
    expect(JSON.stringify(dashboard)).not.toContain("Counted");
  });

  it("suppresses the national justice figures for an agency head too, and filters leave them out", async () => {
    const dashboard = await get<StatisticsDashboard>(policeSupervisor, "/api/statistics/dashboard");
    // Their own agency's people are exact...
    expect(dashboard.k).toBeNull();
    expect(tableOf(dashboard, "identified_origin").cells).toEqual([[7, 30]]);
    // ...the national justice figures are not.
    expect(tableOf(dashboard, "prosecution_funnel")).toMatchObject({ k: 11, cells: [[null, 14, 12]] });
    const elsewhere = await get<StatisticsDashboard>(shelterSupervisor, "/api/statistics/dashboard");
    expect(tableOf(elsewhere, "prosecution_funnel").cells).toEqual([[null, 14, 12]]);
    const regional = await get<StatisticsDashboard>(
      coordinator,
      "/api/statistics/dashboard?region=prishtine",
    );
    expect(regional.tables.some((t) => t.id === "prosecution_funnel")).toBe(false);
    expect(regional.tables.some((t) => t.id === "sentences_range")).toBe(false);
    const later = await get<StatisticsDashboard>(coordinator, "/api/statistics/dashboard?from=2027&to=2027");
    expect(tableOf(later, "prosecution_funnel").rows).toEqual([]);
    expect((await env.as(caseWorker, { method: "GET", url: "/api/statistics/dashboard" })).statusCode).toBe(
      403,
    );
  });

  it("exports the funnel as CSV, suppressed whoever asks", async () => {
    for (const session of [coordinator, policeSupervisor]) {
      const response = await env.as(session, {
        method: "GET",
        url: "/api/statistics/tables/prosecution_funnel.csv?reason=research",
      });
      expect(response.statusCode).toBe(200);
      expect(parseCsv(response.body)).toEqual([
        ["year", "proceedings", "charged", "convicted"],
        ["2026", "[c]", "14", "12"],
      ]);
    }
    const sentences = await env.as(policeSupervisor, {
      method: "GET",
      url: "/api/statistics/tables/sentences_range.csv?reason=research",
    });
    expect(parseCsv(sentences.body)).toEqual([
      ["year", "below_minimum", "within", "above_maximum", "total"],
      ["2026", "12", "0", "0", "12"],
      ["total", "12", "0", "0", "12"],
    ]);
  });
});

/** The text lines of the figure titled `title`, up to the next figure or table heading. */
function figureLines(lines: string[], title: string, stop: RegExp): string[] {
  // A long title wraps: it starts the figure's lines.
  const start = lines.findIndex((l) => title.startsWith(l.trim()) && l.trim().length > 8);
  expect(start, `figure "${title}" in ${lines.join(" | ")}`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => stop.test(l));
  return end < 0 ? rest : rest.slice(0, end);
}

describe("charts in the annual report", () => {
  it("draws a chart for each table in English and Albanian, with titles, axes and hidden cells marked", async () => {
    const expected = {
      en: {
        origin: "Figure 1. People identified, by origin, 2026",
        stop: /^(Figure \d|People identified|Domestic [\d[])/,
        people: "People",
        domestic: "Domestic",
        foreign: "Foreign",
        hidden: "[c] hidden",
        funnel: "Figure 7. Prosecution: proceedings opened, defendants charged and convicted, 2026",
        charged: "Defendants charged",
        below: "Below the minimum",
        shelter: "People in shelters, by month, 2026",
        month: "Month",
        labels: ["Moldova", "Ukraine", "Kosovo", "Female", "Police raid"],
      },
      sq: {
        origin: "Figura 1. Persona të identifikuar, sipas origjinës, 2026",
        stop: /^(Figura \d|Persona të identifikuar|Vendës [\d[])/,
        people: "Persona",
        domestic: "Vendës",
        foreign: "Të huaj",
        hidden: "[c] e fshehur",
        funnel: "Figura 7. Ndjekja penale: procedura të hapura, të pandehur të akuzuar dhe të dënuar, 2026",
        charged: "Të pandehur të akuzuar",
        below: "Nën minimumin",
        shelter: "Persona në strehimore, sipas muajit, 2026",
        month: "Muaji",
        labels: ["Moldavi", "Ukrainë", "Kosovë", "Femër", "Aksion policor"],
      },
    } as const;
    for (const language of ["en", "sq"] as const) {
      const e = expected[language];
      const response = await env.as(coordinator, {
        method: "GET",
        url: `/api/statistics/annual-report.pdf?year=2026&language=${language}&reason=annual_report`,
      });
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      const pdf = readPdf(response.rawPayload);
      expect(pdf.missingGlyphs).toBe(0);
      expect(pdf.fonts.every((f) => f.startsWith("DejaVuSans"))).toBe(true);
      const lines = pdf.pages.flatMap((p) => p.split("\n"));

      // People identified by origin: 7 domestic is a small cell, hidden with its complement.
      const origin = figureLines(lines, e.origin, e.stop);
      expect(origin).toEqual(expect.arrayContaining([e.domestic, e.foreign, e.people, e.hidden]));
      expect(origin.filter((l) => l === e.hidden)).toHaveLength(2);
      expect(origin).not.toContain("7");
      expect(origin).not.toContain("30");
      // The table under the chart keeps the total.
      expect(flattenText(pdf.pages.join("\n"))).toContain(`${e.domestic} [c]`);

      // A figure of every kind the report publishes, with its category and value axis labels.
      const funnel = figureLines(lines, e.funnel, /^2026$/);
      expect(funnel.length).toBeGreaterThan(0);
      expect(funnel).toEqual(expect.arrayContaining([e.charged, "14", "12", e.hidden]));
      expect(flattenText(pdf.pages.join("\n"))).toContain(e.funnel);
      expect(lines).toContain(e.below);
      expect(lines.some((l) => l.endsWith(e.shelter))).toBe(true);
      expect(lines).toContain(e.month);
      // Categories are named in the report's language, as on screen, not by their codes.
      expect(lines).toEqual(expect.arrayContaining([...e.labels]));
      expect(lines).not.toContain("police_raid");
      // Every figure is numbered: one per table with figures (here none of exploitation, referrals,
      // assistance, outcomes, reflection periods, police operations or re-identifications).
      const numbered = lines.filter((l) => /^(Figure|Figura) \d+\. /.test(l));
      expect(numbered).toHaveLength(8);
    }
  });

  it("makes the report longer than its tables alone", async () => {
    const response = await env.as(coordinator, {
      method: "GET",
      url: "/api/statistics/annual-report.pdf?year=2026&language=en&reason=annual_report",
    });
    // The same figures as the report (suppressed, as every export), without the charts.
    const dashboard = await get<StatisticsDashboard>(
      coordinator,
      "/api/statistics/dashboard?from=2026&to=2026",
    );
    const spec = annualReport(dashboard, 2026, "en");
    const tablesOnly = await renderPdf({ ...spec, blocks: spec.blocks.filter((b) => b.kind !== "drawing") });
    const withCharts = readPdf(response.rawPayload);
    const without = readPdf(tablesOnly);
    expect(withCharts.pages.length).toBeGreaterThan(without.pages.length);
    expect(response.rawPayload.length).toBeGreaterThan(tablesOnly.length);
    // The charts add figures, never other text: every line of the tables is still there.
    const chartText = flattenText(withCharts.pages.join("\n"));
    for (const line of without.pages.flatMap((p) => p.split("\n")).filter((l) => !/^\d+ \/ \d+$/.test(l)))
      expect(chartText).toContain(flattenText(line));
  });
});
