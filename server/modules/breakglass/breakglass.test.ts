import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { alertChecks } from "../alerts/checks";
import { runChecks } from "../alerts/scheduler";
import { breakGlassGrants } from "./schema";

let env: TestEnvironment;
let police: Session;
let policeChief: Session;
let shelterWorker: Session;
let shelterHead: Session;
let outsideInvestigator: Session;
let outsideWorker: Session;
let auditor: Session;
let coordinator: Session;
let hotline: Session;
let prosecutor: Session;
let agencyAdmin: Session;

const HOUR = 3_600_000;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  const border = await env.makeAgency({ type: "border_police" });
  const csw = await env.makeAgency({ type: "social_services" });
  const national = await env.makeAgency({ type: "national_coordinator" });
  const iom = await env.makeAgency({ type: "international_organisation" });
  const prosecution = await env.makeAgency({ type: "prosecution" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  policeChief = await env.signIn(unit.id, ["supervisor", "police_investigator"]);
  shelterWorker = await env.signIn(shelter.id, ["case_worker"]);
  shelterHead = await env.signIn(shelter.id, ["case_worker", "supervisor"]);
  outsideInvestigator = await env.signIn(border.id, ["police_investigator"]);
  outsideWorker = await env.signIn(csw.id, ["case_worker"]);
  auditor = await env.signIn(national.id, ["auditor"]);
  coordinator = await env.signIn(national.id, ["coordinator"]);
  hotline = await env.signIn(iom.id, ["hotline_operator"]);
  prosecutor = await env.signIn(prosecution.id, ["prosecutor"]);
  agencyAdmin = await env.signIn(csw.id, ["agency_admin"]);
});
afterAll(() => env.close());

/** Hours pass; sessions do not last that long, so everyone signs in again. */
async function hoursLater(hours: number) {
  env.clock.advance(hours * HOUR);
  for (const session of [
    police,
    policeChief,
    shelterWorker,
    shelterHead,
    outsideInvestigator,
    outsideWorker,
    auditor,
    coordinator,
    hotline,
    prosecutor,
    agencyAdmin,
  ]) {
    Object.assign(session, await env.login(session.user));
  }
}

/** A case of the police unit with the shelter on its team (identity and circumstances). */
async function registerCase(): Promise<{ reference: string; caseId: string }> {
  const response = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({
      person: { givenName: "Elena", familyName: "Rusu" },
      circumstances: "Found in a bar in Ferizaj after a raid.",
    }),
  });
  expect(response.statusCode).toBe(201);
  const { reference } = response.json<{ reference: string }>();
  const shelterId = shelterWorker.user.agencyId;
  const added = await env.as(policeChief, {
    method: "POST",
    url: `/api/cases/${reference}/team`,
    payload: { agencyId: shelterId, scopes: ["identity", "circumstances"] },
  });
  expect(added.statusCode).toBeLessThan(300);
  const [row] = await env.ctx.db
    .select({ caseId: auditEvents.caseId })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "case.register"), eq(auditEvents.entityId, reference)));
  return { reference, caseId: row?.caseId ?? "" };
}

const breakGlass = (session: Session, payload: object) =>
  env.as(session, { method: "POST", url: "/api/break-glass", payload });
const openCase = (session: Session, reference: string) =>
  env.as(session, { method: "GET", url: `/api/cases/${reference}` });
const auditOf = (caseId: string, action: string) =>
  env.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.seq));

interface Grant {
  id: string;
  reference: string;
  reasonCode: string;
  user: { id: string };
  grantedAt: string;
  expiresAt: string;
  endedAt: string | null;
  state: string;
}

describe("breaking the glass", () => {
  it("lets an investigator outside the team see who the person is, not the circumstances, for 4 hours", async () => {
    const { reference, caseId } = await registerCase();
    expect((await openCase(outsideInvestigator, reference)).statusCode).toBe(404);

    const response = await breakGlass(outsideInvestigator, {
      reference,
      reasonCode: "imminent_danger",
      reasonText: "Patrol found her at the border crossing at night",
    });
    expect(response.statusCode).toBe(201);
    const grant = response.json<Grant>();
    expect(grant).toMatchObject({
      reference,
      reasonCode: "imminent_danger",
      user: { id: outsideInvestigator.user.id },
      grantedAt: env.clock.now().toISOString(),
      expiresAt: new Date(env.clock.now().getTime() + 4 * HOUR).toISOString(),
      endedAt: null,
      state: "active",
    });

    const opened = await openCase(outsideInvestigator, reference);
    expect(opened.statusCode).toBe(200);
    const detail = opened.json<{
      identity: { givenName: string; familyName: string } | null;
      circumstances: string | null;
      permissions: { canSeeIdentity: boolean; canSeeCircumstances: boolean; canAddAgency: boolean };
    }>();
    expect(detail.identity).toMatchObject({ givenName: "Elena", familyName: "Rusu" });
    expect(detail.circumstances).toBeNull();
    expect(detail.permissions).toEqual({
      canSeeIdentity: true,
      canSeeCircumstances: false,
      canAddAgency: false,
    });

    // Granted, and every read by break-glass, are in the trail with the grant and the reason code.
    const [granted] = await auditOf(caseId, "breakglass.grant");
    expect(granted?.detail).toEqual({
      reference,
      reasonCode: "imminent_danger",
      reasonText: true,
      expiresAt: grant.expiresAt,
    });
    expect(granted?.reason).toBe("imminent_danger");
    expect(JSON.stringify(granted?.detail)).not.toContain("Patrol");
    const accesses = await auditOf(caseId, "breakglass.access");
    expect(accesses).toHaveLength(1);
    expect(accesses[0]?.detail).toEqual({ reference, breakGlass: grant.id, reasonCode: "imminent_danger" });
    expect(accesses[0]?.actorUserId).toBe(outsideInvestigator.user.id);
    const reads = await auditOf(caseId, "case.identity.read");
    expect(reads.at(-1)?.detail).toEqual({ reference, fields: ["identity"], breakGlass: grant.id });

    // The sealed free text is not in the table in clear.
    const [stored] = await env.ctx.db
      .select()
      .from(breakGlassGrants)
      .where(eq(breakGlassGrants.id, grant.id));
    expect(stored?.reasonText?.toString("utf8") ?? "").not.toContain("Patrol");

    // The case's other parts are open too, and each use is audited again.
    await env.as(outsideInvestigator, { method: "GET", url: `/api/cases/${reference}/rights-information` });
    expect(await auditOf(caseId, "breakglass.access")).toHaveLength(2);
  });

  it("never widens the team", async () => {
    const { reference } = await registerCase();
    const supervisorOutside = await env.signIn(outsideInvestigator.user.agencyId, ["supervisor"]);
    expect((await breakGlass(supervisorOutside, { reference, reasonCode: "child_at_risk" })).statusCode).toBe(
      201,
    );
    const widened = await env.as(supervisorOutside, {
      method: "POST",
      url: `/api/cases/${reference}/team`,
      payload: { agencyId: supervisorOutside.user.agencyId, scopes: ["identity", "circumstances"] },
    });
    expect(widened.statusCode).toBe(403);
  });

  it("alerts every team agency's supervisors at once, with codes only", async () => {
    const { reference } = await registerCase();
    const response = await breakGlass(outsideWorker, { reference, reasonCode: "medical_emergency" });
    expect(response.statusCode).toBe(201);
    const grant = response.json<Grant>();
    const alertsOf = async (session: Session) =>
      (await env.as(session, { method: "GET", url: "/api/alerts/mine" }))
        .json<{ items: { id: string; kind: string; case: { reference: string }; params: object }[] }>()
        .items.filter((a) => a.case.reference === reference && a.kind === "break_glass");
    for (const supervisor of [policeChief, shelterHead]) {
      const alerts = await alertsOf(supervisor);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.params).toEqual({
        reasonCode: "medical_emergency",
        until: grant.expiresAt,
        agencyType: "social_services",
      });
    }
    // Case workers without the supervisor role are not the ones told.
    expect(await alertsOf(shelterWorker)).toHaveLength(0);
  });

  it("needs free text when the reason is 'other', and refuses unknown codes", async () => {
    const { reference } = await registerCase();
    const other = await breakGlass(outsideWorker, { reference, reasonCode: "other" });
    expect(other.statusCode).toBe(400);
    expect(other.json<{ error: { field: string; code: string } }>().error).toMatchObject({
      field: "reasonText",
      code: "breakglass_reason_text_required",
    });
    expect((await breakGlass(outsideWorker, { reference, reasonCode: "curiosity" })).statusCode).toBe(400);
  });

  it("ends by itself when its time is over", async () => {
    const { reference, caseId } = await registerCase();
    const grant = (
      await breakGlass(outsideInvestigator, { reference, reasonCode: "missing_person" })
    ).json<Grant>();
    await hoursLater(3.9);
    expect((await openCase(outsideInvestigator, reference)).statusCode).toBe(200);
    await hoursLater(0.2);
    expect((await openCase(outsideInvestigator, reference)).statusCode).toBe(404);
    const list = await env.as(auditor, { method: "GET", url: "/api/break-glass?pageSize=200" });
    const listed = list.json<{ items: Grant[] }>().items.find((g) => g.id === grant.id);
    expect(listed?.state).toBe("expired");
    expect(listed?.endedAt).toBeNull();
    expect((await auditOf(caseId, "breakglass.access")).length).toBe(1);
  });

  it("can be ended early by its holder, or by the team's supervisor, not by others", async () => {
    const { reference } = await registerCase();
    const first = (
      await breakGlass(outsideInvestigator, { reference, reasonCode: "team_unreachable" })
    ).json<Grant>();
    const end = (session: Session, id: string) =>
      env.as(session, { method: "POST", url: `/api/break-glass/${id}/end` });
    expect((await end(outsideWorker, first.id)).statusCode).toBe(404);
    expect((await end(shelterWorker, first.id)).statusCode).toBe(404);
    expect((await end(outsideInvestigator, first.id)).statusCode).toBe(204);
    expect((await openCase(outsideInvestigator, reference)).statusCode).toBe(404);
    expect((await end(outsideInvestigator, first.id)).statusCode).toBe(409);

    env.clock.advance(60_000);
    const second = (
      await breakGlass(outsideInvestigator, { reference, reasonCode: "team_unreachable" })
    ).json<Grant>();
    // The team's supervisor sees who holds access and why, the free text read being audited.
    const onCase = await env.as(shelterHead, { method: "GET", url: `/api/cases/${reference}/break-glass` });
    expect(onCase.json<{ onCase: Grant[] }>().onCase.map((g) => g.id)).toEqual([second.id, first.id]);
    expect((await end(shelterHead, second.id)).statusCode).toBe(204);
    expect((await openCase(outsideInvestigator, reference)).statusCode).toBe(404);
    const ended = (await env.as(auditor, { method: "GET", url: "/api/break-glass?pageSize=200" }))
      .json<{ items: (Grant & { endedBy: { username: string } | null })[] }>()
      .items.find((g) => g.id === second.id);
    expect(ended).toMatchObject({ state: "ended", endedBy: { username: shelterHead.user.username } });
  });

  it("answers the same for a missing reference as for a hidden one, and audits the attempt", async () => {
    const missing = await breakGlass(outsideInvestigator, {
      reference: "NRM-2026-99999",
      reasonCode: "imminent_danger",
    });
    expect(missing.statusCode).toBe(404);
    const typo = await breakGlass(outsideInvestigator, {
      reference: "Elena Rusu",
      reasonCode: "imminent_danger",
    });
    expect(typo.statusCode).toBe(404);
    expect(typo.json()).toEqual(missing.json());
    const refused = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "breakglass.refused"),
          eq(auditEvents.actorUserId, outsideInvestigator.user.id),
        ),
      );
    expect(refused.map((r) => r.detail)).toEqual([
      { reference: "NRM-2026-99999", reasonCode: "imminent_danger", refusal: "not_found" },
      // What was typed instead of a reference is not kept: it might be a name.
      { reference: null, reasonCode: "imminent_danger", refusal: "not_found" },
    ]);
  });

  it("is refused to roles that never break glass, whatever the reference, and audited", async () => {
    const { reference } = await registerCase();
    for (const session of [auditor, coordinator, hotline, prosecutor, agencyAdmin]) {
      const real = await breakGlass(session, { reference, reasonCode: "imminent_danger" });
      const fake = await breakGlass(session, { reference: "NRM-2026-99998", reasonCode: "imminent_danger" });
      expect([real.statusCode, fake.statusCode]).toEqual([403, 403]);
      expect(real.json()).toEqual(fake.json());
    }
    const refused = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "breakglass.refused"), eq(auditEvents.actorUserId, auditor.user.id)));
    expect(refused).toHaveLength(2);
  });

  it("tells a team member to open the case as usual", async () => {
    const { reference } = await registerCase();
    const response = await breakGlass(shelterWorker, { reference, reasonCode: "imminent_danger" });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { code: string } }>().error.code).toBe("breakglass_on_team");
  });

  it("limits how many one person holds at once", async () => {
    const holder = await env.signIn(outsideWorker.user.agencyId, ["case_worker"]);
    const references = await Promise.all([registerCase(), registerCase(), registerCase(), registerCase()]);
    const answers = [];
    for (const { reference } of references)
      answers.push((await breakGlass(holder, { reference, reasonCode: "imminent_danger" })).statusCode);
    expect(answers).toEqual([201, 201, 201, 409]);
  });

  it("lists every access for auditors, and for nobody else", async () => {
    const { reference } = await registerCase();
    await breakGlass(outsideWorker, { reference, reasonCode: "child_at_risk" });
    const list = await env.as(auditor, { method: "GET", url: "/api/break-glass?active=true" });
    expect(list.statusCode).toBe(200);
    const item = list
      .json<{ items: (Grant & { agency: { id: string } })[] }>()
      .items.find((g) => g.reference === reference);
    expect(item).toMatchObject({
      reasonCode: "child_at_risk",
      user: { id: outsideWorker.user.id },
      agency: { id: outsideWorker.user.agencyId },
      state: "active",
    });
    expect(JSON.stringify(list.json())).not.toContain("reasonText");
    for (const session of [coordinator, policeChief, outsideWorker])
      expect((await env.as(session, { method: "GET", url: "/api/break-glass" })).statusCode).toBe(403);
  });

  it("keeps the supervisors' alert until the access is over and acknowledged", async () => {
    const { reference } = await registerCase();
    const grant = (
      await breakGlass(outsideWorker, { reference, reasonCode: "imminent_danger" })
    ).json<Grant>();
    const alertOf = async () =>
      (await env.as(policeChief, { method: "GET", url: "/api/alerts/mine" }))
        .json<{ items: { id: string; kind: string; case: { reference: string } }[] }>()
        .items.find((a) => a.case.reference === reference && a.kind === "break_glass");
    const alert = await alertOf();
    expect(alert).toBeDefined();
    const acknowledged = await env.as(policeChief, {
      method: "POST",
      url: `/api/alerts/${alert?.id ?? ""}/acknowledge`,
      payload: {},
    });
    expect(acknowledged.statusCode).toBeLessThan(300);
    await runChecks(env.ctx, alertChecks);
    expect(await alertOf()).toBeDefined();
    await env.as(outsideWorker, { method: "POST", url: `/api/break-glass/${grant.id}/end` });
    await runChecks(env.ctx, alertChecks);
    expect(await alertOf()).toBeUndefined();
  });
});
