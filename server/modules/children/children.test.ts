import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { raiseAlert } from "../alerts/commands";
import { alerts } from "../alerts/schema";
import { runChecks } from "../alerts/scheduler";
import { cases } from "../cases/schema";
import { casePathways } from "../pathway/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { childAtPoliceStationCheck, guardianMissingCheck } from "./alerts";
import { childGuardians, childParentNotifications, childParents } from "./schema";

let env: TestEnvironment;
let police: Session;
let social: Session;
let supervisor: Session;
let outsider: Session;
let cswId: string;
let nationalId: string;
let colleague: { id: string };
let policeUserId: string;

const HOUR = 3_600_000;
let users: Record<"police" | "social" | "supervisor" | "outsider", { username: string }>;

async function signInAgain() {
  police = await env.login(users.police);
  social = await env.login(users.social);
  supervisor = await env.login(users.supervisor);
  outsider = await env.login(users.outsider);
}

/** Moves the clock; sessions end after 30 idle minutes, so the users sign in again. */
async function advance(ms: number) {
  env.clock.advance(ms);
  await signInAgain();
}

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const csw = await env.makeAgency({ type: "social_services", name: "Centre for social work" });
  const national = await env.makeAgency({ type: "national_coordinator" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  cswId = csw.id;
  nationalId = national.id;
  users = {
    police: await env.makeUser(unit.id, ["police_investigator"]),
    social: await env.makeUser(csw.id, ["case_worker"]),
    supervisor: await env.makeUser(csw.id, ["supervisor"]),
    outsider: await env.makeUser(shelter.id, ["case_worker", "supervisor"]),
  };
  await signInAgain();
  policeUserId = police.user.id;
  colleague = await env.makeUser(csw.id, ["case_worker"]);
  await env.makeUser(csw.id, ["agency_admin"]);
});
afterAll(() => env.close());

interface ChildView {
  caseWorker: { user: { id: string; name: string }; agency: { id: string } } | null;
  guardians: {
    id: string;
    active: boolean;
    name: string | null;
    contact: string | null;
    appointingBody: string;
  }[];
  bestInterests: { outcome: string; reasoning: string | null; childHeard: boolean }[];
  views: { summary: string | null; inPerson: boolean }[];
  parents: {
    id: string;
    relationship: string;
    name: string | null;
    suspectedTrafficker: boolean;
    notifications: { method: string; notifiedBy: { id: string } }[];
  }[];
  location: {
    current: { type: string; since: string } | null;
    policeStationSince: string | null;
    overLimit: boolean;
  };
  permissions: Record<string, boolean>;
}

const girl = {
  person: { givenName: "Drita", birthDate: "2011-03-01", citizenship: ["XK"], gender: "Feminine" },
};
const register = async (overrides: Parameters<typeof registration>[0] = girl) =>
  (await env.as(police, { method: "POST", url: "/api/cases", payload: registration(overrides) })).json<{
    reference: string;
  }>().reference;
const url = (reference: string, rest = "") => `/api/cases/${reference}/child${rest}`;
const get = (session: Session, reference: string) => env.as(session, { method: "GET", url: url(reference) });
const view = async (session: Session, reference: string) => (await get(session, reference)).json<ChildView>();
const post = (session: Session, reference: string, rest: string, payload: object) =>
  env.as(session, { method: "POST", url: url(reference, rest), payload });
const caseIdOf = async (reference: string) => {
  const [row] = await env.ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
  if (!row) throw new Error("no case");
  return row.id;
};
const auditOf = (action: string, caseId: string) =>
  env.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.caseId, caseId)));

const guardian = {
  name: "Arta Gashi",
  contact: "+383 44 123 456",
  appointingBody: "centre_for_social_work",
  decisionReference: "CSW-PR 112/2026",
  appointedOn: "2026-06-15",
};
const determination = {
  determinedOn: "2026-06-15",
  outcome: "foster_care",
  reasoning: "The mother sold her; the aunt in Prizren cannot protect her.",
  guardianPresent: true,
  childHeard: true,
};
const heard = {
  heardOn: "2026-06-15",
  inPerson: true,
  withInterpreter: false,
  guardianPresent: true,
  summary: "She does not want to go home.",
};

describe("who sees the child's records", () => {
  it("is the case team only; an adult's case has no child tab", async () => {
    const reference = await register();
    expect((await get(social, reference)).statusCode).toBe(200);
    expect((await get(police, reference)).statusCode).toBe(200);
    const hidden = await get(outsider, reference);
    expect(hidden.statusCode).toBe(404);
    expect((await get(outsider, "NRM-2026-99999")).body).toBe(hidden.body);
    expect((await post(outsider, reference, "/guardians", guardian)).statusCode).toBe(404);

    const adult = await register({});
    const refused = await get(police, adult);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: "not_a_child_case" } });
    expect((await post(police, adult, "/location", { locationType: "shelter" })).statusCode).toBe(409);
  });
});

describe("the case worker", () => {
  it("is a social worker of the team's social services, assigned by social services only", async () => {
    const reference = await register();
    const candidates = await env.as(social, {
      method: "GET",
      url: url(reference, "/case-worker-candidates"),
    });
    const ids = candidates.json<{ id: string; name: string }[]>().map((c) => c.id);
    expect(ids).toContain(colleague.id);
    expect(ids).toContain(supervisor.user.id);
    expect(ids).toHaveLength(3);
    expect(
      (await env.as(police, { method: "GET", url: url(reference, "/case-worker-candidates") })).json(),
    ).toEqual([]);

    expect((await post(police, reference, "/case-worker", { userId: colleague.id })).statusCode).toBe(403);
    const wrong = await post(social, reference, "/case-worker", { userId: policeUserId });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: "case_worker_not_eligible", field: "userId" } });

    const assigned = await post(social, reference, "/case-worker", { userId: colleague.id });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json<ChildView>().caseWorker).toMatchObject({
      user: { id: colleague.id },
      agency: { id: cswId },
    });
    const [audit] = await auditOf("child.case_worker.assign", await caseIdOf(reference));
    expect(audit?.detail).toMatchObject({
      reference,
      userId: colleague.id,
      agencyId: cswId,
      replaced: false,
    });
  });
});

describe("the guardian", () => {
  it("is sealed, replaced with history, audited, and read with an audit row", async () => {
    const reference = await register();
    const caseId = await caseIdOf(reference);
    expect((await post(police, reference, "/guardians", guardian)).statusCode).toBe(403);
    const blank = await post(social, reference, "/guardians", { ...guardian, name: "  " });
    expect(blank.json()).toMatchObject({ error: { code: "required", field: "name" } });
    const future = await post(social, reference, "/guardians", { ...guardian, appointedOn: "2026-06-16" });
    expect(future.json()).toMatchObject({ error: { code: "date_in_future", field: "appointedOn" } });
    const body = await post(social, reference, "/guardians", { ...guardian, appointingBody: "family" });
    expect(body.statusCode).toBe(400);

    expect((await post(social, reference, "/guardians", guardian)).statusCode).toBe(200);
    const [stored] = await env.ctx.db.select().from(childGuardians).where(eq(childGuardians.caseId, caseId));
    expect(stored?.name.toString("latin1")).not.toContain("Gashi");
    expect(stored?.contact?.toString("latin1")).not.toContain("123");
    const [assigned] = await auditOf("child.guardian.assign", caseId);
    expect(JSON.stringify(assigned?.detail)).not.toMatch(/Gashi|123|CSW-PR/);

    await post(supervisor, reference, "/guardians", { ...guardian, name: "Besa Krasniqi", contact: null });
    const shown = await view(social, reference);
    expect(shown.guardians.map((g) => [g.name, g.active])).toEqual([
      ["Besa Krasniqi", true],
      ["Arta Gashi", false],
    ]);
    expect(shown.guardians[1]?.contact).toBe("+383 44 123 456");
    const reads = await auditOf("child.read", caseId);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.at(-1)?.detail).toEqual({ reference, parts: ["guardian"] });
  });
});

describe("the SOP's requirements", () => {
  it("are established by the child's records, and a decision on the future waits for a guardian", async () => {
    const reference = await register();
    const caseId = await caseIdOf(reference);
    const next = async (to: string) =>
      (await env.as(social, { method: "GET", url: `/api/cases/${reference}/pathway` }))
        .json<{ next: { to: string; missing: string[] }[] }>()
        .next.find((s) => s.to === to);
    expect((await next("rights_information"))?.missing).toContain("case_worker_assigned");
    await post(social, reference, "/case-worker", { userId: social.user.id });
    expect((await next("rights_information"))?.missing).not.toContain("case_worker_assigned");

    // The steps between are other modules' records; the stage is set where this test begins.
    await env.ctx.db
      .update(casePathways)
      .set({ stage: "reflection_period" })
      .where(eq(casePathways.caseId, caseId));
    const move = (to: string) =>
      env.as(social, { method: "POST", url: `/api/cases/${reference}/pathway/stage`, payload: { to } });
    expect((await next("decision_on_future"))?.missing).toEqual(["guardian_assigned"]);
    const refused = await move("decision_on_future");
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: "requirements_missing" } });

    await post(social, reference, "/guardians", guardian);
    expect((await move("decision_on_future")).statusCode).toBe(200);
    const before = (await next("reintegration"))?.missing ?? [];
    expect(before).toContain("best_interests_determination");
    expect(before).toContain("child_views_recorded");
    expect(before).not.toContain("guardian_assigned");

    const viewsBlank = await post(social, reference, "/views", { ...heard, summary: "" });
    expect(viewsBlank.json()).toMatchObject({ error: { code: "required", field: "summary" } });
    expect((await post(social, reference, "/views", heard)).statusCode).toBe(200);
    const outcome = await post(social, reference, "/best-interests", {
      ...determination,
      outcome: "adoption",
    });
    expect(outcome.json<{ error: { field?: string; issues?: { field: string }[] } }>().error).toBeDefined();
    expect((await post(social, reference, "/best-interests", determination)).statusCode).toBe(200);
    const after = (await next("reintegration"))?.missing ?? [];
    expect(after).not.toContain("best_interests_determination");
    expect(after).not.toContain("child_views_recorded");

    const shown = await view(social, reference);
    expect(shown.bestInterests[0]).toMatchObject({
      outcome: "foster_care",
      reasoning: determination.reasoning,
    });
    expect(shown.views[0]).toMatchObject({ summary: heard.summary, inPerson: true });
    // The police see that a determination exists, not its reasoning nor the child's words.
    const policeView = await view(police, reference);
    expect(policeView.bestInterests[0]).toMatchObject({ outcome: "foster_care", reasoning: null });
    expect(policeView.views[0]?.summary).toBeNull();
    const [recorded] = await auditOf("child.best_interests.record", caseId);
    expect(recorded?.detail).toEqual({
      reference,
      determinedOn: "2026-06-15",
      outcome: "foster_care",
      guardianPresent: true,
      childHeard: true,
    });
  });
});

describe("parents", () => {
  it("are notified unless flagged as suspected traffickers; a flagged parent is never notified", async () => {
    const reference = await register();
    const caseId = await caseIdOf(reference);
    await post(social, reference, "/parents", {
      relationship: "mother",
      name: "Mother Name",
      contact: "+383 49 000 111",
      suspectedTrafficker: true,
    });
    const added = await post(social, reference, "/parents", {
      relationship: "father",
      name: "Father Name",
      suspectedTrafficker: false,
    });
    const [mother, father] = added.json<ChildView>().parents;
    if (!mother || !father) throw new Error("parents not stored");
    expect(mother).toMatchObject({ relationship: "mother", name: "Mother Name", suspectedTrafficker: true });

    const refused = await post(social, reference, `/parents/${mother.id}/notifications`, { method: "phone" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: "parent_suspected" } });
    const told = await post(social, reference, `/parents/${father.id}/notifications`, {
      method: "in_person",
    });
    expect(told.statusCode).toBe(200);
    expect(told.json<ChildView>().parents.map((p) => p.notifications.length)).toEqual([0, 1]);
    expect(told.json<ChildView>().parents[1]?.notifications[0]).toMatchObject({
      method: "in_person",
      notifiedBy: { id: social.user.id },
    });

    // The police learn the father is a suspect too: from then on he is told nothing more.
    expect(
      (await post(police, reference, `/parents/${father.id}/flag`, { suspectedTrafficker: true })).statusCode,
    ).toBe(200);
    const again = await post(social, reference, `/parents/${father.id}/notifications`, { method: "letter" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: "parent_suspected" } });
    const notes = await env.ctx.db
      .select()
      .from(childParentNotifications)
      .where(eq(childParentNotifications.caseId, caseId));
    expect(notes.map((n) => [n.parentId, n.method])).toEqual([[father.id, "in_person"]]);
    expect(await auditOf("child.parent.notify", caseId)).toHaveLength(1);

    // Only a social services supervisor lifts the flag.
    expect(
      (await post(police, reference, `/parents/${father.id}/flag`, { suspectedTrafficker: false }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(social, reference, `/parents/${father.id}/flag`, { suspectedTrafficker: false }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(supervisor, reference, `/parents/${father.id}/flag`, { suspectedTrafficker: false }))
        .statusCode,
    ).toBe(200);
    expect((await auditOf("child.parent.flag", caseId)).map((a) => a.entityId)).toEqual([father.id]);
    expect((await auditOf("child.parent.unflag", caseId)).map((a) => a.entityId)).toEqual([father.id]);

    const [sealed] = await env.ctx.db.select().from(childParents).where(eq(childParents.id, mother.id));
    expect(sealed?.name.toString("latin1")).not.toContain("Mother");
    // Another case's parent is not found through this case.
    const other = await register();
    expect(
      (await post(social, other, `/parents/${father.id}/notifications`, { method: "phone" })).statusCode,
    ).toBe(404);
    expect(
      (await post(police, reference, `/parents/${father.id}/notifications`, { method: "phone" })).statusCode,
    ).toBe(403);
  });
});

describe("alerts", () => {
  const openAlerts = (caseId: string, kind: string) =>
    env.ctx.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.caseId, caseId), eq(alerts.kind, kind), isNull(alerts.resolvedAt)));
  const recipients = (rows: { agencyId: string; role: string | null; level: number }[]) =>
    rows
      .map(
        (r) =>
          `${r.agencyId === cswId ? "csw" : r.agencyId === nationalId ? "national" : r.agencyId}:${r.role}:${r.level}`,
      )
      .sort();

  it("raise once when a child is at a police station too long, and end when the child leaves", async () => {
    const reference = await register();
    const caseId = await caseIdOf(reference);
    const at = await post(police, reference, "/location", { locationType: "police_station" });
    expect(at.json<ChildView>().location).toMatchObject({
      current: { type: "police_station" },
      overLimit: false,
    });
    const since = env.clock.now().toISOString();

    await advance(5 * HOUR);
    await runChecks(env.ctx, [childAtPoliceStationCheck]);
    expect(await openAlerts(caseId, "child_at_police_station")).toEqual([]);
    // A transfer to another station does not restart the clock.
    await post(police, reference, "/location", { locationType: "police_station" });

    await advance(2 * HOUR);
    const run = await runChecks(env.ctx, [childAtPoliceStationCheck]);
    expect(run.failed).toEqual([]);
    const raised = await openAlerts(caseId, "child_at_police_station");
    expect(recipients(raised)).toEqual(["csw:case_worker:0", "csw:supervisor:1", "national:coordinator:1"]);
    expect(raised[0]?.params).toEqual({ maxHours: 6 });
    expect(raised[0]?.dueAt?.getTime()).toBe(new Date(since).getTime() + 6 * HOUR);
    expect((await view(social, reference)).location).toMatchObject({
      overLimit: true,
      policeStationSince: since,
    });
    expect((await runChecks(env.ctx, [childAtPoliceStationCheck])).raised).toEqual({
      child_at_police_station: 0,
    });
    expect(await openAlerts(caseId, "child_at_police_station")).toHaveLength(3);

    const mine = await env.as(social, { method: "GET", url: "/api/alerts/mine" });
    expect(JSON.stringify(mine.json())).toContain(reference);

    const backdated = await post(social, reference, "/location", {
      locationType: "shelter",
      since: new Date(Date.parse(since) - HOUR).toISOString(),
    });
    expect(backdated.json()).toMatchObject({ error: { code: "location_before_current", field: "since" } });
    expect((await post(outsider, reference, "/location", { locationType: "shelter" })).statusCode).toBe(404);
    expect((await post(social, reference, "/location", { locationType: "shelter" })).statusCode).toBe(200);
    expect(await openAlerts(caseId, "child_at_police_station")).toEqual([]);
    expect((await runChecks(env.ctx, [childAtPoliceStationCheck])).raised).toEqual({
      child_at_police_station: 0,
    });
    const [recorded] = await auditOf("child.location.record", caseId);
    expect(recorded?.detail).toEqual({ reference, locationType: "police_station", since });
  });

  it("raise when no guardian is assigned within the SOP's hours of registration, and end with the assignment", async () => {
    const reference = await register();
    const caseId = await caseIdOf(reference);
    const withGuardian = await register();
    await post(social, withGuardian, "/guardians", guardian);

    await advance(23 * HOUR);
    await runChecks(env.ctx, [guardianMissingCheck]);
    expect(await openAlerts(caseId, "guardian_missing")).toEqual([]);

    await advance(2 * HOUR);
    expect((await runChecks(env.ctx, [guardianMissingCheck])).failed).toEqual([]);
    const raised = await openAlerts(caseId, "guardian_missing");
    expect(recipients(raised)).toEqual(["csw:case_worker:0", "csw:supervisor:1", "national:coordinator:1"]);
    expect(raised[0]?.params).toEqual({ deadlineHours: 24 });
    expect(await openAlerts(await caseIdOf(withGuardian), "guardian_missing")).toEqual([]);
    expect((await runChecks(env.ctx, [guardianMissingCheck])).raised).toEqual({ guardian_missing: 0 });

    await post(social, reference, "/guardians", guardian);
    expect(await openAlerts(caseId, "guardian_missing")).toEqual([]);
    expect((await runChecks(env.ctx, [guardianMissingCheck])).raised).toEqual({ guardian_missing: 0 });
    expect(await openAlerts(caseId, "guardian_missing")).toEqual([]);

    // An alarm raised by a run that crossed the assignment ends at the next run.
    await raiseAlert(
      env.ctx.db,
      { caseId, agencyId: cswId, kind: "guardian_missing", subject: "guardian" },
      env.clock.now(),
    );
    expect(await openAlerts(caseId, "guardian_missing")).toHaveLength(1);
    await runChecks(env.ctx, [guardianMissingCheck]);
    expect(await openAlerts(caseId, "guardian_missing")).toEqual([]);
  });
});
