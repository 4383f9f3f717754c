import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { agencies } from "../agencies/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";

let env: TestEnvironment;
let police: Session;
let social: Session;
let socialAdmin: Session;
let outsider: Session;
let coordinator: Session;
let socialAgencyId: string;
let socialUser: { id: string; username: string };

const HOUR = 3_600_000;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const csw = await env.makeAgency({ type: "social_services", name: "Centre for social work" });
  socialAgencyId = csw.id;
  // Another region's centre: a child identified in Prishtinë is not its to attend.
  await env.ctx.db.insert(agencies).values({
    code: "csw-peje-tasks",
    name: "Centre for social work, Pejë",
    type: "social_services",
    region: "peje",
  });
  const other = await env.makeAgency({ type: "ngo" });
  const national = await env.makeAgency({ type: "national_coordinator" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  socialUser = await env.makeUser(csw.id, ["case_worker"]);
  social = await env.login(socialUser);
  socialAdmin = await env.signIn(csw.id, ["agency_admin"]);
  outsider = await env.signIn(other.id, ["case_worker"]);
  coordinator = await env.signIn(national.id, ["coordinator"]);
});
afterAll(() => env.close());

interface MyTask {
  id: string;
  case: { reference: string; pathway: string };
  code: string;
  dueAt: string;
  overdue: boolean;
  createdAt: string;
}
interface CaseTask {
  code: string;
  agency: string;
  dueAt: string;
  overdue: boolean;
  status: string;
}

const register = async (overrides: Parameters<typeof registration>[0]) =>
  (await env.as(police, { method: "POST", url: "/api/cases", payload: registration(overrides) })).json<{
    reference: string;
  }>().reference;
const girl = { person: { birthDate: "2011-03-01", citizenship: ["XK"], gender: "Feminine" } };
const mine = async (session: Session) =>
  (await env.as(session, { method: "GET", url: "/api/tasks/mine" })).json<{ items: MyTask[] }>().items;
const done = (session: Session, id: string) =>
  env.as(session, { method: "POST", url: `/api/tasks/${id}/done`, payload: {} });
const caseTasks = async (session: Session, reference: string) =>
  (await env.as(session, { method: "GET", url: `/api/cases/${reference}/pathway` })).json<{
    tasks: CaseTask[];
  }>().tasks;

describe("the SOP's tasks", () => {
  it("calls social services out at once for a child: their tasks, due as the SOP says, and the case", async () => {
    const registeredAt = env.clock.now();
    const reference = await register(girl);
    const tasks = (await mine(social)).filter((t) => t.case.reference === reference);
    const dueIn = (code: string) => {
      const task = tasks.find((t) => t.code === code);
      return task ? new Date(task.dueAt).getTime() - registeredAt.getTime() : null;
    };
    expect(tasks.map((t) => t.code).sort()).toEqual([
      "appoint_guardian",
      "assign_case_worker",
      "attend_child",
    ]);
    expect(tasks.every((t) => t.case.pathway === "child" && !t.overdue)).toBe(true);
    expect(dueIn("attend_child")).toBe(6 * HOUR);
    expect(dueIn("assign_case_worker")).toBe(24 * HOUR);
    expect(dueIn("appoint_guardian")).toBe(24 * HOUR);
    expect(tasks.map((t) => t.dueAt)).toEqual([...tasks.map((t) => t.dueAt)].sort());

    const opened = await env.as(social, { method: "GET", url: `/api/cases/${reference}` });
    expect(opened.statusCode).toBe(200);
    const team = opened.json<{ team: { agency: { id: string }; scopes: string[] }[] }>().team;
    expect(team.find((m) => m.agency.id === socialAgencyId)?.scopes.sort()).toEqual([
      "circumstances",
      "identity",
    ]);
    expect(team).toHaveLength(2);

    const shown = await caseTasks(police, reference);
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatchObject({
      code: "attend_child",
      agency: "Centre for social work",
      status: "open",
    });

    const [added] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "case.team.add"), eq(auditEvents.entityId, socialAgencyId)));
    expect(added?.detail).toMatchObject({ reference, legalBasis: "child_protection_duty" });
  });

  it("adds no agency to an adult's case and creates no task for an agency not on its team", async () => {
    const reference = await register({});
    expect((await mine(social)).some((t) => t.case.reference === reference)).toBe(false);
    expect(await caseTasks(police, reference)).toEqual([
      expect.objectContaining({ code: "contact_focal_point", status: "open" }),
    ]);
    expect((await env.as(social, { method: "GET", url: `/api/cases/${reference}` })).statusCode).toBe(404);
    const opened = await env.as(police, { method: "GET", url: `/api/cases/${reference}` });
    expect(opened.json<{ team: unknown[] }>().team).toHaveLength(1);
  });

  it("is the assigned agency's alone: outsiders see nothing and may not mark it done", async () => {
    const reference = await register(girl);
    const [task] = (await mine(social)).filter((t) => t.case.reference === reference);
    if (!task) throw new Error("no task");
    expect((await mine(outsider)).some((t) => t.case.reference === reference)).toBe(false);
    expect((await done(outsider, task.id)).statusCode).toBe(404);
    expect((await done(police, task.id)).statusCode).toBe(404);
    expect((await done(socialAdmin, task.id)).statusCode).toBe(403);
    expect((await env.as(coordinator, { method: "GET", url: "/api/tasks/mine" })).statusCode).toBe(403);
    expect((await done(social, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });

  it("is marked done once, audited, and leaves the lists", async () => {
    const reference = await register(girl);
    const [task] = (await mine(social)).filter((t) => t.case.reference === reference);
    if (!task) throw new Error("no task");
    const answered = await done(social, task.id);
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ id: task.id, status: "done", code: task.code });
    expect((await done(social, task.id)).statusCode).toBe(409);
    expect((await mine(social)).some((t) => t.id === task.id)).toBe(false);
    expect((await caseTasks(social, reference)).map((t) => t.code)).not.toContain(task.code);
    const [audited] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "task.done"), eq(auditEvents.entityId, task.id)));
    expect(audited?.detail).toMatchObject({ reference, code: task.code });
    expect(audited?.actorUserId).toBe(social.user.id);
  });

  it("becomes overdue once the clock passes its due time", async () => {
    const reference = await register(girl);
    // Sessions end after hours of idleness: the worker signs in again after each jump of the clock.
    const attend = async () =>
      (await mine(await env.login(socialUser))).find(
        (t) => t.case.reference === reference && t.code === "attend_child",
      );
    expect((await attend())?.overdue).toBe(false);
    env.clock.advance(6 * HOUR);
    expect((await attend())?.overdue).toBe(false);
    env.clock.advance(1);
    expect((await attend())?.overdue).toBe(true);
    const shown = await caseTasks(await env.login(socialUser), reference);
    expect(shown.find((t) => t.code === "attend_child")?.overdue).toBe(true);
    expect(shown.find((t) => t.code === "appoint_guardian")?.overdue).toBe(false);
  });

  it("is done by itself when the record it asks for is made: assigning a case worker does that task", async () => {
    police = await env.login(police.user);
    const reference = await register(girl);
    const social = await env.login(socialUser);
    const response = await env.as(social, {
      method: "POST",
      url: `/api/cases/${reference}/child/case-worker`,
      payload: { userId: socialUser.id },
    });
    expect(response.statusCode).toBe(200);
    const open = (await mine(social)).filter((t) => t.case.reference === reference).map((t) => t.code);
    expect(open.sort()).toEqual(["appoint_guardian", "attend_child"]);
    const [audited] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "task.done"), eq(auditEvents.actorUserId, socialUser.id)))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(audited?.detail).toMatchObject({
      reference,
      code: "assign_case_worker",
      by: "case_worker_assigned",
    });
  });
});
