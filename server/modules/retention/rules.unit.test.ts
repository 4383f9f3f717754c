import { describe, expect, it } from "vitest";
import {
  addMonths,
  addYears,
  alertFrom,
  caseDueOn,
  erasureRefusal,
  hotlineContactDueOn,
  loadPolicy,
  parsePolicy,
  proceedingDueOn,
  type RetentionPolicy,
} from "./rules";

const policy: RetentionPolicy = loadPolicy("kosovo");

describe("the Kosovo retention policy file", () => {
  it("loads with a basis for every period", () => {
    expect(policy.closedCase.yearsAfterClosure).toBe(5);
    expect(policy.childCase.yearsAfterMajority).toBe(5);
    expect(policy.hotlineContactIdentified.monthsAfterContact).toBe(3);
    expect(policy.hotlineContactAnonymous.monthsAfterContact).toBe(12);
    expect(policy.auditLog.kept).toBe(true);
  });

  it("refuses a file that would erase the audit log, naming the field", () => {
    expect(() => parsePolicy({ ...policy, auditLog: { kept: false, basis: "x" } }, "retention.json")).toThrow(
      /auditLog\.kept/,
    );
  });
});

describe("calendar arithmetic", () => {
  it("moves by months and years, the 29th of February becoming the 28th", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addYears("2024-02-29", 5)).toBe("2029-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });
});

describe("when a case falls due", () => {
  const adult = {
    status: "Closed" as const,
    closedOn: "2026-06-15",
    identificationDate: "2026-06-14",
    ageAtIdentification: 27,
  };

  it("is never due while open", () => {
    expect(caseDueOn({ ...adult, status: "Active" }, policy)).toBeNull();
    expect(caseDueOn({ ...adult, status: "FollowUp" }, policy)).toBeNull();
  });

  it("is five years after closure for an adult", () => {
    expect(caseDueOn(adult, policy)).toBe("2031-06-15");
    expect(caseDueOn({ ...adult, status: "ClosedReferred" }, policy)).toBe("2031-06-15");
  });

  it("keeps a child's case until five years after majority when that is later", () => {
    // Identified at 15 in 2026: 18 in 2029, due in 2034 rather than 2031.
    expect(caseDueOn({ ...adult, ageAtIdentification: 15 }, policy)).toBe("2034-06-14");
    // Identified at 17 and closed late: closure plus five years is the later date.
    expect(caseDueOn({ ...adult, ageAtIdentification: 17, closedOn: "2030-01-10" }, policy)).toBe(
      "2035-01-10",
    );
  });

  it("treats an unknown age as the longest period, never a shorter one", () => {
    expect(caseDueOn({ ...adult, ageAtIdentification: null }, policy)).toBe("2049-06-14");
  });
});

describe("when other records fall due", () => {
  it("erases a caller's identity after three months, an anonymous summary after a year", () => {
    expect(
      hotlineContactDueOn({ receivedOn: "2026-03-01", identified: true, linkedToCase: false }, policy),
    ).toBe("2026-06-01");
    expect(
      hotlineContactDueOn({ receivedOn: "2026-03-01", identified: false, linkedToCase: false }, policy),
    ).toBe("2027-03-01");
  });

  it("lets a contact that became a case follow the case", () => {
    expect(
      hotlineContactDueOn({ receivedOn: "2020-01-01", identified: true, linkedToCase: true }, policy),
    ).toBeNull();
  });

  it("keeps a proceeding ten years after its last verdict, and for ever without one", () => {
    expect(proceedingDueOn("2027-09-30", policy)).toBe("2037-09-30");
    expect(proceedingDueOn(null, policy)).toBeNull();
  });

  it("announces thirty days ahead", () => {
    expect(alertFrom("2031-06-15", policy)).toBe("2031-05-16");
  });
});

describe("whether an erasure may go ahead", () => {
  const base = {
    status: "Closed" as const,
    erased: false,
    held: false,
    reason: "retention_expired" as const,
    dueOn: "2031-06-15",
    today: "2031-06-15",
  };

  it("allows it on the due date", () => {
    expect(erasureRefusal(base)).toBeNull();
  });

  it("refuses before the due date unless the person asked or the record was unlawful", () => {
    expect(erasureRefusal({ ...base, today: "2031-06-14" })).toBe("retention_not_due");
    expect(erasureRefusal({ ...base, today: "2027-01-01", reason: "person_request" })).toBeNull();
    expect(erasureRefusal({ ...base, today: "2027-01-01", reason: "unlawfully_recorded" })).toBeNull();
  });

  it("puts a legal hold above everything but an erasure already done", () => {
    expect(erasureRefusal({ ...base, held: true })).toBe("legal_hold");
    expect(erasureRefusal({ ...base, held: true, reason: "person_request" })).toBe("legal_hold");
    expect(erasureRefusal({ ...base, held: true, erased: true })).toBe("already_erased");
  });

  it("refuses an open case", () => {
    expect(erasureRefusal({ ...base, status: "Active", reason: "person_request" })).toBe("case_not_closed");
  });
});
