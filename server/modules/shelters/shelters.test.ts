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
import { criteriaFor, shelterConfigFor } from "./criteria";
import { shelterEscorts, shelters, shelterStays } from "./schema";

/** Every admission criterion the Kosovo configuration applies to a shelter of this kind. */
const allCriteria = (kind: "foreign_victims" | "domestic_victims" | "children") =>
  criteriaFor(shelterConfigFor("kosovo"), kind).map((c) => c.code);

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
      criteriaMet: allCriteria("foreign_victims"),
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
      criteriaMet: allCriteria("foreign_victims"),
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
    const body = {
      reference,
      type: "planned",
      admittedOn: "2026-06-15",
      criteriaMet: allCriteria("foreign_victims"),
    };
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

interface RoomRow {
  id: string;
  name: string;
  beds: number;
  occupied: number;
  free: number;
}
const roomsOf = async (session: Session, shelterId: string) =>
  (await env.as(session, { method: "GET", url: "/api/shelters" }))
    .json<(BoardRow & { rooms: RoomRow[] | null })[]>()
    .find((row) => row.id === shelterId)?.rooms;
const editShelter = (session: Session, shelterId: string, payload: Record<string, unknown>) =>
  env.as(session, { method: "PATCH", url: `/api/shelters/${shelterId}`, payload });

describe("rooms and beds", () => {
  it("counts capacity by room, places each person in a room, and never overbooks a room", async () => {
    const shelter = await createShelter(operatorAdmin, {
      capacity: undefined,
      rooms: [
        { name: "Room 1", beds: 2 },
        { name: "Room 2", beds: 1 },
      ],
    });
    expect(shelter).toMatchObject({ capacity: 3, free: 3 });
    const rooms = await roomsOf(operatorWorker, shelter.id);
    expect(rooms?.map((r) => [r.name, r.beds, r.free])).toEqual([
      ["Room 1", 2, 2],
      ["Room 2", 1, 1],
    ]);
    // The layout of the house is for those who run it.
    expect(await roomsOf(coordinator, shelter.id)).toBeNull();
    const small = rooms?.find((r) => r.name === "Room 2");
    const [a, b] = [await caseOnOperatorTeam(), await caseOnOperatorTeam()];
    const noRoom = await admitTo(operatorWorker, shelter.id, {
      reference: a,
      type: "emergency",
      admittedOn: "2026-06-15",
    });
    expect(noRoom.json()).toMatchObject({ error: { code: "room_required", field: "roomId" } });
    const body = { type: "emergency", admittedOn: "2026-06-15", roomId: small?.id };
    expect((await admitTo(operatorWorker, shelter.id, { ...body, reference: a })).statusCode).toBe(201);
    const full = await admitTo(operatorWorker, shelter.id, { ...body, reference: b });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ error: { code: "room_full" } });
    expect((await roomsOf(operatorWorker, shelter.id))?.find((r) => r.id === small?.id)).toMatchObject({
      occupied: 1,
      free: 0,
    });
    expect(await stays(shelter.id)).toHaveLength(1);
  });

  it("are changed by the operator: never below the people staying, never removing an occupied room", async () => {
    const shelter = await createShelter(operatorAdmin, {
      capacity: undefined,
      rooms: [{ name: "A", beds: 2 }],
    });
    const [room] = (await roomsOf(operatorAdmin, shelter.id)) ?? [];
    const reference = await caseOnOperatorTeam();
    await admitTo(operatorWorker, shelter.id, {
      reference,
      type: "emergency",
      admittedOn: "2026-06-15",
      roomId: room?.id,
    });
    expect((await editShelter(operatorWorker, shelter.id, { secure: false })).statusCode).toBe(403);
    expect((await editShelter(prosecutor, shelter.id, { secure: false })).statusCode).toBe(403);
    const removing = await editShelter(operatorAdmin, shelter.id, { rooms: [{ name: "B", beds: 3 }] });
    expect(removing.json()).toMatchObject({ error: { code: "room_occupied" } });
    const shrinking = await editShelter(operatorAdmin, shelter.id, {
      rooms: [{ id: room?.id, name: "A", beds: 0 }],
    });
    expect(shrinking.json()).toMatchObject({ error: { field: "rooms.0.beds" } });
    const edited = await editShelter(operatorSupervisor, shelter.id, {
      secure: false,
      riskLevels: ["low"],
      contacts: "+383 44 999 000",
      rooms: [
        { id: room?.id, name: "A (ground floor)", beds: 1 },
        { name: "B", beds: 4 },
      ],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      capacity: 5,
      occupied: 1,
      free: 4,
      secure: false,
      riskLevels: ["low"],
    });
    expect((await roomsOf(operatorAdmin, shelter.id))?.map((r) => [r.name, r.beds, r.occupied])).toEqual([
      ["A (ground floor)", 1, 1],
      ["B", 4, 0],
    ]);
    expect((await readAddress(operatorWorker, shelter.id)).json()).toMatchObject({
      contacts: "+383 44 999 000",
    });
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "shelter.update"), eq(auditEvents.entityId, shelter.id)));
    expect(audit?.detail).toMatchObject({
      capacity: 5,
      changed: ["contacts", "riskLevels", "rooms", "secure"],
    });
    expect(JSON.stringify(audit?.detail)).not.toContain("999");
  });
});

describe("admission criteria", () => {
  it("must all be met for a planned admission; an emergency admission leaves the rest open", async () => {
    const shelter = await createShelter(operatorAdmin, { capacity: 3 });
    const criteria = allCriteria("foreign_victims");
    expect(criteria.length).toBeGreaterThan(2);
    const listed = await env.as(operatorWorker, { method: "GET", url: "/api/shelters/admission-criteria" });
    expect(listed.json<{ code: string }[]>().map((c) => c.code)).toEqual(expect.arrayContaining(criteria));
    const planned = await caseOnOperatorTeam();
    const missing = await admitTo(operatorWorker, shelter.id, {
      reference: planned,
      type: "planned",
      admittedOn: "2026-06-15",
      criteriaMet: criteria.slice(1),
    });
    expect(missing.json()).toMatchObject({
      error: { code: "admission_criteria_unmet", field: "criteriaMet" },
    });
    const unknown = await admitTo(operatorWorker, shelter.id, {
      reference: planned,
      type: "planned",
      admittedOn: "2026-06-15",
      criteriaMet: [...criteria, "speaks_english"],
    });
    expect(unknown.json()).toMatchObject({
      error: { code: "invalid_choice", field: `criteriaMet.${criteria.length}` },
    });
    expect(await stays(shelter.id)).toHaveLength(0);
    const admitted = await admitTo(operatorWorker, shelter.id, {
      reference: planned,
      type: "planned",
      admittedOn: "2026-06-15",
      criteriaMet: criteria,
    });
    expect(admitted.statusCode).toBe(201);

    const emergency = await caseOnOperatorTeam();
    const atNight = await admitTo(operatorWorker, shelter.id, {
      reference: emergency,
      type: "emergency",
      admittedOn: "2026-06-15",
      criteriaMet: [criteria[0]],
    });
    expect(atNight.statusCode).toBe(201);
    const { id: stayId } = atNight.json<{ id: string }>();
    const resident = () =>
      board(operatorWorker).then(
        (rows) =>
          rows.find((r) => r.id === shelter.id)?.residents?.find((r) => r.reference === emergency) as
            { criteriaOpen: string[] } | undefined,
      );
    expect((await resident())?.criteriaOpen).toEqual(criteria.slice(1));
    const confirmed = await env.as(operatorWorker, {
      method: "POST",
      url: `/api/shelter-stays/${stayId}/criteria`,
      payload: { criteriaMet: criteria.slice(1) },
    });
    expect(confirmed.statusCode).toBe(204);
    expect((await resident())?.criteriaOpen).toEqual([]);
    const byOther = await env.as(otherShelterWorker, {
      method: "POST",
      url: `/api/shelter-stays/${stayId}/criteria`,
      payload: { criteriaMet: criteria.slice(1) },
    });
    expect(byOther.statusCode).toBe(404);
  });
});

/** Moves the clock; the sessions in use sign in again, as people would after a day. */
async function travel(ms: number) {
  env.clock.advance(ms);
  police = await env.login(police.user);
  policeSupervisor = await env.login(policeSupervisor.user);
  operatorWorker = await env.login(operatorWorker.user);
  operatorAdmin = await env.login(operatorAdmin.user);
  otherShelterWorker = await env.login(otherShelterWorker.user);
}

describe("escort duty for a transfer", () => {
  it("opens both shelters' addresses to the named escort on the day only, until the person arrives", async () => {
    const from = await createShelter(operatorAdmin);
    const to = await createShelter(operatorAdmin);
    const reference = await caseOnOperatorTeam();
    await admitTo(operatorWorker, from.id, { reference, type: "emergency", admittedOn: "2026-06-14" });
    const grant = (session: Session, payload: Record<string, unknown>) =>
      env.as(session, { method: "POST", url: `/api/shelters/${to.id}/escorts`, payload });
    const body = { reference, escortUsername: police.user.username, onDate: "2026-06-16" };
    expect((await grant(otherShelterWorker, body)).statusCode).toBe(404);
    expect((await grant(operatorWorker, { ...body, escortUsername: "nobody" })).json()).toMatchObject({
      error: { code: "unknown_user", field: "escortUsername" },
    });
    expect((await grant(operatorWorker, { ...body, onDate: "2026-06-14" })).json()).toMatchObject({
      error: { code: "date_in_past", field: "onDate" },
    });
    const granted = await grant(operatorWorker, body);
    expect(granted.statusCode).toBe(201);

    // The escort sees the duty by code names; the addresses only once the day has come.
    const mine = await env.as(police, { method: "GET", url: "/api/escorts/mine" });
    expect(mine.json()).toEqual([
      expect.objectContaining({
        reference,
        onDate: "2026-06-16",
        due: false,
        to: { id: to.id, codeName: to.codeName },
        from: { id: from.id, codeName: from.codeName },
      }),
    ]);
    expect(mine.body).not.toContain("Fshehtë");
    expect((await readAddress(police, to.id)).statusCode).toBe(404);
    await travel(24 * 3600_000);
    const opened = await readAddress(police, to.id);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ address });
    expect((await readAddress(police, from.id)).statusCode).toBe(200);
    // Nobody else gains anything from the duty.
    expect((await readAddress(policeSupervisor, to.id)).statusCode).toBe(404);
    const audits = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "shelter.address.read"), eq(auditEvents.actorUserId, police.user.id)),
      );
    expect(audits).toHaveLength(2);
    expect(audits[0]?.detail).toMatchObject({ escortId: granted.json<{ id: string }>().id });

    // The person arrives: the duty ends, and the address is closed again.
    const moved = await admitTo(operatorWorker, to.id, {
      reference,
      type: "planned",
      admittedOn: "2026-06-16",
      transfer: true,
      criteriaMet: allCriteria("foreign_victims"),
    });
    expect(moved.statusCode).toBe(201);
    expect((await readAddress(police, to.id)).statusCode).toBe(404);
    expect((await env.as(police, { method: "GET", url: "/api/escorts/mine" })).json()).toEqual([]);
    const [duty] = await env.ctx.db
      .select()
      .from(shelterEscorts)
      .where(eq(shelterEscorts.toShelterId, to.id));
    expect(duty).toMatchObject({ endReason: "admitted" });
    await travel(-24 * 3600_000);
  });

  it("is revoked by the receiving shelter and lapses after the night following its day", async () => {
    const to = await createShelter(operatorAdmin);
    const reference = await caseOnOperatorTeam();
    const grant = (onDate: string) =>
      env.as(operatorWorker, {
        method: "POST",
        url: `/api/shelters/${to.id}/escorts`,
        payload: { reference, escortUsername: police.user.username, onDate },
      });
    const today = await grant("2026-06-15");
    expect((await readAddress(police, to.id)).statusCode).toBe(200);
    const revoke = (session: Session) =>
      env.as(session, { method: "POST", url: `/api/escorts/${today.json<{ id: string }>().id}/revoke` });
    expect((await revoke(otherShelterWorker)).statusCode).toBe(404);
    expect((await revoke(operatorWorker)).statusCode).toBe(204);
    expect((await revoke(operatorWorker)).statusCode).toBe(409);
    expect((await readAddress(police, to.id)).statusCode).toBe(404);

    await grant("2026-06-15");
    await travel(24 * 3600_000);
    expect((await readAddress(police, to.id)).statusCode).toBe(200);
    await travel(24 * 3600_000);
    expect((await readAddress(police, to.id)).statusCode).toBe(404);
    await travel(-48 * 3600_000);
  });
});

describe("a case's shelter stays", () => {
  it("are shown to the case team by code name, with the room only to the shelter's staff", async () => {
    const shelter = await createShelter(operatorAdmin, {
      capacity: undefined,
      rooms: [{ name: "Blue", beds: 1 }],
    });
    const [room] = (await roomsOf(operatorAdmin, shelter.id)) ?? [];
    const reference = await caseOnOperatorTeam();
    await admitTo(operatorWorker, shelter.id, {
      reference,
      type: "emergency",
      admittedOn: "2026-06-15",
      roomId: room?.id,
    });
    const url = `/api/cases/${reference}/shelter-stays`;
    const forPolice = await env.as(police, { method: "GET", url });
    expect(forPolice.statusCode).toBe(200);
    expect(forPolice.json()).toEqual([
      expect.objectContaining({
        shelter: { id: shelter.id, codeName: shelter.codeName, kind: "foreign_victims" },
        type: "emergency",
        dischargedOn: null,
        own: false,
        room: null,
        criteriaOpen: null,
      }),
    ]);
    expect(forPolice.body).not.toContain("Fshehtë");
    const forShelter = await env.as(operatorWorker, { method: "GET", url });
    expect(forShelter.json()).toEqual([expect.objectContaining({ own: true, room: "Blue" })]);
    expect((await env.as(outsider, { method: "GET", url })).statusCode).toBe(404);
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
