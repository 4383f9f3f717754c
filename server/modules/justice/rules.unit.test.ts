import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { LawSection } from "../../../shared/justice";
import { configRoot, loadJurisdiction } from "../../platform/jurisdiction";
import {
  isMinorVictim,
  isOutOfRange,
  isRelease,
  lawSection,
  sentenceCheck,
  statutoryRange,
  verdictIssue,
} from "./rules";

const law = loadJurisdiction("kosovo").law;
const section = (number: string): LawSection => {
  const found = lawSection(law, number);
  if (!found) throw new Error(`section ${number} missing from the Kosovo law table`);
  return found;
};
const check = (number: string, months: number | null, minor = false) =>
  sentenceCheck(statutoryRange(section(number), minor), months);

describe("the Kosovo law table (Reg. 2001/4, seed 002)", () => {
  it("holds the four offences with their ranges in months", () => {
    expect(
      law.sections.map((s) => [s.section, s.minimumMonths, s.maximumMonths, s.minorMaximumMonths]),
    ).toEqual([
      ["2.1", 24, 144, 180],
      ["2.2", 60, 240, null],
      ["3", 6, null, null],
      ["4", 6, 60, 120],
    ]);
    expect(lawSection(law, "9.9")).toBeNull();
  });

  it("s. 2.1 trafficking: 2 to 12 years, up to 15 when the victim is a minor", () => {
    expect(check("2.1", 23)).toBe("below_minimum");
    expect(check("2.1", 24)).toBe("within");
    expect(check("2.1", 144)).toBe("within");
    expect(check("2.1", 145)).toBe("above_maximum");
    expect(check("2.1", 145, true)).toBe("within");
    expect(check("2.1", 180, true)).toBe("within");
    expect(check("2.1", 181, true)).toBe("above_maximum");
    // The minimum is not lowered for a minor victim.
    expect(check("2.1", 23, true)).toBe("below_minimum");
    // 2002: four months for trafficking, the kind of sentence the seed reports.
    expect(check("2.1", 4)).toBe("below_minimum");
  });

  it("s. 2.2 organising: 5 to 20 years, no other maximum for a minor", () => {
    expect(check("2.2", 59)).toBe("below_minimum");
    expect(check("2.2", 60)).toBe("within");
    expect(check("2.2", 240)).toBe("within");
    expect(check("2.2", 241)).toBe("above_maximum");
    expect(check("2.2", 241, true)).toBe("above_maximum");
    expect(statutoryRange(section("2.2"), true)).toEqual({ minimumMonths: 60, maximumMonths: 240 });
  });

  it("s. 3 withholding identity papers: from 6 months, no maximum in the table", () => {
    expect(check("3", 5)).toBe("below_minimum");
    expect(check("3", 6)).toBe("within");
    expect(check("3", 600)).toBe("within");
    expect(statutoryRange(section("3"), true)).toEqual({ minimumMonths: 6, maximumMonths: null });
  });

  it("s. 4 using the services of a trafficked person: 6 months to 5 years, up to 10 for a minor", () => {
    expect(check("4", 5)).toBe("below_minimum");
    expect(check("4", 6)).toBe("within");
    expect(check("4", 60)).toBe("within");
    expect(check("4", 61)).toBe("above_maximum");
    expect(check("4", 61, true)).toBe("within");
    expect(check("4", 120, true)).toBe("within");
    expect(check("4", 121, true)).toBe("above_maximum");
  });

  it("a fine only, with no imprisonment, is below every minimum above zero", () => {
    for (const s of law.sections) expect(check(s.section, null)).toBe("below_minimum");
  });
});

describe("flags and releases", () => {
  it("flags what is out of range only", () => {
    expect(isOutOfRange("below_minimum")).toBe(true);
    expect(isOutOfRange("above_maximum")).toBe(true);
    expect(isOutOfRange("within")).toBe(false);
    expect(isOutOfRange(null)).toBe(false);
  });

  it("alerts on release pending appeal, acquittal and escape, not on detention", () => {
    expect(isRelease("released_pending_appeal")).toBe(true);
    expect(isRelease("acquitted")).toBe(true);
    expect(isRelease("escaped")).toBe(true);
    expect(isRelease("detained")).toBe(false);
    expect(isRelease("serving_sentence")).toBe(false);
  });

  it("treats a victim on the child pathway as a minor", () => {
    expect(isMinorVictim({ pathway: "child" })).toBe(true);
    expect(isMinorVictim({ pathway: "foreign_adult" })).toBe(false);
  });
});

describe("a verdict's sentence", () => {
  const base = { imprisonmentMonths: null, fineEuros: null, suspended: false, mitigatingGrounds: [] };
  it("a conviction needs a term or a fine", () => {
    expect(verdictIssue({ ...base, outcome: "convicted" })).toEqual({
      field: "imprisonmentMonths",
      code: "sentence_required",
    });
    expect(verdictIssue({ ...base, outcome: "convicted", imprisonmentMonths: 8 })).toBeNull();
    expect(verdictIssue({ ...base, outcome: "convicted", fineEuros: 500 })).toBeNull();
  });
  it("a suspension needs a term", () => {
    expect(verdictIssue({ ...base, outcome: "convicted", fineEuros: 500, suspended: true })).toEqual({
      field: "suspended",
      code: "suspended_without_term",
    });
  });
  it("an acquittal or dismissal carries no sentence", () => {
    expect(verdictIssue({ ...base, outcome: "acquitted" })).toBeNull();
    expect(verdictIssue({ ...base, outcome: "dismissed", imprisonmentMonths: 3 })).toEqual({
      field: "imprisonmentMonths",
      code: "sentence_without_conviction",
    });
  });
});

describe("the law table in configuration", () => {
  it("is optional, and refused at start when a maximum is below the minimum", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "law-"));
    fs.mkdirSync(path.join(root, "x"));
    fs.copyFileSync(
      path.join(configRoot, "kosovo", "jurisdiction.json"),
      path.join(root, "x", "jurisdiction.json"),
    );
    expect(loadJurisdiction("x", root).law.sections).toEqual([]);
    fs.writeFileSync(
      path.join(root, "x", "law.json"),
      JSON.stringify({
        statute: "Test",
        sections: [
          {
            section: "1",
            offence: "test",
            title: { en: "T", sq: "T", sr: "T" },
            minimumMonths: 12,
            maximumMonths: 6,
            minorMaximumMonths: null,
          },
        ],
      }),
    );
    expect(() => loadJurisdiction("x", root)).toThrow(/maximum below minimum/);
  });
});
