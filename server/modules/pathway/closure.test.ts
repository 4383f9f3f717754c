import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { cases } from "../cases/schema";
import { caseClosures, reopeningReasons } from "./schema";

let env: TestEnvironment;
let police: Session;
let chief: Session;
let focalChief: Session;
let outsider: Session;
let auditor: Session;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const focal = await env.makeAgency({ type: "focal_point" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  chief = await env.signIn(unit.id, ["supervisor"]);
  focalChief = await env.signIn(focal.id, ["supervisor"]);
  outsider = await env.signIn(shelter.id, ["supervisor"]);
  auditor = await env.login(
    await env.makeUser((await env.makeAgency({ type: "national_coordinator" })).id, ["auditor"]),
  );
});
afterAll(() => env.close());

interface ClosureView {
  stage: string;
  closure: { status: string; outcome: string; note: string | null } | null;
  permissions: { canPropose: boolean; canDecide: boolean; canRecordReopeningReason: boolean };
}

const post = (session: Session, reference: string, path: string, payload: object = {}) =>
  env.as(session, { method: "POST", url: `/api/cases/${reference}/${path}`, payload });
const move = (session: Session, reference: string, to: string) =>
  post(session, reference, "pathway/stage", { to });
const registered = async () =>
  (await env.as(police, { method: "POST", url: "/api/cases", payload: registration() })).json<{
    reference: string;
  }>().reference;
const statusOf = async (reference: string) =>
  (await env.ctx.db.select({ status: cases.status }).from(cases).where(eq(cases.reference, reference)))[0]
    ?.status;
const closedCase = async () => {
  const reference = await registered();
  await post(police, reference, "closure", { outcome: "returned_home" });
  await post(chief, reference, "closure/approve");
  expect((await move(police, reference, "closure")).statusCode).toBe(200);
  return reference;
};

describe("closing a case", () => {
  it("is refused without an outcome and without a supervisor's approval", async () => {
    const reference = await registered();
    const noOutcome = await post(police, reference, "closure", {});
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json()).toMatchObject({ error: { code: "required", field: "outcome" } });
    expect((await post(police, reference, "closure", { outcome: "returned_home" })).statusCode).toBe(200);
    const refused = await move(police, reference, "closure");
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: "requirements_missing", field: "to" } });
    expect(await statusOf(reference)).toBe("Active");
  });

  it("is never approved by the one who proposed it, and a rejection needs a reason", async () => {
    const reference = await registered();
    await post(chief, reference, "closure", { outcome: "assistance_completed" });
    expect((await post(chief, reference, "closure/approve")).statusCode).toBe(403);
    const mine = (
      await env.as(chief, { method: "GET", url: `/api/cases/${reference}/closure` })
    ).json<ClosureView>();
    expect(mine.permissions.canDecide).toBe(false);
    expect((await post(police, reference, "closure/approve")).statusCode).toBe(403);
    const deputy = await env.signIn(chief.user.agencyId, ["supervisor"]);
    const noReason = await post(deputy, reference, "closure/reject", { reason: "  " });
    expect(noReason.json()).toMatchObject({ error: { code: "required", field: "reason" } });
    expect((await post(deputy, reference, "closure/approve")).statusCode).toBe(200);
  });

  it("after a supervisor's approval the case moves to closure and is Closed", async () => {
    const reference = await closedCase();
    expect(await statusOf(reference)).toBe("Closed");
    const view = (
      await env.as(police, { method: "GET", url: `/api/cases/${reference}/closure` })
    ).json<ClosureView>();
    expect(view).toMatchObject({
      stage: "closure",
      closure: { status: "approved", outcome: "returned_home" },
    });
    const trail = (await env.as(auditor, { method: "GET", url: `/api/audit?reference=${reference}` })).json<{
      items: { action: string }[];
    }>();
    const actions = trail.items.map((item) => item.action);
    for (const action of ["closure.propose", "closure.approve", "case.status", "case.stage"]) {
      expect(actions).toContain(action);
    }
  });

  it("lets a rejected proposal be followed by a new one", async () => {
    const reference = await registered();
    await post(police, reference, "closure", { outcome: "lost_contact" });
    const rejected = await post(chief, reference, "closure/reject", {
      reason: "She called the shelter yesterday.",
    });
    expect(rejected.json()).toMatchObject({
      closure: { status: "rejected" },
      permissions: { canPropose: true },
    });
    expect((await post(police, reference, "closure", { outcome: "lost_contact" })).statusCode).toBe(200);
    expect((await post(police, reference, "closure", { outcome: "other" })).statusCode).toBe(409);
  });

  it("seals the outcome note and opens it for identity roles", async () => {
    const reference = await registered();
    const note = "Went home to Ungheni with her sister Ana Testova";
    await post(police, reference, "closure", { outcome: "returned_home", note });
    const [row] = await env.ctx.db
      .select()
      .from(caseClosures)
      .innerJoin(cases, eq(cases.id, caseClosures.caseId))
      .where(eq(cases.reference, reference));
    expect(row?.case_closures.outcomeNote?.toString("utf8")).not.toContain("Ungheni");
    const view = (
      await env.as(chief, { method: "GET", url: `/api/cases/${reference}/closure` })
    ).json<ClosureView>();
    expect(view.closure?.note).toBe(note);
  });

  it("hides closure from agencies outside the case team", async () => {
    const reference = await registered();
    expect(
      (await env.as(outsider, { method: "GET", url: `/api/cases/${reference}/closure` })).statusCode,
    ).toBe(404);
    expect((await post(outsider, reference, "closure", { outcome: "other" })).statusCode).toBe(404);
    await post(police, reference, "closure", { outcome: "other" });
    expect((await post(outsider, reference, "closure/approve")).statusCode).toBe(404);
    expect((await post(outsider, reference, "reopening-reason", { reason: "x" })).statusCode).toBe(404);
  });
});

describe("reopening a closed case", () => {
  it("needs a supervisor and a recorded reason, reopens the case and supersedes the closure", async () => {
    const reference = await closedCase();
    await post(chief, reference, "team", { agencyId: focalChief.user.agencyId, scopes: [] });
    const early = await move(focalChief, reference, "immediate_assistance");
    expect(early.json()).toMatchObject({ error: { code: "requirements_missing" } });
    expect(
      (await post(police, reference, "reopening-reason", { reason: "She asked for help again." })).statusCode,
    ).toBe(403);
    expect((await post(focalChief, reference, "reopening-reason", { reason: " " })).statusCode).toBe(400);
    const reason = "She asked for help again after threats from Ion";
    expect((await post(focalChief, reference, "reopening-reason", { reason })).statusCode).toBe(200);
    const [stored] = await env.ctx.db
      .select()
      .from(reopeningReasons)
      .innerJoin(cases, eq(cases.id, reopeningReasons.caseId))
      .where(eq(cases.reference, reference));
    expect(stored?.reopening_reasons.reason.toString("utf8")).not.toContain("Ion");

    expect((await move(focalChief, reference, "immediate_assistance")).statusCode).toBe(200);
    expect(await statusOf(reference)).toBe("Active");
    const view = (
      await env.as(police, { method: "GET", url: `/api/cases/${reference}/closure` })
    ).json<ClosureView>();
    expect(view).toMatchObject({ closure: { status: "superseded" }, permissions: { canPropose: true } });
    const trail = (await env.as(auditor, { method: "GET", url: `/api/audit?reference=${reference}` })).json<{
      items: { action: string }[];
    }>();
    expect(trail.items.map((item) => item.action)).toEqual(
      expect.arrayContaining(["closure.reopening_reason", "closure.supersede"]),
    );
  });
});
