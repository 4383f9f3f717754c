import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERASED } from "../../../shared/retention";
import { auditEvents } from "../../platform/audit/schema";
import { DataKeyDestroyed } from "../../platform/crypto/keyring";
import { dataKeys } from "../../platform/crypto/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { runChecks } from "../alerts/scheduler";
import { cases, personNameIndex, persons } from "../cases/schema";
import { hotlineContacts } from "../hotline/schema";
import { personMatchKeys } from "../matching/schema";
import { statisticsPersonIdentities } from "../statistics/schema";
import { retentionDueCheck } from "./alerts";

let env: TestEnvironment;
let unitId: string;
let prosecutionId: string;
let hotlineId: string;
let nationalId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  unitId = (await env.makeAgency({ type: "police_anti_trafficking", name: "Anti-trafficking unit" })).id;
  prosecutionId = (await env.makeAgency({ type: "prosecution", name: "District prosecutor" })).id;
  hotlineId = (await env.makeAgency({ type: "international_organisation", name: "Helpline" })).id;
  nationalId = (await env.makeAgency({ type: "national_coordinator" })).id;
});
afterAll(() => env.close());

const post = (session: Session, url: string, payload: object) =>
  env.as(session, { method: "POST", url, payload });
const get = (session: Session, url: string) => env.as(session, { method: "GET", url });

interface Retention {
  dueOn: string | null;
  erased: { reason: string } | null;
  holds: {
    id: string;
    reason: string;
    proceedingReference: string | null;
    liftedAt: string | null;
    canLift: boolean;
  }[];
  permissions: { canErase: boolean; canPlaceHold: boolean };
}

/** People who work the case now; sessions are renewed after the clock moves by years. */
async function team() {
  return {
    police: await env.signIn(unitId, ["police_investigator"]),
    chief: await env.signIn(unitId, ["supervisor", "police_investigator"]),
    prosecutor: await env.signIn(prosecutionId, ["prosecutor"]),
    coordinator: await env.signIn(nationalId, ["coordinator"]),
  };
}

async function closedCase(people: Awaited<ReturnType<typeof team>>, familyName: string) {
  const registered = await post(
    people.police,
    "/api/cases",
    registration({
      person: { givenName: "Oksana", familyName, phone: "+373 555 0101", address: "Strada Lunga 4" },
      circumstances: "Held at the Blue Moon bar by a man called Dragan.",
    }),
  );
  expect(registered.statusCode, registered.body).toBe(201);
  const { reference } = registered.json<{ reference: string }>();
  const added = await post(people.chief, `/api/cases/${reference}/team`, {
    agencyId: prosecutionId,
    scopes: ["identity"],
  });
  expect(added.statusCode, added.body).toBe(200);
  await env.ctx.db
    .update(cases)
    .set({ status: "Closed", updatedAt: env.clock.now() })
    .where(eq(cases.reference, reference));
  return reference;
}

async function personOf(reference: string) {
  const [row] = await env.ctx.db
    .select({ person: persons, case: cases })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.reference, reference));
  if (!row) throw new Error("no case");
  return row;
}

describe("a closed case through its retention period", () => {
  let reference: string;
  let dashboardBefore: unknown;
  let identityBefore: Buffer | null = null;

  it("is not due before five years after closure, and early erasure for that reason is refused", async () => {
    env.clock.time = new Date("2026-06-15T10:00:00Z");
    const people = await team();
    reference = await closedCase(people, "Shreddova");
    const retention = (await get(people.chief, `/api/cases/${reference}/retention`)).json<Retention>();
    expect(retention).toMatchObject({ dueOn: "2031-06-15", erased: null, holds: [] });
    expect(retention.permissions).toEqual({ canErase: true, canPlaceHold: true });
    const byInvestigator = (await get(people.police, `/api/cases/${reference}/retention`)).json<Retention>();
    expect(byInvestigator.permissions).toEqual({ canErase: false, canPlaceHold: false });

    const early = await post(people.chief, `/api/cases/${reference}/retention/erase`, {
      reason: "retention_expired",
      confirmReference: reference,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe("retention_not_due");
    expect(await runChecks(env.ctx, [retentionDueCheck])).toEqual({
      raised: { retention_due: 0 },
      failed: [],
    });
  });

  it("alerts the identifying agency's supervisors once it is due, with codes and dates only", async () => {
    env.clock.time = new Date("2031-06-16T09:00:00Z");
    const people = await team();
    const run = await runChecks(env.ctx, [retentionDueCheck]);
    expect(run.failed).toEqual([]);
    expect(run.raised.retention_due).toBeGreaterThanOrEqual(1);
    const mine = (await get(people.chief, "/api/alerts/mine")).json<{
      items: { kind: string; params: Record<string, unknown>; case: { reference: string } | null }[];
    }>().items;
    expect(mine.filter((a) => a.kind === "retention_due" && a.case?.reference === reference)).toEqual([
      expect.objectContaining({ params: { record: "person", dueOn: "2031-06-15" } }),
    ]);
    const investigators = (await get(people.police, "/api/alerts/mine")).json<{ items: { kind: string }[] }>()
      .items;
    expect(investigators.filter((a) => a.kind === "retention_due")).toEqual([]);
    const due = (await get(people.chief, "/api/retention/due")).json<{
      cases: { reference: string; due: boolean; held: boolean }[];
    }>();
    expect(due.cases).toContainEqual(expect.objectContaining({ reference, due: true, held: false }));
    expect((await get(people.police, "/api/retention/due")).statusCode).toBe(403);
  });

  it("lets a prosecutor on the team place a legal hold, which blocks erasure with 409 legal_hold", async () => {
    const people = await team();
    const placed = await post(people.prosecutor, `/api/cases/${reference}/retention/holds`, {
      reason: "appeal_pending",
      proceedingReference: "PP.nr. 112/2031",
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const holds = placed.json<Retention>().holds;
    expect(holds).toEqual([
      expect.objectContaining({
        reason: "appeal_pending",
        proceedingReference: "PP.nr. 112/2031",
        liftedAt: null,
      }),
    ]);
    const refused = await post(people.chief, `/api/cases/${reference}/retention/erase`, {
      reason: "retention_expired",
      confirmReference: reference,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe("legal_hold");
    // The supervisor of another agency may not lift the prosecutor's hold.
    const holdId = holds[0]?.id ?? "";
    expect(
      (await post(people.chief, `/api/cases/${reference}/retention/holds/${holdId}/lift`, {})).statusCode,
    ).toBe(403);
    const listed = (await get(people.prosecutor, "/api/retention/holds")).json<{ reference: string }[]>();
    expect(listed.map((h) => h.reference)).toContain(reference);
    const afterHold = (await get(people.chief, "/api/retention/due")).json<{
      cases: { reference: string; held: boolean }[];
    }>();
    expect(afterHold.cases).toContainEqual(expect.objectContaining({ reference, held: true }));
    const [person] = await env.ctx.db
      .select({ destroyedAt: dataKeys.destroyedAt })
      .from(dataKeys)
      .where(eq(dataKeys.id, (await personOf(reference)).person.dataKeyId));
    expect(person?.destroyedAt).toBeNull();
  });

  it("after the hold is lifted, erases by destroying the person's key, with the reference typed again", async () => {
    const people = await team();
    const { holds } = (await get(people.prosecutor, `/api/cases/${reference}/retention`)).json<Retention>();
    const lifted = await post(
      people.prosecutor,
      `/api/cases/${reference}/retention/holds/${holds[0]?.id}/lift`,
      {},
    );
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json<Retention>().holds[0]?.liftedAt).not.toBeNull();

    dashboardBefore = (await get(people.coordinator, "/api/statistics/dashboard")).json();
    const [identity] = await env.ctx.db
      .select()
      .from(statisticsPersonIdentities)
      .where(eq(statisticsPersonIdentities.personId, (await personOf(reference)).person.id));
    expect(identity?.identityKey.length).toBe(16);
    identityBefore = identity?.identityKey ?? null;
    const mistyped = await post(people.chief, `/api/cases/${reference}/retention/erase`, {
      reason: "retention_expired",
      confirmReference: "NRM-2026-99999",
    });
    expect(mistyped.statusCode).toBe(400);
    expect(mistyped.json<{ error: { field: string; code: string } }>().error).toMatchObject({
      field: "confirmReference",
      code: "confirmation_mismatch",
    });
    expect(
      (
        await post(people.police, `/api/cases/${reference}/retention/erase`, {
          reason: "retention_expired",
          confirmReference: reference,
        })
      ).statusCode,
    ).toBe(403);
    const erased = await post(people.chief, `/api/cases/${reference}/retention/erase`, {
      reason: "retention_expired",
      confirmReference: reference,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json<Retention>().erased).toMatchObject({ reason: "retention_expired" });

    const again = await post(people.chief, `/api/cases/${reference}/retention/erase`, {
      reason: "retention_expired",
      confirmReference: reference,
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe("already_erased");
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "retention.erase"), eq(auditEvents.entityId, reference)));
    expect(audit?.detail).toEqual({
      reference,
      kind: "person",
      reason: "retention_expired",
      dueOn: "2031-06-15",
      hotlineContacts: 0,
    });
    const open = (await get(people.chief, "/api/alerts/mine")).json<{
      items: { kind: string; case: { reference: string } | null }[];
    }>().items;
    expect(open.filter((a) => a.kind === "retention_due" && a.case?.reference === reference)).toEqual([]);
  });

  it("leaves every sealed field of the person unreadable, from the database and the keyring", async () => {
    const { person, case: c } = await personOf(reference);
    const [key] = await env.ctx.db.select().from(dataKeys).where(eq(dataKeys.id, person.dataKeyId));
    expect(key?.wrappedKey).toBeNull();
    expect(key?.destroyedAt).not.toBeNull();
    const sealed: [string, string, string, Buffer | null][] = [
      ["persons", person.id, "given_name", person.givenName],
      ["persons", person.id, "family_name", person.familyName],
      ["persons", person.id, "phone", person.phone],
      ["persons", person.id, "address", person.address],
      ["persons", person.id, "birth_date", person.birthDate],
      ["cases", c.id, "circumstances", c.circumstances],
    ];
    for (const [table, recordId, field, bytes] of sealed) {
      expect(bytes, field).not.toBeNull();
      expect(bytes?.toString("latin1")).not.toMatch(/Oksana|Shreddova|Blue Moon/);
      await expect(
        env.ctx.keyring.openText(
          env.ctx.db,
          person.dataKeyId,
          { table, recordId, field },
          bytes ?? Buffer.alloc(0),
        ),
      ).rejects.toBeInstanceOf(DataKeyDestroyed);
    }
  });

  it("still answers the case page, with erased fields instead of an error", async () => {
    const people = await team();
    const page = await get(people.chief, `/api/cases/${reference}`);
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<{
      reference: string;
      identity: Record<string, string | null>;
      circumstances: string | null;
    }>();
    expect(body.reference).toBe(reference);
    expect(body.identity).toMatchObject({
      givenName: ERASED,
      familyName: ERASED,
      phone: ERASED,
      address: ERASED,
      birthDate: ERASED,
    });
    expect(body.circumstances).toBe(ERASED);
    const note = await post(people.chief, `/api/cases/${reference}/retention/holds`, {
      reason: "investigation",
    });
    expect(note.json<{ error: { code: string } }>().error.code).toBe("already_erased");
  });

  it("is no longer found by name search or matching, and no keyed hash of the name is left", async () => {
    const people = await team();
    const { person } = await personOf(reference);
    const search = await post(people.chief, "/api/cases/search", { name: "Shreddova" });
    expect(search.json<{ total: number }>().total).toBe(0);
    expect(
      await env.ctx.db.select().from(personNameIndex).where(eq(personNameIndex.personId, person.id)),
    ).toEqual([]);
    const keys = await env.ctx.db
      .select()
      .from(personMatchKeys)
      .where(eq(personMatchKeys.personId, person.id));
    expect(keys.map((k) => k.key.length)).toEqual([0]);
    const candidates = await post(people.police, "/api/matching/candidates", {
      givenName: "Oksana",
      familyName: "Shreddova",
      birthDate: "1999-04-02",
      gender: "Feminine",
      citizenship: ["MD"],
    });
    expect(candidates.statusCode, candidates.body).toBe(200);
    expect(candidates.json<{ candidates: { reference: string }[] }>().candidates).toEqual([]);
    const [identity] = await env.ctx.db
      .select()
      .from(statisticsPersonIdentities)
      .where(eq(statisticsPersonIdentities.personId, person.id));
    // Still one identity (counted once), under a random pseudonym instead of the keyed hash of the name.
    expect(identity?.identityKey.length).toBe(16);
    expect(identityBefore).not.toBeNull();
    expect(identity?.identityKey.equals(identityBefore ?? Buffer.alloc(0))).toBe(false);
  });

  it("leaves the statistics counts unchanged", async () => {
    const people = await team();
    expect((await get(people.coordinator, "/api/statistics/dashboard")).json()).toEqual(dashboardBefore);
  });
});

describe("erasure refused or allowed by rule", () => {
  it("refuses an open case even at the person's request, and allows a closed one early at it", async () => {
    env.clock.time = new Date("2031-07-01T10:00:00Z");
    const people = await team();
    const registered = await post(
      people.police,
      "/api/cases",
      registration({ person: { familyName: "Openova" } }),
    );
    const { reference } = registered.json<{ reference: string }>();
    const open = await post(people.chief, `/api/cases/${reference}/retention/erase`, {
      reason: "person_request",
      confirmReference: reference,
    });
    expect(open.json<{ error: { code: string } }>().error.code).toBe("case_not_closed");
    await env.ctx.db.update(cases).set({ status: "Closed" }).where(eq(cases.reference, reference));
    const early = await post(people.chief, `/api/cases/${reference}/retention/erase`, {
      reason: "person_request",
      confirmReference: reference,
    });
    expect(early.statusCode, early.body).toBe(200);
  });

  it("hides the case from agencies off the team: 404", async () => {
    const people = await team();
    const reference = await closedCase(people, "Hiddenova");
    const outsider = await env.signIn(hotlineId, ["supervisor", "case_worker"]);
    expect((await get(outsider, `/api/cases/${reference}/retention`)).statusCode).toBe(404);
    const erase = await post(outsider, `/api/cases/${reference}/retention/erase`, {
      reason: "person_request",
      confirmReference: reference,
    });
    expect(erase.statusCode).toBe(404);
  });
});

describe("a hotline contact", () => {
  it("falls due a year after an anonymous call, alerts the hotline, and its summary reads erased", async () => {
    env.clock.time = new Date("2031-07-01T10:00:00Z");
    const operator = await env.signIn(hotlineId, ["hotline_operator"]);
    const recorded = await post(operator, "/api/hotline/contacts", {
      channel: "call",
      language: "sq",
      callerType: "anonymous",
      region: "ferizaj",
      indicators: ["held_against_will"],
      urgency: "routine",
      summary: "A girl kept in the flat above the Ruby café.",
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const id = recorded.json<{ id: string }>().id;
    env.clock.time = new Date("2032-07-02T10:00:00Z");
    const head = await env.signIn(hotlineId, ["supervisor", "case_worker"]);
    const reader = await env.signIn(hotlineId, ["hotline_operator"]);
    await runChecks(env.ctx, [retentionDueCheck]);
    const alerts = (await get(head, "/api/alerts/mine")).json<{
      items: { kind: string; params: Record<string, unknown> }[];
    }>().items;
    expect(alerts.filter((a) => a.kind === "retention_due")).toEqual([
      expect.objectContaining({ params: { record: "hotline_contact", dueOn: "2032-07-01" } }),
    ]);
    const early = await post(head, `/api/retention/hotline-contacts/${id}/erase`, {
      reason: "retention_expired",
    });
    expect(early.statusCode, early.body).toBe(204);
    const [contact] = await env.ctx.db.select().from(hotlineContacts).where(eq(hotlineContacts.id, id));
    await expect(
      env.ctx.keyring.openText(
        env.ctx.db,
        contact?.dataKeyId ?? "",
        { table: "hotline_contacts", recordId: id, field: "summary" },
        contact?.summary ?? Buffer.alloc(0),
      ),
    ).rejects.toBeInstanceOf(DataKeyDestroyed);
    const page = await get(reader, `/api/hotline/contacts/${id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<{ summary: string }>().summary).toBe(ERASED);
  });
});

describe("a proceeding", () => {
  it("is kept by a hold on its victim's case, then its defendants' names are erased with its key", async () => {
    env.clock.time = new Date("2031-07-01T10:00:00Z");
    const people = await team();
    const reference = await closedCase(people, "Witnessova");
    const opened = await post(people.prosecutor, "/api/justice/proceedings", {
      caseReference: reference,
      injuredParty: true,
      witness: true,
      stage: "indictment",
      prosecutorReference: "PP 88/2031",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json<{ id: string }>().id;
    const defendant = await post(people.prosecutor, `/api/justice/proceedings/${id}/defendants`, {
      name: "Arben Kuqi",
      nationality: "AL",
      role: "exploiter",
      custody: "detained",
    });
    expect(defendant.statusCode, defendant.body).toBe(201);

    const early = await post(people.prosecutor, `/api/retention/proceedings/${id}/erase`, {
      reason: "retention_expired",
    });
    expect(early.json<{ error: { code: string } }>().error.code).toBe("retention_not_due");
    const placed = await post(people.prosecutor, `/api/cases/${reference}/retention/holds`, {
      reason: "criminal_proceedings",
    });
    expect(placed.statusCode).toBe(201);
    const held = await post(people.prosecutor, `/api/retention/proceedings/${id}/erase`, {
      reason: "unlawfully_recorded",
    });
    expect(held.statusCode).toBe(409);
    expect(held.json<{ error: { code: string } }>().error.code).toBe("legal_hold");
    // Another office's prosecutor does not see the proceeding at all.
    const elsewhere = await env.signIn(unitId, ["prosecutor"]);
    expect(
      (await post(elsewhere, `/api/retention/proceedings/${id}/erase`, { reason: "unlawfully_recorded" }))
        .statusCode,
    ).toBe(404);

    const holdId = placed.json<Retention>().holds[0]?.id ?? "";
    expect(
      (await post(people.prosecutor, `/api/cases/${reference}/retention/holds/${holdId}/lift`, {}))
        .statusCode,
    ).toBe(200);
    const erased = await post(people.prosecutor, `/api/retention/proceedings/${id}/erase`, {
      reason: "unlawfully_recorded",
    });
    expect(erased.statusCode, erased.body).toBe(204);
    const detail = await get(people.prosecutor, `/api/justice/proceedings/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json<{ defendants: { name: string }[] }>().defendants.map((d) => d.name)).toEqual([ERASED]);
    // The victim's own case is untouched: only the proceeding's key was destroyed.
    const page = (await get(people.chief, `/api/cases/${reference}`)).json<{
      identity: { givenName: string };
    }>();
    expect(page.identity.givenName).toBe("Oksana");
  });
});
