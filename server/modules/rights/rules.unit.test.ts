import { describe, expect, it } from "vitest";
import { normalisedRights, rightsInformationIssue } from "./rules";

const now = new Date("2026-06-15T10:00:00Z");

describe("a rights-information record", () => {
  it("names at least one right", () => {
    expect(rightsInformationIssue({ rights: [] }, now)).toEqual({ field: "rights", code: "required" });
    expect(rightsInformationIssue({ rights: ["lawyer"] }, now)).toBeNull();
  });

  it("is dated now by default, or at a time that has passed", () => {
    expect(rightsInformationIssue({ rights: ["lawyer"], informedAt: null }, now)).toBeNull();
    expect(
      rightsInformationIssue({ rights: ["lawyer"], informedAt: new Date("2026-06-15T10:00:00Z") }, now),
    ).toBeNull();
    expect(
      rightsInformationIssue({ rights: ["lawyer"], informedAt: new Date("2026-06-14T22:30:00Z") }, now),
    ).toBeNull();
  });

  it("cannot be dated in the future, even by a minute", () => {
    expect(
      rightsInformationIssue({ rights: ["lawyer"], informedAt: new Date("2026-06-15T10:01:00Z") }, now),
    ).toEqual({ field: "informedAt", code: "date_in_future" });
  });

  it("reports missing rights before a wrong date", () => {
    expect(rightsInformationIssue({ rights: [], informedAt: new Date("2027-01-01T00:00:00Z") }, now)).toEqual(
      { field: "rights", code: "required" },
    );
  });
});

describe("the rights recorded", () => {
  it("are kept once each, in the order of the list", () => {
    expect(normalisedRights(["complaint", "lawyer", "complaint", "non_prosecution"])).toEqual([
      "lawyer",
      "non_prosecution",
      "complaint",
    ]);
  });
});
