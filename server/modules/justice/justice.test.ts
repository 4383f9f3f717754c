import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { alerts } from "../alerts/schema";
import { justiceDefendants, justiceVictims } from "./schema";

let env: TestEnvironment;
let police: Session;
let policeSupervisor: Session;
let prosecutor: Session;
let otherProsecutor: Session;
let shelterWorker: Session;
let advocate: Session;
let coordinator: Session;
let prosecutionId: string;
let shelterId: string;
let advocatesId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const prosecution = await env.makeAgency({ type: "prosecution", name: "District prosecutor" });
  const otherOffice = await env.makeAgency({ type: "prosecution" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  const advocates = await env.makeAgency({ type: "victim_advocates" });
  const national = await env.makeAgency({ type: "national_coordinator" });
  prosecutionId = prosecution.id;
  shelterId = shelter.id;
  advocatesId = advocates.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  policeSupervisor = await env.signIn(unit.id, ["police_investigator", "supervisor"]);
  prosecutor = await env.signIn(prosecution.id, ["prosecutor"]);
  otherProsecutor = await env.signIn(otherOffice.id, ["prosecutor"]);
  shelterWorker = await env.signIn(shelter.id, ["case_worker", "supervisor"]);
  advocate = await env.signIn(advocates.id, ["case_worker"]);
  coordinator = await env.signIn(national.id, ["coordinator"]);
});
afterAll(() => env.close());

/** A victim's case registered by the police with the prosecution, the shelter and the advocates on its team. */
async function victimCase(person: Record<string, unknown> = {}): Promise<string> {
  const registered = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person }),
  });
  const { reference } = registered.json<{ reference: string }>();
  for (const agencyId of [prosecutionId, shelterId, advocatesId]) {
    const added = await env.as(policeSupervisor, {
      method: "POST",
      url: `/api/cases/${reference}/team`,
      payload: { agencyId, scopes: ["identity"] },
    });
    expect(added.statusCode).toBeLessThan(300);
  }
  return reference;
}

const post = (session: Session, url: string, payload: object) =>
  env.as(session, { method: "POST", url, payload });
const get = (session: Session, url: string) => env.as(session, { method: "GET", url });

async function open(reference: string): Promise<string> {
  const response = await post(prosecutor, "/api/justice/proceedings", {
    caseReference: reference,
    injuredParty: true,
    witness: true,
    stage: "indictment",
    policeCaseNumber: "THBS-2026-114",
    prosecutorReference: "PP 88/2026",
    court: "District Court Prishtinë",
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}
async function defendant(id: string, name: string): Promise<string> {
  const response = await post(prosecutor, `/api/justice/proceedings/${id}/defendants`, {
    name,
    nationality: "AL",
    role: "exploiter",
    custody: "detained",
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}
async function charge(id: string, defendantId: string, section: string, extra: object = {}): Promise<string> {
  const response = await post(prosecutor, `/api/justice/proceedings/${id}/charges`, {
    defendantId,
    section,
    chargedOn: "2026-06-10",
    ...extra,
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

interface Proceeding {
  stage: string;
  defendants: { id: string; name: string; custody: string }[];
  charges: {
    id: string;
    section: string;
    minorVictim: boolean;
    verdict: { rangeCheck: string | null; outOfRange: boolean; minimumMonths: number | null } | null;
  }[];
  hearings: { kind: string; at: string }[];
  victims: {
    id: string;
    case: { reference: string };
    measuresGranted: string[];
    informed: { at: string; by: { id: string } } | null;
    lawyer: string | null;
    testimonies: { kind: string; presence: string }[];
    pastHistoryInCameraOnly: boolean;
    witnessProtectionUnit: boolean;
  }[];
  outOfRange: number;
}

describe("an indictment with defendants, charges, a hearing and a verdict", () => {
  it("flags a sentence below the statutory minimum and keeps names sealed", async () => {
    const reference = await victimCase();
    const id = await open(reference);
    const first = await defendant(id, "Arben Kuqi");
    const second = await defendant(id, "Ilir Gashi");
    const c1 = await charge(id, first, "2.1");
    const c2 = await charge(id, second, "4");
    const hearing = await post(prosecutor, `/api/justice/proceedings/${id}/hearings`, {
      kind: "trial",
      at: "2026-07-01T09:00:00+02:00",
    });
    expect(hearing.statusCode).toBe(201);

    const low = await post(prosecutor, `/api/justice/proceedings/${id}/verdicts`, {
      chargeId: c1,
      outcome: "convicted",
      decidedOn: "2026-06-14",
      imprisonmentMonths: 8,
      mitigatingGrounds: ["first_offence"],
    });
    expect(low.json()).toMatchObject({ rangeCheck: "below_minimum" });
    const within = await post(prosecutor, `/api/justice/proceedings/${id}/verdicts`, {
      chargeId: c2,
      outcome: "convicted",
      decidedOn: "2026-06-14",
      imprisonmentMonths: 12,
      suspended: true,
    });
    expect(within.json()).toMatchObject({ rangeCheck: "within" });

    const detail = (await get(prosecutor, `/api/justice/proceedings/${id}`)).json<Proceeding>();
    expect(detail.defendants.map((d) => d.name)).toEqual(["Arben Kuqi", "Ilir Gashi"]);
    expect(detail.charges.map((c) => [c.section, c.verdict?.rangeCheck, c.verdict?.minimumMonths])).toEqual([
      ["2.1", "below_minimum", 24],
      ["4", "within", 6],
    ]);
    expect(detail.outOfRange).toBe(1);
    expect(detail.hearings).toEqual([
      expect.objectContaining({ kind: "trial", at: "2026-07-01T07:00:00.000Z" }),
    ]);
    expect(detail.victims[0]?.case.reference).toBe(reference);

    const docket = (await get(prosecutor, "/api/justice/proceedings")).json<
      {
        id: string;
        outOfRange: number;
        defendants: number;
        victims: string[];
        nextHearing: unknown;
        witnessesNotInformed: number;
      }[]
    >();
    expect(docket.find((p) => p.id === id)).toMatchObject({
      outOfRange: 1,
      witnessesNotInformed: 1,
      defendants: 2,
      victims: [reference],
      nextHearing: { kind: "trial", at: "2026-07-01T07:00:00.000Z" },
    });

    const [stored] = await env.ctx.db.select().from(justiceDefendants).where(eq(justiceDefendants.id, first));
    expect(stored?.name.toString("utf8")).not.toContain("Kuqi");
    const reads = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "justice_proceeding.read"), eq(auditEvents.entityId, id)));
    expect(reads.length).toBeGreaterThan(0);
    const verdictAudit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "justice_verdict.record"));
    expect(JSON.stringify(verdictAudit.map((a) => a.detail))).not.toContain("Kuqi");
  });

  it("raises the maximum for a minor victim, from the child pathway unless the prosecutor says", async () => {
    const reference = await victimCase({ birthDate: "2011-03-01" });
    const id = await open(reference);
    const d = await defendant(id, "Minor case defendant");
    const c = await charge(id, d, "2.1");
    const adultRange = await charge(id, d, "4", { minorVictim: false });
    await post(prosecutor, `/api/justice/proceedings/${id}/verdicts`, {
      chargeId: c,
      outcome: "convicted",
      decidedOn: "2026-06-14",
      imprisonmentMonths: 170,
    });
    await post(prosecutor, `/api/justice/proceedings/${id}/verdicts`, {
      chargeId: adultRange,
      outcome: "convicted",
      decidedOn: "2026-06-14",
      imprisonmentMonths: 70,
    });
    const detail = (await get(prosecutor, `/api/justice/proceedings/${id}`)).json<Proceeding>();
    expect(detail.charges.map((x) => [x.section, x.minorVictim, x.verdict?.rangeCheck])).toEqual([
      ["2.1", true, "within"],
      ["4", false, "above_maximum"],
    ]);
  });
});

describe("bad input", () => {
  it("is refused with the field named", async () => {
    const reference = await victimCase();
    const id = await open(reference);
    const d = await defendant(id, "Some One");
    const unknown = await post(prosecutor, `/api/justice/proceedings/${id}/charges`, {
      defendantId: d,
      section: "9.9",
      chargedOn: "2026-06-10",
    });
    expect(unknown.json()).toMatchObject({ error: { code: "unknown_section", field: "section" } });
    const c = await charge(id, d, "3");
    const twice = await post(prosecutor, `/api/justice/proceedings/${id}/charges`, {
      defendantId: d,
      section: "3",
      chargedOn: "2026-06-10",
    });
    expect(twice.statusCode).toBe(409);
    const acquittedWithTerm = await post(prosecutor, `/api/justice/proceedings/${id}/verdicts`, {
      chargeId: c,
      outcome: "acquitted",
      decidedOn: "2026-06-14",
      imprisonmentMonths: 3,
    });
    expect(acquittedWithTerm.json()).toMatchObject({
      error: { code: "sentence_without_conviction", field: "imprisonmentMonths" },
    });
    const noSentence = await post(prosecutor, `/api/justice/proceedings/${id}/verdicts`, {
      chargeId: c,
      outcome: "convicted",
      decidedOn: "2026-06-14",
    });
    expect(noSentence.json()).toMatchObject({ error: { code: "sentence_required" } });
    const badStage = await post(prosecutor, "/api/justice/proceedings", {
      caseReference: reference,
      injuredParty: true,
      witness: false,
      stage: "sentencing",
    });
    expect(badStage.json()).toMatchObject({ error: { field: "stage" } });
    const noRole = await post(prosecutor, "/api/justice/proceedings", {
      caseReference: reference,
      injuredParty: false,
      witness: false,
      stage: "investigation",
    });
    expect(noRole.json()).toMatchObject({ error: { code: "victim_role_required", field: "injuredParty" } });
  });

  it("a prosecutor cannot link a case their office is not on", async () => {
    const reference = await victimCase();
    const response = await post(otherProsecutor, "/api/justice/proceedings", {
      caseReference: reference,
      injuredParty: true,
      witness: false,
      stage: "investigation",
    });
    expect(response.json()).toMatchObject({ error: { code: "case_not_found", field: "caseReference" } });
  });
});

describe("the justice compartment", () => {
  it("an assistance agency on the victim's team sees that a proceeding exists and its stage, nothing more", async () => {
    const reference = await victimCase();
    const id = await open(reference);
    await defendant(id, "Hidden Name");

    const seen = await get(shelterWorker, `/api/cases/${reference}/justice`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      proceedings: [{ id, stage: "indictment", open: false, injuredParty: null, witness: null }],
    });
    expect(seen.body).not.toContain("Hidden");
    expect(seen.body).not.toContain("THBS-2026-114");

    expect((await get(shelterWorker, `/api/justice/proceedings/${id}`)).statusCode).toBe(404);
    expect((await get(advocate, `/api/justice/proceedings/${id}`)).statusCode).toBe(404);
    expect((await get(shelterWorker, "/api/justice/proceedings")).statusCode).toBe(403);
    const write = await post(shelterWorker, `/api/justice/proceedings/${id}/defendants`, {
      name: "X",
      role: "other",
    });
    expect(write.statusCode).toBe(404);
  });

  it("another prosecutor's office not on the team gets 404; the police on the team see it whole", async () => {
    const reference = await victimCase();
    const id = await open(reference);
    await defendant(id, "Visible To Police");
    const outside = await get(otherProsecutor, `/api/justice/proceedings/${id}`);
    expect(outside.statusCode).toBe(404);
    expect(
      (await get(otherProsecutor, "/api/justice/proceedings/00000000-0000-4000-8000-000000000000")).body,
    ).toBe(outside.body);
    const docket = (await get(otherProsecutor, "/api/justice/proceedings")).json<{ id: string }[]>();
    expect(docket.map((p) => p.id)).not.toContain(id);
    const byPolice = await get(police, `/api/justice/proceedings/${id}`);
    expect(byPolice.statusCode).toBe(200);
    expect(byPolice.json<Proceeding>().defendants[0]?.name).toBe("Visible To Police");
    // The police read but do not record charges.
    const d = byPolice.json<Proceeding>().defendants[0]?.id ?? "";
    const policeCharge = await post(police, `/api/justice/proceedings/${id}/charges`, {
      defendantId: d,
      section: "2.1",
      chargedOn: "2026-06-10",
    });
    expect(policeCharge.statusCode).toBe(403);
  });
});

describe("a defendant's release", () => {
  it("alerts the case workers of every linked victim's team until a reassessment", async () => {
    const first = await victimCase();
    const second = await victimCase();
    const id = await open(first);
    const linked = await post(prosecutor, `/api/justice/proceedings/${id}/victims`, {
      caseReference: second,
      injuredParty: false,
      witness: true,
    });
    expect(linked.statusCode).toBe(201);
    const d = await defendant(id, "Released Man");
    const released = await post(prosecutor, `/api/justice/proceedings/${id}/defendants/${d}/custody`, {
      status: "released_pending_appeal",
      on: "2026-06-15",
    });
    expect(released.statusCode).toBe(201);
    // Two victims, each with the prosecution, the shelter, the advocates and the police on the team.
    expect(released.json()).toMatchObject({ alerted: 8 });

    const mine = (await get(advocate, "/api/alerts/mine")).json<{
      items: { kind: string; case: { reference: string } | null; params: Record<string, unknown> }[];
    }>();
    const releaseAlerts = mine.items.filter((a) => a.kind === "defendant_released");
    expect(releaseAlerts.map((a) => a.case?.reference).sort()).toEqual([first, second].sort());
    expect(releaseAlerts[0]?.params).toEqual({ status: "released_pending_appeal", since: "2026-06-15" });
    expect(JSON.stringify(mine)).not.toContain("Released Man");

    // Recording the same status again raises nothing new.
    const again = await post(prosecutor, `/api/justice/proceedings/${id}/defendants/${d}/custody`, {
      status: "released_pending_appeal",
      on: "2026-06-15",
    });
    expect(again.json()).toMatchObject({ alerted: 0 });

    const seen = (await get(advocate, `/api/cases/${first}/justice`)).json<{ reassessmentDue: boolean }>();
    expect(seen.reassessmentDue).toBe(true);
    const reassessed = await post(advocate, `/api/cases/${first}/justice/reassessments`, { level: "high" });
    expect(reassessed.statusCode).toBe(201);
    const after = (await get(advocate, `/api/cases/${first}/justice`)).json<{
      reassessmentDue: boolean;
      lastReassessment: { level: string } | null;
    }>();
    expect(after).toMatchObject({ reassessmentDue: false, lastReassessment: { level: "high" } });
    const shelterAlerts = (await get(shelterWorker, "/api/alerts/mine")).json<{
      items: { kind: string; case: { reference: string } | null }[];
    }>();
    expect(
      shelterAlerts.items.filter((a) => a.kind === "defendant_released").map((a) => a.case?.reference),
    ).toEqual([second]);

    // A risk level set by the police is a reassessment too.
    const risk = await post(police, `/api/cases/${second}/risk-level`, { level: "high", reason: "Released" });
    expect(risk.statusCode).toBe(201);
    const raised = await env.ctx.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.kind, "defendant_released"), eq(alerts.subject, d)));
    expect(raised).toHaveLength(8);
    expect(raised.every((a) => a.resolvedAt !== null)).toBe(true);
  });

  it("an acquittal on every charge frees the defendant and alerts; one acquittal among two charges does not", async () => {
    const reference = await victimCase();
    const id = await open(reference);
    const d = await defendant(id, "Acquitted Man");
    const first = await charge(id, d, "2.1");
    const second = await charge(id, d, "3");
    const verdict = (chargeId: string) =>
      post(prosecutor, `/api/justice/proceedings/${id}/verdicts`, {
        chargeId,
        outcome: "acquitted",
        decidedOn: "2026-06-14",
      });
    expect((await verdict(first)).json()).toMatchObject({ rangeCheck: null });
    const none = await env.ctx.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.kind, "defendant_released"), eq(alerts.subject, d)));
    expect(none).toHaveLength(0);
    await verdict(second);
    const raised = await env.ctx.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.kind, "defendant_released"), eq(alerts.subject, d)));
    // One for each agency on the victim's team: the police, the prosecution, the shelter, the advocates.
    expect(raised.length).toBe(4);
    expect(raised[0]?.params).toEqual({ status: "acquitted", since: "2026-06-14" });
    const detail = (await get(prosecutor, `/api/justice/proceedings/${id}`)).json<Proceeding>();
    expect(detail.defendants[0]?.custody).toBe("acquitted");
  });

  it("an escape is reported by the police, and detention raises no alert", async () => {
    const reference = await victimCase();
    const id = await open(reference);
    const d = await defendant(id, "Runaway");
    const detained = await post(police, `/api/justice/proceedings/${id}/defendants/${d}/custody`, {
      status: "detained",
      on: "2026-06-12",
    });
    expect(detained.json()).toMatchObject({ alerted: 0 });
    const escaped = await post(police, `/api/justice/proceedings/${id}/defendants/${d}/custody`, {
      status: "escaped",
      on: "2026-06-14",
    });
    expect(escaped.json<{ alerted: number }>().alerted).toBeGreaterThan(0);
    const detail = (await get(prosecutor, `/api/justice/proceedings/${id}`)).json<{
      defendants: { custody: string; custodyHistory: { status: string }[] }[];
    }>();
    expect(detail.defendants[0]).toMatchObject({
      custody: "escaped",
      custodyHistory: [{ status: "detained" }, { status: "escaped" }],
    });
  });
});

describe("the victim as a witness", () => {
  it("records measures, that the witness was informed by whom and when, testimony, lawyer (sealed)", async () => {
    const reference = await victimCase();
    const id = await open(reference);
    const victimId = (await get(prosecutor, `/api/justice/proceedings/${id}`)).json<Proceeding>().victims[0]
      ?.id;
    const witness = await env.as(prosecutor, {
      method: "PUT",
      url: `/api/justice/proceedings/${id}/victims/${victimId}/witness`,
      payload: {
        measuresRequested: ["pseudonym", "cctv_testimony"],
        measuresGranted: ["pseudonym"],
        pastHistoryInCameraOnly: true,
        witnessProtectionUnit: true,
        lawyer: "Counsel Teuta Hoxha",
      },
    });
    expect(witness.statusCode).toBe(204);
    const informed = await post(prosecutor, `/api/justice/proceedings/${id}/victims/${victimId}/informed`, {
      informedAt: "2026-06-14T10:00:00+02:00",
    });
    expect(informed.statusCode).toBe(204);
    const future = await post(prosecutor, `/api/justice/proceedings/${id}/victims/${victimId}/informed`, {
      informedAt: "2026-06-16T10:00:00+02:00",
    });
    expect(future.json()).toMatchObject({ error: { code: "date_in_future", field: "informedAt" } });
    const now = await post(prosecutor, `/api/justice/proceedings/${id}/victims/${victimId}/informed`, {});
    expect(now.statusCode).toBe(204);
    const again = await post(prosecutor, `/api/justice/proceedings/${id}/victims/${victimId}/informed`, {
      informedAt: "2026-06-14T10:00:00+02:00",
    });
    expect(again.statusCode).toBe(204);
    const testimony = await post(
      prosecutor,
      `/api/justice/proceedings/${id}/victims/${victimId}/testimonies`,
      {
        kind: "pre_trial_judge",
        presence: "video_recorded",
        on: "2026-06-13",
      },
    );
    expect(testimony.statusCode).toBe(201);

    const victim = (await get(prosecutor, `/api/justice/proceedings/${id}`)).json<Proceeding>().victims[0];
    expect(victim).toMatchObject({
      measuresGranted: ["pseudonym"],
      informed: { at: "2026-06-14T08:00:00.000Z", by: { id: prosecutor.user.id } },
      lawyer: "Counsel Teuta Hoxha",
      pastHistoryInCameraOnly: true,
      witnessProtectionUnit: true,
      testimonies: [{ kind: "pre_trial_judge", presence: "video_recorded" }],
    });
    const docket = (await get(prosecutor, "/api/justice/proceedings")).json<
      { id: string; witnessesNotInformed: number }[]
    >();
    expect(docket.find((p) => p.id === id)?.witnessesNotInformed).toBe(0);
    const [row] = await env.ctx.db
      .select()
      .from(justiceVictims)
      .where(eq(justiceVictims.id, victimId ?? ""));
    expect(row?.lawyer?.toString("utf8")).not.toContain("Hoxha");
  });
});

describe("compensation", () => {
  it("the advocate records a claim, its decision and payment", async () => {
    const reference = await victimCase();
    const id = await open(reference);
    const claim = await post(advocate, `/api/cases/${reference}/justice/compensation`, {
      kind: "reparation_fund",
      proceedingId: id,
      claimedEuros: 5000,
      claimedOn: "2026-06-01",
    });
    expect(claim.statusCode).toBe(201);
    const claimId = claim.json<{ id: string }>().id;
    const url = `/api/cases/${reference}/justice/compensation/${claimId}`;
    const early = await env.as(advocate, {
      method: "PATCH",
      url,
      payload: { paidEuros: 100, paidOn: "2026-06-10" },
    });
    expect(early.json()).toMatchObject({ error: { code: "payment_before_decision", field: "paidEuros" } });
    const decided = await env.as(advocate, {
      method: "PATCH",
      url,
      payload: { decidedEuros: 3000, decidedOn: "2026-06-10" },
    });
    expect(decided.statusCode).toBe(204);
    await env.as(advocate, { method: "PATCH", url, payload: { paidEuros: 3000, paidOn: "2026-06-12" } });
    const seen = (await get(shelterWorker, `/api/cases/${reference}/justice`)).json<{
      compensation: unknown[];
    }>();
    expect(seen.compensation).toEqual([
      {
        id: claimId,
        kind: "reparation_fund",
        proceedingId: id,
        claimedEuros: 5000,
        claimedOn: "2026-06-01",
        decidedEuros: 3000,
        decidedOn: "2026-06-10",
        paidEuros: 3000,
        paidOn: "2026-06-12",
      },
    ]);
  });
});

describe("figures for the coordinator", () => {
  it("counts the funnel and sentences against the ranges, without names", async () => {
    const id = await open(await victimCase());
    const d = await defendant(id, "Counted Kuqi");
    const c = await charge(id, d, "2.1");
    await post(prosecutor, `/api/justice/proceedings/${id}/verdicts`, {
      chargeId: c,
      outcome: "convicted",
      decidedOn: "2026-06-14",
      imprisonmentMonths: 8,
    });
    const response = await get(coordinator, "/api/justice/statistics?year=2026");
    expect(response.statusCode).toBe(200);
    const stats = response.json<{
      funnel: { charged: number; convicted: number };
      sections: { section: string; belowMinimum: number; months: number[] }[];
    }>();
    expect(stats.funnel.charged).toBeGreaterThanOrEqual(1);
    expect(stats.funnel.convicted).toBeGreaterThanOrEqual(1);
    expect(stats.sections.find((s) => s.section === "2.1")?.belowMinimum).toBeGreaterThanOrEqual(1);
    expect(stats.sections.find((s) => s.section === "2.1")?.months).toContain(8);
    expect(response.body).not.toContain("Kuqi");
    expect(response.body).not.toContain("NRM-");
    expect((await get(shelterWorker, "/api/justice/statistics?year=2026")).statusCode).toBe(403);
  });
});
