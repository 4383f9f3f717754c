import { describe, expect, it } from "vitest";
import {
  coveredScopes,
  declineIssue,
  grantedScopes,
  nextStatus,
  type ReferralDraft,
  referralIssue,
} from "./rules";

const context = { fromAgencyId: "police", pathway: "foreign_adult" as const, today: "2026-06-15" };
const consent = {
  given: true,
  date: "2026-06-14",
  method: "verbal" as const,
  scopes: ["circumstances" as const],
};
const draft = (overrides: Partial<ReferralDraft> = {}): ReferralDraft => ({
  toAgencyId: "iom",
  purpose: "service",
  service: "safe_housing",
  scopes: [],
  consent,
  ...overrides,
});

describe("consent to a referral", () => {
  it("a referral with the person's consent may be made", () => {
    expect(referralIssue(draft(), context)).toBeNull();
  });

  it("a referral without consent or a recorded legal basis is refused", () => {
    expect(referralIssue(draft({ consent: null }), context)).toEqual({
      field: "consent",
      code: "consent_required",
    });
    expect(referralIssue(draft({ consent: { ...consent, given: false } }), context)).toEqual({
      field: "consent.given",
      code: "consent_required",
    });
  });

  it("consent needs its date and how it was given, and cannot be dated after today", () => {
    expect(referralIssue(draft({ consent: { ...consent, date: null } }), context)).toEqual({
      field: "consent.date",
      code: "required",
    });
    expect(referralIssue(draft({ consent: { ...consent, method: null } }), context)).toEqual({
      field: "consent.method",
      code: "required",
    });
    expect(referralIssue(draft({ consent: { ...consent, date: "2026-06-16" } }), context)).toEqual({
      field: "consent.date",
      code: "date_in_future",
    });
  });

  it("a recorded legal basis stands in for consent, with who decided", () => {
    const legalBasis = {
      basis: "vital_interest" as const,
      decidedBy: "Duty doctor",
      date: "2026-06-15",
      scopes: [],
    };
    expect(referralIssue(draft({ consent: null, legalBasis }), context)).toBeNull();
    expect(
      referralIssue(draft({ consent: null, legalBasis: { ...legalBasis, decidedBy: "  " } }), context),
    ).toEqual({ field: "legalBasis.decidedBy", code: "required" });
    expect(
      referralIssue(draft({ consent: null, legalBasis: { ...legalBasis, date: "2026-07-01" } }), context),
    ).toEqual({ field: "legalBasis.date", code: "date_in_future" });
  });

  it("a guardian's decision replaces consent only for a child", () => {
    const legalBasis = {
      basis: "child_guardian_decision" as const,
      decidedBy: "Guardian, CSW",
      date: "2026-06-15",
      scopes: [],
    };
    expect(referralIssue(draft({ consent: null, legalBasis }), context)).toEqual({
      field: "legalBasis.basis",
      code: "legal_basis_not_applicable",
    });
    expect(referralIssue(draft({ consent: null, legalBasis }), { ...context, pathway: "child" })).toBeNull();
  });

  it("a referral names its service and goes to another agency", () => {
    expect(referralIssue(draft({ service: null }), context)).toEqual({ field: "service", code: "required" });
    expect(referralIssue(draft({ purpose: "case_responsibility", service: null }), context)).toBeNull();
    expect(referralIssue(draft({ toAgencyId: "police" }), context)).toEqual({
      field: "toAgencyId",
      code: "referral_to_own_agency",
    });
  });
});

describe("the scopes a referral grants", () => {
  it("are what was requested and what consent covers, no more", () => {
    expect(grantedScopes(["identity", "circumstances"], ["circumstances"])).toEqual(["circumstances"]);
    expect(grantedScopes(["identity"], ["circumstances"])).toEqual([]);
    expect(grantedScopes([], ["identity", "circumstances"])).toEqual([]);
  });

  it("follow the consent when given, else the legal basis", () => {
    expect(coveredScopes({ consent })).toEqual(["circumstances"]);
    expect(
      coveredScopes({
        consent: { ...consent, given: false },
        legalBasis: { basis: "vital_interest", decidedBy: "x", date: "2026-06-15", scopes: ["identity"] },
      }),
    ).toEqual(["identity"]);
    expect(coveredScopes({})).toEqual([]);
  });
});

describe("the life of a referral", () => {
  it("a pending referral is accepted, declined or revoked", () => {
    expect(nextStatus("pending", "accept")).toBe("accepted");
    expect(nextStatus("pending", "decline")).toBe("declined");
    expect(nextStatus("pending", "revoke")).toBe("revoked");
  });

  it("an accepted referral can only be revoked; a closed one is closed", () => {
    expect(nextStatus("accepted", "revoke")).toBe("revoked");
    expect(nextStatus("accepted", "decline")).toBeNull();
    expect(nextStatus("accepted", "accept")).toBeNull();
    for (const action of ["accept", "decline", "revoke"] as const) {
      expect(nextStatus("declined", action)).toBeNull();
      expect(nextStatus("revoked", action)).toBeNull();
    }
  });

  it("a decline needs a reason", () => {
    expect(declineIssue("")).toEqual({ field: "reason", code: "decline_reason_required" });
    expect(declineIssue("   ")).toEqual({ field: "reason", code: "decline_reason_required" });
    expect(declineIssue(undefined)).toEqual({ field: "reason", code: "decline_reason_required" });
    expect(declineIssue("No place free")).toBeNull();
  });
});
