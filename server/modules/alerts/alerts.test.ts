import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { sopFor } from "../pathway/sop";
import { agencies } from "../agencies/schema";
import { alertChecks } from "./checks";
import { raiseAlert, resolveAlerts } from "./commands";
import { runChecks } from "./scheduler";

let env: TestEnvironment;
let police: Session;
let socialWorker: Session;
let socialSupervisor: Session;
let coordinator: Session;
let outsider: Session;

const HOUR = 3_600_000;
const config = sopFor("kosovo");

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const csw = await env.makeAgency({ type: "social_services" });
  const national = await env.makeAgency({ type: "national_coordinator" });
  const ngo = await env.makeAgency({ type: "ngo" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  socialWorker = await env.signIn(csw.id, ["case_worker"]);
  socialSupervisor = await env.signIn(csw.id, ["supervisor"]);
  coordinator = await env.signIn(national.id, ["coordinator"]);
  outsider = await env.signIn(ngo.id, ["case_worker", "supervisor"]);
});
afterAll(() => env.close());

interface Alert {
  id: string;
  case: { reference: string };
  kind: string;
  level: number;
  role: string | null;
  params: Record<string, unknown>;
  dueAt: string | null;
  acknowledged: boolean;
}

/** Hours pass; sessions do not last that long, so everyone signs in again. */
async function hoursLater(hours: number) {
  env.clock.advance(hours * HOUR);
  police = await env.login(police.user);
  socialWorker = await env.login(socialWorker.user);
  socialSupervisor = await env.login(socialSupervisor.user);
  coordinator = await env.login(coordinator.user);
  outsider = await env.login(outsider.user);
}

const alertsOf = async (session: Session, reference: string) => {
  const response = await env.as(session, { method: "GET", url: "/api/alerts/mine" });
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Alert[] }>().items.filter((a) => a.case.reference === reference);
};
const registerChild = async () =>
  (
    await env.as(police, {
      method: "POST",
      url: "/api/cases",
      payload: registration({ person: { birthDate: "2011-03-01", citizenship: ["XK"], gender: "Feminine" } }),
    })
  ).json<{ reference: string }>().reference;
const attendTask = async (reference: string) => {
  const response = await env.as(socialWorker, { method: "GET", url: "/api/tasks/mine" });
  const task = response
    .json<{ items: { id: string; code: string; case: { reference: string } }[] }>()
    .items.find((t) => t.case.reference === reference && t.code === "attend_child");
  if (!task) throw new Error("the child's task is missing");
  return task;
};

describe("alerts raised by the scheduler", () => {
  it("alerts nobody while a task is on time", async () => {
    const reference = await registerChild();
    await runChecks(env.ctx, alertChecks);
    expect(await alertsOf(socialWorker, reference)).toEqual([]);
    expect(await alertsOf(coordinator, reference)).toEqual([]);
  });

  it("alerts the agency and escalates as the SOP says once a task is overdue, once only", async () => {
    const reference = await registerChild();
    const task = await attendTask(reference);
    await hoursLater(7);
    const first = await runChecks(env.ctx, alertChecks);
    expect(first.failed).toEqual([]);

    const [own] = await alertsOf(socialWorker, reference);
    expect(own).toMatchObject({
      kind: "task_overdue",
      level: 0,
      role: null,
      params: { task: "attend_child" },
    });
    // The supervisor sees the agency's alert and the escalation to supervisors; a case worker only the first.
    const supervisorSees = await alertsOf(socialSupervisor, reference);
    expect(supervisorSees.map((a) => [a.level, a.role]).sort()).toEqual([
      [0, null],
      [1, "supervisor"],
    ]);
    const [national] = await alertsOf(coordinator, reference);
    expect(national).toMatchObject({ kind: "task_overdue", level: 1, role: "coordinator" });
    expect(await alertsOf(outsider, reference)).toEqual([]);

    const second = await runChecks(env.ctx, alertChecks);
    expect(second.raised.task_overdue).toBe(0);
    expect(await alertsOf(coordinator, reference)).toHaveLength(1);

    // Done ends the alarm for everyone it reached.
    const doneResponse = await env.as(socialWorker, {
      method: "POST",
      url: `/api/tasks/${task.id}/done`,
      payload: {},
    });
    expect(doneResponse.statusCode).toBe(200);
    expect(await alertsOf(socialSupervisor, reference)).toEqual([]);
    expect(await alertsOf(coordinator, reference)).toEqual([]);
  });

  it("lets the agency acknowledge an alert, audited, and nobody else", async () => {
    const reference = await registerChild();
    await hoursLater(7);
    await runChecks(env.ctx, alertChecks);
    const [alert] = await alertsOf(coordinator, reference);
    if (!alert) throw new Error("no alert");

    const foreign = await env.as(outsider, {
      method: "POST",
      url: `/api/alerts/${alert.id}/acknowledge`,
      payload: {},
    });
    expect(foreign.statusCode).toBe(404);
    const response = await env.as(coordinator, {
      method: "POST",
      url: `/api/alerts/${alert.id}/acknowledge`,
      payload: {},
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Alert>().acknowledged).toBe(true);
    const audit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "alert.acknowledge"), eq(auditEvents.entityId, alert.id)));
    expect(audit[0]?.detail).toEqual({ reference, kind: "task_overdue", level: 1 });
    // Acknowledged is not resolved: it stays listed until the task is done.
    expect((await alertsOf(coordinator, reference))[0]?.acknowledged).toBe(true);
  });

  it("keeps one open alert about no case per subject and recipient, like one about a case", async () => {
    const [agency] = await env.ctx.db.select().from(agencies).limit(1);
    if (!agency) throw new Error("no agency");
    const alert = { caseId: null, agencyId: agency.id, kind: "places_short", subject: "notice-1" };
    expect(await raiseAlert(env.ctx.db, alert, env.clock.now())).toBe(true);
    expect(await raiseAlert(env.ctx.db, alert, env.clock.now())).toBe(false);
    await resolveAlerts(
      env.ctx.db,
      { caseId: null, kind: "places_short", subject: "notice-1" },
      env.clock.now(),
    );
    expect(await raiseAlert(env.ctx.db, alert, env.clock.now())).toBe(true);
  });

  it("keeps a broken check from silencing the others", async () => {
    const broken = { name: "broken", run: () => Promise.reject(new Error("boom")) };
    const counting = { name: "counting", run: () => Promise.resolve(3) };
    const run = await runChecks(env.ctx, [broken, counting]);
    expect(run).toEqual({ raised: { counting: 3 }, failed: ["broken"] });
  });
});

describe("the agency dashboard", () => {
  interface Dashboard {
    cases: { open: number; byStage: { pathway: string; stage: string | null; count: number }[] };
    tasks: { open: number; overdue: number };
    alerts: { open: number; unacknowledged: number; byKind: { kind: string; open: number }[] };
    referrals: { pending: number };
  }
  const dashboard = async (session: Session) => {
    const response = await env.as(session, { method: "GET", url: "/api/dashboard" });
    expect(response.statusCode).toBe(200);
    return response.json<Dashboard>();
  };

  it("counts the agency's open cases by stage, its tasks, late ones and its alerts; nothing of others", async () => {
    const before = await dashboard(socialWorker);
    await registerChild();
    const after = await dashboard(socialWorker);
    expect(after.cases.open).toBe(before.cases.open + 1);
    const atIdentification = (d: Dashboard) =>
      d.cases.byStage.find((row) => row.pathway === "child" && row.stage === "identification")?.count ?? 0;
    expect(atIdentification(after)).toBe(atIdentification(before) + 1);
    // Every task the SOP gives social services on identifying a child (attend, assign a guardian...).
    const childTasks = config.pathways.child.tasks.filter(
      (t) => t.onEntering === "identification" && t.agencyType === "social_services",
    );
    expect(after.tasks.open).toBe(before.tasks.open + childTasks.length);

    await hoursLater(7);
    await runChecks(env.ctx, alertChecks);
    const late = await dashboard(socialWorker);
    expect(late.tasks.overdue).toBeGreaterThan(after.tasks.overdue);
    expect(late.alerts.byKind.find((k) => k.kind === "task_overdue")?.open).toBeGreaterThan(0);

    const other = await dashboard(outsider);
    expect(other).toMatchObject({ cases: { open: 0 }, tasks: { open: 0 }, alerts: { open: 0 } });
  });

  it("is not for those who keep the system rather than cases", async () => {
    const unit = await env.makeAgency({ type: "police_anti_trafficking" });
    const auditor = await env.signIn(unit.id, ["auditor"]);
    expect((await env.as(auditor, { method: "GET", url: "/api/dashboard" })).statusCode).toBe(403);
  });
});
