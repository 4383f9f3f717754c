import { describe, expect, it } from "vitest";
import { futureOptions } from "../../../shared/future";
import {
  dayInFuture,
  decisionConflict,
  followUpResponsible,
  followUpSchedule,
  handOverIssue,
  isDecision,
  localDate,
  returnIssue,
  returnNoticeAgencies,
} from "./rules";

const prishtina = "Europe/Belgrade";
const assessed = { riskAssessed: true, child: false, bestInterestsDetermined: false };

describe("a decision on the future", () => {
  it("to return needs a recorded risk assessment, for both kinds of return", () => {
    for (const option of [
      "voluntary_return_full_programme",
      "voluntary_return_travel_documents_only",
    ] as const) {
      expect(decisionConflict({ ...assessed, option, riskAssessed: false })).toBe("risk_assessment_required");
      expect(decisionConflict({ ...assessed, option })).toBeNull();
    }
  });

  it("other than return needs no risk assessment", () => {
    for (const option of futureOptions.filter((o) => !o.startsWith("voluntary_return"))) {
      expect(
        decisionConflict({ option, riskAssessed: false, child: true, bestInterestsDetermined: false }),
      ).toBeNull();
    }
  });

  it("for a child to return also needs a best-interests determination, asked for after the risk assessment", () => {
    const option = "voluntary_return_full_programme";
    expect(
      decisionConflict({ option, riskAssessed: false, child: true, bestInterestsDetermined: false }),
    ).toBe("risk_assessment_required");
    expect(
      decisionConflict({ option, riskAssessed: true, child: true, bestInterestsDetermined: false }),
    ).toBe("best_interests_required");
    expect(
      decisionConflict({ option, riskAssessed: true, child: true, bestInterestsDetermined: true }),
    ).toBeNull();
  });

  it("'undecided' is not a decision", () => {
    expect(isDecision("undecided")).toBe(false);
    expect(isDecision("local_integration")).toBe(true);
  });

  it("takes nothing about statements or court dates: the rule's input has no such field", () => {
    const facts = { option: "voluntary_return_full_programme" as const, ...assessed, statementPending: true };
    expect(decisionConflict(facts)).toBeNull();
  });
});

describe("who is told of a voluntary return", () => {
  it("is every prosecution and police agency on the team, nobody else", () => {
    expect(
      returnNoticeAgencies([
        { id: "p", type: "prosecution" },
        { id: "iom", type: "international_organisation" },
        { id: "tpiu", type: "police_anti_trafficking" },
        { id: "border", type: "border_police" },
        { id: "shelter", type: "shelter_operator" },
      ]),
    ).toEqual(["p", "tpiu", "border"]);
    expect(returnNoticeAgencies([{ id: "iom", type: "international_organisation" }])).toEqual([]);
  });
});

describe("follow-ups", () => {
  it("fall 3, 6 and 12 months after departure, overdue once the local day is over", () => {
    const schedule = followUpSchedule("2026-05-31", [3, 6, 12], prishtina);
    expect(schedule.map((f) => [f.months, f.dueOn])).toEqual([
      [3, "2026-08-31"],
      [6, "2026-11-30"],
      [12, "2027-05-31"],
    ]);
    // Midnight after 31 August in Prishtina (CEST) is 22:00 UTC; after 30 November (CET) 23:00 UTC.
    expect(schedule[0]?.dueAt.toISOString()).toBe("2026-08-31T22:00:00.000Z");
    expect(schedule[1]?.dueAt.toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });

  it("follow the SOP's months, whatever they are", () => {
    expect(followUpSchedule("2026-01-31", [1], prishtina).map((f) => f.dueOn)).toEqual(["2026-02-28"]);
    expect(followUpSchedule("2026-01-15", [], prishtina)).toEqual([]);
  });

  it("fall on the right day across the change to and from summer time", () => {
    expect(followUpSchedule("2025-12-29", [3], prishtina)[0]?.dueOn).toBe("2026-03-29");
    expect(followUpSchedule("2025-12-29", [3], prishtina)[0]?.dueAt.toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    expect(followUpSchedule("2026-07-25", [3], prishtina)[0]?.dueAt.toISOString()).toBe(
      "2026-10-25T23:00:00.000Z",
    );
  });

  it("missed alert the recording agency, or the team's international organisation once it has left", () => {
    const team = [
      { id: "shelter", type: "shelter_operator" as const },
      { id: "iom", type: "international_organisation" as const },
    ];
    expect(followUpResponsible({ id: "shelter", active: true, onTeam: true }, team)).toBe("shelter");
    expect(followUpResponsible({ id: "gone", active: false, onTeam: false }, team)).toBe("iom");
    expect(followUpResponsible({ id: "gone", active: false, onTeam: false }, team.slice(0, 1))).toBeNull();
  });
});

describe("days", () => {
  it("are the jurisdiction's local days", () => {
    // 00:30 on 1 August in Prishtina is still 31 July in UTC.
    expect(localDate(new Date("2026-07-31T22:30:00Z"), prishtina)).toBe("2026-08-01");
    expect(dayInFuture("2026-08-01", new Date("2026-07-31T22:30:00Z"), prishtina)).toBe(false);
    expect(dayInFuture("2026-08-02", new Date("2026-07-31T22:30:00Z"), prishtina)).toBe(true);
  });
});

describe("return arrangements", () => {
  it("name the escorting agency when escorted, and the partner's country with its name", () => {
    expect(returnIssue({ escorted: true })).toEqual({ field: "escortAgencyId", code: "required" });
    expect(returnIssue({ escorted: true, escortAgencyId: "x" })).toBeNull();
    expect(returnIssue({ escorted: false, partnerName: "Partner" })).toEqual({
      field: "partnerCountry",
      code: "required",
    });
    expect(returnIssue({ escorted: false, partnerCountry: "MD" })).toEqual({
      field: "partnerName",
      code: "required",
    });
    expect(returnIssue({ escorted: false, travelDocumentNumber: "AB123" })).toEqual({
      field: "travelDocumentStatus",
      code: "required",
    });
  });
});

describe("a hand-over", () => {
  it("needs at least one section and the person's consent", () => {
    expect(handOverIssue({ sections: [], consentGiven: true })).toEqual({
      field: "sections",
      code: "required",
    });
    expect(handOverIssue({ sections: ["identity"], consentGiven: false })).toEqual({
      field: "consentGiven",
      code: "consent_required",
    });
    expect(handOverIssue({ sections: ["identity"], consentGiven: true })).toBeNull();
  });
});
