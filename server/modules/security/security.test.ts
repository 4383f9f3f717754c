import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { shelters } from "../shelters/schema";
import { caseRiskLevels, interpreters, shelterIncidents } from "./schema";

let env: TestEnvironment;
let police: Session;
let policeSupervisor: Session;
let prosecutor: Session;
let operatorAdmin: Session;
let operatorWorker: Session;
let operatorSupervisor: Session;
let otherShelterWorker: Session;
let social: Session;
let socialAdmin: Session;
let outsider: Session;
let operatorId: string;

const oldAddress = "Rruga e Vjetër 7, Prizren";
const newAddress = "Rruga e Re 99, Gjakovë";

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const operator = await env.makeAgency({ type: "shelter_operator" });
  const otherOperator = await env.makeAgency({ type: "shelter_operator" });
  const services = await env.makeAgency({ type: "social_services" });
  const ngo = await env.makeAgency({ type: "ngo" });
  operatorId = operator.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  policeSupervisor = await env.signIn(unit.id, ["supervisor"]);
  prosecutor = await env.signIn(unit.id, ["prosecutor"]);
  operatorAdmin = await env.signIn(operator.id, ["agency_admin"]);
  operatorWorker = await env.signIn(operator.id, ["case_worker"]);
  operatorSupervisor = await env.signIn(operator.id, ["supervisor"]);
  otherShelterWorker = await env.signIn(otherOperator.id, ["case_worker", "supervisor"]);
  social = await env.signIn(services.id, ["case_worker"]);
  socialAdmin = await env.signIn(services.id, ["agency_admin"]);
  outsider = await env.signIn(ngo.id, ["case_worker"]);
});
afterAll(() => env.close());

/** A case registered by the police with the shelter operator on its team. */
async function caseWithShelterOnTeam(): Promise<string> {
  const registered = await env.as(police, { method: "POST", url: "/api/cases", payload: registration() });
  const { reference } = registered.json<{ reference: string }>();
  const added = await env.as(policeSupervisor, {
    method: "POST",
    url: `/api/cases/${reference}/team`,
    payload: { agencyId: operatorId, scopes: ["identity"] },
  });
  expect(added.statusCode).toBeLessThan(300);
  return reference;
}

async function createShelter(riskLevels: string[], capacity = 3): Promise<string> {
  const response = await env.as(operatorAdmin, {
    method: "POST",
    url: "/api/shelters",
    payload: {
      codeName: `Oak-${Math.random().toString(36).slice(2, 8)}`,
      kind: "foreign_victims",
      secure: true,
      riskLevels,
      capacity,
      address: oldAddress,
      contacts: "+383 49 111 222",
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

const audits = (action: string, entityId?: string) =>
  env.ctx.db
    .select()
    .from(auditEvents)
    .where(
      entityId
        ? and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))
        : eq(auditEvents.action, action),
    );

interface RiskAnswer {
  current: { level: string; source: string } | null;
  history: { level: string; reason: string | null; setBy: { id: string } }[];
}

describe("a person's risk level", () => {
  it("is set by the police and the shelter, kept as history, the latest counting", async () => {
    const reference = await caseWithShelterOnTeam();
    const url = `/api/cases/${reference}/risk-level`;
    const none = await env.as(police, { method: "GET", url });
    expect(none.json<RiskAnswer>()).toEqual({ current: null, history: [] });

    const byPolice = await env.as(police, {
      method: "POST",
      url,
      payload: { level: "medium", reason: "The recruiter Arben knows her village" },
    });
    expect(byPolice.statusCode).toBe(201);
    env.clock.advance(5 * 60_000);
    const byShelter = await env.as(operatorWorker, {
      method: "POST",
      url,
      payload: { level: "high", reason: "A car waited outside twice" },
    });
    expect(byShelter.statusCode).toBe(201);
    const answer = byShelter.json<RiskAnswer>();
    expect(answer.current).toMatchObject({ level: "high", source: "set" });
    expect(answer.history.map((h) => h.level)).toEqual(["high", "medium"]);
    expect(answer.history[0]?.setBy.id).toBe(operatorWorker.user.id);
    expect(answer.history[1]?.reason).toBe("The recruiter Arben knows her village");

    const rows = await env.ctx.db.select().from(caseRiskLevels);
    expect(rows.some((row) => row.reason.toString("utf8").includes("Arben"))).toBe(false);
    const set = await audits("risk_level.set");
    expect(set.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(set.map((a) => a.detail))).not.toContain("Arben");
    expect((await audits("risk_level.read")).length).toBeGreaterThan(0);
  });

  it("is not set by a prosecutor, nor seen by anyone off the case team", async () => {
    const reference = await caseWithShelterOnTeam();
    const url = `/api/cases/${reference}/risk-level`;
    const byProsecutor = await env.as(prosecutor, {
      method: "POST",
      url,
      payload: { level: "low", reason: "x" },
    });
    expect(byProsecutor.statusCode).toBe(403);
    const byOutsider = await env.as(outsider, { method: "GET", url });
    expect(byOutsider.statusCode).toBe(404);
    const byOtherShelter = await env.as(otherShelterWorker, {
      method: "POST",
      url,
      payload: { level: "low", reason: "x" },
    });
    expect(byOtherShelter.statusCode).toBe(404);
  });

  it("refuses bad input with the field named", async () => {
    const reference = await caseWithShelterOnTeam();
    const url = `/api/cases/${reference}/risk-level`;
    const level = await env.as(police, { method: "POST", url, payload: { level: "extreme", reason: "x" } });
    expect(level.statusCode).toBe(400);
    expect(level.json()).toMatchObject({ error: { field: "level" } });
    const reason = await env.as(police, { method: "POST", url, payload: { level: "low", reason: " " } });
    expect(reason.json()).toMatchObject({ error: { code: "required", field: "reason" } });
  });

  it("is shown at placement: a level the shelter does not accept needs a supervisor's override", async () => {
    const reference = await caseWithShelterOnTeam();
    await env.as(police, {
      method: "POST",
      url: `/api/cases/${reference}/risk-level`,
      payload: { level: "high", reason: "Threats by phone" },
    });
    const shelterId = await createShelter(["low", "medium"]);
    const body = { reference, type: "emergency", admittedOn: "2026-01-10" };
    const url = `/api/shelters/${shelterId}/admissions`;
    const refused = await env.as(operatorWorker, { method: "POST", url, payload: body });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: "risk_level_not_accepted" } });
    const notSupervisor = await env.as(operatorWorker, {
      method: "POST",
      url,
      payload: { ...body, override: { reason: "No other place tonight" } },
    });
    expect(notSupervisor.statusCode).toBe(403);
    const admitted = await env.as(operatorSupervisor, {
      method: "POST",
      url,
      payload: { ...body, override: { reason: "No other place tonight" } },
    });
    expect(admitted.statusCode).toBe(201);
    expect(admitted.json()).toMatchObject({ riskLevel: "high" });
    const [audit] = await audits("shelter.admit", admitted.json<{ id: string }>().id);
    expect(audit?.detail).toMatchObject({ riskLevel: "high", riskOverride: true });
  });
});

describe("shelter security incidents and relocation", () => {
  it("are recorded and listed for the shelter's own staff only", async () => {
    const shelterId = await createShelter(["low", "medium", "high"]);
    const url = `/api/shelters/${shelterId}/incidents`;
    const recorded = await env.as(operatorWorker, {
      method: "POST",
      url,
      payload: {
        kind: "threats",
        occurredAt: "2026-01-05T21:00:00+01:00",
        description: "A man named Besnik shouted at the gate",
      },
    });
    expect(recorded.statusCode).toBe(201);
    const [row] = await env.ctx.db
      .select()
      .from(shelterIncidents)
      .where(eq(shelterIncidents.shelterId, shelterId));
    expect(row?.description.toString("utf8")).not.toContain("Besnik");

    const listed = await env.as(operatorSupervisor, { method: "GET", url });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject([
      { kind: "threats", description: "A man named Besnik shouted at the gate" },
    ]);
    for (const session of [otherShelterWorker, police, prosecutor, social]) {
      const hidden = await env.as(session, { method: "GET", url });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain("Besnik");
      const write = await env.as(session, {
        method: "POST",
        url,
        payload: { kind: "other", occurredAt: "2026-01-05T21:00:00Z", description: "x" },
      });
      expect(write.statusCode).toBe(404);
    }
    const bad = await env.as(operatorWorker, {
      method: "POST",
      url,
      payload: { kind: "fire", occurredAt: "2026-01-05T21:00:00Z", description: "x" },
    });
    expect(bad.json()).toMatchObject({ error: { field: "kind" } });
  });

  it("replaces the address for the operator's staff, keeps no trace of the old one, and is audited", async () => {
    const shelterId = await createShelter(["low", "medium", "high"]);
    const threat = await env.as(operatorWorker, {
      method: "POST",
      url: `/api/shelters/${shelterId}/incidents`,
      payload: { kind: "threats", occurredAt: "2026-01-06T10:00:00Z", description: "Calls" },
    });
    const compromised = await env.as(operatorWorker, {
      method: "POST",
      url: `/api/shelters/${shelterId}/incidents`,
      payload: {
        kind: "location_compromised",
        occurredAt: "2026-01-06T11:00:00Z",
        description: "Seen followed home",
      },
    });
    const incidentId = compromised.json<{ id: string }>().id;
    const url = `/api/shelters/${shelterId}/relocation`;
    const payload = { incidentId, address: newAddress, contacts: "+383 45 999 000" };

    const byWorker = await env.as(operatorWorker, { method: "POST", url, payload });
    expect(byWorker.statusCode).toBe(403);
    const wrongKind = await env.as(operatorSupervisor, {
      method: "POST",
      url,
      payload: { ...payload, incidentId: threat.json<{ id: string }>().id },
    });
    expect(wrongKind.json()).toMatchObject({
      error: { code: "not_location_compromised", field: "incidentId" },
    });
    const noAddress = await env.as(operatorSupervisor, {
      method: "POST",
      url,
      payload: { incidentId, address: "" },
    });
    expect(noAddress.json()).toMatchObject({ error: { field: "address" } });
    const byOther = await env.as(otherShelterWorker, { method: "POST", url, payload });
    expect(byOther.statusCode).toBe(404);

    const relocated = await env.as(operatorSupervisor, { method: "POST", url, payload });
    expect(relocated.statusCode).toBe(201);
    const again = await env.as(operatorAdmin, { method: "POST", url, payload });
    expect(again.statusCode).toBe(409);

    const read = await env.as(operatorWorker, { method: "GET", url: `/api/shelters/${shelterId}/address` });
    expect(read.json()).toMatchObject({ address: newAddress, contacts: "+383 45 999 000" });

    // No column of the shelter's row holds the old address (or the new one) in readable form.
    const [row] = await env.ctx.db.select().from(shelters).where(eq(shelters.id, shelterId));
    for (const value of Object.values(row ?? {})) {
      const bytes = Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value) ?? "", "utf8");
      for (const text of ["Vjetër", "Prizren", "Gjakov"]) {
        expect(bytes.includes(Buffer.from(text, "utf8"))).toBe(false);
        expect(bytes.includes(Buffer.from(text, "latin1"))).toBe(false);
      }
    }

    const [audit] = await audits("shelter.relocate", shelterId);
    expect(audit?.actorUserId).toBe(operatorSupervisor.user.id);
    expect(audit?.detail).toMatchObject({ incidentId });
    expect(JSON.stringify(audit?.detail)).not.toContain("Gjakov");

    const listed = await env.as(operatorWorker, {
      method: "GET",
      url: `/api/shelters/${shelterId}/incidents`,
    });
    const incidents = listed.json<{ id: string; relocatedAt: string | null }[]>();
    expect(incidents.find((i) => i.id === incidentId)?.relocatedAt).not.toBeNull();

    const byProsecutor = await env.as(prosecutor, {
      method: "GET",
      url: `/api/shelters/${shelterId}/address`,
    });
    expect(byProsecutor.statusCode).toBe(404);
    expect(byProsecutor.body).not.toContain("Gjakov");
  });
});

describe("interpreters", () => {
  it("are kept by an agency's administrator, sealed at rest, and seen by case roles of every agency", async () => {
    const added = await env.as(socialAdmin, {
      method: "POST",
      url: "/api/interpreters",
      payload: {
        name: "Drita Krasniqi",
        languages: ["sq", "en"],
        availability: "available",
        phone: "+383 44 555 666",
      },
    });
    expect(added.statusCode).toBe(201);
    const id = added.json<{ id: string }>().id;
    const [row] = await env.ctx.db.select().from(interpreters).where(eq(interpreters.id, id));
    expect(row?.name.toString("utf8")).not.toContain("Drita");
    expect(row?.phone?.toString("utf8")).not.toContain("555");

    const seen = await env.as(police, { method: "GET", url: "/api/interpreters" });
    expect(seen.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, name: "Drita Krasniqi", languages: ["sq", "en"], own: false }),
      ]),
    );
    const byWorker = await env.as(social, {
      method: "POST",
      url: "/api/interpreters",
      payload: { name: "X", languages: ["sq"], availability: "available" },
    });
    expect(byWorker.statusCode).toBe(403);
    const otherAgency = await env.as(operatorAdmin, {
      method: "PATCH",
      url: `/api/interpreters/${id}`,
      payload: { availability: "unavailable" },
    });
    expect(otherAgency.statusCode).toBe(403);
    const bad = await env.as(socialAdmin, {
      method: "POST",
      url: "/api/interpreters",
      payload: { name: "Y", languages: [], availability: "available" },
    });
    expect(bad.json()).toMatchObject({ error: { field: "languages" } });
  });

  it("are assigned to a case by its team, audited; the list is the team's only", async () => {
    const reference = await caseWithShelterOnTeam();
    const added = await env.as(socialAdmin, {
      method: "POST",
      url: "/api/interpreters",
      payload: { name: "Milan Petrović", languages: ["sr"], availability: "available" },
    });
    const interpreterId = added.json<{ id: string }>().id;
    const url = `/api/cases/${reference}/interpreter-assignments`;
    const assigned = await env.as(operatorWorker, {
      method: "POST",
      url,
      payload: { interpreterId, kind: "hearing", on: "2026-02-01" },
    });
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json()).toMatchObject({
      kind: "hearing",
      on: "2026-02-01",
      interpreter: { name: "Milan Petrović" },
    });
    const [audit] = await audits("interpreter.assign", assigned.json<{ id: string }>().id);
    expect(audit?.detail).toMatchObject({ reference, interpreterId, kind: "hearing" });
    expect(JSON.stringify(audit?.detail)).not.toContain("Milan");

    const listed = await env.as(police, { method: "GET", url });
    expect(listed.json<unknown[]>()).toHaveLength(1);
    const hidden = await env.as(outsider, { method: "GET", url });
    expect(hidden.statusCode).toBe(404);
    const byOutsider = await env.as(outsider, {
      method: "POST",
      url,
      payload: { interpreterId, kind: "hearing", on: "2026-02-01" },
    });
    expect(byOutsider.statusCode).toBe(404);

    const badKind = await env.as(police, {
      method: "POST",
      url,
      payload: { interpreterId, kind: "party", on: "2026-02-01" },
    });
    expect(badKind.json()).toMatchObject({ error: { field: "kind" } });
    const badDate = await env.as(police, {
      method: "POST",
      url,
      payload: { interpreterId, kind: "interview", on: "soon" },
    });
    expect(badDate.json()).toMatchObject({ error: { field: "on" } });

    await env.as(socialAdmin, {
      method: "PATCH",
      url: `/api/interpreters/${interpreterId}`,
      payload: { availability: "unavailable" },
    });
    const unavailable = await env.as(police, {
      method: "POST",
      url,
      payload: { interpreterId, kind: "interview", on: "2026-02-02" },
    });
    expect(unavailable.statusCode).toBe(409);
    expect(unavailable.json()).toMatchObject({ error: { code: "interpreter_unavailable" } });
  });
});
