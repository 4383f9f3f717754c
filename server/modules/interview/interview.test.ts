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
import { firstInterviews, interviewJourneyEvents } from "./schema";

let env: TestEnvironment;
let police: Session;
let policeChief: Session;
let shelterWorker: Session;
let shelterSupervisor: Session;
let outsider: Session;
let shelterId: string;
let unitId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking", name: "Anti-trafficking unit" });
  const shelter = await env.makeAgency({ type: "shelter_operator", name: "Interim shelter" });
  const elsewhere = await env.makeAgency({ type: "ngo" });
  unitId = unit.id;
  shelterId = shelter.id;
  police = await env.signIn(unit.id, ["police_investigator"]);
  policeChief = await env.signIn(unit.id, ["supervisor", "police_investigator"]);
  shelterWorker = await env.signIn(shelter.id, ["case_worker"]);
  shelterSupervisor = await env.signIn(shelter.id, ["supervisor"]);
  outsider = await env.signIn(elsewhere.id, ["case_worker", "supervisor"]);
});
afterAll(() => env.close());

async function registerCase(): Promise<string> {
  const response = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person: { familyName: "Intervistova" } }),
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ reference: string }>().reference;
}
async function addShelter(reference: string, scopes: string[]) {
  const response = await env.as(policeChief, {
    method: "POST",
    url: `/api/cases/${reference}/team`,
    payload: { agencyId: shelterId, scopes },
  });
  expect(response.statusCode).toBeLessThan(300);
}
const url = (reference: string) => `/api/cases/${reference}/interview`;
const record = (session: Session, reference: string, body: object) =>
  env.as(session, { method: "POST", url: url(reference), payload: body });
const correct = (session: Session, reference: string, body: object) =>
  env.as(session, { method: "PUT", url: url(reference), payload: body });
const read = (session: Session, reference: string) => env.as(session, { method: "GET", url: url(reference) });

const given = {
  interviewedAt: "2026-06-15T09:00:00+02:00",
  heldInPrivate: true,
  withInterpreter: true,
  interpreterLanguage: "ro",
  femaleOfficerPresent: true,
  statementWillingness: "undecided",
  circumstances: { account: "Found in the back room of Bar Sirena during the raid." },
  recruitment: {
    methods: ["ThroughANewspaperAdvert"],
    account: "Answered an advert for waitress work in Italy.",
  },
  journey: [
    { type: "Recruitment", date: "2025-11-01", dateApproximate: true, country: "MD", place: "Chisinau" },
    { type: "BorderCrossing", country: "RS", place: "A river crossing at night", note: "Driven by Vasile" },
    { type: "Exploitation", date: "2026-01-10", country: "XK", place: "Bar Sirena, Ferizaj" },
  ],
  control: { methods: ["WithholdsDocuments", "DebtBondage"], account: "The owner keeps her passport." },
  exploitation: { types: ["SexualExploitation"], account: "Forced to sit with clients every night." },
  needs: { codes: ["medical", "safe_housing"], account: "Needs insulin daily." },
  risks: { level: "high", account: "The owner has threatened her sister in Balti." },
};

type View = {
  record: null | {
    revision: number;
    withheld: string[];
    conduct: Record<string, unknown> | null;
    circumstances: { account: string | null } | null;
    journey: { type: string; place: string | null; note: string | null }[] | null;
    needs: { codes: string[]; account: string | null } | null;
    risks: { level: string | null; account: string | null } | null;
    control: { methods: string[] } | null;
    interviewedBy: { id: string };
    agency: { id: string; name: string };
  };
  mayRecord: boolean;
  mayCorrect: boolean;
};

describe("interviewed once", () => {
  it("is recorded with every section and by whom; a second record is refused", async () => {
    const reference = await registerCase();
    const before = (await read(police, reference)).json<View>();
    expect(before).toEqual({ record: null, mayRecord: true, mayCorrect: false });

    const created = await record(police, reference, given);
    expect(created.statusCode).toBe(201);
    const view = created.json<View>();
    expect(view.record).toMatchObject({
      revision: 1,
      interviewedAt: "2026-06-15T07:00:00.000Z",
      interviewedBy: { id: police.user.id },
      agency: { id: unitId, name: "Anti-trafficking unit" },
      conduct: {
        heldInPrivate: true,
        withInterpreter: true,
        interpreterLanguage: "ro",
        femaleOfficerPresent: true,
        statementWillingness: "undecided",
      },
      circumstances: { account: given.circumstances.account },
      recruitment: { methods: ["ThroughANewspaperAdvert"], account: given.recruitment.account },
      control: { methods: ["WithholdsDocuments", "DebtBondage"] },
      exploitation: { types: ["SexualExploitation"] },
      needs: { codes: ["medical", "safe_housing"], account: "Needs insulin daily." },
      risks: { level: "high" },
      withheld: [],
    });
    expect(view.record?.journey).toEqual([
      {
        type: "Recruitment",
        date: "2025-11-01",
        dateApproximate: true,
        country: "MD",
        place: "Chisinau",
        note: null,
      },
      {
        type: "BorderCrossing",
        date: null,
        dateApproximate: false,
        country: "RS",
        place: "A river crossing at night",
        note: "Driven by Vasile",
      },
      {
        type: "Exploitation",
        date: "2026-01-10",
        dateApproximate: false,
        country: "XK",
        place: "Bar Sirena, Ferizaj",
        note: null,
      },
    ]);
    expect(view.mayCorrect).toBe(true);

    const again = await record(policeChief, reference, {
      ...given,
      circumstances: { account: "Second try" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: "interview_exists" } });
    expect(again.json<{ error: { message: string } }>().error.message).toContain("once");
    const [caseRow] = await env.ctx.db.select().from(cases).where(eq(cases.reference, reference));
    const rows = await env.ctx.db
      .select()
      .from(firstInterviews)
      .where(eq(firstInterviews.caseId, caseRow?.id ?? ""));
    expect(rows).toHaveLength(1);
  });

  it("keeps every free text sealed at rest", async () => {
    const reference = await registerCase();
    await record(police, reference, given);
    const [caseRow] = await env.ctx.db.select().from(cases).where(eq(cases.reference, reference));
    const [row] = await env.ctx.db
      .select()
      .from(firstInterviews)
      .where(eq(firstInterviews.caseId, caseRow?.id ?? ""));
    if (!row) throw new Error("not stored");
    const events = await env.ctx.db
      .select()
      .from(interviewJourneyEvents)
      .where(eq(interviewJourneyEvents.interviewId, row.id));
    const raw = Buffer.concat(
      [row.circumstances, row.recruitment, row.control, row.exploitation, row.needs, row.risks]
        .concat(events.flatMap((e) => [e.place, e.note]))
        .filter((b): b is Buffer => b !== null),
    ).toString("latin1");
    for (const text of ["Sirena", "waitress", "passport", "insulin", "Balti", "Chisinau", "Vasile", "river"])
      expect(raw).not.toContain(text);
    expect(row.needs).not.toBeNull();
    expect(events.map((e) => e.country)).toEqual(["MD", "RS", "XK"]);
    // Codes stay plain, for statistics without identities.
    expect(row.controlMethods).toEqual(["WithholdsDocuments", "DebtBondage"]);
    expect(row.statementWillingness).toBe("undecided");
  });

  it("is corrected in place by the interviewing agency, revision counted and audited", async () => {
    const reference = await registerCase();
    await record(police, reference, given);
    const changed = await correct(policeChief, reference, {
      ...given,
      risks: { level: "medium", account: "Sister moved to safety." },
      journey: [{ type: "Escape", date: "2026-06-01", country: "XK", note: "Ran to a neighbour" }],
    });
    expect(changed.statusCode).toBe(200);
    const view = changed.json<View>();
    expect(view.record).toMatchObject({
      revision: 2,
      interviewedBy: { id: police.user.id },
      risks: { level: "medium", account: "Sister moved to safety." },
    });
    expect(view.record?.journey).toEqual([
      {
        type: "Escape",
        date: "2026-06-01",
        dateApproximate: false,
        country: "XK",
        place: null,
        note: "Ran to a neighbour",
      },
    ]);
    const [caseRow] = await env.ctx.db.select().from(cases).where(eq(cases.reference, reference));
    const audits = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseRow?.id ?? ""), eq(auditEvents.action, "interview.correct")));
    expect(audits.map((a) => a.detail)).toEqual([
      {
        reference,
        revision: 2,
        sections: [
          "conduct",
          "circumstances",
          "recruitment",
          "journey",
          "control",
          "exploitation",
          "needs",
          "risks",
        ],
        journeyEvents: 1,
        heldInPrivate: true,
        withInterpreter: true,
        femaleOfficerPresent: true,
      },
    ]);
    expect(JSON.stringify(audits)).not.toContain("Sister");
  });

  it("a correction when nothing is recorded is refused", async () => {
    const reference = await registerCase();
    const response = await correct(police, reference, given);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: "interview_missing" } });
  });
});

describe("later agencies see the sections their role needs", () => {
  it("a shelter with the identity scope only sees how it was held, needs and risks; the rest is withheld", async () => {
    const reference = await registerCase();
    await record(police, reference, given);
    await addShelter(reference, ["identity"]);
    const response = await read(shelterWorker, reference);
    expect(response.statusCode).toBe(200);
    const view = response.json<View>();
    expect(view.record?.withheld).toEqual([
      "circumstances",
      "recruitment",
      "journey",
      "control",
      "exploitation",
    ]);
    expect(view.record?.circumstances).toBeNull();
    expect(view.record?.journey).toBeNull();
    expect(view.record?.control).toBeNull();
    expect(view.record?.needs).toEqual({
      codes: ["medical", "safe_housing"],
      account: "Needs insulin daily.",
    });
    expect(view.record?.risks?.level).toBe("high");
    expect(view.record?.conduct).toMatchObject({ heldInPrivate: true, statementWillingness: "undecided" });
    expect(response.body).not.toContain("Sirena");
    expect(response.body).not.toContain("Vasile");
    expect(view.mayRecord).toBe(false);
    expect(view.mayCorrect).toBe(false);
    // A supervisor of that agency cannot overwrite what its team may not see.
    expect((await correct(shelterSupervisor, reference, given)).statusCode).toBe(403);
  });

  it("a shelter given the circumstances scope reads the whole account", async () => {
    const reference = await registerCase();
    await record(police, reference, given);
    await addShelter(reference, ["identity", "circumstances"]);
    const view = (await read(shelterWorker, reference)).json<View>();
    expect(view.record?.withheld).toEqual([]);
    expect(view.record?.circumstances?.account).toBe(given.circumstances.account);
    expect(view.mayCorrect).toBe(false);
    // A supervisor on the team may correct it.
    expect((await correct(shelterSupervisor, reference, given)).statusCode).toBe(200);
  });

  it("an agency outside the case team gets 404, as for a case that does not exist", async () => {
    const reference = await registerCase();
    await record(police, reference, given);
    const response = await read(outsider, reference);
    expect(response.statusCode).toBe(404);
    expect((await read(outsider, "NRM-2026-99999")).body).toBe(response.body);
    expect((await record(outsider, reference, given)).statusCode).toBe(404);
    expect((await correct(outsider, reference, given)).statusCode).toBe(404);
  });
});

describe("the audit trail", () => {
  it("records the write without free text, and every read with the sections shown", async () => {
    const reference = await registerCase();
    const created = (await record(police, reference, given)).json<View>();
    await addShelter(reference, ["identity"]);
    await read(shelterWorker, reference);
    const [caseRow] = await env.ctx.db.select().from(cases).where(eq(cases.reference, reference));
    const trail = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.caseId, caseRow?.id ?? ""));
    const written = trail.filter((a) => a.action === "interview.record");
    expect(written).toHaveLength(1);
    expect(written[0]?.actorUserId).toBe(police.user.id);
    expect(written[0]?.detail).toMatchObject({ reference, revision: 1, journeyEvents: 3 });
    const reads = trail.filter((a) => a.action === "interview.read");
    expect(reads.map((a) => [a.actorUserId, a.detail])).toEqual([
      [
        police.user.id,
        {
          reference,
          sections: [
            "conduct",
            "circumstances",
            "recruitment",
            "journey",
            "control",
            "exploitation",
            "needs",
            "risks",
          ],
        },
      ],
      [shelterWorker.user.id, { reference, sections: ["conduct", "needs", "risks"] }],
    ]);
    expect(created.record).not.toBeNull();
    for (const text of ["Sirena", "insulin", "Vasile"]) expect(JSON.stringify(trail)).not.toContain(text);
  });
});

describe("bad input", () => {
  it("is refused with the field named, and nothing is stored", async () => {
    const reference = await registerCase();
    const future = await record(police, reference, { ...given, interviewedAt: "2026-06-15T10:05:00Z" });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ error: { code: "date_in_future", field: "interviewedAt" } });
    const noLanguage = await record(police, reference, { ...given, interpreterLanguage: null });
    expect(noLanguage.json()).toMatchObject({ error: { code: "required", field: "interpreterLanguage" } });
    const eventDate = await record(police, reference, {
      ...given,
      journey: [{ type: "Transit" }, { type: "Sale", date: "2026-07-01" }],
    });
    expect(eventDate.json()).toMatchObject({ error: { code: "date_in_future", field: "journey.1.date" } });
    const badType = await record(police, reference, { ...given, journey: [{ type: "Holiday" }] });
    expect(badType.statusCode).toBe(400);
    const issueField = (r: typeof badType) => {
      const error = r.json<{ error: { field?: string; issues?: { field: string }[] } }>().error;
      return error.field ?? error.issues?.[0]?.field ?? "";
    };
    expect(issueField(badType)).toBe("journey.0.type");
    const badCountry = await record(police, reference, {
      ...given,
      journey: [{ type: "Transit", country: "ZZ" }],
    });
    expect(issueField(badCountry)).toBe("journey.0.country");
    const willingness = await record(police, reference, { ...given, statementWillingness: "maybe" });
    expect(issueField(willingness)).toBe("statementWillingness");
    expect((await read(police, reference)).json<View>().record).toBeNull();
  });

  it("a team member outside the interviewing roles cannot record it", async () => {
    const reference = await registerCase();
    const prosecutor = await env.signIn(unitId, ["prosecutor"]);
    expect((await record(prosecutor, reference, given)).statusCode).toBe(403);
  });
});

describe("the pathway", () => {
  it("counts the first interview as recorded once it exists", async () => {
    const reference = await registerCase();
    const moved = await env.as(police, {
      method: "POST",
      url: `/api/cases/${reference}/pathway/stage`,
      payload: { to: "rights_information" },
    });
    expect(moved.statusCode).toBe(200);
    type Pathway = { next: { to: string; missing: string[] }[] };
    const missing = async () =>
      (await env.as(police, { method: "GET", url: `/api/cases/${reference}/pathway` }))
        .json<Pathway>()
        .next.find((step) => step.to === "referral")?.missing;
    expect(await missing()).toContain("first_interview_recorded");
    await record(police, reference, { ...given, statementWillingness: "not_willing" });
    expect(await missing()).not.toContain("first_interview_recorded");
  });
});
