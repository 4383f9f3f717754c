import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatisticsDashboard } from "../../../shared/statistics";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { cases } from "../cases/schema";
import { statisticsPersonIdentities } from "../statistics/schema";
import { caseLinks, personMerges } from "./schema";

let env: TestEnvironment;
let chief: Session;
let investigator: Session;
let shelterChief: Session;
const ref: Record<string, string> = {};

interface Pair {
  earlier: { reference: string; identificationDate: string };
  later: { reference: string; identificationDate: string };
  score: number;
  reasons: string[];
}
interface Standing {
  id: string;
  earlier: { reference: string };
  later: { reference: string };
}
interface Duplicates {
  pairs: Pair[];
  merges: Standing[];
  dismissals: Standing[];
  links: Standing[];
}

const register = async (
  session: Session,
  name: string,
  person: Record<string, unknown>,
  identificationDate: string,
) => {
  const response = await env.as(session, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person, identificationDate }),
  });
  expect(response.statusCode, response.body).toBe(201);
  ref[name] = response.json<{ reference: string }>().reference;
};
const duplicates = async (session: Session = chief) => {
  const response = await env.as(session, { method: "GET", url: "/api/matching/duplicates" });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Duplicates>();
};
const decide = (session: Session, decision: "merge" | "dismiss" | "link", a: string, b: string) =>
  env.as(session, {
    method: "POST",
    url: `/api/matching/duplicates/${decision}`,
    payload: { references: [ref[a], ref[b]] },
  });
const pairOf = (list: Duplicates, a: string, b: string) =>
  list.pairs.find((p) => p.earlier.reference === ref[a] && p.later.reference === ref[b]);
/** People identified for the first time, and identified again, in 2026, as the dashboard counts them. */
const counts = async () => {
  const response = await env.as(chief, { method: "GET", url: "/api/statistics/dashboard?from=2026&to=2026" });
  expect(response.statusCode, response.body).toBe(200);
  const dashboard = response.json<StatisticsDashboard>();
  expect(dashboard.k).toBeNull();
  const total = (id: string) => dashboard.tables.find((t) => t.id === id)?.total;
  return { first: total("identified_origin"), again: total("reidentified_origin") };
};
const personOf = async (name: string) => {
  const [row] = await env.ctx.db
    .select({ personId: cases.personId, id: cases.id })
    .from(cases)
    .where(eq(cases.reference, ref[name] ?? ""));
  if (!row) throw new Error(`no case ${name}`);
  return row;
};
const identityOf = async (name: string) => {
  const [row] = await env.ctx.db
    .select()
    .from(statisticsPersonIdentities)
    .where(eq(statisticsPersonIdentities.personId, (await personOf(name)).personId));
  return row?.identityKey.toString("hex") ?? null;
};

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking", name: "Anti-trafficking unit" });
  const shelter = await env.makeAgency({ type: "shelter_operator", name: "Shelter" });
  chief = await env.signIn(unit.id, ["supervisor", "police_investigator"]);
  investigator = await env.signIn(unit.id, ["police_investigator"]);
  shelterChief = await env.signIn(shelter.id, ["supervisor", "case_worker"]);
  const woman = {
    givenName: "Iuliia",
    familyName: "Kovalenko",
    birthDate: "1995-03-12",
    citizenship: ["UA"],
  };
  await register(investigator, "iuliia", woman, "2026-01-10");
  await register(
    investigator,
    "yulia",
    { givenName: "Юлія", familyName: "Коваленко", birthDate: "1995-12-03", citizenship: ["UA"] },
    "2026-05-20",
  );
  await register(
    investigator,
    "maria",
    { givenName: "Maria", familyName: "Popescu", birthDate: "1988-02-01", citizenship: ["RO"] },
    "2026-02-01",
  );
  await register(
    investigator,
    "mariia",
    { givenName: "Mariia", familyName: "Popescu", birthDate: "1988-01-02", citizenship: ["RO"] },
    "2026-04-01",
  );
  await register(
    investigator,
    "oksana",
    { givenName: "Oksana", familyName: "Shevchenko", birthDate: null, citizenship: ["UA"] },
    "2026-02-15",
  );
  await register(
    investigator,
    "oksana2",
    { givenName: "Oksana", familyName: "Shevchenko", birthDate: null, citizenship: ["UA"] },
    "2026-05-01",
  );
  // The same woman registered by an agency not on the unit's cases: never paired for the unit.
  await register(shelterChief, "shelter", woman, "2026-03-03");
});
afterAll(() => env.close());

describe("the supervisors' duplicates review", () => {
  it("proposes pairs among the agency's own cases only, earlier first, with the reasons", async () => {
    const list = await duplicates();
    const yulia = pairOf(list, "iuliia", "yulia");
    expect(yulia?.score).toBeGreaterThan(0.9);
    expect(yulia?.reasons).toEqual([
      "family.exact",
      "given.phonetic",
      "birth.day_month_swapped",
      "sex.equal",
      "citizenship.equal",
    ]);
    expect(yulia?.earlier.identificationDate).toBe("2026-01-10");
    expect(pairOf(list, "maria", "mariia")).toBeDefined();
    expect(JSON.stringify(list)).not.toContain(ref.shelter);
    expect(JSON.stringify(list)).not.toMatch(/Koval|Popescu|Iuliia/);
    expect(list.merges).toEqual([]);
    // The shelter sees its one case and no pair.
    expect((await duplicates(shelterChief)).pairs).toEqual([]);
    const audited = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "matching.duplicates"));
    expect(audited.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audited.map((a) => a.detail))).not.toMatch(/Koval|NRM-/);
  });

  it("is for supervisors, and for cases of their agency only", async () => {
    expect((await env.as(investigator, { method: "GET", url: "/api/matching/duplicates" })).statusCode).toBe(
      403,
    );
    expect((await decide(investigator, "merge", "iuliia", "yulia")).statusCode).toBe(403);
    expect((await decide(chief, "merge", "iuliia", "shelter")).statusCode).toBe(404);
    const same = await decide(chief, "dismiss", "iuliia", "iuliia");
    expect(same.statusCode).toBe(400);
    expect(JSON.stringify(same.json())).toContain("references");
  });

  it("merges the same person reversibly, and the statistics count her once while it stands", async () => {
    expect(await counts()).toEqual({ first: 6, again: 0 });
    const earlierKey = await identityOf("iuliia");
    const ownKey = await identityOf("yulia");
    expect(ownKey).not.toBeNull();
    expect(ownKey).not.toBe(earlierKey);

    // Given in either order: the later case's person is merged into the earlier case's.
    const response = await decide(chief, "merge", "yulia", "iuliia");
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json<{ id: string }>();
    const [merge] = await env.ctx.db.select().from(personMerges).where(eq(personMerges.id, id));
    expect(merge).toMatchObject({
      personId: (await personOf("yulia")).personId,
      intoPersonId: (await personOf("iuliia")).personId,
      decidedBy: chief.user.id,
      undoneAt: null,
    });
    expect(merge?.originalIdentityKey?.toString("hex")).toBe(ownKey);
    expect(await identityOf("yulia")).toBe(earlierKey);
    // Both cases are kept; one person identified, then identified again.
    expect(await counts()).toEqual({ first: 5, again: 1 });

    const list = await duplicates();
    expect(pairOf(list, "iuliia", "yulia")).toBeUndefined();
    expect(list.merges.map((m) => [m.id, m.earlier.reference, m.later.reference])).toEqual([
      [id, ref.iuliia, ref.yulia],
    ]);
    expect((await decide(chief, "merge", "iuliia", "yulia")).json()).toMatchObject({
      error: { code: "same_person_already" },
    });

    const undo = (session: Session) =>
      env.as(session, { method: "POST", url: `/api/matching/merges/${id}/undo` });
    expect((await undo(shelterChief)).statusCode).toBe(404);
    expect((await undo(chief)).statusCode).toBe(204);
    expect((await undo(chief)).statusCode).toBe(409);
    expect(await identityOf("yulia")).toBe(ownKey);
    expect(await counts()).toEqual({ first: 6, again: 0 });
    const [undone] = await env.ctx.db.select().from(personMerges).where(eq(personMerges.id, id));
    expect(undone).toMatchObject({ undoneBy: chief.user.id });
    expect(pairOf(await duplicates(), "iuliia", "yulia")).toBeDefined();

    const audited = await env.ctx.db
      .select({ action: auditEvents.action, caseId: auditEvents.caseId, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(audited.map((a) => a.action)).toEqual(["matching.merge", "matching.merge_undo"]);
    expect(audited[0]?.caseId).toBe((await personOf("yulia")).id);
    expect(JSON.stringify(audited)).not.toMatch(/Koval|Юлія/);
  });

  it("merges persons without an identity key and removes the shared key on undo", async () => {
    expect(await identityOf("oksana")).toBeNull();
    expect(await identityOf("oksana2")).toBeNull();
    const response = await decide(chief, "merge", "oksana", "oksana2");
    expect(response.statusCode, response.body).toBe(201);
    const earlier = (await personOf("oksana")).personId;
    expect(await identityOf("oksana2")).toBe(earlier.replace(/-/g, ""));
    expect(await counts()).toEqual({ first: 5, again: 1 });
    const { id } = response.json<{ id: string }>();
    expect((await env.as(chief, { method: "POST", url: `/api/matching/merges/${id}/undo` })).statusCode).toBe(
      204,
    );
    expect(await identityOf("oksana2")).toBeNull();
    expect(await counts()).toEqual({ first: 6, again: 0 });
  });

  it("refuses to merge a person merged already elsewhere, until that merge is undone", async () => {
    const first = await decide(chief, "merge", "iuliia", "yulia");
    expect(first.statusCode).toBe(201);
    const chained = await decide(chief, "merge", "yulia", "maria");
    expect(chained.statusCode).toBe(409);
    expect(chained.json()).toMatchObject({ error: { code: "already_merged" } });
    const { id } = first.json<{ id: string }>();
    expect((await env.as(chief, { method: "POST", url: `/api/matching/merges/${id}/undo` })).statusCode).toBe(
      204,
    );
  });

  it("chains merges (A into B, then B into C) and undoes them in either order", async () => {
    const own = {
      maria: await identityOf("maria"),
      mariia: await identityOf("mariia"),
      yulia: await identityOf("yulia"),
    };
    expect(new Set(Object.values(own)).size).toBe(3);
    const undo = (id: string) => env.as(chief, { method: "POST", url: `/api/matching/merges/${id}/undo` });
    const merge = async (a: string, b: string) => {
      const response = await decide(chief, "merge", a, b);
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };

    // Yulia (May) into Mariia (April), then Mariia into Maria (February): all three count as Maria.
    const lower = await merge("mariia", "yulia");
    const upper = await merge("maria", "mariia");
    expect(await identityOf("mariia")).toBe(own.maria);
    expect(await identityOf("yulia")).toBe(own.maria);
    expect((await counts()).first).toBe(4);
    expect((await decide(chief, "merge", "yulia", "maria")).json()).toMatchObject({
      error: { code: "same_person_already" },
    });
    // A person merged already is not merged a second time elsewhere.
    expect((await decide(chief, "merge", "iuliia", "yulia")).json()).toMatchObject({
      error: { code: "already_merged" },
    });
    const list = await duplicates();
    expect(pairOf(list, "maria", "mariia")).toBeUndefined();
    expect(list.merges.map((m) => m.id).sort()).toEqual([lower, upper].sort());

    // The lower merge undone first: Yulia is herself again, Mariia still counts as Maria.
    expect((await undo(lower)).statusCode).toBe(204);
    expect(await identityOf("yulia")).toBe(own.yulia);
    expect(await identityOf("mariia")).toBe(own.maria);
    expect((await counts()).first).toBe(5);

    // Merged again, into Mariia, she counts as Maria through her; then the upper merge undone first.
    const again = await merge("mariia", "yulia");
    expect(await identityOf("yulia")).toBe(own.maria);
    expect((await undo(upper)).statusCode).toBe(204);
    expect(await identityOf("mariia")).toBe(own.mariia);
    expect(await identityOf("yulia")).toBe(own.mariia);
    expect((await counts()).first).toBe(5);
    expect((await undo(again)).statusCode).toBe(204);
    expect(own).toEqual({
      maria: await identityOf("maria"),
      mariia: await identityOf("mariia"),
      yulia: await identityOf("yulia"),
    });
    expect(await counts()).toEqual({ first: 6, again: 0 });
  });

  it("keeps 'not the same person' so the pair is not proposed again", async () => {
    expect((await decide(chief, "dismiss", "mariia", "maria")).statusCode).toBe(204);
    expect(pairOf(await duplicates(), "maria", "mariia")).toBeUndefined();
    expect((await decide(chief, "dismiss", "maria", "mariia")).json()).toMatchObject({
      error: { code: "already_decided" },
    });
    const [audited] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "matching.dismiss"));
    expect(audited?.caseId).toBe((await personOf("mariia")).id);
  });

  it("undoes 'not the same person', audited, so the pair is proposed again", async () => {
    const [dismissal] = (await duplicates()).dismissals;
    expect(dismissal).toMatchObject({ earlier: { reference: ref.maria }, later: { reference: ref.mariia } });
    const undo = (session: Session) =>
      env.as(session, { method: "POST", url: `/api/matching/dismissals/${dismissal?.id}/undo` });
    expect((await undo(investigator)).statusCode).toBe(403);
    expect((await undo(shelterChief)).statusCode).toBe(404);
    expect((await undo(chief)).statusCode).toBe(204);
    expect((await undo(chief)).statusCode).toBe(404);
    const list = await duplicates();
    expect(list.dismissals).toEqual([]);
    expect(pairOf(list, "maria", "mariia")).toBeDefined();
    const audited = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "matching.dismiss_undo"));
    expect(audited.map((a) => [a.entityId, a.caseId])).toEqual([
      [dismissal?.id, (await personOf("mariia")).id],
    ]);
    // Decided again afterwards.
    expect((await decide(chief, "dismiss", "maria", "mariia")).statusCode).toBe(204);
  });

  it("links a re-trafficking case to the earlier one, shown on both cases to their teams", async () => {
    expect((await decide(chief, "link", "yulia", "iuliia")).statusCode).toBe(204);
    const [link] = await env.ctx.db.select().from(caseLinks);
    expect(link).toMatchObject({
      caseId: (await personOf("yulia")).id,
      earlierCaseId: (await personOf("iuliia")).id,
      kind: "re_trafficking",
    });
    expect(pairOf(await duplicates(), "iuliia", "yulia")).toBeUndefined();

    const links = async (session: Session, name: string) =>
      env.as(session, { method: "GET", url: `/api/cases/${ref[name]}/links` });
    const onLater = await links(investigator, "yulia");
    expect(onLater.statusCode).toBe(200);
    expect(onLater.json()).toEqual([
      expect.objectContaining({ kind: "re_trafficking", other: "earlier", reference: ref.iuliia }),
    ]);
    expect((await links(investigator, "iuliia")).json()).toEqual([
      expect.objectContaining({ kind: "re_trafficking", other: "later", reference: ref.yulia }),
    ]);
    expect((await links(shelterChief, "yulia")).statusCode).toBe(404);
    expect((await decide(chief, "link", "iuliia", "yulia")).statusCode).toBe(409);
    const [audited] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "matching.link"));
    expect(audited?.detail).toMatchObject({ kind: "re_trafficking", earlierReference: ref.iuliia });
  });

  it("undoes a re-trafficking link, audited, on both cases", async () => {
    const [link] = (await duplicates()).links;
    expect(link).toMatchObject({ earlier: { reference: ref.iuliia }, later: { reference: ref.yulia } });
    const undo = (session: Session) =>
      env.as(session, { method: "POST", url: `/api/matching/links/${link?.id}/undo` });
    expect((await undo(investigator)).statusCode).toBe(403);
    expect((await undo(shelterChief)).statusCode).toBe(404);
    expect((await undo(chief)).statusCode).toBe(204);
    expect((await undo(chief)).statusCode).toBe(404);
    for (const name of ["iuliia", "yulia"])
      expect(
        (await env.as(investigator, { method: "GET", url: `/api/cases/${ref[name]}/links` })).json(),
      ).toEqual([]);
    expect((await duplicates()).links).toEqual([]);
    expect(pairOf(await duplicates(), "iuliia", "yulia")).toBeDefined();
    const [audited] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "matching.link_undo"));
    expect(audited).toMatchObject({ entityId: link?.id, caseId: (await personOf("yulia")).id });
    expect(audited?.detail).toMatchObject({ kind: "re_trafficking" });
  });
});
