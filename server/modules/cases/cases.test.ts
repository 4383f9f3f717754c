import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { cases, persons } from "./schema";

let env: TestEnvironment;
let police: Session;
let policeChief: Session;
let shelterWorker: Session;
let shelterAgencyId: string;
let coordinator: Session;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  const national = await env.makeAgency({ type: "national_coordinator" });
  shelterAgencyId = shelter.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  policeChief = await env.signIn(unit.id, ["supervisor", "police_investigator"]);
  shelterWorker = await env.signIn(shelter.id, ["case_worker"]);
  coordinator = await env.signIn(national.id, ["coordinator"]);
});
afterAll(() => env.close());

const register = (session: Session, body: unknown) =>
  env.as(session, { method: "POST", url: "/api/cases", payload: body as object });
const search = (session: Session, body: object = {}) =>
  env.as(session, { method: "POST", url: "/api/cases/search", payload: body });
const open = (session: Session, reference: string) =>
  env.as(session, { method: "GET", url: `/api/cases/${reference}` });

describe("registering an identified person", () => {
  it("gives the case a pseudonymous reference and derives the pathway", async () => {
    const adult = await register(police, registration());
    expect(adult.statusCode).toBe(201);
    const { reference } = adult.json<{ reference: string }>();
    expect(reference).toMatch(/^NRM-2026-\d{5}$/);
    expect((await open(police, reference)).json()).toMatchObject({
      pathway: "foreign_adult",
      ageAtIdentification: 27,
    });

    const child = await register(
      police,
      registration({ person: { birthDate: "2011-01-01", citizenship: ["XK"] } }),
    );
    expect((await open(police, child.json<{ reference: string }>().reference)).json()).toMatchObject({
      pathway: "child",
    });
    const unknownAge = await register(
      police,
      registration({ person: { birthDate: null, citizenship: ["XK"] } }),
    );
    expect((await open(police, unknownAge.json<{ reference: string }>().reference)).json()).toMatchObject({
      pathway: "child",
      ageAtIdentification: null,
    });
    const domestic = await register(police, registration({ person: { citizenship: ["XK"] } }));
    expect((await open(police, domestic.json<{ reference: string }>().reference)).json()).toMatchObject({
      pathway: "domestic_adult",
    });
  });

  it("stores identifying fields sealed, never as plaintext", async () => {
    const { reference } = (
      await register(
        police,
        registration({ person: { familyName: "Sealedova", identityNumber: "MD4455667" } }),
      )
    ).json<{ reference: string }>();
    const [row] = await env.ctx.db
      .select()
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(eq(cases.reference, reference));
    expect(row).toBeDefined();
    const stored = JSON.stringify(row, (_k, v: unknown) =>
      v && typeof v === "object" && "type" in v && (v as { type: string }).type === "Buffer"
        ? Buffer.from((v as unknown as { data: number[] }).data).toString("latin1")
        : v,
    );
    expect(stored).not.toContain("Sealedova");
    expect(stored).not.toContain("MD4455667");
    expect(stored).not.toContain("1999-04-02");
  });

  it("answers bad input with 400 naming the field, in the user's language, and writes nothing", async () => {
    const before = await env.ctx.db.$count(cases);
    const missing = await register(police, registration({ person: { givenName: "" } }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      error: { code: "required", field: "person.givenName", message: "This field is required." },
    });

    const future = await register(police, registration({ identificationDate: "2026-07-01" }));
    expect(future.json()).toMatchObject({ error: { code: "date_in_future", field: "identificationDate" } });

    const wrongType = await register(
      police,
      registration({ person: { estimatedAge: "twelve", birthDate: null } }),
    );
    expect(wrongType.json()).toMatchObject({ error: { field: "person.estimatedAge", code: "invalid_type" } });

    const unknown = await register(police, { ...registration(), favouriteColour: "red" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: "unknown_field", field: "favouriteColour" } });

    const badDate = await register(police, registration({ person: { birthDate: "2001-02-30" } }));
    expect(badDate.json()).toMatchObject({ error: { code: "invalid_date", field: "person.birthDate" } });
    expect(await env.ctx.db.$count(cases)).toBe(before);
  });

  it("speaks Albanian to an Albanian-speaking user", async () => {
    const unit = await env.makeAgency({ type: "police_anti_trafficking" });
    const albanian = await env.login(
      await env.makeUser(unit.id, ["police_investigator"], { language: "sq" }),
    );
    const response = await register(albanian, registration({ person: { givenName: "" } }));
    expect(response.json()).toMatchObject({
      error: { field: "person.givenName", message: "Kjo fushë është e detyrueshme." },
    });
  });

  it("is refused to roles that do not identify people", async () => {
    expect((await register(coordinator, registration())).statusCode).toBe(403);
  });
});

describe("need to know", () => {
  it("hides a case from an agency outside the case team: 404 by reference and nothing in lists or search", async () => {
    const { reference } = (
      await register(police, registration({ person: { familyName: "Hiddenova" } }))
    ).json<{ reference: string }>();
    const direct = await open(shelterWorker, reference);
    expect(direct.statusCode).toBe(404);
    expect(await open(shelterWorker, "NRM-2026-99999")).toMatchObject({ statusCode: 404, body: direct.body });
    expect((await search(shelterWorker, { reference })).json<{ total: number }>().total).toBe(0);
    expect((await search(shelterWorker, { name: "Hiddenova" })).json<{ total: number }>().total).toBe(0);
    expect((await search(police, { name: "hiddenova" })).json<{ total: number }>().total).toBe(1);
  });

  it("opens the case to an added agency, with identity only when that scope was granted", async () => {
    const { reference } = (
      await register(
        police,
        registration({ person: { familyName: "Sharedova" }, circumstances: "Found in a bar." }),
      )
    ).json<{ reference: string }>();
    const byInvestigator = await env.as(police, {
      method: "POST",
      url: `/api/cases/${reference}/team`,
      payload: { agencyId: shelterAgencyId, scopes: [] },
    });
    expect(byInvestigator.statusCode).toBe(403);

    const added = await env.as(policeChief, {
      method: "POST",
      url: `/api/cases/${reference}/team`,
      payload: { agencyId: shelterAgencyId, scopes: ["circumstances"] },
    });
    expect(added.statusCode).toBe(200);
    const seen = (await open(shelterWorker, reference)).json<{
      identity: unknown;
      circumstances: string | null;
    }>();
    expect(seen.identity).toBeNull();
    expect(seen.circumstances).toBe("Found in a bar.");
    expect((await search(shelterWorker, { reference })).json<{ total: number }>().total).toBe(1);

    const again = await env.as(policeChief, {
      method: "POST",
      url: `/api/cases/${reference}/team`,
      payload: { agencyId: shelterAgencyId, scopes: ["identity"] },
    });
    expect(again.statusCode).toBe(409);
  });

  it("gives coordinators counts and never case lists", async () => {
    expect((await search(coordinator)).statusCode).toBe(403);
    const counts = await env.as(coordinator, { method: "GET", url: "/api/statistics/summary" });
    expect(counts.statusCode).toBe(200);
    expect(counts.json<{ total: number }>().total).toBeGreaterThan(0);
    expect(counts.body).not.toMatch(/Testova|Sharedova|NRM-/);
  });

  it("filters and pages the list", async () => {
    const all = (await search(police, { pageSize: 2 })).json<{ items: unknown[]; total: number }>();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const children = (await search(police, { pathway: "child", pageSize: 100 })).json<{
      items: { pathway: string }[];
    }>();
    expect(children.items.length).toBeGreaterThan(0);
    expect(children.items.every((c) => c.pathway === "child")).toBe(true);
  });
});

describe("the audit trail of a case", () => {
  it("records the registration and every read of identifying data, with who and which case", async () => {
    const { reference } = (await register(police, registration())).json<{ reference: string }>();
    await open(police, reference);
    const [found] = await env.ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.reference, reference));
    const rows = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.caseId, found?.id ?? ""));
    expect(rows.map((r) => r.action)).toEqual(["case.register", "case.identity.read"]);
    expect(rows.every((r) => r.actorUserId === police.user.id)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("Marina");
  });

  it("keeps names out of the server log", async () => {
    await search(police, { name: "Marina Testova" });
    expect(env.log()).not.toMatch(/Marina|Testova|1999-04-02/);
    expect(env.log()).toContain('"route":"/api/cases/search"');
  });
});
