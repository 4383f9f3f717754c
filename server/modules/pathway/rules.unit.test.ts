import { describe, expect, it } from "vitest";
import { agencyTypes, roles } from "../../../shared/roles";
import { type Pathway, pathways } from "../../../shared/vocabulary";
import {
  allowedTransitions,
  deadline,
  dueDuration,
  followUpDates,
  isOverdue,
  type PathwayActor,
  policeStationLimit,
  reflectionPeriodEnds,
  tasksOnEntering,
} from "./rules";
import { loadSop } from "./sop";
import { type Requirement, requirements, type Stage } from "./vocabulary";

const sop = loadSop("kosovo");
const belgrade = "Europe/Belgrade";
const allFacts: ReadonlySet<Requirement> = new Set(requirements);
const noFacts: ReadonlySet<Requirement> = new Set();

/** Local wall-clock time in a zone, read independently of the code under test. */
function local(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(
    instant,
  );
}

function step(
  pathway: Pathway,
  from: Stage,
  to: Stage,
  actor: PathwayActor,
  facts: ReadonlySet<Requirement>,
) {
  const next = allowedTransitions(sop, pathway, from, actor, facts).find((n) => n.to === to);
  if (!next) throw new Error(`no step ${from} → ${to} on the ${pathway} pathway`);
  return next;
}

const facts = (...names: Requirement[]): ReadonlySet<Requirement> => new Set(names);
const iom: PathwayActor = { roles: ["case_worker"], agencyType: "international_organisation" };
const socialWorker: PathwayActor = { roles: ["case_worker"], agencyType: "social_services" };
const police: PathwayActor = { roles: ["police_investigator"], agencyType: "police_anti_trafficking" };
const ngoWorker: PathwayActor = { roles: ["case_worker"], agencyType: "ngo" };

describe("every transition of the Kosovo SOP (generated from the file)", () => {
  const rows = pathways.flatMap((pathway) =>
    sop.pathways[pathway].transitions.flatMap((t) =>
      t.from.map((from) => ({ pathway, from, transition: t, label: `${pathway}: ${from} → ${t.to}` })),
    ),
  );

  it.each(rows)(
    "$label is open to its roles and agency types once its requirements are recorded",
    ({ pathway, from, transition }) => {
      for (const agencyType of transition.agencyTypes) {
        for (const role of transition.roles) {
          expect(step(pathway, from, transition.to, { roles: [role], agencyType }, allFacts)).toEqual({
            to: transition.to,
            allowed: true,
            permitted: true,
            missing: [],
          });
        }
      }
    },
  );

  it.each(rows)(
    "$label is blocked by each missing requirement, naming it",
    ({ pathway, from, transition }) => {
      const [role] = transition.roles;
      const [agencyType] = transition.agencyTypes;
      if (!role || !agencyType) throw new Error("a transition names roles and agency types");
      for (const requirement of transition.requires) {
        const without = new Set(requirements.filter((r) => r !== requirement));
        expect(step(pathway, from, transition.to, { roles: [role], agencyType }, without)).toEqual({
          to: transition.to,
          allowed: false,
          permitted: true,
          missing: [requirement],
        });
      }
      expect(step(pathway, from, transition.to, { roles: [role], agencyType }, noFacts).missing).toEqual(
        transition.requires,
      );
    },
  );

  it.each(rows)("$label is closed to every other role and agency type", ({ pathway, from, transition }) => {
    const [role] = transition.roles;
    const [agencyType] = transition.agencyTypes;
    if (!role || !agencyType) throw new Error("a transition names roles and agency types");
    for (const other of agencyTypes.filter((a) => !transition.agencyTypes.includes(a))) {
      const next = step(pathway, from, transition.to, { roles: [...roles], agencyType: other }, allFacts);
      expect(next, other).toMatchObject({ allowed: false, permitted: false });
    }
    for (const other of roles.filter((r) => !transition.roles.includes(r))) {
      const next = step(pathway, from, transition.to, { roles: [other], agencyType }, allFacts);
      expect(next, other).toMatchObject({ allowed: false, permitted: false });
    }
  });

  it.each(pathways.flatMap((pathway) => sop.pathways[pathway].stages.map((stage) => ({ pathway, stage }))))(
    "$pathway: from $stage exactly the file's transitions are offered",
    ({ pathway, stage }) => {
      const expected = sop.pathways[pathway].transitions
        .filter((t) => t.from.includes(stage))
        .map((t) => t.to);
      expect(allowedTransitions(sop, pathway, stage, police, noFacts).map((n) => n.to)).toEqual(expected);
    },
  );
});

describe("the critical rules of the pathway", () => {
  it("a voluntary return needs a recorded risk assessment (non-refoulement)", () => {
    const decided = facts("decision_recorded");
    expect(
      step("foreign_adult", "decision_on_future", "return_and_reintegration", iom, decided),
    ).toMatchObject({
      allowed: false,
      missing: ["risk_assessment_recorded"],
    });
    expect(
      step(
        "foreign_adult",
        "decision_on_future",
        "return_and_reintegration",
        iom,
        facts("decision_recorded", "risk_assessment_recorded"),
      ).allowed,
    ).toBe(true);
  });

  it("a domestic adult's return to family or community needs a risk assessment too", () => {
    expect(
      step("domestic_adult", "decision_on_future", "reintegration", ngoWorker, facts("decision_recorded"))
        .missing,
    ).toEqual(["risk_assessment_recorded"]);
  });

  it("a child's return needs a best-interests determination", () => {
    const everythingElse = new Set(requirements.filter((r) => r !== "best_interests_determination"));
    expect(
      step("child", "decision_on_future", "return_and_reintegration", socialWorker, everythingElse),
    ).toMatchObject({
      allowed: false,
      missing: ["best_interests_determination"],
    });
  });

  it("a child's placement needs a best-interests determination, the child's views and a guardian", () => {
    expect(
      step(
        "child",
        "decision_on_future",
        "reintegration",
        socialWorker,
        facts("decision_recorded", "risk_assessment_recorded"),
      ).missing,
    ).toEqual(["guardian_assigned", "child_views_recorded", "best_interests_determination"]);
    expect(step("child", "decision_on_future", "reintegration", socialWorker, allFacts).allowed).toBe(true);
  });

  it("the police do not decide a child's placement", () => {
    expect(step("child", "decision_on_future", "reintegration", police, allFacts)).toMatchObject({
      allowed: false,
      permitted: false,
    });
  });

  it("a child is not informed or questioned before a social worker is assigned", () => {
    expect(step("child", "identification", "rights_information", police, noFacts).missing).toEqual([
      "case_worker_assigned",
    ]);
  });

  it("a child's emergency care waits neither for a guardian nor for a determination", () => {
    expect(
      step("child", "referral", "immediate_assistance", socialWorker, facts("referral_accepted")).allowed,
    ).toBe(true);
  });

  it("a person may decide on the future before the reflection period has run out", () => {
    expect(step("foreign_adult", "reflection_period", "decision_on_future", iom, noFacts).allowed).toBe(true);
  });

  it.each(pathways)(
    "closure on the %s pathway needs a supervisor's approval and the outcome, from every stage",
    (pathway) => {
      const closing = sop.pathways[pathway].transitions.filter((t) => t.to === "closure");
      expect(closing.flatMap((t) => t.from).sort()).toEqual(
        sop.pathways[pathway].stages.filter((s) => s !== "closure").sort(),
      );
      for (const from of closing.flatMap((t) => t.from)) {
        const actor: PathwayActor = {
          roles: ["case_worker"],
          agencyType: pathway === "child" ? "social_services" : "ngo",
        };
        expect(step(pathway, from, "closure", actor, facts("outcome_recorded")).missing).toEqual([
          "supervisor_approval",
        ]);
        expect(step(pathway, from, "closure", actor, facts("supervisor_approval")).missing).toEqual([
          "outcome_recorded",
        ]);
        expect(
          step(pathway, from, "closure", actor, facts("supervisor_approval", "outcome_recorded")).allowed,
        ).toBe(true);
      }
    },
  );

  it.each(pathways)("a person who gives no statement reaches every stage of the %s pathway", (pathway) => {
    // No fact about statements, testimony or cooperation exists: walking the pathway with every
    // other fact recorded, by whichever agency may act, must reach every stage (seed 002 rec. 2.6).
    const anyone = agencyTypes.map((agencyType): PathwayActor => ({ roles: [...roles], agencyType }));
    const reached = new Set<Stage>(["identification"]);
    const queue: Stage[] = ["identification"];
    for (let stage = queue.shift(); stage; stage = queue.shift()) {
      for (const actor of anyone) {
        for (const next of allowedTransitions(sop, pathway, stage, actor, allFacts)) {
          if (next.allowed && !reached.has(next.to)) {
            reached.add(next.to);
            queue.push(next.to);
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...sop.pathways[pathway].stages].sort());
  });

  it("refuses to answer for a stage the pathway does not have", () => {
    expect(() =>
      allowedTransitions(sop, "domestic_adult", "return_and_reintegration", ngoWorker, allFacts),
    ).toThrow(
      /stage "return_and_reintegration" is not part of the domestic_adult pathway of kosovo-sop-2026.1/,
    );
  });

  it("lets an actor with several roles act under any of them", () => {
    const chief: PathwayActor = { roles: ["agency_admin", "supervisor"], agencyType: "social_services" };
    expect(
      step("child", "closure", "immediate_assistance", chief, facts("reopening_reason_recorded")).allowed,
    ).toBe(true);
    expect(
      step("child", "closure", "immediate_assistance", socialWorker, facts("reopening_reason_recorded"))
        .permitted,
    ).toBe(false);
  });
});

describe("deadlines in the jurisdiction's time zone", () => {
  // Europe/Belgrade, 2026: clocks go from 02:00 CET to 03:00 CEST on 29 March,
  // and from 03:00 CEST back to 02:00 CET on 25 October.
  const oneDay = { amount: 1, unit: "days" } as const;

  it("due in 1 day across spring-forward lands on the same local time the next day, 23 hours later", () => {
    const from = new Date("2026-03-28T21:00:00Z"); // 22:00 CET on 28 March
    const due = deadline(from, oneDay, belgrade);
    expect(local(due, belgrade)).toBe("2026-03-29 22:00");
    expect(due.toISOString()).toBe("2026-03-29T20:00:00.000Z");
  });

  it("due in 1 day across fall-back lands on the same local time the next day, 25 hours later", () => {
    const from = new Date("2026-10-24T20:00:00Z"); // 22:00 CEST on 24 October
    const due = deadline(from, oneDay, belgrade);
    expect(local(due, belgrade)).toBe("2026-10-25 22:00");
    expect(due.toISOString()).toBe("2026-10-25T21:00:00.000Z");
  });

  it("due in 24 hours is elapsed time, so the wall clock moves across the change", () => {
    expect(
      local(deadline(new Date("2026-03-28T21:00:00Z"), { amount: 24, unit: "hours" }, belgrade), belgrade),
    ).toBe("2026-03-29 23:00");
    expect(
      local(deadline(new Date("2026-10-24T20:00:00Z"), { amount: 24, unit: "hours" }, belgrade), belgrade),
    ).toBe("2026-10-25 21:00");
  });

  it("a local time skipped by spring-forward moves to the hour after the gap", () => {
    const from = new Date("2026-03-28T01:30:00Z"); // 02:30 CET on 28 March; 02:30 does not exist on 29 March
    expect(local(deadline(from, oneDay, belgrade), belgrade)).toBe("2026-03-29 03:30");
  });

  it("a local time that occurs twice at fall-back is the first of the two", () => {
    const from = new Date("2026-10-24T00:30:00Z"); // 02:30 CEST on 24 October
    expect(deadline(from, oneDay, belgrade).toISOString()).toBe("2026-10-25T00:30:00.000Z"); // 02:30 CEST, not CET
  });

  it("a week across the change keeps the office hour", () => {
    const due = deadline(new Date("2026-03-25T08:00:00Z"), { amount: 7, unit: "days" }, belgrade); // 09:00 CET
    expect(local(due, belgrade)).toBe("2026-04-01 09:00");
    expect(due.toISOString()).toBe("2026-04-01T07:00:00.000Z");
  });

  it("is reckoned in the zone it is given: New York changes its clocks on other dates", () => {
    const from = new Date("2026-03-28T21:00:00Z");
    expect(deadline(from, oneDay, "America/New_York").toISOString()).toBe("2026-03-29T21:00:00.000Z");
    const beforeUsChange = new Date("2026-03-07T14:00:00Z"); // 09:00 EST, the day before New York springs forward
    expect(local(deadline(beforeUsChange, oneDay, "America/New_York"), "America/New_York")).toBe(
      "2026-03-08 09:00",
    );
    expect(deadline(beforeUsChange, oneDay, belgrade).toISOString()).toBe("2026-03-08T14:00:00.000Z");
    expect(deadline(new Date("2026-10-31T13:00:00Z"), oneDay, "America/New_York").toISOString()).toBe(
      "2026-11-01T14:00:00.000Z",
    );
  });

  it("keeps a zone with a half-hour offset and no daylight saving at 24 hours a day", () => {
    expect(deadline(new Date("2026-03-28T23:00:00Z"), oneDay, "Asia/Kolkata").toISOString()).toBe(
      "2026-03-29T23:00:00.000Z",
    );
  });

  it("refuses a fractional duration and an unknown zone", () => {
    expect(() => deadline(new Date("2026-01-01T00:00:00Z"), { amount: 1.5, unit: "days" }, belgrade)).toThrow(
      RangeError,
    );
    expect(() => deadline(new Date("2026-01-01T00:00:00Z"), oneDay, "Mars/Olympus")).toThrow(RangeError);
  });

  it("is overdue only after the due instant", () => {
    const due = new Date("2026-03-29T20:00:00Z");
    expect(isOverdue(due, new Date("2026-03-29T19:59:59.999Z"))).toBe(false);
    expect(isOverdue(due, due)).toBe(false);
    expect(isOverdue(due, new Date("2026-03-29T20:00:00.001Z"))).toBe(true);
  });
});

describe("follow-ups after return", () => {
  it("fall at 3, 6 and 12 months, each counted from the return, at the same local time", () => {
    const returned = new Date("2026-05-31T08:00:00Z"); // 10:00 CEST
    const dates = followUpDates(returned, sop.followUpMonths, belgrade).map((d) => local(d, belgrade));
    expect(dates).toEqual(["2026-08-31 10:00", "2026-11-30 10:00", "2027-05-31 10:00"]);
  });

  it("clamp the 31st to the last day of a shorter month, in leap years too", () => {
    const at = (iso: string, months: number) =>
      local(followUpDates(new Date(iso), [months], belgrade)[0] ?? new Date(NaN), belgrade);
    expect(at("2026-01-31T09:00:00Z", 1)).toBe("2026-02-28 10:00");
    expect(at("2026-08-31T08:00:00Z", 6)).toBe("2027-02-28 10:00");
    expect(at("2027-08-31T08:00:00Z", 6)).toBe("2028-02-29 10:00");
    expect(at("2026-03-31T08:00:00Z", 3)).toBe("2026-06-30 10:00");
    expect(at("2026-12-31T09:00:00Z", 12)).toBe("2027-12-31 10:00");
  });

  it("take the return's date in the jurisdiction, not in UTC", () => {
    // 00:30 on 1 August in Belgrade is still 31 July in UTC.
    const returned = new Date("2026-07-31T22:30:00Z");
    expect(local(followUpDates(returned, [3], belgrade)[0] ?? new Date(NaN), belgrade)).toBe(
      "2026-11-01 00:30",
    );
  });
});

describe("the reflection period", () => {
  it("ends 90 days after identification, the day of identification not counted", () => {
    expect(reflectionPeriodEnds("2026-01-01", sop.reflectionPeriodDays)).toBe("2026-04-01");
    expect(reflectionPeriodEnds("2028-02-01", 30)).toBe("2028-03-02");
  });
  it("is lengthened by each extension", () => {
    expect(reflectionPeriodEnds("2026-01-01", 90, [{ days: 30 }, { days: 15 }])).toBe("2026-05-16");
  });
  it("refuses a negative extension and an impossible date", () => {
    expect(() => reflectionPeriodEnds("2026-01-01", 90, [{ days: -10 }])).toThrow(RangeError);
    expect(() => reflectionPeriodEnds("2026-02-30", 90)).toThrow(/not a real date/);
    expect(() => reflectionPeriodEnds("1 January 2026", 90)).toThrow(/not an ISO date/);
  });
});

describe("tasks on entering a stage", () => {
  it("give the social services a child's case worker and guardian at once, due in 24 elapsed hours across spring-forward", () => {
    const registered = new Date("2026-03-29T00:30:00Z"); // 01:30 CET, half an hour before the clocks change
    const tasks = tasksOnEntering(sop, "child", "identification", registered, belgrade);
    const dueOf = (code: string) => tasks.find((t) => t.code === code);
    for (const code of ["assign_case_worker", "appoint_guardian"]) {
      expect(dueOf(code)).toMatchObject({
        agencyType: "social_services",
        due: new Date("2026-03-30T00:30:00Z"),
      });
      expect(dueOf(code)?.escalateTo).toContainEqual({ agencyType: "social_services", role: "supervisor" });
    }
    expect(dueOf("attend_child")?.due).toEqual(new Date("2026-03-29T06:30:00Z"));
  });

  it("follow the SOP's settings, so changing a number in the file changes the deadline", () => {
    const registered = new Date("2026-06-01T12:00:00Z");
    const stricter = { ...sop, guardianDeadlineHours: 12 };
    const guardian = tasksOnEntering(stricter, "child", "identification", registered, belgrade).find(
      (t) => t.code === "appoint_guardian",
    );
    expect(guardian?.due).toEqual(new Date("2026-06-02T00:00:00Z"));
  });

  it("give adults no child-protection tasks", () => {
    const codes = tasksOnEntering(
      sop,
      "foreign_adult",
      "identification",
      new Date("2026-06-01T12:00:00Z"),
      belgrade,
    ).map((t) => t.code);
    expect(codes).toEqual(["contact_focal_point"]);
  });

  it("are none for a stage without tasks", () => {
    expect(
      tasksOnEntering(sop, "domestic_adult", "closure", new Date("2026-06-01T12:00:00Z"), belgrade),
    ).toEqual([]);
  });

  const rows = pathways.flatMap((pathway) =>
    sop.pathways[pathway].tasks.map((task) => ({ pathway, task, label: `${pathway}: ${task.code}` })),
  );
  it.each(rows)("$label is due by its SOP deadline after entering $task.onEntering", ({ pathway, task }) => {
    const at = new Date("2026-10-24T20:00:00Z");
    const created = tasksOnEntering(sop, pathway, task.onEntering, at, belgrade).find(
      (t) => t.code === task.code,
    );
    expect(created?.due).toEqual(deadline(at, dueDuration(sop, task.due), belgrade));
    expect(created && created.due > at).toBe(true);
  });

  it("reads each duration setting in its own unit", () => {
    expect(dueDuration(sop, { kind: "setting", setting: "guardianDeadlineHours" })).toEqual({
      amount: 24,
      unit: "hours",
    });
    expect(dueDuration(sop, { kind: "setting", setting: "policeStationMaxHours" })).toEqual({
      amount: 6,
      unit: "hours",
    });
    expect(dueDuration(sop, { kind: "setting", setting: "reflectionPeriodDays" })).toEqual({
      amount: 90,
      unit: "days",
    });
    expect(dueDuration(sop, { kind: "setting", setting: "temporaryResidenceDays" })).toEqual({
      amount: 90,
      unit: "days",
    });
  });

  it("a child held at a police station reaches the limit after 6 elapsed hours", () => {
    expect(policeStationLimit(sop, new Date("2026-10-24T23:30:00Z"))).toEqual(
      new Date("2026-10-25T05:30:00Z"),
    );
  });
});
