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
let outsider: Session;
let iomId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking", name: "Anti-trafficking unit" });
  const iom = await env.makeAgency({ type: "international_organisation", name: "IOM" });
  const elsewhere = await env.makeAgency({ type: "shelter_operator" });
  iomId = iom.id;
  police = await env.signIn(unit.id, ["police_investigator", "supervisor"]);
  iomWorker = await env.signIn(iom.id, ["case_worker"]);
  outsider = await env.signIn(elsewhere.id, ["case_worker", "supervisor"]);
});
afterAll(() => env.close());

type Timeline = {
  items: {
    seq: number;
    kind: string;
    action: string;
    agency: string | null;
    user: string | null;
    detail: object;
  }[];
  next: number | null;
};
const timeline = (session: Session, reference: string, query = "") =>
  env.as(session, { method: "GET", url: `/api/cases/${reference}/timeline${query}` });

/** A case that has lived a little: registered, rights told, referred and accepted, read several times. */
async function caseWithHistory(): Promise<string> {
  const registered = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person: { familyName: "Historiova" }, circumstances: "Found at Bar Sirena." }),
  });
  const { reference } = registered.json<{ reference: string }>();
  await env.as(police, { method: "GET", url: `/api/cases/${reference}` });
  await env.as(police, {
    method: "POST",
    url: `/api/cases/${reference}/rights-information`,
    payload: { rights: ["lawyer"], language: "ro", withInterpreter: true, understood: true },
  });
  await env.as(police, {
    method: "POST",
    url: `/api/cases/${reference}/pathway/stage`,
    payload: { to: "rights_information" },
  });
  const referral = await env.as(police, {
    method: "POST",
    url: `/api/cases/${reference}/referrals`,
    payload: {
      toAgencyId: iomId,
      purpose: "service",
      service: "safe_housing",
      scopes: ["identity"],
      consent: { given: true, date: "2026-06-14", method: "written", scopes: ["identity"] },
      note: "Speaks Romanian only.",
    },
  });
  expect(referral.statusCode).toBe(201);
  const { id } = referral.json<{ id: string }>();
  expect(
    (await env.as(iomWorker, { method: "POST", url: `/api/referrals/${id}/accept`, payload: {} })).statusCode,
  ).toBe(200);
  await env.as(iomWorker, { method: "GET", url: `/api/cases/${reference}` });
  await env.as(iomWorker, { method: "GET", url: `/api/referrals/${id}` });
  return reference;
}

describe("a case's timeline", () => {
  it("lists the case's events newest first with their kinds, who and which agency, reads left out", async () => {
    const reference = await caseWithHistory();
    const response = await timeline(iomWorker, reference);
    expect(response.statusCode).toBe(200);
    const { items, next } = response.json<Timeline>();
    expect(next).toBeNull();
    const actions = items.map((item) => item.action);
    expect(actions).toEqual([
      "referral.accept",
      "case.team.add",
      "referral.create",
      "case.stage",
      "rights_information.record",
      "case.register",
    ]);
    expect(items.map((item) => item.kind)).toEqual([
      "referral",
      "team",
      "referral",
      "pathway",
      "rights",
      "registration",
    ]);
    const seqs = items.map((item) => item.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    expect(items.some((item) => item.action.endsWith(".read"))).toBe(false);
    const registered = items.at(-1);
    expect(registered).toMatchObject({ agency: "Anti-trafficking unit", user: police.user.username });
    expect(items[0]).toMatchObject({ agency: "IOM", user: iomWorker.user.username });
    expect(JSON.stringify(items)).not.toContain(reference);
    expect(JSON.stringify(items)).not.toContain("Sirena");
  });

  it("is filtered by kind", async () => {
    const reference = await caseWithHistory();
    const referrals = (await timeline(police, reference, "?kind=referral")).json<Timeline>();
    expect(referrals.items.map((item) => item.action)).toEqual(["referral.accept", "referral.create"]);
    const registration = (await timeline(police, reference, "?kind=registration")).json<Timeline>();
    expect(registration.items.map((item) => item.action)).toEqual(["case.register"]);
    expect((await timeline(police, reference, "?kind=child")).json<Timeline>().items).toEqual([]);
    expect((await timeline(police, reference, "?kind=gossip")).statusCode).toBe(400);
  });

  it("pages backwards from a cursor", async () => {
    const reference = await caseWithHistory();
    const all = (await timeline(police, reference)).json<Timeline>().items;
    const third = all[2];
    if (!third) throw new Error("too short");
    const older = (await timeline(police, reference, `?before=${third.seq}`)).json<Timeline>();
    expect(older.items.map((item) => item.seq)).toEqual(all.slice(3).map((item) => item.seq));
  });

  it("an agency outside the case team gets 404, as for a case that does not exist", async () => {
    const reference = await caseWithHistory();
    const response = await timeline(outsider, reference);
    expect(response.statusCode).toBe(404);
    expect((await timeline(outsider, "NRM-2026-99999")).body).toBe(response.body);
  });
});
