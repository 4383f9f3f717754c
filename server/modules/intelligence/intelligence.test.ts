import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { flattenText, readPdf } from "../../platform/pdf/inspect";
import { type Session, startTestEnvironment, type TestEnvironment } from "../../testing/harness";
import { runChecks } from "../alerts/scheduler";
import { cases } from "../cases/schema";
import { closureEndedCheck } from "./closure-check";
import { intelPremises, intelPremisesParties } from "./schema";

let env: TestEnvironment;
let police: Session;
let borderPolice: Session;
let chief: Session;
let policeAdmin: Session;
let coordinator: Session;
let shelterWorker: Session;
let prosecutor: Session;
let social: Session;
let advocate: Session;

const fakeId = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const border = await env.makeAgency({ type: "border_police" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  const coordination = await env.makeAgency({ type: "national_coordinator" });
  const prosecution = await env.makeAgency({ type: "prosecution" });
  const csw = await env.makeAgency({ type: "social_services" });
  const vaau = await env.makeAgency({ type: "victim_advocates" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  chief = await env.signIn(unit.id, ["supervisor", "police_investigator"]);
  policeAdmin = await env.signIn(unit.id, ["agency_admin"]);
  borderPolice = await env.signIn(border.id, ["police_investigator"]);
  coordinator = await env.signIn(coordination.id, ["coordinator"]);
  shelterWorker = await env.signIn(shelter.id, ["case_worker", "supervisor"]);
  prosecutor = await env.signIn(prosecution.id, ["prosecutor"]);
  social = await env.signIn(csw.id, ["case_worker"]);
  advocate = await env.signIn(vaau.id, ["case_worker"]);
});
afterAll(() => env.close());

interface Premises {
  id: string;
  name: string;
  address: string;
  status: string;
  offLimits: boolean;
  parties: { role: string; name: string }[];
  history: { status: string; source: string; effectiveOn: string }[];
  closures: { orderedOn: string; authority: string; durationDays: number | null; endsOn: string | null }[];
  flags: {
    id: string;
    reason: string;
    decision: string;
    premisesId: string;
    closedPremisesId: string;
    closedPremisesName: string;
  }[];
}

const premisesBody = (overrides: Record<string, unknown> = {}) => ({
  name: "Bar Venus",
  kind: "night_bar",
  address: "Rr. Nëna Terezë 12",
  municipality: "Ferizaj",
  region: "prishtine",
  parties: [{ role: "operator", kind: "person", name: "Agim Krasniqi" }],
  ...overrides,
});

const post = (session: Session, url: string, payload: unknown) =>
  env.as(session, { method: "POST", url, payload: payload as object });
const get = (session: Session, url: string) => env.as(session, { method: "GET", url });

async function createPremises(overrides: Record<string, unknown> = {}, session = police): Promise<Premises> {
  const response = await post(session, "/api/intelligence/premises", premisesBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Premises>();
}

const operationBody = (overrides: Record<string, unknown> = {}) => ({
  kind: "raid",
  conductedOn: "2026-06-14",
  region: "prishtine",
  units: "TPIU Prishtina, unit 3",
  peopleFound: 3,
  arrests: [{ nationality: "XK" }, { nationality: "AL" }],
  seizures: [{ kind: "identity_documents", quantity: 4 }],
  interview: {
    inPrivate: true,
    outOfSightAndHearingOfOwners: true,
    interpreter: "present",
    femaleOfficerPresent: true,
  },
  ...overrides,
});

/** Every intelligence URL, with a body that would be valid for the compartment. */
const everyRoute = (premisesId: string, operationId: string, flagId: string) =>
  [
    ["GET", "/api/intelligence/premises", undefined],
    ["POST", "/api/intelligence/premises", premisesBody()],
    ["GET", `/api/intelligence/premises/${premisesId}`, undefined],
    [
      "POST",
      `/api/intelligence/premises/${premisesId}/parties`,
      { role: "owner", kind: "company", name: "X" },
    ],
    [
      "POST",
      `/api/intelligence/premises/${premisesId}/status`,
      { status: "cleared", source: "review", on: "2026-06-14" },
    ],
    [
      "POST",
      `/api/intelligence/premises/${premisesId}/closures`,
      { orderedOn: "2026-06-14", authority: "Court" },
    ],
    ["GET", "/api/intelligence/reopenings", undefined],
    ["POST", `/api/intelligence/reopenings/${flagId}`, { decision: "dismissed" }],
    ["GET", "/api/intelligence/operations", undefined],
    ["POST", "/api/intelligence/operations", operationBody()],
    ["GET", `/api/intelligence/operations/${operationId}`, undefined],
    ["POST", `/api/intelligence/operations/${operationId}/identified`, { reference: "KS-2026-00001" }],
    ["GET", "/api/intelligence/suspects", undefined],
    ["POST", "/api/intelligence/suspects", { kind: "person", name: "X", roles: ["Exploiter"] }],
    ["GET", "/api/intelligence/off-limits", undefined],
    ["POST", "/api/intelligence/off-limits/versions", undefined],
    ["GET", "/api/intelligence/off-limits/versions/1/pdf?language=en", undefined],
    ["GET", "/api/intelligence/off-limits/versions/1/csv?language=sq", undefined],
    ["GET", "/api/intelligence/figures?from=2026-01-01&to=2026-12-31", undefined],
    // Malformed bodies and ids are not told apart from the rest either.
    ["POST", "/api/intelligence/premises", { nonsense: true }],
    ["GET", "/api/intelligence/premises/not-a-uuid", undefined],
  ] as const;

describe("the intelligence compartment", () => {
  it("answers 404 on every intelligence URL outside the police, and figures only to coordinators", async () => {
    const premises = await createPremises({ name: "Compartment Club", address: "Rruga B 1" });
    const operation = (await post(police, "/api/intelligence/operations", operationBody())).json<{
      id: string;
    }>();
    const before = await env.ctx.db.select().from(intelPremises);
    for (const session of [shelterWorker, prosecutor, social, advocate, policeAdmin, coordinator]) {
      for (const [method, url, payload] of everyRoute(premises.id, operation.id, fakeId)) {
        const response = await env.as(session, { method, url, ...(payload ? { payload } : {}) });
        const expected = session === coordinator && url.startsWith("/api/intelligence/figures") ? 200 : 404;
        expect(response.statusCode, `${session.user.roles.join("+")} ${method} ${url}`).toBe(expected);
        expect(response.body).not.toContain("Compartment Club");
      }
    }
    // Nothing was written by anyone outside.
    expect(await env.ctx.db.select().from(intelPremises)).toHaveLength(before.length);
    // Border police are inside the compartment too.
    expect((await get(borderPolice, `/api/intelligence/premises/${premises.id}`)).statusCode).toBe(200);
  });
});

describe("premises", () => {
  it("seals name, address and operators, keeps the history with its source, and audits reads without names", async () => {
    const created = await createPremises({
      name: "Motel Ylli",
      address: "Rruga e Kombit 7",
      status: "off_limits",
    });
    expect(created).toMatchObject({
      name: "Motel Ylli",
      address: "Rruga e Kombit 7",
      status: "off_limits",
      offLimits: true,
    });
    expect(created.parties).toEqual([expect.objectContaining({ role: "operator", name: "Agim Krasniqi" })]);
    expect(created.history).toEqual([
      {
        status: "off_limits",
        source: "investigation",
        effectiveOn: "2026-06-15",
        recordedAt: expect.any(String) as unknown,
      },
    ]);

    const [row] = await env.ctx.db.select().from(intelPremises).where(eq(intelPremises.id, created.id));
    expect(row?.name.toString("latin1")).not.toContain("Ylli");
    expect(row?.address.toString("latin1")).not.toContain("Kombit");
    const parties = await env.ctx.db
      .select()
      .from(intelPremisesParties)
      .where(eq(intelPremisesParties.premisesId, created.id));
    expect(parties[0]?.name.toString("latin1")).not.toContain("Krasniqi");

    const cleared = await post(police, `/api/intelligence/premises/${created.id}/status`, {
      status: "cleared",
      source: "inspection",
      on: "2026-06-15",
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json<Premises>().history.map((h) => [h.status, h.source])).toEqual([
      ["off_limits", "investigation"],
      ["cleared", "inspection"],
    ]);
    const again = await post(police, `/api/intelligence/premises/${created.id}/status`, {
      status: "cleared",
      source: "inspection",
      on: "2026-06-15",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe("premises_status_unchanged");
    const reopened = await post(police, `/api/intelligence/premises/${created.id}/status`, {
      status: "reopened",
      source: "review",
      on: "2026-06-15",
    });
    expect(reopened.json<{ error: { code: string } }>().error.code).toBe("premises_not_closed");

    const audits = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "intelligence.premises.create",
        "intelligence.premises.status",
        "intelligence.premises.read",
      ]),
    );
    expect(JSON.stringify(audits)).not.toMatch(/Ylli|Kombit|Krasniqi/);
  });

  it("refuses an unknown region and kind, naming the field", async () => {
    const region = await post(police, "/api/intelligence/premises", premisesBody({ region: "atlantis" }));
    expect(region.statusCode).toBe(400);
    expect(region.json<{ error: { field: string } }>().error.field).toBe("region");
    const kind = await post(police, "/api/intelligence/premises", premisesBody({ kind: "casino" }));
    expect(kind.json<{ error: { field: string; code: string } }>().error).toMatchObject({
      field: "kind",
      code: "invalid_choice",
    });
  });

  it("records a closure by court order and flags a new premises at the same address or with the same operator", async () => {
    const closed = await createPremises({
      name: "Club Paradise",
      address: "Rr. Dëshmorët 5",
      parties: [{ role: "operator", kind: "company", name: "Paradise sh.p.k." }],
    });
    const closure = await post(police, `/api/intelligence/premises/${closed.id}/closures`, {
      orderedOn: "2026-06-10",
      authority: "Basic Court of Ferizaj",
      durationDays: 180,
    });
    expect(closure.statusCode).toBe(200);
    const after = closure.json<Premises>();
    expect(after.status).toBe("closed_by_order");
    expect(after.closures).toEqual([
      {
        orderedOn: "2026-06-10",
        authority: "Basic Court of Ferizaj",
        durationDays: 180,
        endsOn: "2026-12-07",
      },
    ]);
    expect(after.history.at(-1)).toMatchObject({
      status: "closed_by_order",
      source: "court_order",
      effectiveOn: "2026-06-10",
    });
    expect(
      (
        await post(police, `/api/intelligence/premises/${closed.id}/closures`, {
          orderedOn: "2026-06-11",
          authority: "Court",
        })
      ).statusCode,
    ).toBe(409);

    // The same place written differently: "Rruga", no diacritics, other case and punctuation.
    const sameAddress = await createPremises({
      name: "Bar Eden",
      address: "rruga Deshmoret, 5",
      parties: [],
    });
    expect(sameAddress.flags).toEqual([
      expect.objectContaining({
        reason: "same_address",
        decision: "open",
        closedPremisesId: closed.id,
        closedPremisesName: "Club Paradise",
      }),
    ]);
    // The same address in another municipality is another place.
    const elsewhere = await createPremises({
      name: "Bar Elsewhere",
      address: "Rr. Dëshmorët 5",
      municipality: "Gjilan",
      parties: [],
    });
    expect(elsewhere.flags).toEqual([]);
    // The closed one's operator company under a new name, elsewhere.
    const sameOperator = await createPremises({
      name: "Club Heaven",
      address: "Rruga Tjetër 9",
      parties: [{ role: "operator", kind: "company", name: "PARADISE SHPK" }],
    });
    expect(sameOperator.flags.map((f) => f.reason)).toEqual(["same_operator"]);
    // The operator added later also raises the flag.
    const later = await createPremises({ name: "Motel Later", address: "Rruga Tjetër 11", parties: [] });
    const withOperator = await post(police, `/api/intelligence/premises/${later.id}/parties`, {
      role: "operator",
      kind: "company",
      name: "Paradise SHPK",
    });
    expect(withOperator.json<Premises>().flags.map((f) => f.reason)).toEqual(["same_operator"]);

    const open = (await get(police, "/api/intelligence/reopenings")).json<
      { id: string; premisesId: string }[]
    >();
    expect(open.map((f) => f.premisesId)).toEqual(
      expect.arrayContaining([sameAddress.id, sameOperator.id, later.id]),
    );

    const flag = open.find((f) => f.premisesId === sameAddress.id);
    // The investigators are alerted on "My work": a reason code, no name, no address.
    type Mine = {
      items: { kind: string; subject: string; case: unknown; params: Record<string, unknown> }[];
    };
    const reopeningAlerts = async (session: Session) =>
      (await get(session, "/api/alerts/mine"))
        .json<Mine>()
        .items.filter((a) => a.kind === "premises_reopening");
    const alerted = await reopeningAlerts(police);
    // One for each flag: same address (Eden) and same operator (Heaven, Later).
    expect(alerted.map((a) => a.params)).toEqual(
      expect.arrayContaining([
        { reason: "same_address" },
        { reason: "same_operator" },
        { reason: "same_operator" },
      ]),
    );
    expect(alerted.every((a) => a.case === null)).toBe(true);
    const before = alerted.length;
    expect(JSON.stringify(alerted)).not.toMatch(/Paradise|Eden|Dëshmorët|Deshmoret/);
    expect(await reopeningAlerts(borderPolice)).toEqual([]);
    expect(
      (await get(shelterWorker, "/api/alerts/mine"))
        .json<Mine>()
        .items.filter((a) => a.kind === "premises_reopening"),
    ).toEqual([]);
    expect(
      (await post(chief, `/api/intelligence/reopenings/${flag?.id}`, { decision: "confirmed" })).statusCode,
    ).toBe(204);
    const confirmed = (await get(police, `/api/intelligence/premises/${sameAddress.id}`)).json<Premises>();
    expect(confirmed.status).toBe("reopened");
    expect(confirmed.history.at(-1)).toMatchObject({ status: "reopened", source: "review" });
    expect(
      (await post(chief, `/api/intelligence/reopenings/${flag?.id}`, { decision: "dismissed" })).statusCode,
    ).toBe(409);
    expect(await reopeningAlerts(police)).toHaveLength(before - 1);
  });

  it("flags premises recorded before the closure of the one at their address", async () => {
    const first = await createPremises({ name: "Motel Early", address: "Rruga Early 4", parties: [] });
    const closedLater = await createPremises({ name: "Motel Before", address: "Rruga Early 4", parties: [] });
    expect(closedLater.flags).toEqual([]);
    // The older one closed: the newer one at its address is the likely reopening; the reverse is not.
    await post(police, `/api/intelligence/premises/${first.id}/closures`, {
      orderedOn: "2026-06-12",
      authority: "Court",
    });
    const newer = (await get(police, `/api/intelligence/premises/${closedLater.id}`)).json<Premises>();
    expect(newer.flags).toEqual([
      expect.objectContaining({ reason: "same_address", closedPremisesId: first.id }),
    ]);
  });
});

describe("the end of a closure", () => {
  it("alerts the police when a closure ordered for a fixed time has run out, until the premises is decided on", async () => {
    const premises = await createPremises({ name: "Bar Expired", address: "Rruga Fund 1", parties: [] });
    await post(police, `/api/intelligence/premises/${premises.id}/closures`, {
      orderedOn: "2026-06-01",
      authority: "Court",
      durationDays: 10,
    });
    type Mine = { items: { kind: string; case: unknown; params: Record<string, unknown> }[] };
    const ended = async () =>
      (await get(police, "/api/alerts/mine"))
        .json<Mine>()
        .items.filter((a) => a.kind === "premises_closure_ended" && a.params.endedOn === "2026-06-11");
    expect(
      (await runChecks(env.ctx, [closureEndedCheck])).raised[closureEndedCheck.name],
    ).toBeGreaterThanOrEqual(1);
    expect(await ended()).toEqual([
      expect.objectContaining({ case: null, params: { endedOn: "2026-06-11" } }),
    ]);
    expect((await runChecks(env.ctx, [closureEndedCheck])).raised[closureEndedCheck.name]).toBe(0);
    await post(police, `/api/intelligence/premises/${premises.id}/status`, {
      status: "off_limits",
      source: "inspection",
      on: "2026-06-15",
    });
    expect(await ended()).toEqual([]);
  });
});

describe("operations", () => {
  it("records a raid with arrests, registers a presumed victim whose case shows only its source, and links an existing case", async () => {
    const premises = await createPremises({ name: "Bar Raided", address: "Rruga Raid 1", parties: [] });
    const response = await post(
      police,
      "/api/intelligence/operations",
      operationBody({ premisesId: premises.id }),
    );
    expect(response.statusCode).toBe(201);
    const operation = response.json<{
      id: string;
      units: string;
      arrests: unknown[];
      premisesName: string;
    }>();
    expect(operation).toMatchObject({ units: "TPIU Prishtina, unit 3", premisesName: "Bar Raided" });
    expect(operation.arrests).toEqual([{ nationality: "XK" }, { nationality: "AL" }]);

    const identified = await post(police, `/api/intelligence/operations/${operation.id}/identified`, {
      person: {
        givenName: "Elena",
        familyName: "Rusu",
        gender: "Feminine",
        birthDate: "2001-02-03",
        citizenship: ["MD"],
      },
    });
    expect(identified.statusCode, identified.body).toBe(201);
    const { reference } = identified.json<{ reference: string }>();
    const [created] = await env.ctx.db.select().from(cases).where(eq(cases.reference, reference));
    expect(created).toMatchObject({
      source: "police_raid",
      identificationDate: "2026-06-14",
      identificationRegion: "prishtine",
    });
    // The case as its team sees it tells where it came from, nothing of the operation.
    const caseView = await get(police, `/api/cases/${reference}`);
    expect(caseView.statusCode).toBe(200);
    expect(caseView.body).toContain("police_raid");
    expect(caseView.body).not.toContain(operation.id);
    expect(caseView.body).not.toContain("Bar Raided");
    expect(caseView.body).not.toContain("TPIU");

    // A case the police already registered is linked instead.
    const existing = await post(police, "/api/cases", {
      person: { givenName: "Ana", gender: "Feminine", birthDate: "2000-01-01", citizenship: ["RO"] },
      identificationDate: "2026-06-14",
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    expect(existing.statusCode, existing.body).toBe(201);
    const existingRef = existing.json<{ reference: string }>().reference;
    expect(
      (
        await post(police, `/api/intelligence/operations/${operation.id}/identified`, {
          reference: existingRef,
        })
      ).statusCode,
    ).toBe(201);
    const twice = await post(police, `/api/intelligence/operations/${operation.id}/identified`, {
      reference: existingRef,
    });
    expect(twice.json<{ error: { code: string } }>().error.code).toBe("case_already_linked");
    // A case outside the police's team is not found.
    const unknown = await post(police, `/api/intelligence/operations/${operation.id}/identified`, {
      reference: "KS-2026-99999",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { field: string } }>().error.field).toBe("reference");

    await post(police, `/api/intelligence/operations/${operation.id}/identified`, {
      person: { givenName: "Third", gender: "Feminine", estimatedAge: 20, citizenship: ["UA"] },
    });
    const fourth = await post(police, `/api/intelligence/operations/${operation.id}/identified`, {
      person: { givenName: "Fourth", gender: "Feminine", estimatedAge: 20 },
    });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json<{ error: { code: string } }>().error.code).toBe("identified_exceed_found");

    const seen = (await get(police, `/api/intelligence/operations/${operation.id}`)).json<{
      cases: { reference: string; created: boolean }[];
    }>();
    expect(seen.cases).toHaveLength(3);
    expect(seen.cases.find((c) => c.reference === existingRef)?.created).toBe(false);
  });

  it("asks a joint inspection for its inspectors", async () => {
    const response = await post(
      police,
      "/api/intelligence/operations",
      operationBody({ kind: "joint_inspection", inspectors: [] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { field: string; code: string } }>().error).toMatchObject({
      field: "inspectors",
      code: "inspectors_required",
    });
    const ok = await post(
      police,
      "/api/intelligence/operations",
      operationBody({
        kind: "joint_inspection",
        inspectors: ["fire", "labour"],
        arrests: [],
        peopleFound: 0,
      }),
    );
    expect(ok.statusCode).toBe(201);
  });
});

describe("suspects", () => {
  it("records a suspect with HTCDS roles linked to premises and an operation", async () => {
    const premises = await createPremises({ name: "Bar Suspect", address: "Rruga S 2", parties: [] });
    const operation = (
      await post(police, "/api/intelligence/operations", operationBody({ arrests: [] }))
    ).json<{ id: string }>();
    const created = await post(police, "/api/intelligence/suspects", {
      kind: "person",
      name: "Besnik Hoxha",
      nationality: "XK",
      roles: ["Exploiter", "RecruiterOrIntermediary"],
      premisesIds: [premises.id],
      operationIds: [operation.id],
      proceedings: "PP.I.nr. 123/2026",
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = (await get(police, "/api/intelligence/suspects")).json<
      { name: string; roles: string[]; proceedings: string }[]
    >();
    expect(list.find((s) => s.name === "Besnik Hoxha")).toMatchObject({
      roles: ["Exploiter", "RecruiterOrIntermediary"],
      proceedings: "PP.I.nr. 123/2026",
    });
    const detail = (await get(police, `/api/intelligence/premises/${premises.id}`)).json<{
      suspects: { name: string }[];
    }>();
    expect(detail.suspects.map((s) => s.name)).toEqual(["Besnik Hoxha"]);
    const bad = await post(police, "/api/intelligence/suspects", {
      kind: "person",
      name: "X",
      roles: ["Banker"],
    });
    expect(bad.json<{ error: { field: string } }>().error.field).toBe("roles.0");
  });
});

describe("the off-limits list", () => {
  it("publishes dated versions as PDF and CSV in English and Albanian, with the changes since the previous one", async () => {
    const first = await post(police, "/api/intelligence/off-limits/versions", undefined);
    expect(first.statusCode).toBe(201);
    const v1 = first.json<{ version: number }>().version;
    const listed = await createPremises({
      name: "Night Bar Luna",
      address: "Rruga Luna 3",
      status: "off_limits",
      parties: [],
    });
    const overview = (await get(police, "/api/intelligence/off-limits")).json<{
      current: { id: string }[];
      pending: { added: string[] };
    }>();
    expect(overview.pending.added).toEqual([listed.id]);
    const second = await post(chief, "/api/intelligence/off-limits/versions", undefined);
    const v2 = second.json<{ version: number }>().version;
    expect(v2).toBe(v1 + 1);

    const pdf = await get(police, `/api/intelligence/off-limits/versions/${v2}/pdf?language=en`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = flattenText(readPdf(pdf.rawPayload).pages.join("\n"));
    expect(text).toContain("Off-limits premises");
    expect(text).toContain("Night Bar Luna");
    expect(text).toContain("Rruga Luna 3");
    expect(text).toContain("Date 2026-06-15");
    expect(text).toMatch(/Changes since the previous version Added: • Night Bar Luna/);

    const sq = flattenText(
      readPdf(
        (await get(police, `/api/intelligence/off-limits/versions/${v2}/pdf?language=sq`)).rawPayload,
      ).pages.join("\n"),
    );
    expect(sq).toContain("Lokalet e ndaluara");
    expect(sq).toContain("Bar nate");

    const csv = await get(police, `/api/intelligence/off-limits/versions/${v2}/csv?language=sq`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Versioni,Data,Emri,Lloji,Adresa,Komuna,Rajoni,Statusi,Ndryshimi");
    expect(lines).toContain(
      `${v2},2026-06-15,Night Bar Luna,Bar nate,Rruga Luna 3,Ferizaj,Prishtinë / Priština,I ndaluar,Të shtuara`,
    );

    // Cleared, the premises leaves the list; the next version says it was removed.
    await post(police, `/api/intelligence/premises/${listed.id}/status`, {
      status: "cleared",
      source: "review",
      on: "2026-06-15",
    });
    const v3 = (await post(police, "/api/intelligence/off-limits/versions", undefined)).json<{
      version: number;
    }>().version;
    const third = await get(police, `/api/intelligence/off-limits/versions/${v3}/csv?language=en`);
    expect(third.body).toContain(
      "Night Bar Luna,Night bar,Rruga Luna 3,Ferizaj,Prishtinë / Priština,Off limits,Removed",
    );
    // The earlier version still prints as it was.
    const again = flattenText(
      readPdf((await get(police, `/api/intelligence/off-limits/versions/${v2}/pdf`)).rawPayload).pages.join(
        "\n",
      ),
    );
    expect(again).toContain("Night Bar Luna");

    const audits = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(v2)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["intelligence.off_limits.publish", "intelligence.off_limits.download"]),
    );
    expect((await get(police, "/api/intelligence/off-limits/versions/999/pdf")).statusCode).toBe(404);
  });
});

describe("figures", () => {
  it("counts operations by kind, closures, reopenings, people and arrests by nationality for a period", async () => {
    const from = "2025-03-01";
    const to = "2025-03-31";
    const empty = (await get(coordinator, `/api/intelligence/figures?from=${from}&to=${to}`)).json<{
      operations: number;
    }>();
    expect(empty.operations).toBe(0);
    await post(
      police,
      "/api/intelligence/operations",
      operationBody({
        conductedOn: "2025-03-05",
        peopleFound: 4,
        arrests: [{ nationality: "AL" }, { nationality: "AL" }, { nationality: "MD" }],
      }),
    );
    await post(
      police,
      "/api/intelligence/operations",
      operationBody({ kind: "undercover", conductedOn: "2025-03-20", peopleFound: 1, arrests: [] }),
    );
    await post(police, "/api/intelligence/operations", operationBody({ conductedOn: "2025-04-02" }));
    const premises = await createPremises({ name: "Figures Bar", address: "Rruga F 1", parties: [] });
    await post(police, `/api/intelligence/premises/${premises.id}/closures`, {
      orderedOn: "2025-03-15",
      authority: "Court",
    });
    const response = await get(coordinator, `/api/intelligence/figures?from=${from}&to=${to}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      from,
      to,
      operationsByKind: { raid: 1, undercover: 1 },
      operations: 2,
      premisesClosed: 1,
      reopenings: 0,
      peopleFound: 5,
      peopleIdentified: 0,
      arrests: 3,
      arrestsByNationality: [
        { nationality: "AL", count: 2 },
        { nationality: "MD", count: 1 },
      ],
    });
    expect(response.body).not.toContain("Figures Bar");
  });
});
