import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";

let env: TestEnvironment;
let police: Session;
let iomWorker: Session;
let shelterWorker: Session;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const iom = await env.makeAgency({ type: "international_organisation" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  iomWorker = await env.signIn(iom.id, ["case_worker"]);
  shelterWorker = await env.signIn(shelter.id, ["case_worker"]);
});
afterAll(() => env.close());

interface PathwayView {
  sopVersion: string;
  stage: string;
  next: { to: string; allowed: boolean; permitted: boolean; missing: string[] }[];
}
const view = async (session: Session, reference: string) =>
  (await env.as(session, { method: "GET", url: `/api/cases/${reference}/pathway` })).json<PathwayView>();
const move = (session: Session, reference: string, to: string) =>
  env.as(session, { method: "POST", url: `/api/cases/${reference}/pathway/stage`, payload: { to } });
const registered = async () =>
  (await env.as(police, { method: "POST", url: "/api/cases", payload: registration() })).json<{
    reference: string;
  }>().reference;

describe("a case follows its SOP", () => {
  it("starts at identification under the jurisdiction's SOP version", async () => {
    const state = await view(police, await registered());
    expect(state).toMatchObject({ sopVersion: "kosovo-sop-2026.1", stage: "identification" });
    expect(state.next.map((s) => s.to)).toContain("rights_information");
  });

  it("moves on only by a role and agency the SOP names, and only with the records a step needs", async () => {
    const reference = await registered();
    expect((await move(police, reference, "rights_information")).json()).toMatchObject({
      stage: "rights_information",
    });
    const toReferral = (await view(police, reference)).next.find((s) => s.to === "referral");
    expect(toReferral).toMatchObject({ permitted: true, allowed: false });
    expect(toReferral?.missing).toContain("rights_information_recorded");
    const refused = await move(police, reference, "referral");
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: "requirements_missing", field: "to" } });
    expect((await move(police, reference, "decision_on_future")).json()).toMatchObject({
      error: { code: "invalid_choice" },
    });

    const informed = {
      rights: ["lawyer", "interpreter", "assistance_regardless_of_cooperation"],
      language: "ro",
      withInterpreter: true,
      understood: true,
    };
    expect(
      (
        await env.as(police, {
          method: "POST",
          url: `/api/cases/${reference}/rights-information`,
          payload: informed,
        })
      ).statusCode,
    ).toBe(201);
    const after = (await view(police, reference)).next.find((s) => s.to === "referral");
    expect(after?.missing).not.toContain("rights_information_recorded");
  });

  it("hides the procedure from agencies outside the case team, and refuses a step the SOP gives to others", async () => {
    const reference = await registered();
    expect((await move(shelterWorker, reference, "rights_information")).statusCode).toBe(404);
    const chief = await env.signIn(police.user.agencyId, ["supervisor"]);
    await env.as(chief, {
      method: "POST",
      url: `/api/cases/${reference}/team`,
      payload: { agencyId: shelterWorker.user.agencyId, scopes: [] },
    });
    expect(
      (await view(shelterWorker, reference)).next.find((s) => s.to === "rights_information"),
    ).toMatchObject({ permitted: false, allowed: false });
    expect((await move(shelterWorker, reference, "rights_information")).statusCode).toBe(403);
    expect(
      (await env.as(iomWorker, { method: "GET", url: `/api/cases/${reference}/pathway` })).statusCode,
    ).toBe(404);
  });

  it("never lets a requirement of cooperation stand in the way of assistance", async () => {
    const state = await view(police, await registered());
    for (const step of state.next) expect(step.missing.join(" ")).not.toMatch(/statement|testimony|cooperat/);
  });

  it("records every move in the audit trail", async () => {
    const reference = await registered();
    await move(police, reference, "rights_information");
    const auditor = await env.login(
      await env.makeUser((await env.makeAgency({ type: "national_coordinator" })).id, ["auditor"]),
    );
    const trail = (
      await env.as(auditor, { method: "GET", url: `/api/audit?reference=${reference}&action=case.stage` })
    ).json<{ items: { detail: Record<string, string> }[] }>();
    expect(trail.items).toHaveLength(1);
    expect(trail.items[0]?.detail).toMatchObject({ from: "identification", to: "rights_information" });
  });
});
