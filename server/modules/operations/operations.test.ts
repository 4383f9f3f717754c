import { and, eq, isNull } from "drizzle-orm";
import { alerts } from "../alerts/schema";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { cases } from "../cases/schema";
import { runChecks } from "../alerts/scheduler";
import { type Session, startTestEnvironment, type TestEnvironment } from "../../testing/harness";
import { operationPlacesCheck } from "./places-check";
import { operationCases, operationNotices } from "./schema";

let env: TestEnvironment;
let police: Session;
let otherPolice: Session;
let coordinator: Session;
let shelterWorker: Session;
let operatorAdmin: Session;
let childrenAdmin: Session;
let prosecutor: Session;
let social: Session;

const target = "Motel Ylli, Rruga e Kombit 7";

interface Notice {
  id: string;
  status: string;
  own: boolean;
  details: { target: string; startTime: string } | null;
  startedAt: string | null;
  free: { adults: number; children: number };
  shortage: { adultsShort: number; minorsShort: number } | null;
  registered: number;
  references: string[] | null;
}

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const border = await env.makeAgency({ type: "border_police" });
  const operator = await env.makeAgency({ type: "shelter_operator" });
  const childrenOperator = await env.makeAgency({ type: "shelter_operator" });
  const coordination = await env.makeAgency({ type: "national_coordinator" });
  const prosecution = await env.makeAgency({ type: "prosecution" });
  const csw = await env.makeAgency({ type: "social_services" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  otherPolice = await env.signIn(border.id, ["police_investigator", "supervisor"]);
  coordinator = await env.signIn(coordination.id, ["coordinator"]);
  shelterWorker = await env.signIn(operator.id, ["case_worker"]);
  operatorAdmin = await env.signIn(operator.id, ["agency_admin"]);
  childrenAdmin = await env.signIn(childrenOperator.id, ["agency_admin"]);
  prosecutor = await env.signIn(prosecution.id, ["prosecutor"]);
  social = await env.signIn(csw.id, ["case_worker"]);
  const shelter = (session: Session, kind: string, capacity: number) =>
    env.as(session, {
      method: "POST",
      url: "/api/shelters",
      payload: {
        codeName: `S-${kind}`,
        kind,
        secure: false,
        riskLevels: ["low"],
        capacity,
        address: "Secret street 1",
      },
    });
  expect((await shelter(operatorAdmin, "foreign_victims", 3)).statusCode).toBe(201);
  expect((await shelter(operatorAdmin, "domestic_victims", 2)).statusCode).toBe(201);
  expect((await shelter(childrenAdmin, "children", 1)).statusCode).toBe(201);
});
afterAll(() => env.close());

const noticeBody = (overrides: Record<string, unknown> = {}) => ({
  plannedOn: "2026-06-20",
  region: "prishtine",
  expectedPeople: 8,
  expectedMinors: 2,
  languages: ["ro", "sq"],
  target,
  startTime: "05:30",
  ...overrides,
});
const file = async (overrides: Record<string, unknown> = {}) => {
  const response = await env.as(police, {
    method: "POST",
    url: "/api/operations",
    payload: noticeBody(overrides),
  });
  expect(response.statusCode).toBe(201);
  return response.json<Notice>();
};
const list = async (session: Session) => {
  const response = await env.as(session, { method: "GET", url: "/api/operations" });
  expect(response.statusCode).toBe(200);
  return response.json<Notice[]>();
};
const move = (session: Session, id: string, status: string) =>
  env.as(session, { method: "POST", url: `/api/operations/${id}/status`, payload: { status } });

const person = (i: number, overrides: Record<string, unknown> = {}) => ({
  givenName: `Found${i}`,
  gender: "Feminine",
  birthDate: "1998-01-0" + String((i % 9) + 1),
  citizenship: ["MD"],
  primaryLanguage: "ro",
  ...overrides,
});
const batch = (id: string, people: unknown[], session = police) =>
  env.as(session, {
    method: "POST",
    url: `/api/operations/${id}/registrations`,
    payload: {
      identificationDate: "2026-06-15",
      identificationRegion: "prishtine",
      source: "police_raid",
      people,
    },
  });

describe("an advance notice", () => {
  // Open notices compete for the same places: each example starts with none open.
  afterEach(async () => {
    await env.ctx.db.update(operationNotices).set({ status: "finished" });
  });

  it("shows the target only to the filing police, and the shortage of places to the coordinators", async () => {
    const filed = await file();
    expect(filed.own).toBe(true);
    expect(filed.details).toEqual({ target, startTime: "05:30" });
    expect(filed.free).toEqual({ adults: 5, children: 1 });
    expect(filed.shortage).toEqual({ adultsShort: 1, minorsShort: 1 });

    const [row] = await env.ctx.db.select().from(operationNotices).where(eq(operationNotices.id, filed.id));
    expect(row?.target.toString("utf8")).not.toContain("Motel");
    expect(row).toMatchObject({ adultsShort: 1, minorsShort: 1 });
    const audits = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, filed.id));
    const short = audits.find((a) => a.action === "operation.places_short");
    expect(short?.detail).toEqual({ adultsShort: 1, minorsShort: 1, date: "2026-06-20" });
    expect(JSON.stringify(audits)).not.toContain("Motel");

    // The coordinator is alerted: numbers and the day, no case, no target.
    const alerts = await env.as(coordinator, { method: "GET", url: "/api/alerts/mine" });
    const shortAlert = alerts
      .json<{ items: { kind: string; case: unknown; params: Record<string, unknown> }[] }>()
      .items.find((a) => a.kind === "places_short" && a.params.date === "2026-06-20");
    expect(shortAlert).toMatchObject({
      case: null,
      params: { adultsShort: 1, minorsShort: 1, region: "prishtine" },
    });
    expect(alerts.body).not.toContain("Motel");

    for (const session of [coordinator, shelterWorker]) {
      const response = await env.as(session, { method: "GET", url: `/api/operations/${filed.id}` });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain("Motel");
      expect(response.body).not.toContain("05:30");
      const seen = response.json<Notice>();
      expect(seen).toMatchObject({ own: false, details: null, references: null, startedAt: null });
      expect(seen.shortage).toEqual({ adultsShort: 1, minorsShort: 1 });
      const all = await list(session);
      expect(all.map((n) => n.id)).toContain(filed.id);
      expect(JSON.stringify(all)).not.toContain("Motel");
    }

    // Once started, the coordination group learns when, never where.
    expect((await move(police, filed.id, "started")).statusCode).toBe(200);
    const started = await env.as(coordinator, { method: "GET", url: `/api/operations/${filed.id}` });
    expect(started.json<Notice>().startedAt).toBe("2026-06-15T10:00:00.000Z");
    expect(started.body).not.toContain("Motel");
    expect((await move(police, filed.id, "started")).statusCode).toBe(409);
  });

  it("is hidden from other police, prosecutors and social workers", async () => {
    const filed = await file({ expectedPeople: 1, expectedMinors: 0 });
    expect(filed.shortage).toBeNull();
    for (const session of [otherPolice, prosecutor, social]) {
      const one = await env.as(session, { method: "GET", url: `/api/operations/${filed.id}` });
      expect(one.statusCode).toBe(404);
    }
    expect((await list(otherPolice)).map((n) => n.id)).not.toContain(filed.id);
    for (const session of [prosecutor, social]) {
      expect((await env.as(session, { method: "GET", url: "/api/operations" })).statusCode).toBe(403);
    }
    const filing = await env.as(coordinator, {
      method: "POST",
      url: "/api/operations",
      payload: noticeBody(),
    });
    expect(filing.statusCode).toBe(403);
    expect((await move(coordinator, filed.id, "started")).statusCode).toBe(404);
    expect((await move(otherPolice, filed.id, "started")).statusCode).toBe(404);
    expect((await batch(filed.id, [person(1)], otherPolice)).statusCode).toBe(404);
  });

  it("refuses more minors than people", async () => {
    const response = await env.as(police, {
      method: "POST",
      url: "/api/operations",
      payload: noticeBody({ expectedPeople: 2, expectedMinors: 3 }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { field: string } }>().error.field).toBe("expectedMinors");
  });

  it("is re-checked by the scheduled check when places change", async () => {
    const filed = await file({ expectedPeople: 5, expectedMinors: 0 });
    expect(filed.shortage).toBeNull();
    await env.ctx.db
      .update(operationNotices)
      .set({ expectedPeople: 7 })
      .where(eq(operationNotices.id, filed.id));
    const run = await runChecks(env.ctx, [operationPlacesCheck]);
    expect(run.raised.places_short).toBe(1);
    const [row] = await env.ctx.db.select().from(operationNotices).where(eq(operationNotices.id, filed.id));
    expect(row).toMatchObject({ adultsShort: 2, minorsShort: 0 });
    expect((await runChecks(env.ctx, [operationPlacesCheck])).raised.places_short).toBe(0);
    // One open alert per notice and coordinator office, saying the numbers as they are now.
    const open = await env.ctx.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.subject, filed.id), isNull(alerts.resolvedAt)));
    expect(open.map((a) => a.params)).toEqual([
      { date: "2026-06-20", region: "prishtine", adultsShort: 2, minorsShort: 0 },
    ]);
  });
});

describe("two operations planned close together", () => {
  it("count the people of the one ahead in the other's shortage", async () => {
    // 5 adult and 1 child places free: the first raid's 4 adults and 1 child fit.
    const first = await file({ expectedPeople: 5, expectedMinors: 1 });
    expect(first.shortage).toBeNull();
    // The same night, a second raid expects 3 adults and 1 child: only 1 adult place is left.
    env.clock.advance(60_000);
    const second = await file({ expectedPeople: 4, expectedMinors: 1 });
    expect(second.free).toEqual({ adults: 1, children: 0 });
    expect(second.shortage).toEqual({ adultsShort: 2, minorsShort: 1 });
    // A notice filed later but planned earlier goes ahead: now the first one falls short too.
    env.clock.advance(60_000);
    const earlier = await file({ plannedOn: "2026-06-18", expectedPeople: 2, expectedMinors: 0 });
    expect(earlier.shortage).toBeNull();
    const [row] = await env.ctx.db.select().from(operationNotices).where(eq(operationNotices.id, first.id));
    expect(row).toMatchObject({ adultsShort: 1, minorsShort: 0 });
    // Once the earlier operation is over, its people are in the beds or elsewhere: it no longer counts.
    await move(police, earlier.id, "started");
    await move(police, earlier.id, "finished");
    await runChecks(env.ctx, [operationPlacesCheck]);
    const [again] = await env.ctx.db.select().from(operationNotices).where(eq(operationNotices.id, first.id));
    expect(again).toMatchObject({ adultsShort: 0, minorsShort: 0 });
    await env.ctx.db.update(operationNotices).set({ status: "finished" });
  });
});

describe("the batch registration after the operation", () => {
  it("waits until the operation has started", async () => {
    const filed = await file();
    expect((await batch(filed.id, [person(1)])).statusCode).toBe(409);
  });

  it("registers nobody when one row is bad, naming the row's field", async () => {
    const filed = await file();
    await move(police, filed.id, "started");
    const before = await env.ctx.db.select().from(cases);
    const people = [1, 2, 3, 4, 5, 6].map((i) => person(i));
    people[3] = person(4, { birthDate: "2026-07-01" });
    const response = await batch(filed.id, people);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { field: string } }>().error.field).toBe("people.3.birthDate");
    const schemaBad = await batch(filed.id, [person(1), person(2, { gender: "robot" })]);
    expect(schemaBad.statusCode).toBe(400);
    expect(schemaBad.body).toContain("people.1.gender");
    expect(await env.ctx.db.select().from(cases)).toHaveLength(before.length);
    expect(
      await env.ctx.db.select().from(operationCases).where(eq(operationCases.noticeId, filed.id)),
    ).toHaveLength(0);
  });

  it("registers six people in one step and links their cases to the notice", async () => {
    const filed = await file();
    await move(police, filed.id, "started");
    await move(police, filed.id, "finished");
    const people = [1, 2, 3, 4].map((i) => person(i));
    people.push(person(5, { birthDate: null, estimatedAge: 15 }));
    people.push(person(6, { birthDate: null, estimatedAge: 16, familyName: "Popa" }));
    const response = await batch(filed.id, people);
    expect(response.statusCode).toBe(201);
    const { references } = response.json<{ references: string[] }>();
    expect(references).toHaveLength(6);
    expect(new Set(references).size).toBe(6);
    const linked = await env.ctx.db
      .select({ pathway: cases.pathway, reference: cases.reference })
      .from(operationCases)
      .innerJoin(cases, eq(cases.id, operationCases.caseId))
      .where(eq(operationCases.noticeId, filed.id));
    expect(linked.map((c) => c.reference).sort()).toEqual([...references].sort());
    expect(linked.filter((c) => c.pathway === "child")).toHaveLength(2);
    const seen = (await env.as(police, { method: "GET", url: `/api/operations/${filed.id}` })).json<Notice>();
    expect(seen).toMatchObject({ registered: 6, status: "finished", shortage: null });
    expect(seen.references?.sort()).toEqual([...references].sort());
    const coordinated = (
      await env.as(coordinator, { method: "GET", url: `/api/operations/${filed.id}` })
    ).json<Notice>();
    expect(coordinated).toMatchObject({ registered: 6, references: null });
  });
});
