import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { cases } from "../cases/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { shelters, shelterStays } from "./schema";

let env: TestEnvironment;
let police: Session;
let policeSupervisor: Session;
let prosecutor: Session;
let coordinator: Session;
let operatorAdmin: Session;
let operatorWorker: Session;
let operatorSupervisor: Session;
let otherShelterWorker: Session;
let outsider: Session;
let operatorId: string;
let otherOperatorId: string;

const address = "Rruga e Fshehtë 12, Prishtinë";
const contacts = "+383 44 000 111";

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const operator = await env.makeAgency({ type: "shelter_operator", name: "Safe House Operator" });
  const otherOperator = await env.makeAgency({ type: "shelter_operator" });
  const coordination = await env.makeAgency({ type: "national_coordinator" });
  const social = await env.makeAgency({ type: "social_services" });
  operatorId = operator.id;
  otherOperatorId = otherOperator.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  policeSupervisor = await env.signIn(unit.id, ["supervisor"]);
  prosecutor = await env.signIn(unit.id, ["prosecutor"]);
  coordinator = await env.signIn(coordination.id, ["coordinator"]);
  operatorAdmin = await env.signIn(operator.id, ["agency_admin"]);
  operatorWorker = await env.signIn(operator.id, ["case_worker"]);
  operatorSupervisor = await env.signIn(operator.id, ["supervisor"]);
  otherShelterWorker = await env.signIn(otherOperator.id, ["case_worker", "agency_admin"]);
  outsider = await env.signIn(social.id, ["case_worker"]);
});
afterAll(() => env.close());

interface BoardRow {
  id: string;
  codeName: string;
  capacity: number;
  occupied: number;
  free: number;
  own: boolean;
  operator: { id: string } | null;
  residents: { stayId: string; reference: string; childOverride: boolean }[] | null;
}

const shelterBody = (overrides: Record<string, unknown> = {}) => ({
  codeName: `Linden-${Math.random().toString(36).slice(2, 8)}`,
  kind: "foreign_victims",
  secure: true,
  riskLevels: ["low", "medium", "high"],
  capacity: 2,
  address,
  contacts,
  ...overrides,
});
const createShelter = async (session: Session, overrides: Record<string, unknown> = {}) => {
  const response = await env.as(session, {
    method: "POST",
    url: "/api/shelters",
    payload: shelterBody(overrides),
  });
  expect(response.statusCode).toBe(201);
  return response.json<BoardRow>();
};
const board = async (session: Session) =>
  (await env.as(session, { method: "GET", url: "/api/shelters" })).json<BoardRow[]>();
const readAddress = (session: Session, id: string) =>
  env.as(session, { method: "GET", url: `/api/shelters/${id}/address` });
const admitTo = (session: Session, shelterId: string, payload: Record<string, unknown>) =>
  env.as(session, { method: "POST", url: `/api/shelters/${shelterId}/admissions`, payload });

/** A case registered by the police with the shelter operator on its team, as after an accepted referral. */
async function caseOnOperatorTeam(person: Record<string, unknown> = {}): Promise<string> {
  const registered = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person }),
  });
  const { reference } = registered.json<{ reference: string }>();
  const added = await env.as(policeSupervisor, {
    method: "POST",
    url: `/api/cases/${reference}/team`,
    payload: { agencyId: operatorId, scopes: ["identity"] },
  });
  expect(added.statusCode).toBeLessThan(300);
  return reference;
}
const stays = async (shelterId: string) =>
  env.ctx.db.select().from(shelterStays).where(eq(shelterStays.shelterId, shelterId));

describe("a shelter's address", () => {
  it("is sealed in the database, shown to the operator's staff and audited each time", async () => {
    const created = await createShelter(operatorAdmin);
    expect(created).toMatchObject({ capacity: 2, occupied: 0, free: 2, own: true });
    const [row] = await env.ctx.db.select().from(shelters).where(eq(shelters.id, created.id));
    expect(row?.address.toString("latin1")).not.toContain("Fshehtë");
    expect(row?.address.toString("utf8")).not.toContain(address);
    expect(row?.contacts?.toString("utf8")).not.toContain(contacts);

    const read = await readAddress(operatorWorker, created.id);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ id: created.id, codeName: created.codeName, address, contacts });
    await readAddress(operatorWorker, created.id);
    const audits = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "shelter.address.read"), eq(auditEvents.entityId, created.id)));
    expect(audits).toHaveLength(2);
    expect(audits[0]?.actorUserId).toBe(operatorWorker.user.id);
    expect(JSON.stringify(audits[0]?.detail)).not.toContain("Fshehtë");
  });

  it("is never shown to a prosecutor, a coordinator or another shelter: they see the code name only", async () => {
    const created = await createShelter(operatorAdmin);
    for (const session of [prosecutor, coordinator, otherShelterWorker, police]) {
      const refused = await readAddress(session, created.id);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain("Fshehtë");
      const rows = await board(session);
      const seen = rows.find((r) => r.id === created.id);
      expect(seen).toMatchObject({
        codeName: created.codeName,
        free: 2,
        own: false,
        operator: null,
        residents: null,
      });
      expect(JSON.stringify(rows)).not.toContain("Fshehtë");
      expect(JSON.stringify(rows)).not.toContain("Safe House Operator");
    }
    const audits = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "shelter.address.read"), eq(auditEvents.entityId, created.id)));
    expect(audits).toHaveLength(0);
  });

  it("is set up by the operator's administrator or the system administrator, nobody else", async () => {
    const byWorker = await env.as(operatorWorker, {
      method: "POST",
      url: "/api/shelters",
      payload: shelterBody(),
    });
    expect(byWorker.statusCode).toBe(403);
    const byProsecutor = await env.as(prosecutor, {
      method: "POST",
      url: "/api/shelters",
      payload: shelterBody(),
    });
    expect(byProsecutor.statusCode).toBe(403);
    const system = await env.signIn(otherOperatorId, ["system_admin"]);
    const forOther = await createShelter(system, { agencyId: otherOperatorId, kind: "children" });
    expect(forOther.own).toBe(false);
    const wrongAgency = await env.as(system, {
      method: "POST",
      url: "/api/shelters",
      payload: shelterBody({ agencyId: police.user.agencyId }),
    });
    expect(wrongAgency.json()).toMatchObject({
      error: { code: "not_a_shelter_operator", field: "agencyId" },
    });
  });
});

describe("admission", () => {
  it("fills beds, shows residents by reference to the operator only, and refuses overbooking", async () => {
    const shelter = await createShelter(operatorAdmin, { capacity: 1 });
    const first = await caseOnOperatorTeam();
    const second = await caseOnOperatorTeam();
    const admitted = await admitTo(operatorWorker, shelter.id, {
      reference: first,
      type: "emergency",
      admittedOn: "2026-06-15",
    });
    expect(admitted.statusCode).toBe(201);
    const own = (await board(operatorWorker)).find((r) => r.id === shelter.id);
    expect(own).toMatchObject({ occupied: 1, free: 0 });
    expect(own?.residents?.map((r) => r.reference)).toEqual([first]);
    expect((await board(coordinator)).find((r) => r.id === shelter.id)).toMatchObject({
      occupied: 1,
      free: 0,
      residents: null,
    });

    const auditsBefore = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "shelter.admit"));
    const full = await admitTo(operatorWorker, shelter.id, {
      reference: second,
      type: "planned",
      admittedOn: "2026-06-15",
    });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ error: { code: "shelter_full" } });
    expect(await stays(shelter.id)).toHaveLength(1);
    const auditsAfter = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "shelter.admit"));
    expect(auditsAfter).toHaveLength(auditsBefore.length);

    // Discharge frees the bed for the next person.
    const stayId = own?.residents?.[0]?.stayId ?? "";
    const discharged = await env.as(operatorWorker, {
      method: "POST",
      url: `/api/shelter-stays/${stayId}/discharge`,
      payload: { reason: "moved_on", dischargedOn: "2026-06-15" },
    });
    expect(discharged.statusCode).toBe(204);
    const again = await admitTo(operatorWorker, shelter.id, {
      reference: second,
      type: "planned",
      admittedOn: "2026-06-15",
    });
    expect(again.statusCode).toBe(201);
  });

  it("gives the last bed to one of two simultaneous admissions only", async () => {
    const shelter = await createShelter(operatorAdmin, { capacity: 1 });
    const [one, two] = [await caseOnOperatorTeam(), await caseOnOperatorTeam()];
    const answers = await Promise.all(
      [one, two].map((reference) =>
        admitTo(operatorWorker, shelter.id, { reference, type: "emergency", admittedOn: "2026-06-15" }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await stays(shelter.id)).toHaveLength(1);
  });

  it("places a child in an adult shelter only with a supervisor's override and its reason, sealed", async () => {
    const shelter = await createShelter(operatorAdmin, { capacity: 3 });
    const child = await caseOnOperatorTeam({ givenName: "Drita", birthDate: "2011-03-01" });
    const [childCase] = await env.ctx.db.select().from(cases).where(eq(cases.reference, child));
    expect(childCase?.pathway).toBe("child");
    const body = { reference: child, type: "emergency", admittedOn: "2026-06-15" };

    const refused = await admitTo(operatorWorker, shelter.id, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: "child_needs_childrens_shelter" } });
    const reason = "No children's shelter place tonight; sister already here";
    const notSupervisor = await admitTo(operatorWorker, shelter.id, { ...body, override: { reason } });
    expect(notSupervisor.statusCode).toBe(403);
    expect(await stays(shelter.id)).toHaveLength(0);

    const overridden = await admitTo(operatorSupervisor, shelter.id, { ...body, override: { reason } });
    expect(overridden.statusCode).toBe(201);
    const [stay] = await stays(shelter.id);
    expect(stay?.overrideBy).toBe(operatorSupervisor.user.id);
    expect(stay?.overrideReason).toBeInstanceOf(Buffer);
    expect(stay?.overrideReason?.toString("utf8")).not.toContain("sister");
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "shelter.admit"), eq(auditEvents.entityId, stay?.id ?? "")));
    expect(audit?.detail).toMatchObject({ reference: child, childOverride: true });
    expect(JSON.stringify(audit?.detail)).not.toContain("sister");
  });

  it("transfers a person: the former stay ends and the new one begins in one step", async () => {
    const from = await createShelter(operatorAdmin, { capacity: 2 });
    const to = await createShelter(operatorAdmin, { capacity: 2, kind: "domestic_victims" });
    const reference = await caseOnOperatorTeam();
    const body = { reference, type: "emergency", admittedOn: "2026-06-14" };
    expect((await admitTo(operatorWorker, from.id, body)).statusCode).toBe(201);
    const twice = await admitTo(operatorWorker, to.id, { ...body, admittedOn: "2026-06-15" });
    expect(twice.json()).toMatchObject({ error: { code: "already_in_shelter" } });
    const moved = await admitTo(operatorWorker, to.id, {
      ...body,
      type: "planned",
      admittedOn: "2026-06-15",
      transfer: true,
    });
    expect(moved.statusCode).toBe(201);
    const [ended] = await stays(from.id);
    expect(ended).toMatchObject({ dischargedOn: "2026-06-15", dischargeReason: "transferred" });
    const rows = await board(operatorWorker);
    expect(rows.find((r) => r.id === from.id)).toMatchObject({ occupied: 0, free: 2 });
    expect(rows.find((r) => r.id === to.id)?.residents?.map((r) => r.reference)).toEqual([reference]);
  });

  it("is 404 for a case outside the operator's team, and for an outsider", async () => {
    const shelter = await createShelter(operatorAdmin);
    const registered = await env.as(police, { method: "POST", url: "/api/cases", payload: registration() });
    const { reference } = registered.json<{ reference: string }>();
    const body = { reference, type: "planned", admittedOn: "2026-06-15" };
    expect((await admitTo(operatorWorker, shelter.id, body)).statusCode).toBe(404);
    expect((await admitTo(outsider, shelter.id, body)).statusCode).toBe(404);
    const onTeam = await caseOnOperatorTeam();
    // The same shelter takes a case once its operator is on the team.
    expect((await admitTo(operatorWorker, shelter.id, { ...body, reference: onTeam })).statusCode).toBe(201);
    expect((await env.as(outsider, { method: "GET", url: "/api/shelters" })).statusCode).toBe(200);
    const auditor = await env.signIn(operatorId, ["auditor"]);
    expect((await env.as(auditor, { method: "GET", url: "/api/shelters" })).statusCode).toBe(404);
    expect(await stays(shelter.id)).toHaveLength(1);
  });
});

describe("bad input", () => {
  it("is refused with the field named", async () => {
    const noCapacity = await env.as(operatorAdmin, {
      method: "POST",
      url: "/api/shelters",
      payload: shelterBody({ capacity: 0 }),
    });
    expect(noCapacity.statusCode).toBe(400);
    expect(noCapacity.json()).toMatchObject({ error: { field: "capacity" } });
    const kind = await env.as(operatorAdmin, {
      method: "POST",
      url: "/api/shelters",
      payload: shelterBody({ kind: "hotel" }),
    });
    expect(kind.json()).toMatchObject({ error: { code: "invalid_choice", field: "kind" } });
    const noAddress = await env.as(operatorAdmin, {
      method: "POST",
      url: "/api/shelters",
      payload: shelterBody({ address: "  " }),
    });
    expect(noAddress.json()).toMatchObject({ error: { code: "required", field: "address" } });
    const shelter = await createShelter(operatorAdmin);
    const reference = await caseOnOperatorTeam();
    const future = await admitTo(operatorWorker, shelter.id, {
      reference,
      type: "planned",
      admittedOn: "2026-07-01",
    });
    expect(future.json()).toMatchObject({ error: { code: "date_in_future", field: "admittedOn" } });
    const type = await admitTo(operatorWorker, shelter.id, {
      reference,
      type: "walk_in",
      admittedOn: "2026-06-15",
    });
    expect(type.json()).toMatchObject({ error: { field: "type" } });
    expect(await stays(shelter.id)).toHaveLength(0);
  });
});
