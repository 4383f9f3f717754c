import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";

let env: TestEnvironment;
let police: Session;
let prosecutor: Session;
let outsider: Session;
let unitId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking", name: "Anti-trafficking unit" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  unitId = unit.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  prosecutor = await env.signIn(unit.id, ["prosecutor"]);
  outsider = await env.signIn(shelter.id, ["case_worker", "supervisor"]);
});
afterAll(() => env.close());

async function registerCase(): Promise<string> {
  const response = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person: { familyName: "Pravova" } }),
  });
  return response.json<{ reference: string }>().reference;
}
const url = (reference: string) => `/api/cases/${reference}/rights-information`;
const record = (session: Session, reference: string, body: object) =>
  env.as(session, { method: "POST", url: url(reference), payload: body });
const list = (session: Session, reference: string) => env.as(session, { method: "GET", url: url(reference) });
const given = {
  rights: ["lawyer", "interpreter", "non_prosecution"],
  language: "ro",
  withInterpreter: true,
  understood: true,
};

describe("recording rights information", () => {
  it("records which rights, in which language, by whom and when (now by default), audited", async () => {
    const reference = await registerCase();
    const response = await record(police, reference, given);
    expect(response.statusCode).toBe(201);
    const stored = response.json<{ id: string; informedBy: { id: string } }>();
    expect(stored).toMatchObject({
      rights: ["lawyer", "interpreter", "non_prosecution"],
      language: "ro",
      withInterpreter: true,
      understood: true,
      informedAt: env.clock.now().toISOString(),
      informedBy: { id: police.user.id },
      agency: { id: unitId, name: "Anti-trafficking unit" },
    });
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "rights_information.record"), eq(auditEvents.entityId, stored.id)));
    expect(audit?.detail).toEqual({
      reference,
      rights: given.rights,
      language: "ro",
      withInterpreter: true,
      understood: true,
    });
  });

  it("keeps several records per case, latest first, and lets the team read them", async () => {
    const reference = await registerCase();
    await record(police, reference, { ...given, informedAt: "2026-06-14T18:30:00+02:00" });
    await record(police, reference, {
      rights: ["complaint", "compensation", "complaint"],
      language: "sq",
      withInterpreter: false,
      understood: false,
    });
    const records = (await list(prosecutor, reference)).json<
      { language: string; rights: string[]; informedAt: string }[]
    >();
    expect(records.map((r) => r.language)).toEqual(["sq", "ro"]);
    expect(records[0]?.rights).toEqual(["compensation", "complaint"]);
    expect(records[1]?.informedAt).toBe("2026-06-14T16:30:00.000Z");
  });
});

describe("bad input", () => {
  it("is refused with the field named", async () => {
    const reference = await registerCase();
    const none = await record(police, reference, { ...given, rights: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ error: { code: "required", field: "rights" } });
    const future = await record(police, reference, { ...given, informedAt: "2026-06-15T10:05:00Z" });
    expect(future.json()).toMatchObject({ error: { code: "date_in_future", field: "informedAt" } });
    const unknownRight = await record(police, reference, { ...given, rights: ["free_housing"] });
    expect(unknownRight.statusCode).toBe(400);
    expect(
      unknownRight.json<{ error: { field?: string; issues?: { field: string }[] } }>().error.issues?.[0]
        ?.field ?? "",
    ).toMatch(/^rights/);
    const language = await record(police, reference, { ...given, language: "xx" });
    expect(language.json()).toMatchObject({ error: { field: "language" } });
    const date = await record(police, reference, { ...given, informedAt: "yesterday" });
    expect(date.json()).toMatchObject({ error: { code: "invalid_date", field: "informedAt" } });
    expect((await list(police, reference)).json()).toEqual([]);
  });
});

describe("who may", () => {
  it("a team member outside the informing roles reads but does not record", async () => {
    const reference = await registerCase();
    expect((await record(prosecutor, reference, given)).statusCode).toBe(403);
    expect((await list(prosecutor, reference)).statusCode).toBe(200);
  });

  it("an agency outside the case team gets 404, as for a case that does not exist", async () => {
    const reference = await registerCase();
    await record(police, reference, given);
    const read = await list(outsider, reference);
    expect(read.statusCode).toBe(404);
    expect((await list(outsider, "NRM-2026-99999")).body).toBe(read.body);
    expect((await record(outsider, reference, given)).statusCode).toBe(404);
    expect((await list(police, reference)).json()).toHaveLength(1);
  });
});
