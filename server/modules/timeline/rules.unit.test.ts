import { describe, expect, it } from "vitest";
import { isReadAction, kindOfAction, timelineDetail } from "./rules";

describe("the kind of an audited action", () => {
  it.each([
    ["case.register", "registration"],
    ["case.team.add", "team"],
    ["case.team.remove", "team"],
    ["case.stage", "pathway"],
    ["case.status", "pathway"],
    ["referral.create", "referral"],
    ["referral.accept", "referral"],
    ["rights_information.record", "rights"],
    ["interview.record", "interview"],
    ["interview.correct", "interview"],
    ["task.done", "task"],
    ["closure.approve", "closure"],
    ["closure.reopening_reason", "closure"],
    ["assistance.service.start", "assistance"],
    ["support_plan.create", "assistance"],
    ["child.location", "child"],
    ["guardian.assign", "child"],
    ["best_interests.record", "child"],
    ["decision.record", "future"],
    ["return.handover", "future"],
    ["follow_up.record", "future"],
    ["risk_assessment.record", "future"],
    ["alert.acknowledge", "alert"],
    ["reflection_period.extend", "pathway"],
  ])("%s is %s", (action, kind) => {
    expect(kindOfAction(action)).toBe(kind);
  });

  it("the longest prefix wins: a case's team is not its registration", () => {
    expect(kindOfAction("case.team.add")).toBe("team");
    expect(kindOfAction("case.register")).toBe("registration");
  });

  it("matches whole words only, and anything unnamed is other", () => {
    expect(kindOfAction("caseload.report")).toBe("other");
    expect(kindOfAction("returning.x")).toBe("other");
    expect(kindOfAction("case.something_new")).toBe("other");
    expect(kindOfAction("")).toBe("other");
  });
});

describe("reads are not events of the case", () => {
  it.each([
    "case.identity.read",
    "referral.note.read",
    "closure.text.read",
    "interview.read",
    "case.search.name",
  ])("%s is a read", (action) => expect(isReadAction(action)).toBe(true));
  it.each([
    "case.register",
    "referral.accept",
    "interview.record",
    "alert.acknowledge",
    "return.readmission",
  ])("%s is not", (action) => expect(isReadAction(action)).toBe(false));
});

describe("what the timeline shows of an audit detail", () => {
  it("keeps codes, numbers, flags and code lists, never the reference or long text", () => {
    expect(
      timelineDetail({
        reference: "NRM-2026-00001",
        to: "referral",
        scopes: ["identity"],
        revision: 2,
        withInterpreter: true,
        nothing: null,
        long: "x".repeat(81),
        longList: ["ok", "y".repeat(81)],
      }),
    ).toEqual({ to: "referral", scopes: ["identity"], revision: 2, withInterpreter: true });
  });
});
