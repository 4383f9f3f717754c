import { and, countDistinct, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { alerts } from "../alerts/schema";
import { cases } from "../cases/schema";
import { backfillMatchKeysInBackground } from "./commands";
import { matchRequests, personMatchKeys } from "./schema";

let env: TestEnvironment;
let police: Session;
let shelterWorker: Session;
let prosecutor: Session;
let policeChief: Session;
let policeId: string;
let shelterId: string;
let earlier: string;

const candidates = (session: Session, body: object) =>
  env.as(session, { method: "POST", url: "/api/matching/candidates", payload: body });

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking", name: "Anti-trafficking unit" });
  const shelter = await env.makeAgency({ type: "shelter_operator", name: "Shelter" });
  policeId = unit.id;
  shelterId = shelter.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  prosecutor = await env.signIn(unit.id, ["prosecutor"]);
  policeChief = await env.signIn(unit.id, ["supervisor", "police_investigator"]);
  shelterWorker = await env.signIn(shelter.id, ["case_worker"]);
  const response = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({
      person: { givenName: "Iuliia", familyName: "Kovalenko", birthDate: "1995-03-12", citizenship: ["UA"] },
    }),
  });
  expect(response.statusCode).toBe(201);
  earlier = response.json<{ reference: string }>().reference;
  await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({
      person: { givenName: "Arta", familyName: "Krasniqi", birthDate: "2001-07-30", citizenship: ["XK"] },
    }),
  });
});
afterAll(() => env.close());

const sameWoman = {
  givenName: "Юлія",
  familyName: "Коваленко",
  birthDate: "1995-12-03",
  gender: "Feminine",
  citizenship: ["UA"],
};

describe("possible earlier records at registration", () => {
  it("stores only keyed blocking keys for each registered person", async () => {
    const [row] = await env.ctx.db
      .select({ personId: cases.personId })
      .from(cases)
      .where(eq(cases.reference, earlier));
    const keys = await env.ctx.db
      .select()
      .from(personMatchKeys)
      .where(eq(personMatchKeys.personId, row?.personId ?? ""));
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const k of keys) {
      expect(k.key.length).toBe(16);
      expect(k.key.toString("latin1").toLowerCase()).not.toContain("koval");
    }
  });

  it("shows the agency's own case across scripts, with the reasons", async () => {
    const response = await candidates(police, sameWoman);
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      candidates: { reference: string; score: number; reasons: string[] }[];
      elsewhere: unknown[];
    }>();
    expect(body.candidates.map((c) => c.reference)).toEqual([earlier]);
    expect(body.candidates[0]?.score).toBeGreaterThan(0.9);
    expect(body.candidates[0]?.reasons).toEqual([
      "family.exact",
      "given.phonetic",
      "birth.day_month_swapped",
      "sex.equal",
      "citizenship.equal",
    ]);
    expect(body.elsewhere).toEqual([]);
  });

  it("finds nobody for another person", async () => {
    const response = await candidates(police, {
      givenName: "Maria",
      familyName: "Popescu",
      birthDate: "1980-01-01",
      citizenship: ["RO"],
    });
    expect(response.json()).toEqual({ candidates: [], elsewhere: [] });
  });

  it("tells another agency only where an earlier record is, and asks that agency", async () => {
    const response = await candidates(shelterWorker, sameWoman);
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      candidates: unknown[];
      elsewhere: { agency: { id: string; name: string }; requestId: string }[];
    }>();
    expect(body.candidates).toEqual([]);
    expect(body.elsewhere.map((e) => e.agency)).toEqual([{ id: policeId, name: "Anti-trafficking unit" }]);
    expect(JSON.stringify(body)).not.toContain(earlier);

    const requests = await env.ctx.db.select().from(matchRequests);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      requestingAgencyId: shelterId,
      holdingAgencyId: policeId,
      status: "open",
    });
    expect(requests[0]?.id).toBe(body.elsewhere[0]?.requestId);
    const raised = await env.ctx.db.select().from(alerts).where(eq(alerts.kind, "possible_earlier_record"));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ agencyId: policeId, subject: requests[0]?.id, role: "supervisor" });
    expect(JSON.stringify(raised[0]?.params)).not.toMatch(/Koval|Юлія/);

    // Asking again does not ask twice.
    const again = await candidates(shelterWorker, sameWoman);
    expect(again.json<{ elsewhere: { requestId: string }[] }>().elsewhere[0]?.requestId).toBe(
      requests[0]?.id,
    );
    expect(await env.ctx.db.select().from(matchRequests)).toHaveLength(1);
  });

  it("audits each look-up without names", async () => {
    const rows = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "matching.candidates"), eq(auditEvents.actorAgencyId, shelterId)));
    expect(rows.length).toBe(2);
    expect(rows[0]?.detail).toEqual({ compared: 1, visible: 0, elsewhere: 1 });
    const requests = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "matching.request"));
    expect(requests).toHaveLength(1);
    expect(JSON.stringify(requests[0]?.detail)).not.toMatch(/Koval/);
  });

  it("is for registering roles only, and refuses a bad body naming the field", async () => {
    expect((await candidates(prosecutor, sameWoman)).statusCode).toBe(403);
    const bad = await candidates(police, { ...sameWoman, birthDate: "1995-02-30" });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("birthDate");
  });

  it("lets the holding agency's supervisor share the earlier case, after which it shows", async () => {
    expect((await env.as(police, { method: "GET", url: "/api/matching/requests" })).statusCode).toBe(403);
    const incoming = await env.as(policeChief, { method: "GET", url: "/api/matching/requests" });
    const list =
      incoming.json<{ id: string; reference: string; scorePercent: number; agency: { id: string } }[]>();
    expect(list.map((r) => [r.reference, r.agency.id])).toEqual([[earlier, shelterId]]);
    expect(list[0]?.scorePercent).toBeGreaterThan(90);
    const id = list[0]?.id ?? "";
    const answer = (session: Session, decision: string) =>
      env.as(session, { method: "POST", url: `/api/matching/requests/${id}/answer`, payload: { decision } });
    expect((await answer(shelterWorker, "share")).statusCode).toBe(403);
    expect((await answer(policeChief, "share")).statusCode).toBe(204);
    expect((await answer(policeChief, "share")).statusCode).toBe(404);
    const open = await env.ctx.db.select().from(alerts).where(eq(alerts.kind, "possible_earlier_record"));
    expect(open[0]?.resolvedAt).not.toBeNull();
    const now = await candidates(shelterWorker, sameWoman);
    expect(now.json<{ candidates: { reference: string }[] }>().candidates.map((c) => c.reference)).toEqual([
      earlier,
    ]);
    const audited = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "matching.answer"));
    expect(audited[0]?.detail).toMatchObject({ reference: earlier, decision: "share" });
  });

  it("gives keys to persons registered without them, in the background at start, in batches", async () => {
    await env.ctx.db.delete(personMatchKeys);
    const [{ n: persons } = { n: 0 }] = await env.ctx.db
      .select({ n: countDistinct(cases.personId) })
      .from(cases);
    expect(persons).toBeGreaterThan(1);
    const lines: { details: Record<string, unknown>; message: string }[] = [];
    const log = {
      info: (details: Record<string, unknown>, message: string) => lines.push({ details, message }),
      error: (details: Record<string, unknown>, message: string) => lines.push({ details, message }),
    };
    // A new process (a copy of the context stands for one here), one person per batch.
    const process = { ...env.ctx };
    const running = backfillMatchKeysInBackground(process, log, 1);
    expect(backfillMatchKeysInBackground(process, log, 1)).toBe(running);
    // Look-ups do not wait and do not fail while it runs.
    const during = await candidates(police, sameWoman);
    expect(during.statusCode, during.body).toBe(200);
    expect(await running).toBe(persons);

    expect(lines[0]).toEqual({ details: { persons }, message: "matching keys backfill started" });
    const progress = lines.filter((l) => l.message === "matching keys backfill progress");
    expect(progress.map((l) => l.details)).toEqual(
      Array.from({ length: persons }, (_, i) => ({ done: i + 1, of: persons })),
    );
    expect(lines.at(-1)).toMatchObject({
      details: { done: persons },
      message: "matching keys backfill finished",
    });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(earlier);
    expect(logged).not.toMatch(/Iuliia|Kovalenko|Юлія|19\d\d-/);

    const [keyed] = await env.ctx.db
      .select({ n: countDistinct(personMatchKeys.personId) })
      .from(personMatchKeys);
    expect(keyed?.n).toBe(persons);
    const response = await candidates(police, sameWoman);
    expect(
      response.json<{ candidates: { reference: string }[] }>().candidates.map((c) => c.reference),
    ).toEqual([earlier]);
    // Nothing left: a later start logs nothing and does nothing.
    const quiet: unknown[] = [];
    const none = await backfillMatchKeysInBackground(
      { ...env.ctx },
      { info: (d) => quiet.push(d), error: (d) => quiet.push(d) },
    );
    expect(none).toBe(0);
    expect(quiet).toEqual([]);
  });
});
