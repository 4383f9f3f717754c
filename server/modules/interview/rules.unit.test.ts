import { describe, expect, it } from "vitest";
import { interviewIssue, maySeeSection, visibleSections } from "./rules";

const account = ["circumstances", "recruitment", "journey", "control", "exploitation"];

describe("who sees which section of the first interview", () => {
  it("an investigator on a team with the circumstances scope sees everything", () => {
    expect(visibleSections(["police_investigator"], ["identity", "circumstances"])).toEqual({
      shown: [
        "conduct",
        "circumstances",
        "recruitment",
        "journey",
        "control",
        "exploitation",
        "needs",
        "risks",
      ],
      withheld: [],
    });
  });

  it("a shelter case worker without the circumstances scope sees how it was held, needs and risks only", () => {
    expect(visibleSections(["case_worker"], ["identity"])).toEqual({
      shown: ["conduct", "needs", "risks"],
      withheld: account,
    });
    expect(visibleSections(["case_worker"], [])).toEqual({
      shown: ["conduct", "needs", "risks"],
      withheld: account,
    });
  });

  it("the circumstances scope alone opens nothing to a role that does not work with the person", () => {
    expect(visibleSections(["agency_admin"], ["identity", "circumstances"])).toEqual({
      shown: ["conduct"],
      withheld: [...account, "needs", "risks"],
    });
  });

  it("roles outside the case roles see nothing", () => {
    for (const role of ["coordinator", "auditor", "system_admin"] as const)
      expect(visibleSections([role], ["identity", "circumstances"]).shown).toEqual([]);
  });

  it("the account of the crime follows the scope for every role that may hear it", () => {
    for (const role of ["case_worker", "supervisor", "police_investigator", "prosecutor"] as const) {
      expect(maySeeSection("journey", [role], ["circumstances"])).toBe(true);
      expect(maySeeSection("journey", [role], ["identity"])).toBe(false);
      expect(maySeeSection("risks", [role], [])).toBe(true);
    }
  });
});

describe("a first-interview record", () => {
  const now = new Date("2026-06-15T10:00:00Z");
  const draft = { interviewedAt: new Date("2026-06-15T08:00:00Z"), withInterpreter: false, journey: [] };

  it("is accepted when held in the past", () => {
    expect(interviewIssue(draft, now, "2026-06-15")).toBeNull();
  });

  it("cannot be dated in the future", () => {
    expect(
      interviewIssue({ ...draft, interviewedAt: new Date("2026-06-15T10:01:00Z") }, now, "2026-06-15"),
    ).toEqual({
      field: "interviewedAt",
      code: "date_in_future",
    });
  });

  it("names the interpreter's language when there was one", () => {
    expect(interviewIssue({ ...draft, withInterpreter: true }, now, "2026-06-15")).toEqual({
      field: "interpreterLanguage",
      code: "required",
    });
    expect(
      interviewIssue({ ...draft, withInterpreter: true, interpreterLanguage: "ro" }, now, "2026-06-15"),
    ).toBeNull();
  });

  it("names the journey event whose date has not come yet", () => {
    const journey = [{ date: "2025-11-01" }, { date: null }, { date: "2026-06-16" }];
    expect(interviewIssue({ ...draft, journey }, now, "2026-06-15")).toEqual({
      field: "journey.2.date",
      code: "date_in_future",
    });
    expect(interviewIssue({ ...draft, journey: [{ date: "2026-06-15" }] }, now, "2026-06-15")).toBeNull();
  });
});
