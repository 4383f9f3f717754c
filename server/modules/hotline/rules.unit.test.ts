import { describe, expect, it } from "vitest";
import {
  countBy,
  endsCallback,
  handoverIssue,
  identifierIssue,
  normalisedIndicators,
  registrationFacts,
  startOfDay,
} from "./rules";

describe("identifiers of the caller", () => {
  it("are refused without consent, the field named", () => {
    expect(identifierIssue({ identifierConsent: false, phone: "+383 44 000 000" })).toEqual({
      field: "phone",
      code: "hotline_identifier_without_consent",
    });
    expect(identifierIssue({ identifierConsent: false, callerName: "Drita" })).toEqual({
      field: "callerName",
      code: "hotline_identifier_without_consent",
    });
  });

  it("are kept with consent; an anonymous contact has none to refuse", () => {
    expect(identifierIssue({ identifierConsent: true, phone: "+383 44 000 000" })).toBeNull();
    expect(identifierIssue({ identifierConsent: false })).toBeNull();
    expect(identifierIssue({ identifierConsent: false, phone: "  ", callerName: null })).toBeNull();
  });
});

describe("a hand-over to the police", () => {
  it("rests on consent or on a recorded exception", () => {
    expect(handoverIssue({ callerConsent: true })).toBeNull();
    expect(handoverIssue({ callerConsent: false, exception: "child_at_risk" })).toBeNull();
    expect(handoverIssue({ callerConsent: false, exception: null })).toEqual({
      field: "exception",
      code: "hotline_handover_basis",
    });
  });
});

describe("what was reported", () => {
  it("is kept once each, in checklist order", () => {
    expect(normalisedIndicators(["minor_involved", "held_against_will", "minor_involved"])).toEqual([
      "held_against_will",
      "minor_involved",
    ]);
  });

  it("fills the registration's exploitation and control fields", () => {
    expect(
      registrationFacts(["forced_sexual_services", "documents_taken", "minor_involved", "debt_bondage"]),
    ).toEqual({
      exploitationTypes: ["SexualExploitation"],
      controlMethods: ["WithholdsDocuments", "DebtBondage"],
    });
    expect(registrationFacts([])).toEqual({ exploitationTypes: [], controlMethods: [] });
  });
});

describe("callbacks and figures", () => {
  it("a callback ends when the caller is reached or cannot be", () => {
    expect(endsCallback("reached")).toBe(true);
    expect(endsCallback("wrong_number")).toBe(true);
    expect(endsCallback("no_answer")).toBe(false);
    expect(endsCallback("rescheduled")).toBe(false);
  });

  it("a local day starts at local midnight", () => {
    expect(startOfDay("2026-06-15", "Europe/Belgrade").toISOString()).toBe("2026-06-14T22:00:00.000Z");
    expect(startOfDay("2026-01-15", "Europe/Belgrade").toISOString()).toBe("2026-01-14T23:00:00.000Z");
  });

  it("counts list every value, zeros included", () => {
    expect(countBy(["call", "message"] as const, ["call", "call"])).toEqual({ call: 2, message: 0 });
  });
});
