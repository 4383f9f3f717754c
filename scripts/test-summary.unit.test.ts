import { describe, expect, it } from "vitest";
import { countsFromReport, countsFromStatus, selectSteps, summaryLine, total } from "./test-summary";

const report = (passed: number, failed: number) =>
  JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numTotalTests: passed + failed });

describe("the steps of npm test", () => {
  it("are all six, in order, without flags", () => {
    expect(selectSteps([])).toEqual(["check", "unit", "api", "api-pg", "hardening", "e2e"]);
  });
  it("leave out the browser stories with --skip-e2e", () => {
    expect(selectSteps(["--skip-e2e"])).toEqual(["check", "unit", "api", "api-pg", "hardening"]);
  });
  it("leave out the fault, failover and load proofs with --skip-hardening", () => {
    expect(selectSteps(["--skip-hardening"])).toEqual(["check", "unit", "api", "api-pg", "e2e"]);
    expect(selectSteps(["--skip-hardening", "--skip-e2e"])).toEqual(["check", "unit", "api", "api-pg"]);
  });
  it("are just the one asked for with --only", () => {
    expect(selectSteps(["--only=api-pg"])).toEqual(["api-pg"]);
    expect(selectSteps(["--only=hardening"])).toEqual(["hardening"]);
    expect(selectSteps(["--only=e2e", "--skip-e2e"])).toEqual([]);
  });
  it("refuse an unknown step or flag", () => {
    expect(() => selectSteps(["--only=check"])).toThrow(/--only takes/);
    expect(() => selectSteps(["--only=browser"])).toThrow(/--only takes/);
    expect(() => selectSteps(["--fast"])).toThrow(/Unknown argument/);
  });
});

describe("counts from a vitest report", () => {
  it("are the report's passed and failed tests", () => {
    expect(countsFromReport(report(12, 0), 0)).toEqual({ passed: 12, failed: 0 });
    expect(countsFromReport(report(10, 2), 1)).toEqual({ passed: 10, failed: 2 });
  });
  it("count a failed run without failed tests as one failure", () => {
    expect(countsFromReport(report(7, 0), 1)).toEqual({ passed: 7, failed: 1 });
  });
  it("count a missing or unreadable report as one failure", () => {
    expect(countsFromReport(undefined, 0)).toEqual({ passed: 0, failed: 1 });
    expect(countsFromReport("{ truncated", 1)).toEqual({ passed: 0, failed: 1 });
    expect(countsFromReport("null", 0)).toEqual({ passed: 0, failed: 1 });
    expect(countsFromReport(JSON.stringify({ numPassedTests: "3" }), 0)).toEqual({ passed: 0, failed: 1 });
  });
});

describe("the summary", () => {
  it("counts a step that is not a test run only when it fails", () => {
    expect(countsFromStatus(true)).toEqual({ passed: 0, failed: 0 });
    expect(countsFromStatus(false)).toEqual({ passed: 0, failed: 1 });
  });
  it("adds up every step into one plain line", () => {
    const all = [
      { passed: 1, failed: 0 },
      { passed: 40, failed: 2 },
      { passed: 0, failed: 1 },
    ];
    expect(summaryLine(total(all))).toBe("41 passed, 3 failed");
    expect(summaryLine(total([]))).toBe("0 passed, 0 failed");
  });
});
