import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assistanceServices } from "../../../shared/vocabulary";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { alerts } from "../alerts/schema";
import { cases } from "../cases/schema";
import { caseFacts } from "../pathway/facts";
import { runChecks } from "../alerts/scheduler";
import { assistanceReminderCheck } from "./reminders";
import { assistanceServicesGiven, reflectionExtensions } from "./schema";

let env: TestEnvironment;
let police: Session;
let prosecutor: Session;
let shelterWorker: Session;
let outsider: Session;
let policeId: string;
let shelterId: string;
let clinicId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const shelter = await env.makeAgency({ type: "shelter_operator", name: "Shelter" });
  const clinic = await env.makeAgency({ type: "health_service", name: "Clinic" });
  const other = await env.makeAgency({ type: "ngo" });
  policeId = unit.id;
  shelterId = shelter.id;
  clinicId = clinic.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  prosecutor = await env.signIn(unit.id, ["prosecutor"]);
  shelterWorker = await env.signIn(shelter.id, ["case_worker"]);
  outsider = await env.signIn(other.id, ["case_worker", "supervisor"]);
});
afterAll(() => env.close());

const get = (session: Session, url: string) => env.as(session, { method: "GET", url });
const post = (session: Session, url: string, payload: object) =>
  env.as(session, { method: "POST", url, payload });
const patch = (session: Session, url: string, payload: object) =>
  env.as(session, { method: "PATCH", url, payload });
const at = (reference: string, rest: string) => `/api/cases/${reference}/${rest}`;

/** A case registered by the police and taken on by the shelter through an accepted referral. */
async function shelteredCase(overrides: Record<string, unknown> = {}): Promise<string> {
  const registered = await post(police, "/api/cases", registration(overrides));
  expect(registered.statusCode).toBe(201);
  const reference = registered.json<{ reference: string }>().reference;
  const referral = await post(police, at(reference, "referrals"), {
    toAgencyId: shelterId,
    purpose: "case_responsibility",
    scopes: ["identity", "circumstances"],
    consent: { given: true, date: "2026-06-14", method: "written", scopes: ["identity", "circumstances"] },
  });
  expect(referral.statusCode).toBe(201);
  const id = referral.json<{ id: string }>().id;
  expect((await post(shelterWorker, `/api/referrals/${id}/accept`, {})).statusCode).toBe(200);
  return reference;
}

interface ServiceItem {
  id: string;
  service: string;
  status: string;
  endDate: string | null;
  note: string | null;
  hasNote: boolean;
  providerName: string | null;
  providerAgency: { id: string; name: string } | null;
}
const services = async (session: Session, reference: string) =>
  (await get(session, at(reference, "services"))).json<{ items: ServiceItem[]; mayReadNotes: boolean }>();

describe("a person who refuses to give a statement", () => {
  it("still receives every service, and the pathway takes her into assistance and reflection", async () => {
    const reference = await shelteredCase();
    // The refusal is on record in the first interview, where it belongs.
    const interview = await post(police, at(reference, "interview"), {
      interviewedAt: "2026-06-14T20:00:00+02:00",
      heldInPrivate: true,
      withInterpreter: true,
      interpreterLanguage: "ro",
      femaleOfficerPresent: true,
      statementWillingness: "not_willing",
    });
    expect(interview.statusCode).toBe(201);
    expect(interview.json()).toMatchObject({ record: { conduct: { statementWillingness: "not_willing" } } });

    const assessed = await post(shelterWorker, at(reference, "needs-assessments"), {
      needs: [...assistanceServices],
      urgency: "immediate",
      note: "Needs medical care today.",
    });
    expect(assessed.statusCode).toBe(201);

    for (const service of assistanceServices) {
      const recorded = await post(shelterWorker, at(reference, "services"), {
        service,
        providerAgencyId: service === "medical" ? clinicId : shelterId,
        startDate: "2026-06-15",
      });
      expect(recorded.statusCode, service).toBe(201);
      const id = recorded.json<{ id: string }>().id;
      expect(
        (await patch(shelterWorker, at(reference, `services/${id}`), { status: "in_progress" })).statusCode,
      ).toBe(204);
      expect(
        (await patch(shelterWorker, at(reference, `services/${id}`), { status: "delivered" })).statusCode,
      ).toBe(204);
    }
    const list = await services(shelterWorker, reference);
    expect(list.items.map((s) => s.service).sort()).toEqual([...assistanceServices].sort());
    expect(list.items.every((s) => s.status === "delivered" && s.endDate === "2026-06-15")).toBe(true);

    // The SOP's way into immediate assistance and the reflection period asks nothing about a statement.
    const move = (session: Session, to: string) => post(session, at(reference, "pathway/stage"), { to });
    expect((await move(police, "rights_information")).statusCode).toBe(200);
    await post(police, at(reference, "rights-information"), {
      rights: ["assistance_regardless_of_cooperation", "reflection_period"],
      language: "ro",
      withInterpreter: true,
      understood: true,
    });
    expect((await move(police, "referral")).statusCode).toBe(200);
    expect((await move(shelterWorker, "immediate_assistance")).statusCode).toBe(200);
    const toReflection = await move(shelterWorker, "reflection_period");
    expect(toReflection.json()).toMatchObject({ stage: "reflection_period" });
  });
});

describe("needs assessment", () => {
  it("records needs, urgency, a sealed note, by whom and when; and establishes the SOP requirement", async () => {
    const reference = await shelteredCase();
    const [row] = await env.ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
    const caseId = row?.id ?? "";
    expect(await caseFacts(env.ctx.db, caseId)).not.toContain("needs_assessment_recorded");
    const response = await post(shelterWorker, at(reference, "needs-assessments"), {
      needs: ["psychological", "medical", "medical"],
      urgency: "urgent",
      note: "Nightmares; asks for a woman doctor.",
    });
    expect(response.statusCode).toBe(201);
    const id = response.json<{ id: string }>().id;
    const list = (await get(shelterWorker, at(reference, "needs-assessments"))).json<{
      items: {
        needs: string[];
        urgency: string;
        note: string | null;
        assessedAt: string;
        assessedBy: { id: string };
        agency: { id: string };
      }[];
    }>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      needs: ["medical", "psychological"],
      urgency: "urgent",
      note: "Nightmares; asks for a woman doctor.",
      assessedAt: env.clock.now().toISOString(),
      assessedBy: { id: shelterWorker.user.id },
      agency: { id: shelterId },
    });
    expect(await caseFacts(env.ctx.db, caseId)).toContain("needs_assessment_recorded");

    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "needs_assessment.record"), eq(auditEvents.entityId, id)));
    expect(audit?.detail).toEqual({ reference, needs: ["medical", "psychological"], urgency: "urgent" });
    const reads = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "assistance.text.read"),
          eq(auditEvents.actorUserId, shelterWorker.user.id),
        ),
      );
    expect(reads.some((r) => (r.detail as { ids: string[] }).ids.includes(id))).toBe(true);
  });

  it("refuses bad input with the field named", async () => {
    const reference = await shelteredCase();
    const urgency = await post(shelterWorker, at(reference, "needs-assessments"), {
      needs: [],
      urgency: "soon",
    });
    expect(urgency.statusCode).toBe(400);
    expect(urgency.json()).toMatchObject({ error: { field: "urgency" } });
    const future = await post(shelterWorker, at(reference, "needs-assessments"), {
      needs: ["medical"],
      urgency: "routine",
      assessedAt: "2026-06-16T10:00:00Z",
    });
    expect(future.json()).toMatchObject({ error: { code: "date_in_future", field: "assessedAt" } });
  });
});

describe("services", () => {
  it("keep their sealed notes and outside provider from police and prosecutors, who see the list", async () => {
    const reference = await shelteredCase();
    const recorded = await post(shelterWorker, at(reference, "services"), {
      service: "medical",
      providerName: "a private clinic in Peja",
      startDate: "2026-06-15",
      note: "Voluntary STI test offered.",
    });
    expect(recorded.statusCode).toBe(201);
    const id = recorded.json<{ id: string }>().id;
    const own = await services(shelterWorker, reference);
    expect(own.items[0]).toMatchObject({
      service: "medical",
      status: "planned",
      providerName: "a private clinic in Peja",
      note: "Voluntary STI test offered.",
      providerAgency: null,
    });
    for (const reader of [police, prosecutor]) {
      const seen = await services(reader, reference);
      expect(seen.mayReadNotes).toBe(false);
      expect(seen.items[0]).toMatchObject({
        id,
        service: "medical",
        status: "planned",
        note: null,
        hasNote: true,
        providerName: null,
      });
    }
    const [stored] = await env.ctx.db
      .select()
      .from(assistanceServicesGiven)
      .where(eq(assistanceServicesGiven.id, id));
    expect(stored?.note?.toString("utf8")).not.toContain("STI");
  });

  it("record each status change in the audit trail and refuse a move that makes no sense", async () => {
    const reference = await shelteredCase();
    const id = (
      await post(shelterWorker, at(reference, "services"), {
        service: "legal_counsel",
        providerAgencyId: clinicId,
        startDate: "2026-06-15",
      })
    ).json<{ id: string }>().id;
    const url = at(reference, `services/${id}`);
    expect((await patch(shelterWorker, url, { status: "declined_by_person" })).statusCode).toBe(204);
    expect((await services(shelterWorker, reference)).items[0]).toMatchObject({
      status: "declined_by_person",
      endDate: "2026-06-15",
    });
    expect(
      (await patch(shelterWorker, url, { status: "planned", note: "She asked again." })).statusCode,
    ).toBe(204);
    expect((await services(shelterWorker, reference)).items[0]).toMatchObject({
      status: "planned",
      endDate: null,
      note: "She asked again.",
    });
    expect((await patch(shelterWorker, url, { status: "delivered" })).statusCode).toBe(204);
    const wrong = await patch(shelterWorker, url, { status: "planned" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: "service_status_not_allowed", field: "status" } });
    const early = await patch(shelterWorker, url, { endDate: "2026-06-01" });
    expect(early.json()).toMatchObject({ error: { code: "dates_out_of_order", field: "endDate" } });
    const trail = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "assistance_service.update"), eq(auditEvents.entityId, id)));
    expect(trail.map((row) => (row.detail as { toStatus: string }).toStatus)).toEqual([
      "declined_by_person",
      "planned",
      "delivered",
    ]);
  });

  it("refuse bad input with the field named, and writes by those who do not assist", async () => {
    const reference = await shelteredCase();
    const url = at(reference, "services");
    const noProvider = await post(shelterWorker, url, { service: "medical", startDate: "2026-06-15" });
    expect(noProvider.json()).toMatchObject({
      error: { code: "provider_required", field: "providerAgencyId" },
    });
    const unknown = await post(shelterWorker, url, {
      service: "medical",
      providerAgencyId: "00000000-0000-4000-8000-000000000000",
      startDate: "2026-06-15",
    });
    expect(unknown.json()).toMatchObject({ error: { code: "provider_unknown", field: "providerAgencyId" } });
    const badService = await post(shelterWorker, url, {
      service: "massage",
      providerAgencyId: clinicId,
      startDate: "2026-06-15",
    });
    expect(badService.json()).toMatchObject({ error: { field: "service" } });
    const badDate = await post(shelterWorker, url, {
      service: "medical",
      providerAgencyId: clinicId,
      startDate: "15.06.2026",
    });
    expect(badDate.json()).toMatchObject({ error: { code: "invalid_date", field: "startDate" } });
    const ends = await post(shelterWorker, url, {
      service: "medical",
      providerAgencyId: clinicId,
      startDate: "2026-06-15",
      endDate: "2026-06-10",
    });
    expect(ends.json()).toMatchObject({ error: { code: "dates_out_of_order", field: "endDate" } });
    expect(
      (await post(police, url, { service: "medical", providerAgencyId: clinicId, startDate: "2026-06-15" }))
        .statusCode,
    ).toBe(403);
    expect((await services(shelterWorker, reference)).items).toEqual([]);
  });

  it("are hidden from agencies outside the case team: 404, as for a case that does not exist", async () => {
    const reference = await shelteredCase();
    const read = await get(outsider, at(reference, "services"));
    expect(read.statusCode).toBe(404);
    expect((await get(outsider, at("NRM-2026-99999", "services"))).body).toBe(read.body);
    expect(
      (
        await post(outsider, at(reference, "services"), {
          service: "medical",
          providerAgencyId: clinicId,
          startDate: "2026-06-15",
        })
      ).statusCode,
    ).toBe(404);
    expect((await get(outsider, at(reference, "reflection"))).statusCode).toBe(404);
    expect((await get(outsider, at(reference, "support-plans"))).statusCode).toBe(404);
  });
});

describe("support plans", () => {
  it("have an HTCDS type, sealed objectives, review date, linked services and a status", async () => {
    const reference = await shelteredCase();
    const other = await shelteredCase();
    const serviceId = (
      await post(shelterWorker, at(reference, "services"), {
        service: "vocational_training",
        providerAgencyId: shelterId,
        startDate: "2026-06-15",
      })
    ).json<{ id: string }>().id;
    const foreignId = (
      await post(shelterWorker, at(other, "services"), {
        service: "education",
        providerAgencyId: shelterId,
        startDate: "2026-06-15",
      })
    ).json<{ id: string }>().id;
    const plan = {
      type: "Livelihood",
      objectives: "Training as a hairdresser.",
      startDate: "2026-06-15",
      reviewDate: "2026-07-15",
      serviceIds: [serviceId],
    };
    const wrongService = await post(shelterWorker, at(reference, "support-plans"), {
      ...plan,
      serviceIds: [foreignId],
    });
    expect(wrongService.json()).toMatchObject({
      error: { code: "plan_service_unknown", field: "serviceIds" },
    });
    const badType = await post(shelterWorker, at(reference, "support-plans"), { ...plan, type: "long_term" });
    expect(badType.json()).toMatchObject({ error: { field: "type" } });
    const empty = await post(shelterWorker, at(reference, "support-plans"), { ...plan, objectives: "  " });
    expect(empty.json()).toMatchObject({ error: { code: "required", field: "objectives" } });
    const created = await post(shelterWorker, at(reference, "support-plans"), plan);
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect(
      (await patch(shelterWorker, at(reference, `support-plans/${id}`), { status: "completed" })).statusCode,
    ).toBe(204);
    const list = (await get(shelterWorker, at(reference, "support-plans"))).json<{ items: object[] }>();
    expect(list.items[0]).toMatchObject({
      type: "Livelihood",
      objectives: "Training as a hairdresser.",
      status: "completed",
      actualEndDate: "2026-06-15",
      serviceIds: [serviceId],
    });
    const seenByPolice = (await get(police, at(reference, "support-plans"))).json<{ items: object[] }>();
    expect(seenByPolice.items[0]).toMatchObject({
      type: "Livelihood",
      objectives: null,
      status: "completed",
    });
  });
});

interface ReflectionView {
  reflection: {
    startDate: string;
    endDate: string;
    daysLeft: number;
    extended: boolean;
    extensions: { reason: string | null }[];
  };
  residence: {
    applicable: boolean;
    grantedDate: string | null;
    validUntil: string | null;
    extended: boolean;
    permits: { permitNumber: string | null }[];
  };
}
const reflection = async (session: Session, reference: string) =>
  (await get(session, at(reference, "reflection"))).json<ReflectionView>();

describe("the reflection period and temporary residence", () => {
  it("starts at identification for the SOP's 90 days and is extended to a later date, with a sealed reason", async () => {
    const reference = await shelteredCase();
    expect((await reflection(shelterWorker, reference)).reflection).toMatchObject({
      startDate: "2026-06-14",
      endDate: "2026-09-12",
      daysLeft: 89,
      extended: false,
    });
    const url = at(reference, "reflection/extensions");
    const same = await post(shelterWorker, url, { newEndDate: "2026-09-12", reason: "More time." });
    expect(same.json()).toMatchObject({ error: { code: "extension_not_later", field: "newEndDate" } });
    const noReason = await post(shelterWorker, url, { newEndDate: "2026-10-12", reason: " " });
    expect(noReason.json()).toMatchObject({ error: { code: "required", field: "reason" } });
    expect((await post(police, url, { newEndDate: "2026-10-12", reason: "x" })).statusCode).toBe(403);
    const extended = await post(shelterWorker, url, {
      newEndDate: "2026-12-11",
      reason: "Still in trauma therapy.",
    });
    expect(extended.statusCode).toBe(201);
    const view = await reflection(shelterWorker, reference);
    expect(view.reflection).toMatchObject({ endDate: "2026-12-11", extended: true, daysLeft: 179 });
    expect(view.reflection.extensions[0]?.reason).toBe("Still in trauma therapy.");
    expect((await reflection(police, reference)).reflection.extensions[0]?.reason).toBeNull();
    const rows = await env.ctx.db
      .select()
      .from(reflectionExtensions)
      .where(eq(reflectionExtensions.newEndDate, "2026-12-11"));
    expect(rows.map((r) => r.previousEndDate)).toEqual(["2026-09-12"]);
    expect(rows[0]?.reason.toString("utf8")).not.toContain("trauma");
  });

  it("records temporary residence for a foreign victim, with a sealed permit number, and refuses it for a citizen", async () => {
    const reference = await shelteredCase();
    const url = at(reference, "residence");
    expect(
      (await post(shelterWorker, url, { action: "extend", grantedDate: "2026-06-15" })).json(),
    ).toMatchObject({
      error: { code: "residence_not_granted" },
    });
    const granted = await post(police, url, {
      action: "grant",
      grantedDate: "2026-06-15",
      permitNumber: "TR-2026-0042",
    });
    expect(granted.statusCode).toBe(201);
    expect((await post(police, url, { action: "grant", grantedDate: "2026-06-15" })).statusCode).toBe(409);
    let view = await reflection(shelterWorker, reference);
    expect(view.residence).toMatchObject({
      applicable: true,
      grantedDate: "2026-06-15",
      validUntil: "2026-09-13",
      extended: false,
    });
    expect(view.residence.permits[0]?.permitNumber).toBe("TR-2026-0042");
    const shorter = await post(shelterWorker, url, {
      action: "extend",
      grantedDate: "2026-06-15",
      validUntil: "2026-09-01",
    });
    expect(shorter.json()).toMatchObject({ error: { code: "extension_not_later", field: "validUntil" } });
    expect(
      (
        await post(shelterWorker, url, {
          action: "extend",
          grantedDate: "2026-06-15",
          validUntil: "2026-12-12",
        })
      ).statusCode,
    ).toBe(201);
    view = await reflection(shelterWorker, reference);
    expect(view.residence).toMatchObject({
      grantedDate: "2026-06-15",
      validUntil: "2026-12-12",
      extended: true,
    });

    const citizen = await shelteredCase({ person: { citizenship: ["XK"] } });
    expect((await reflection(shelterWorker, citizen)).residence.applicable).toBe(false);
    const refused = await post(shelterWorker, at(citizen, "residence"), {
      action: "grant",
      grantedDate: "2026-06-15",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: "residence_not_applicable" } });
  });
});

describe("reminders before the end", () => {
  it("alert the assisting agency's case workers 14 days before, and end when the period is extended", async () => {
    const reference = await shelteredCase();
    await post(police, at(reference, "residence"), { action: "grant", grantedDate: "2026-06-15" });
    const open = async (kind: string) =>
      (await env.ctx.db.select().from(alerts).where(eq(alerts.kind, kind))).filter(
        (a) => a.resolvedAt === null,
      );
    await runChecks(env.ctx, [assistanceReminderCheck]);
    expect(await open("reflection_period_ending")).toEqual([]);

    const saved = env.clock.time;
    try {
      // 29 August 2026, 10:00 UTC: 14 days before 12 September in Belgrade.
      env.clock.time = new Date("2026-08-29T10:00:00Z");
      const run = await runChecks(env.ctx, [assistanceReminderCheck]);
      expect(run.failed).toEqual([]);
      const raised = await open("reflection_period_ending");
      const [row] = await env.ctx.db
        .select({ id: cases.id })
        .from(cases)
        .where(eq(cases.reference, reference));
      const mine = raised.filter((a) => a.caseId === row?.id);
      expect(mine.map((a) => a.agencyId)).toContain(shelterId);
      expect(mine.map((a) => a.agencyId)).not.toContain(policeId);
      const ours = mine.find((a) => a.agencyId === shelterId);
      expect(ours).toMatchObject({
        role: "case_worker",
        subject: "2026-09-12",
        params: { endDate: "2026-09-12", daysLeft: 14 },
      });
      expect(ours?.dueAt?.toISOString()).toBe("2026-09-12T22:00:00.000Z");
      // Residence granted on 15 June for 90 days runs to 13 September: 15 days left, not yet.
      expect((await open("residence_permit_ending")).filter((a) => a.caseId === ours?.caseId)).toEqual([]);

      // Sessions expire while the clock moves weeks: a colleague signs in now.
      const colleague = await env.signIn(shelterId, ["case_worker"]);
      const me = (await get(colleague, "/api/alerts/mine")).json<
        { items?: { kind: string }[] } | { kind: string }[]
      >();
      expect(JSON.stringify(me)).toContain("reflection_period_ending");

      await post(colleague, at(reference, "reflection/extensions"), {
        newEndDate: "2026-11-12",
        reason: "Therapy continues.",
      });
      const after = (
        await env.ctx.db
          .select()
          .from(alerts)
          .where(eq(alerts.id, ours?.id ?? ""))
      ).at(0);
      expect(after?.resolvedAt).not.toBeNull();

      env.clock.time = new Date("2026-08-30T10:00:00Z");
      await runChecks(env.ctx, [assistanceReminderCheck]);
      const residence = (await open("residence_permit_ending")).filter((a) => a.caseId === ours?.caseId);
      expect(residence.map((a) => a.agencyId)).toEqual([shelterId]);
      expect(residence[0]?.params).toEqual({ endDate: "2026-09-13", daysLeft: 14 });
      // The extended reflection period is not due for a reminder again until late October.
      expect((await open("reflection_period_ending")).filter((a) => a.caseId === ours?.caseId)).toEqual([]);
    } finally {
      env.clock.time = saved;
    }
  });
});
