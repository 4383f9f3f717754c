import { describe, expect, it } from "vitest";
import { ageOn, derivePathway, registrationIssues, registrationInput } from "../../../shared/registration";
import { formatReference, nameTokens, referencePattern } from "./rules";

describe("case references", () => {
  it("are pseudonymous: prefix, year and a zero-padded number", () => {
    expect(formatReference("NRM", 2026, 42)).toBe("NRM-2026-00042");
    expect(referencePattern.test("NRM-2026-00042")).toBe(true);
    expect(referencePattern.test("Maria Popescu")).toBe(false);
  });
});

describe("the pathway", () => {
  const home = ["XK"];
  it("is the child pathway under 18, whatever the citizenship", () => {
    expect(derivePathway(17, ["MD"], home)).toBe("child");
    expect(derivePathway(15, ["XK"], home)).toBe("child");
  });
  it("treats a person whose age is unknown as a child until assessed", () => {
    expect(derivePathway(null, ["XK"], home)).toBe("child");
  });
  it("is domestic for an adult citizen of the jurisdiction and foreign otherwise", () => {
    expect(derivePathway(18, ["XK"], home)).toBe("domestic_adult");
    expect(derivePathway(30, ["AL", "XK"], home)).toBe("domestic_adult");
    expect(derivePathway(18, ["MD"], home)).toBe("foreign_adult");
    expect(derivePathway(40, [], home)).toBe("foreign_adult");
  });
  it("counts whole years, the birthday counting on its day", () => {
    expect(ageOn("2008-03-15", "2026-03-14")).toBe(17);
    expect(ageOn("2008-03-15", "2026-03-15")).toBe(18);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
  });
});

describe("name tokens for the blind index", () => {
  it("meet across diacritics, case and Cyrillic script", () => {
    expect(nameTokens("Ștefănescu")).toEqual(nameTokens("STEFANESCU"));
    expect(nameTokens("Наталья")).toEqual(["natalya"]);
    expect(nameTokens("Đorđević")).toEqual(nameTokens("Djordjevic"));
    expect(nameTokens("Mëhmeti Çela")).toEqual(["cela", "mehmeti"]);
  });
});

describe("registration validation", () => {
  const base = {
    person: { givenName: "Ana", gender: "Feminine" },
    identificationDate: "2026-01-10",
    identificationRegion: "prishtine",
    source: "police_raid",
  };
  it("accepts a minimal registration", () => {
    const input = registrationInput.parse(base);
    expect(registrationIssues(input, "2026-01-10", ["prishtine"])).toEqual([]);
  });
  it("refuses an identification date in the future and an unknown region", () => {
    const input = registrationInput.parse({
      ...base,
      identificationDate: "2026-02-01",
      identificationRegion: "atlantis",
    });
    expect(registrationIssues(input, "2026-01-10", ["prishtine"])).toEqual([
      { field: "identificationDate", code: "date_in_future" },
      { field: "identificationRegion", code: "invalid_choice" },
    ]);
  });
  it("refuses a birth date after identification", () => {
    const input = registrationInput.parse({ ...base, person: { ...base.person, birthDate: "2026-05-01" } });
    expect(registrationIssues(input, "2026-06-01", ["prishtine"])).toEqual([
      { field: "person.birthDate", code: "birth_after_identification" },
    ]);
  });
  it("refuses impossible dates, unknown fields and unknown values", () => {
    expect(registrationInput.safeParse({ ...base, identificationDate: "2026-02-30" }).success).toBe(false);
    expect(registrationInput.safeParse({ ...base, colour: "red" }).success).toBe(false);
    expect(registrationInput.safeParse({ ...base, source: "rumour" }).success).toBe(false);
  });
});
