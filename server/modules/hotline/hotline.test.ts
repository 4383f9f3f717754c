import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { Invalid } from "../../platform/errors";
import { alerts } from "../alerts/schema";
import { cases } from "../cases/schema";
import { type Session, startTestEnvironment, type TestEnvironment } from "../../testing/harness";
import { runChecks } from "../alerts/scheduler";
import { recordContact } from "./commands";
import { handoverAcknowledgementCheck } from "./handover-alerts";
import { hotlineContacts, hotlineHandovers } from "./schema";

let env: TestEnvironment;
let operator: Session;
let hotlineHead: Session;
let police: Session;
let otherPolice: Session;
let otherOperator: Session;
let caseWorker: Session;
let coordinator: Session;
let policeId: string;
let otherPoliceId: string;
let ngoId: string;

const PHONE = "+383 44 765 4321";
const BAR = "Girl about 16 held in the back room of Bar Kalaja, Ferizaj";

beforeAll(async () => {
  env = await startTestEnvironment();
  const iom = await env.makeAgency({ type: "international_organisation", name: "IOM helpline" });
  const unit = await env.makeAgency({ type: "police_anti_trafficking", name: "Anti-trafficking unit" });
  const border = await env.makeAgency({ type: "border_police", name: "Border police" });
  const ngo = await env.makeAgency({ type: "ngo", name: "Other helpline" });
  const national = await env.makeAgency({ type: "national_coordinator" });
  policeId = unit.id;
  otherPoliceId = border.id;
  ngoId = ngo.id;
  operator = await env.signIn(iom.id, ["hotline_operator"]);
  hotlineHead = await env.signIn(iom.id, ["case_worker", "supervisor"]);
  police = await env.signIn(unit.id, ["police_investigator"]);
  otherPolice = await env.signIn(border.id, ["police_investigator"]);
  otherOperator = await env.signIn(ngo.id, ["hotline_operator"]);
  caseWorker = await env.signIn(iom.id, ["case_worker"]);
  coordinator = await env.signIn(national.id, ["coordinator"]);
});
afterAll(() => env.close());

const anonymousCall = {
  channel: "call",
  language: "sq",
  callerType: "anonymous",
  region: "ferizaj",
  indicators: ["minor_involved", "held_against_will", "forced_sexual_services", "held_against_will"],
  urgency: "imminent_danger",
  summary: BAR,
};

const post = (session: Session, url: string, payload: object) =>
  env.as(session, { method: "POST", url, payload });
const get = (session: Session, url: string) => env.as(session, { method: "GET", url });

async function record(session: Session, body: object): Promise<string> {
  const response = await post(session, "/api/hotline/contacts", body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

describe("an anonymous contact", () => {
  it("is recorded with what was reported, and nothing that identifies the caller is stored", async () => {
    const id = await record(operator, anonymousCall);
    const [row] = await env.ctx.db.select().from(hotlineContacts).where(eq(hotlineContacts.id, id));
    expect(row).toMatchObject({
      channel: "call",
      language: "sq",
      callerType: "anonymous",
      region: "ferizaj",
      indicators: ["held_against_will", "forced_sexual_services", "minor_involved"],
      urgency: "imminent_danger",
      outcome: "information_given",
      identifierConsentAt: null,
      callerName: null,
      phone: null,
      caseId: null,
    });
    // The summary is sealed: its words are not in the stored bytes.
    expect(row?.summary).toBeInstanceOf(Buffer);
    expect(row?.summary?.toString("latin1")).not.toContain("Kalaja");
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "hotline_contact.record"), eq(auditEvents.entityId, id)));
    expect(audit?.detail).toEqual({
      channel: "call",
      language: "sq",
      callerType: "anonymous",
      urgency: "imminent_danger",
      identifiersKept: false,
    });
  });

  it("with a number but no consent is refused with the field named, and no row is written", async () => {
    const before = await env.ctx.db.select().from(hotlineContacts);
    const response = await post(operator, "/api/hotline/contacts", { ...anonymousCall, phone: PHONE });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: "hotline_identifier_without_consent", field: "phone" },
    });
    const named = await post(operator, "/api/hotline/contacts", {
      ...anonymousCall,
      callerName: "Drita",
      identifierConsent: false,
    });
    expect(named.json()).toMatchObject({ error: { field: "callerName" } });
    // The command refuses it too, whoever calls it.
    const actor = {
      userId: operator.user.id,
      username: operator.user.username,
      displayName: "operator",
      agencyId: operator.user.agencyId,
      agencyType: "international_organisation" as const,
      roles: operator.user.roles,
      language: "en" as const,
      ip: null,
      sessionId: "test",
    };
    const direct = recordContact(env.ctx, actor, {
      channel: "call",
      language: "sq",
      callerType: "anonymous",
      indicators: [],
      urgency: "routine",
      outcome: "information_given",
      identifierConsent: false,
      phone: PHONE,
    });
    await expect(direct).rejects.toBeInstanceOf(Invalid);
    await expect(direct).rejects.toMatchObject({
      field: "phone",
      code: "hotline_identifier_without_consent",
    });
    const after = await env.ctx.db.select().from(hotlineContacts);
    expect(after).toHaveLength(before.length);
    // Nowhere in the contacts or the audit trail does the number appear.
    const audit = await env.ctx.db.select().from(auditEvents);
    expect(JSON.stringify(after)).not.toContain("+383");
    expect(JSON.stringify(audit)).not.toContain("+383");
  });

  it("keeps name and number sealed when the caller agrees, and opening them is audited", async () => {
    const id = await record(operator, {
      ...anonymousCall,
      callerType: "possible_victim",
      urgency: "urgent",
      identifierConsent: true,
      callerName: "Drita",
      phone: PHONE,
    });
    const [row] = await env.ctx.db.select().from(hotlineContacts).where(eq(hotlineContacts.id, id));
    expect(row?.identifierConsentAt?.toISOString()).toBe(env.clock.now().toISOString());
    expect(row?.phone?.toString("latin1")).not.toContain("765");
    const read = await get(operator, `/api/hotline/contacts/${id}`);
    expect(read.json()).toMatchObject({
      callerName: "Drita",
      phone: PHONE,
      summary: BAR,
      identifiersKept: true,
    });
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "hotline_contact.read"), eq(auditEvents.entityId, id)));
    expect(audit?.detail).toEqual({ fields: ["summary", "callerName", "phone"] });
  });

  it("is taken by operators only, and read by their own helpline only", async () => {
    expect((await post(caseWorker, "/api/hotline/contacts", anonymousCall)).statusCode).toBe(403);
    const id = await record(operator, anonymousCall);
    expect((await get(otherOperator, `/api/hotline/contacts/${id}`)).statusCode).toBe(404);
    expect((await get(police, `/api/hotline/contacts/${id}`)).statusCode).toBe(404);
    expect((await get(hotlineHead, `/api/hotline/contacts/${id}`)).statusCode).toBe(200);
    const mine = (await get(otherOperator, "/api/hotline/contacts")).json<{ id: string }[]>();
    expect(mine.map((c) => c.id)).not.toContain(id);
    const bad = await post(operator, "/api/hotline/contacts", { ...anonymousCall, region: "atlantis" });
    expect(bad.json()).toMatchObject({ error: { code: "invalid_choice", field: "region" } });
  });
});

describe("imminent danger", () => {
  it("hands the report to the police at once; they read it, without the caller, and acknowledge it", async () => {
    const id = await record(operator, anonymousCall);
    const noBasis = await post(operator, `/api/hotline/contacts/${id}/handovers`, {
      policeAgencyId: policeId,
      callerConsent: false,
    });
    expect(noBasis.json()).toMatchObject({ error: { code: "hotline_handover_basis", field: "exception" } });
    const notPolice = await post(operator, `/api/hotline/contacts/${id}/handovers`, {
      policeAgencyId: ngoId,
      callerConsent: true,
    });
    expect(notPolice.json()).toMatchObject({
      error: { code: "hotline_not_police", field: "policeAgencyId" },
    });

    const handed = await post(operator, `/api/hotline/contacts/${id}/handovers`, {
      policeAgencyId: policeId,
      callerConsent: false,
      exception: "child_at_risk",
    });
    expect(handed.statusCode, handed.body).toBe(201);
    const handoverId = handed.json<{ id: string }>().id;

    const alertsOf = async (session: Session) =>
      (await get(session, "/api/alerts/mine")).json<{
        items: { kind: string; params: Record<string, unknown>; case: unknown }[];
      }>().items;
    const raised = (await alertsOf(police)).filter((a) => a.kind === "hotline_danger");
    expect(raised).toEqual([
      expect.objectContaining({
        case: null,
        params: { handover: handoverId, region: "ferizaj", urgency: "imminent_danger", indicators: 3 },
      }),
    ]);
    expect((await alertsOf(otherPolice)).filter((a) => a.kind === "hotline_danger")).toEqual([]);

    const received = (await get(police, "/api/hotline/handovers")).json<Record<string, unknown>[]>();
    expect(received[0]).toMatchObject({
      id: handoverId,
      region: "ferizaj",
      urgency: "imminent_danger",
      indicators: ["held_against_will", "forced_sexual_services", "minor_involved"],
      summary: BAR,
      callerConsent: false,
      exception: "child_at_risk",
      caller: null,
      acknowledgedAt: null,
    });
    expect((await get(otherPolice, "/api/hotline/handovers")).json()).toEqual([]);
    expect((await get(operator, "/api/hotline/handovers")).statusCode).toBe(403);

    expect((await post(otherPolice, `/api/hotline/handovers/${handoverId}/acknowledge`, {})).statusCode).toBe(
      404,
    );
    env.clock.advance(4 * 60_000);
    const ack = await post(police, `/api/hotline/handovers/${handoverId}/acknowledge`, {});
    expect(ack.statusCode).toBe(200);
    const [stored] = await env.ctx.db
      .select()
      .from(hotlineHandovers)
      .where(eq(hotlineHandovers.id, handoverId));
    expect(stored?.acknowledgedAt?.toISOString()).toBe(env.clock.now().toISOString());
    expect(stored?.acknowledgedBy).toBe(police.user.id);
    const [alert] = await env.ctx.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.kind, "hotline_danger"), eq(alerts.subject, handoverId)));
    expect(alert?.resolvedAt?.toISOString()).toBe(env.clock.now().toISOString());
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "hotline_handover.acknowledge"), eq(auditEvents.entityId, handoverId)),
      );
    expect(audit?.detail).toEqual({ contactId: id, minutes: 4 });

    const contact = (await get(operator, `/api/hotline/contacts/${id}`)).json<Record<string, unknown>>();
    expect(contact).toMatchObject({
      outcome: "police_handover",
      handovers: [
        { id: handoverId, agency: { id: policeId }, acknowledgedAt: env.clock.now().toISOString() },
      ],
    });
  });

  it("shows the police the caller only when they agreed to both", async () => {
    const id = await record(operator, {
      ...anonymousCall,
      identifierConsent: true,
      phone: PHONE,
    });
    await post(operator, `/api/hotline/contacts/${id}/handovers`, {
      policeAgencyId: otherPoliceId,
      callerConsent: true,
    });
    const [received] = (await get(otherPolice, "/api/hotline/handovers")).json<Record<string, unknown>[]>();
    expect(received).toMatchObject({
      callerConsent: true,
      exception: null,
      caller: { name: null, phone: PHONE },
    });
  });
});

describe("a hand-over nobody acknowledges", () => {
  it("is escalated to the police unit's supervisors after 15 minutes, once; acknowledging ends both", async () => {
    const id = await record(operator, anonymousCall);
    const handed = await post(operator, `/api/hotline/contacts/${id}/handovers`, {
      policeAgencyId: policeId,
      callerConsent: true,
    });
    const handoverId = handed.json<{ id: string }>().id;
    const open = () =>
      env.ctx.db
        .select()
        .from(alerts)
        .where(and(eq(alerts.kind, "hotline_danger"), eq(alerts.subject, handoverId)));
    env.clock.advance(14 * 60_000);
    await runChecks(env.ctx, [handoverAcknowledgementCheck]);
    expect((await open()).map((a) => a.level)).toEqual([0]);
    env.clock.advance(2 * 60_000);
    const run = await runChecks(env.ctx, [handoverAcknowledgementCheck]);
    expect(run.raised.hotline_danger).toBeGreaterThanOrEqual(1);
    expect((await runChecks(env.ctx, [handoverAcknowledgementCheck])).raised.hotline_danger).toBe(0);
    const escalated = (await open()).find((a) => a.level === 1);
    expect(escalated).toMatchObject({ agencyId: policeId, role: "supervisor", resolvedAt: null });
    await post(police, `/api/hotline/handovers/${handoverId}/acknowledge`, {});
    expect((await open()).every((a) => a.resolvedAt !== null)).toBe(true);
    // Sixteen quiet minutes: the other sessions are signed in again.
    const again = (session: Session) => env.login({ username: session.user.username });
    operator = await again(operator);
    hotlineHead = await again(hotlineHead);
    otherPolice = await again(otherPolice);
    otherOperator = await again(otherOperator);
    caseWorker = await again(caseWorker);
    coordinator = await again(coordinator);
  });
});

describe("from contact to case", () => {
  const person = {
    consent: true,
    givenName: "Elira",
    gender: "Feminine",
    estimatedAge: 16,
    citizenship: ["XK"],
    identificationRegion: "ferizaj",
  };

  it("with consent, registers a case through registration, by the helpline's supervisor", async () => {
    const id = await record(operator, anonymousCall);
    expect((await post(operator, `/api/hotline/contacts/${id}/case`, person)).statusCode).toBe(403);
    const noConsent = await post(hotlineHead, `/api/hotline/contacts/${id}/case`, {
      ...person,
      consent: false,
    });
    expect(noConsent.json()).toMatchObject({ error: { code: "hotline_case_consent", field: "consent" } });
    const badAge = await post(hotlineHead, `/api/hotline/contacts/${id}/case`, {
      ...person,
      estimatedAge: 200,
    });
    expect(badAge.json()).toMatchObject({ error: { field: "estimatedAge" } });

    const opened = await post(hotlineHead, `/api/hotline/contacts/${id}/case`, person);
    expect(opened.statusCode, opened.body).toBe(201);
    const { reference } = opened.json<{ reference: string }>();
    const [found] = await env.ctx.db.select().from(cases).where(eq(cases.reference, reference));
    expect(found).toMatchObject({
      source: "hotline",
      pathway: "child",
      exploitationTypes: ["SexualExploitation"],
    });
    const [row] = await env.ctx.db.select().from(hotlineContacts).where(eq(hotlineContacts.id, id));
    expect(row).toMatchObject({ caseId: found?.id, outcome: "case_opened" });
    expect(row?.caseConsentAt?.toISOString()).toBe(env.clock.now().toISOString());
    expect((await get(hotlineHead, `/api/cases/${reference}`)).statusCode).toBe(200);
    const again = await post(hotlineHead, `/api/hotline/contacts/${id}/case`, person);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: "hotline_already_on_case" } });
  });

  it("or is linked to a case the agency works on; a case it cannot see is not found", async () => {
    const first = await record(operator, anonymousCall);
    const opened = await post(hotlineHead, `/api/hotline/contacts/${first}/case`, person);
    const { reference } = opened.json<{ reference: string }>();
    const second = await record(operator, { ...anonymousCall, urgency: "routine" });
    const hidden = await post(hotlineHead, `/api/hotline/contacts/${second}/link`, {
      consent: true,
      reference: "NRM-2026-99999",
    });
    expect(hidden.json()).toMatchObject({ error: { code: "not_found", field: "reference" } });
    const linked = await post(hotlineHead, `/api/hotline/contacts/${second}/link`, {
      consent: true,
      reference,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const contacts = (await get(operator, "/api/hotline/contacts")).json<
      { id: string; caseReference: string | null; outcome: string }[]
    >();
    expect(contacts.find((c) => c.id === second)).toMatchObject({
      caseReference: reference,
      outcome: "linked_to_case",
    });
  });
});

describe("callbacks", () => {
  it("need a number kept with consent, are listed when due, and end when the caller is reached", async () => {
    const anonymous = await record(operator, { ...anonymousCall, urgency: "routine" });
    const later = new Date(env.clock.now().getTime() + 10 * 60_000).toISOString();
    const unreachable = await post(operator, `/api/hotline/contacts/${anonymous}/callbacks`, {
      dueAt: later,
    });
    expect(unreachable.json()).toMatchObject({ error: { code: "hotline_not_reachable", field: "dueAt" } });

    const id = await record(operator, {
      ...anonymousCall,
      urgency: "routine",
      identifierConsent: true,
      phone: PHONE,
    });
    const scheduled = await post(operator, `/api/hotline/contacts/${id}/callbacks`, { dueAt: later });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const callbackId = scheduled.json<{ id: string }>().id;
    const due = async () =>
      (await get(operator, "/api/hotline/callbacks")).json<
        { id: string; due: boolean; attempts: number }[]
      >();
    expect((await due()).find((c) => c.id === callbackId)).toMatchObject({ due: false, attempts: 0 });
    env.clock.advance(11 * 60_000);
    expect((await due()).find((c) => c.id === callbackId)).toMatchObject({ due: true });
    const attempt = (outcome: string) =>
      post(operator, `/api/hotline/callbacks/${callbackId}/attempts`, { outcome });
    expect((await attempt("no_answer")).statusCode).toBe(201);
    expect((await due()).find((c) => c.id === callbackId)).toMatchObject({ attempts: 1 });
    expect((await attempt("reached")).statusCode).toBe(201);
    expect((await due()).find((c) => c.id === callbackId)).toBeUndefined();
    expect((await attempt("reached")).statusCode).toBe(409);
    const contact = (await get(operator, `/api/hotline/contacts/${id}`)).json<{
      outcome: string;
      callbacks: { attempts: { outcome: string }[]; doneAt: string | null }[];
    }>();
    expect(contact.outcome).toBe("callback_planned");
    expect(contact.callbacks[0]?.attempts.map((a) => a.outcome)).toEqual(["no_answer", "reached"]);
    expect(contact.callbacks[0]?.doneAt).toBe(env.clock.now().toISOString());
    expect(
      (await post(otherOperator, `/api/hotline/callbacks/${callbackId}/attempts`, { outcome: "reached" }))
        .statusCode,
    ).toBe(404);
  });
});

describe("figures", () => {
  it("count contacts of a period by channel, language, caller type and outcome", async () => {
    const today = env.clock.now().toISOString().slice(0, 10);
    await record(otherOperator, {
      ...anonymousCall,
      channel: "web_form",
      language: "ro",
      urgency: "routine",
    });
    const own = (await get(otherOperator, `/api/hotline/figures?from=${today}&to=${today}`)).json<{
      total: number;
      byChannel: Record<string, number>;
      byLanguage: Record<string, number>;
      byCallerType: Record<string, number>;
      byOutcome: Record<string, number>;
    }>();
    expect(own).toMatchObject({
      total: 1,
      byChannel: { call: 0, message: 0, walk_in: 0, web_form: 1 },
      byLanguage: { ro: 1 },
      byCallerType: { anonymous: 1, possible_victim: 0 },
      byOutcome: { information_given: 1, police_handover: 0 },
    });
    const all = (await get(coordinator, `/api/hotline/figures?from=${today}&to=${today}`)).json<{
      total: number;
      byOutcome: Record<string, number>;
    }>();
    const helpline = (await get(operator, `/api/hotline/figures?from=${today}&to=${today}`)).json<{
      total: number;
    }>();
    expect(all.total).toBe(helpline.total + 1);
    expect(all.byOutcome.case_opened).toBe(2);
    expect(all.byOutcome.police_handover).toBe(3);
    const yesterday = (await get(coordinator, "/api/hotline/figures?from=2026-01-01&to=2026-06-14")).json<{
      total: number;
    }>();
    expect(yesterday.total).toBe(0);
    expect((await get(police, `/api/hotline/figures?from=${today}&to=${today}`)).statusCode).toBe(403);
  });
});
