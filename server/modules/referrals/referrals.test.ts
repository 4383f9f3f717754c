import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { cases } from "../cases/schema";
import { referrals } from "./schema";

let env: TestEnvironment;
let police: Session;
let iomWorker: Session;
let iomAdmin: Session;
let outsider: Session;
let iomId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const iom = await env.makeAgency({ type: "international_organisation" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  iomId = iom.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  iomWorker = await env.signIn(iom.id, ["case_worker"]);
  iomAdmin = await env.signIn(iom.id, ["agency_admin"]);
  outsider = await env.signIn(shelter.id, ["case_worker", "supervisor"]);
});
afterAll(() => env.close());

const consent = { given: true, date: "2026-06-14", method: "written", scopes: ["circumstances"] };

async function registerCase(): Promise<string> {
  const response = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person: { familyName: "Referova" }, circumstances: "Found in a bar." }),
  });
  return response.json<{ reference: string }>().reference;
}
const refer = (reference: string, body: object) =>
  env.as(police, { method: "POST", url: `/api/cases/${reference}/referrals`, payload: body });
const step = (session: Session, id: string, action: string, payload: object = {}) =>
  env.as(session, { method: "POST", url: `/api/referrals/${id}/${action}`, payload });
const openCase = (session: Session, reference: string) =>
  env.as(session, { method: "GET", url: `/api/cases/${reference}` });

async function referForHousing(reference: string): Promise<string> {
  const response = await refer(reference, {
    toAgencyId: iomId,
    purpose: "service",
    service: "safe_housing",
    scopes: ["identity", "circumstances"],
    consent,
    note: "Speaks Romanian only.",
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

describe("consent", () => {
  it("a referral without consent or a recorded legal basis is refused", async () => {
    const reference = await registerCase();
    const none = await refer(reference, {
      toAgencyId: iomId,
      purpose: "service",
      service: "safe_housing",
      scopes: [],
    });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ error: { code: "consent_required", field: "consent" } });
    expect(none.json<{ error: { message: string } }>().error.message).toContain("consent");
    const refused = await refer(reference, {
      toAgencyId: iomId,
      purpose: "service",
      service: "safe_housing",
      scopes: [],
      consent: { given: false, scopes: [] },
    });
    expect(refused.json()).toMatchObject({ error: { code: "consent_required", field: "consent.given" } });
    const list = await env.as(police, { method: "GET", url: `/api/cases/${reference}/referrals` });
    expect(list.json()).toEqual([]);
  });

  it("a guardian's decision is a legal basis only for a child", async () => {
    const reference = await registerCase();
    const legalBasis = {
      basis: "child_guardian_decision",
      decidedBy: "Guardian appointed by CSW",
      date: "2026-06-15",
      scopes: [],
    };
    const response = await refer(reference, {
      toAgencyId: iomId,
      purpose: "case_responsibility",
      scopes: [],
      legalBasis,
    });
    expect(response.json()).toMatchObject({
      error: { code: "legal_basis_not_applicable", field: "legalBasis.basis" },
    });
  });
});

describe("the recipient's answer", () => {
  it("the inbox shows the referral summary only, and accepting joins the team with only the granted scopes", async () => {
    const reference = await registerCase();
    const id = await referForHousing(reference);
    expect((await openCase(iomWorker, reference)).statusCode).toBe(404);

    const inbox = await env.as(iomWorker, { method: "GET", url: "/api/referrals/inbox" });
    expect(inbox.json()).toMatchObject({
      pending: 1,
      unread: 1,
      items: [
        {
          id,
          case: { reference, pathway: "foreign_adult" },
          service: "safe_housing",
          grantedScopes: ["circumstances"],
          unread: true,
        },
      ],
    });
    expect(inbox.body).not.toContain("Referova");

    const detail = await env.as(iomWorker, { method: "GET", url: `/api/referrals/${id}` });
    expect(detail.json()).toMatchObject({
      note: "Speaks Romanian only.",
      permissions: { canAnswer: true, canRevoke: false },
    });
    expect((await env.as(iomWorker, { method: "GET", url: "/api/referrals/inbox" })).json()).toMatchObject({
      pending: 1,
      unread: 0,
    });

    expect((await step(iomAdmin, id, "accept")).statusCode).toBe(403);
    const accepted = await step(iomWorker, id, "accept");
    expect(accepted.json()).toMatchObject({ status: "accepted" });
    const seen = (await openCase(iomWorker, reference)).json<{
      identity: unknown;
      circumstances: string | null;
    }>();
    expect(seen.identity).toBeNull();
    expect(seen.circumstances).toBe("Found in a bar.");
    expect((await step(iomWorker, id, "accept")).statusCode).toBe(409);
  });

  it("decline requires a reason", async () => {
    const reference = await registerCase();
    const id = await referForHousing(reference);
    const bare = await step(iomWorker, id, "decline", { reason: " " });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ error: { code: "decline_reason_required", field: "reason" } });
    const declined = await step(iomWorker, id, "decline", { reason: "No place free this week." });
    expect(declined.json()).toMatchObject({ status: "declined", declineReason: "No place free this week." });
    const [stored] = await env.ctx.db.select().from(referrals).where(eq(referrals.id, id));
    expect(stored?.declineReason?.toString("latin1")).not.toContain("No place free");
    const inbox = (await env.as(iomWorker, { method: "GET", url: "/api/referrals/inbox" })).json<{
      items: { id: string; declineReason: string | null }[];
    }>();
    expect(inbox.items.find((item) => item.id === id)?.declineReason).toBeNull();
    expect((await openCase(iomWorker, reference)).statusCode).toBe(404);
  });
});

describe("outsiders", () => {
  it("an agency outside the referral gets 404 for it, its case and every step", async () => {
    const reference = await registerCase();
    const id = await referForHousing(reference);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const direct = await env.as(outsider, { method: "GET", url: `/api/referrals/${id}` });
    expect(direct.statusCode).toBe(404);
    expect((await env.as(outsider, { method: "GET", url: `/api/referrals/${unknown}` })).body).toBe(
      direct.body,
    );
    for (const action of ["accept", "revoke"])
      expect((await step(outsider, id, action)).statusCode).toBe(404);
    expect((await step(outsider, id, "decline", { reason: "Not ours." })).statusCode).toBe(404);
    expect(
      (await env.as(outsider, { method: "GET", url: `/api/cases/${reference}/referrals` })).statusCode,
    ).toBe(404);
    expect(
      (
        await env.as(outsider, {
          method: "POST",
          url: `/api/cases/${reference}/referrals`,
          payload: { toAgencyId: iomId, purpose: "case_responsibility", scopes: [], consent },
        })
      ).statusCode,
    ).toBe(404);
    expect((await env.as(outsider, { method: "GET", url: "/api/referrals/inbox" })).json()).toMatchObject({
      pending: 0,
      items: [],
    });
  });
});

describe("revocation", () => {
  it("revoking an accepted referral removes the recipient from the case team, audited", async () => {
    const reference = await registerCase();
    const id = await referForHousing(reference);
    await step(iomWorker, id, "accept");
    expect((await openCase(iomWorker, reference)).statusCode).toBe(200);
    expect((await step(iomWorker, id, "revoke")).statusCode).toBe(403);
    const revoked = await step(police, id, "revoke");
    expect(revoked.json()).toMatchObject({ status: "revoked" });
    expect((await openCase(iomWorker, reference)).statusCode).toBe(404);
    expect((await openCase(police, reference)).json<{ team: unknown[] }>().team).toHaveLength(1);

    const [found] = await env.ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.reference, reference));
    const rows = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.caseId, found?.id ?? ""));
    const actions = rows.map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "referral.create",
        "referral.note.read",
        "referral.accept",
        "case.team.add",
        "referral.revoke",
        "case.team.remove",
      ]),
    );
    const [create] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "referral.create"), eq(auditEvents.entityId, id)));
    expect(create?.detail).toMatchObject({
      reference,
      purpose: "service",
      service: "safe_housing",
      scopes: ["circumstances"],
      grounds: "consent_written",
    });
    expect(JSON.stringify(rows)).not.toContain("Romanian only");
  });

  it("a pending referral may be revoked and can then no longer be accepted", async () => {
    const reference = await registerCase();
    const id = await referForHousing(reference);
    expect((await step(police, id, "revoke")).json()).toMatchObject({ status: "revoked" });
    expect((await step(iomWorker, id, "accept")).json()).toMatchObject({
      error: { code: "referral_closed" },
    });
  });

  it("a prosecutor's office takes a case on through its prosecutors", async () => {
    const office = await env.makeAgency({ type: "prosecution" });
    const prosecutor = await env.signIn(office.id, ["prosecutor"]);
    const reference = await registerCase();
    const referred = await refer(reference, {
      toAgencyId: office.id,
      purpose: "case_responsibility",
      scopes: ["circumstances"],
      consent,
    });
    expect(referred.statusCode).toBe(201);
    const accepted = await step(prosecutor, referred.json<{ id: string }>().id, "accept");
    expect(accepted.json()).toMatchObject({ status: "accepted" });
    expect((await openCase(prosecutor, reference)).statusCode).toBe(200);
  });
});
