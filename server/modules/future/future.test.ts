import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { pdfText } from "../../testing/pdf-text";
import { runChecks } from "../alerts/scheduler";
import { cases } from "../cases/schema";
import { casePathways } from "../pathway/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { followUpDueCheck } from "./follow-up-alerts";
import { type HandOverContent } from "./hand-over";
import { openPackage, verifyPackage } from "./package";

let env: TestEnvironment;
let police: Session;
let policeSupervisor: Session;
let iom: Session;
let prosecutor: Session;
let outsider: Session;
let iomId: string;
let prosecutionId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const iomAgency = await env.makeAgency({ type: "international_organisation", name: "IOM" });
  const prosecution = await env.makeAgency({ type: "prosecution" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  iomId = iomAgency.id;
  prosecutionId = prosecution.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  policeSupervisor = await env.signIn(unit.id, ["supervisor"]);
  iom = await env.signIn(iomAgency.id, ["case_worker"]);
  prosecutor = await env.signIn(prosecution.id, ["prosecutor"]);
  outsider = await env.signIn(shelter.id, ["case_worker", "supervisor"]);
}, 60_000);
afterAll(() => env.close());

async function registerCase(person: Record<string, unknown> = {}): Promise<string> {
  const response = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person: { givenName: "Elena", familyName: "Rusu", ...person } }),
  });
  expect(response.statusCode).toBe(201);
  const reference = response.json<{ reference: string }>().reference;
  for (const [agencyId, scopes] of [
    [iomId, ["identity", "circumstances"]],
    [prosecutionId, []],
  ] as const) {
    const added = await env.as(policeSupervisor, {
      method: "POST",
      url: `/api/cases/${reference}/team`,
      payload: { agencyId, scopes },
    });
    expect(added.statusCode).toBe(200);
  }
  return reference;
}

const post = (session: Session, url: string, payload: object) =>
  env.as(session, { method: "POST", url, payload });
const get = (session: Session, url: string) => env.as(session, { method: "GET", url });
const risk = {
  level: "high",
  factors: ["trafficker_at_large", "family_involved"],
  recommendation: "return_with_measures",
};
const returnOption = "voluntary_return_full_programme";

interface FutureView {
  riskAssessments: { level: string; assessment: string | null; factors: string[] }[];
  decision: { option: string; note: string | null; plannedDepartureOn: string | null } | null;
  returnDetails: { destinationCountry: string; travelDocumentNumber: string | null } | null;
  followUps: {
    id: string;
    months: number;
    dueOn: string;
    status: string;
    overdue: boolean;
    outcomes: string[];
  }[];
  reTrafficking: { earlier: { reference: string }[]; later: { reference: string }[] };
}

interface Alert {
  kind: string;
  case: { reference: string };
  params: Record<string, unknown>;
}
const myAlerts = async (session: Session) =>
  (await get(session, "/api/alerts/mine")).json<{ items: Alert[] }>().items;

describe("a voluntary return", () => {
  it("is refused without a risk assessment, with a clear message; other futures are not", async () => {
    const reference = await registerCase();
    const refused = await post(iom, `/api/cases/${reference}/decisions`, { option: returnOption });
    expect(refused.statusCode).toBe(409);
    const error = refused.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe("risk_assessment_required");
    expect(error.message).toContain("risk assessment");
    const integration = await post(iom, `/api/cases/${reference}/decisions`, { option: "local_integration" });
    expect(integration.statusCode).toBe(201);
  });

  it("after a risk assessment is recorded, tells the prosecutor and police on the team, and the return stage opens", async () => {
    const reference = await registerCase();
    const assessed = await post(police, `/api/cases/${reference}/risk-assessments`, {
      ...risk,
      assessment: "The recruiter lives in her village.",
    });
    expect(assessed.statusCode).toBe(201);
    const decided = await post(iom, `/api/cases/${reference}/decisions`, {
      option: returnOption,
      plannedDepartureOn: "2026-07-01",
      note: "She wants to go home to her daughter.",
    });
    expect(decided.statusCode).toBe(201);

    const toProsecutor = (await myAlerts(prosecutor)).filter(
      (a) => a.kind === "voluntary_return_decided" && a.case.reference === reference,
    );
    expect(toProsecutor).toHaveLength(1);
    expect(toProsecutor[0]?.params).toEqual({ option: returnOption, plannedDate: "2026-07-01" });
    expect(
      (await myAlerts(police)).some(
        (a) => a.kind === "voluntary_return_decided" && a.case.reference === reference,
      ),
    ).toBe(true);
    expect((await myAlerts(iom)).some((a) => a.kind === "voluntary_return_decided")).toBe(false);

    // The case reached the decision stage; no statement was ever recorded, and nothing asks for one.
    const [row] = await env.ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
    await env.ctx.db
      .update(casePathways)
      .set({ stage: "decision_on_future" })
      .where(eq(casePathways.caseId, row?.id ?? ""));
    const pathway = await get(iom, `/api/cases/${reference}/pathway`);
    const step = pathway
      .json<{ next: { to: string; allowed: boolean; missing: string[] }[] }>()
      .next.find((s) => s.to === "return_and_reintegration");
    expect(step).toMatchObject({ allowed: true, missing: [] });
    const moved = await post(iom, `/api/cases/${reference}/pathway/stage`, {
      to: "return_and_reintegration",
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ stage: "return_and_reintegration" });

    const view = (await get(iom, `/api/cases/${reference}/future`)).json<FutureView>();
    expect(view.riskAssessments[0]).toMatchObject({
      level: "high",
      factors: ["trafficker_at_large", "family_involved"],
      assessment: "The recruiter lives in her village.",
    });
    expect(view.decision).toMatchObject({
      option: returnOption,
      note: "She wants to go home to her daughter.",
    });
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "future_decision.record"), eq(auditEvents.caseId, row?.id ?? "")));
    expect(audit?.detail).toMatchObject({ reference, option: returnOption, notified: 2 });
    expect(JSON.stringify(audit?.detail)).not.toContain("daughter");
  });

  it("'undecided' does not establish the decision", async () => {
    const reference = await registerCase();
    await post(iom, `/api/cases/${reference}/decisions`, { option: "undecided" });
    const [row] = await env.ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
    await env.ctx.db
      .update(casePathways)
      .set({ stage: "decision_on_future" })
      .where(eq(casePathways.caseId, row?.id ?? ""));
    const next = (await get(iom, `/api/cases/${reference}/pathway`)).json<{
      next: { to: string; missing: string[] }[];
    }>().next;
    expect(next.find((s) => s.to === "reintegration")?.missing).toEqual(["decision_recorded"]);
  });

  it("of a child needs a best-interests determination too", async () => {
    const reference = await registerCase({ birthDate: "2011-03-02" });
    await post(police, `/api/cases/${reference}/risk-assessments`, risk);
    const refused = await post(iom, `/api/cases/${reference}/decisions`, { option: returnOption });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: "best_interests_required" } });
  });
});

describe("return, follow-ups and hand-over", () => {
  it("hands over only with consent, as a signed encrypted package and a PDF, each download audited", async () => {
    const reference = await registerCase();
    await post(police, `/api/cases/${reference}/risk-assessments`, risk);
    await post(iom, `/api/cases/${reference}/decisions`, { option: returnOption });
    const url = `/api/cases/${reference}/return/hand-over`;
    const noConsent = await post(iom, url, { sections: ["identity"], consentGiven: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json()).toMatchObject({ error: { field: "consentGiven", code: "consent_required" } });
    expect((await post(prosecutor, url, { sections: ["identity"], consentGiven: true })).statusCode).toBe(
      403,
    );

    const service = {
      service: "medical",
      providerName: "Clinic",
      startDate: "2026-06-01",
      status: "delivered",
    };
    expect((await post(iom, `/api/cases/${reference}/services`, service)).statusCode).toBe(201);
    const made = await post(iom, url, {
      sections: ["identity", "assistance", "risk_assessment", "decision"],
      consentGiven: true,
    });
    expect(made.statusCode).toBe(201);
    const { passphrase, packageUrl, pdfUrl, id } = made.json<{
      id: string;
      passphrase: string;
      packageUrl: string;
      pdfUrl: string;
    }>();
    expect(passphrase).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/);

    const download = await get(iom, packageUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/octet-stream");
    const pkg = download.rawPayload;
    const key = (await env.app.inject({ method: "GET", url: "/api/hand-over/public-key" })).json<{
      publicKey: string;
    }>();
    const content = openPackage(pkg, key.publicKey, passphrase) as HandOverContent;
    expect(content.reference).toBe(reference);
    expect(content.sections).toEqual(["identity", "assistance", "risk_assessment", "decision"]);
    expect(content.assistance?.services).toEqual([
      // Delivered without an end date ends today (the test clock).
      { service: "medical", status: "delivered", startDate: "2026-06-01", endDate: "2026-06-15" },
    ]);
    expect(content.identity).toMatchObject({ givenName: "Elena", familyName: "Rusu" });
    expect(content.risk_assessment).toMatchObject({ level: "high" });
    expect(content.decision).toMatchObject({ option: returnOption });
    expect(content.return).toBeUndefined();
    expect(pkg.includes(Buffer.from("Elena"))).toBe(false);

    const flipped = Buffer.from(pkg);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] ?? 0) ^ 1;
    expect(verifyPackage(flipped, key.publicKey)).toBe(false);
    expect(() => openPackage(flipped, key.publicKey, passphrase)).toThrow(/signature/);
    expect(() => openPackage(pkg, key.publicKey, "WRONG-WRONG-WRONG-WRONG-WRONG")).toThrow();

    const pdf = await get(iom, pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Locked with the passphrase (AES-256): without it no reader opens it, with it the name is there.
    expect(pdf.rawPayload.includes(Buffer.from("/Encrypt"))).toBe(true);
    expect(pdfText(pdf.rawPayload).ok).toBe(false);
    const opened = pdfText(pdf.rawPayload, passphrase);
    expect(opened.ok).toBe(true);
    expect(opened.text).toContain("Rusu");
    expect(pdfText(pdf.rawPayload, "WRONG-WRONG-WRONG-WRONG-WRONG").ok).toBe(false);
    expect((await get(outsider, pdfUrl)).statusCode).toBe(404);
    expect((await get(prosecutor, pdfUrl)).statusCode).toBe(404);

    const audits = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      "hand_over.create",
      "hand_over.download",
      "hand_over.download",
    ]);
    expect(audits.find((a) => a.action === "hand_over.create")?.detail).toEqual({
      reference,
      sections: ["identity", "assistance", "risk_assessment", "decision"],
      consentGiven: true,
    });
    for (const download of audits.filter((a) => a.action === "hand_over.download"))
      expect(download.reason).toBe("return_hand_over");
  });
});

describe("re-trafficking", () => {
  it("links a later case to an earlier one, shown on both; a case not visible is not found", async () => {
    const earlier = await registerCase();
    const later = await registerCase();
    const linked = await post(police, `/api/cases/${later}/re-trafficking`, { earlierReference: earlier });
    expect(linked.statusCode).toBe(201);
    expect(
      (await get(iom, `/api/cases/${later}/future`)).json<FutureView>().reTrafficking.earlier,
    ).toMatchObject([{ reference: earlier }]);
    expect(
      (await get(iom, `/api/cases/${earlier}/future`)).json<FutureView>().reTrafficking.later,
    ).toMatchObject([{ reference: later }]);
    const twice = await post(police, `/api/cases/${later}/re-trafficking`, { earlierReference: earlier });
    expect(twice.json()).toMatchObject({ error: { code: "re_trafficking_linked" } });

    const hidden = (await post(outsider, "/api/cases", registration({ person: { givenName: "Ana" } }))).json<{
      reference: string;
    }>().reference;
    const refused = await post(police, `/api/cases/${later}/re-trafficking`, { earlierReference: hidden });
    const missing = await post(police, `/api/cases/${later}/re-trafficking`, {
      earlierReference: "NRM-2026-99999",
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.body).toBe(missing.body);
  });
});

describe("who may", () => {
  it("an agency outside the case team gets 404 for reading and writing", async () => {
    const reference = await registerCase();
    expect((await get(outsider, `/api/cases/${reference}/future`)).statusCode).toBe(404);
    expect((await post(outsider, `/api/cases/${reference}/risk-assessments`, risk)).statusCode).toBe(404);
    expect(
      (await post(outsider, `/api/cases/${reference}/decisions`, { option: "undecided" })).statusCode,
    ).toBe(404);
  });

  it("bad input names the field", async () => {
    const reference = await registerCase();
    const level = await post(police, `/api/cases/${reference}/risk-assessments`, {
      ...risk,
      level: "extreme",
    });
    expect(level.statusCode).toBe(400);
    expect(level.json()).toMatchObject({ error: { field: "level" } });
    const future = await post(police, `/api/cases/${reference}/risk-assessments`, {
      ...risk,
      assessedOn: "2026-06-16",
    });
    expect(future.json()).toMatchObject({ error: { field: "assessedOn", code: "date_in_future" } });
    expect(
      (await post(prosecutor, `/api/cases/${reference}/decisions`, { option: "undecided" })).statusCode,
    ).toBe(403);
  });
});

// Last: it moves the clock months ahead.
describe("follow-ups", () => {
  it("schedules follow-ups from departure, alerts when one is missed, ends the alert with the result", async () => {
    const reference = await registerCase();
    await post(police, `/api/cases/${reference}/risk-assessments`, risk);
    const early = await post(iom, `/api/cases/${reference}/return`, {
      escorted: false,
      destinationCountry: "MD",
    });
    expect(early.json()).toMatchObject({ error: { code: "return_not_decided" } });
    await post(iom, `/api/cases/${reference}/decisions`, { option: returnOption });
    const noEscort = await post(iom, `/api/cases/${reference}/return`, {
      escorted: true,
      destinationCountry: "MD",
    });
    expect(noEscort.statusCode).toBe(400);
    expect(noEscort.json()).toMatchObject({ error: { field: "escortAgencyId", code: "required" } });
    const recorded = await post(iom, `/api/cases/${reference}/return`, {
      travelDocumentStatus: "issued",
      travelDocumentOn: "2026-06-10",
      travelDocumentNumber: "MD-7781123",
      escorted: true,
      escortAgencyId: iomId,
      departureOn: "2026-06-20",
      destinationCountry: "MD",
      partnerName: "La Strada Moldova",
      partnerCountry: "MD",
    });
    expect(recorded.statusCode).toBe(201);

    let view = (await get(iom, `/api/cases/${reference}/future`)).json<FutureView>();
    expect(view.returnDetails).toMatchObject({
      destinationCountry: "MD",
      travelDocumentNumber: "MD-7781123",
    });
    expect(view.followUps.map((f) => [f.months, f.dueOn, f.status])).toEqual([
      [3, "2026-09-20", "scheduled"],
      [6, "2026-12-20", "scheduled"],
      [12, "2027-06-20", "scheduled"],
    ]);
    // The prosecutor who sees no identity sees no sealed text.
    const seenByProsecutor = (await get(prosecutor, `/api/cases/${reference}/future`)).json<FutureView>();
    expect(seenByProsecutor.returnDetails?.travelDocumentNumber).toBeNull();

    const first = view.followUps[0];
    if (!first) throw new Error("no follow-up");
    // On its day it is not missed yet; the day after it is.
    env.clock.time = new Date("2026-09-20T20:00:00Z");
    await runChecks(env.ctx, [followUpDueCheck]);
    // Months later, the IOM case worker signs in again.
    iom = await env.signIn(iomId, ["case_worker"]);
    expect(
      (await myAlerts(iom)).filter((a) => a.kind === "follow_up_due" && a.case.reference === reference),
    ).toEqual([]);
    env.clock.time = new Date("2026-09-21T08:00:00Z");
    await runChecks(env.ctx, [followUpDueCheck]);
    iom = await env.signIn(iomId, ["case_worker"]);
    const due = (await myAlerts(iom)).filter(
      (a) => a.kind === "follow_up_due" && a.case.reference === reference,
    );
    expect(due.map((a) => a.params)).toEqual([{ months: 3, dueOn: "2026-09-20" }]);

    const bad = await post(iom, `/api/cases/${reference}/follow-ups/${first.id}/result`, { outcomes: [] });
    expect(bad.json()).toMatchObject({ error: { field: "outcomes", code: "required" } });
    const held = await post(iom, `/api/cases/${reference}/follow-ups/${first.id}/result`, {
      heldOn: "2026-09-21",
      outcomes: ["safe_and_stable"],
      notes: "Working in a bakery.",
    });
    expect(held.statusCode).toBe(204);
    expect(
      (await myAlerts(iom)).some((a) => a.kind === "follow_up_due" && a.case.reference === reference),
    ).toBe(false);
    view = (await get(iom, `/api/cases/${reference}/future`)).json<FutureView>();
    expect(view.followUps[0]).toMatchObject({ status: "held", outcomes: ["safe_and_stable"] });
    const again = await post(iom, `/api/cases/${reference}/follow-ups/${first.id}/result`, {
      outcomes: ["lost_contact"],
    });
    expect(again.json()).toMatchObject({ error: { code: "follow_up_not_scheduled" } });
  });
});
