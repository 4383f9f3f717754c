/** Pure parts of scripts/test.ts: what to run, and how results add up. */

export const stepNames = ["check", "unit", "api", "api-pg", "hardening", "e2e"] as const;
export type StepName = (typeof stepNames)[number];

export interface Counts {
  passed: number;
  failed: number;
}

/**
 * `--only=unit|api|api-pg|hardening|e2e` runs that one step; `--skip-e2e` leaves out the browser
 * stories, `--skip-hardening` the fault, failover and load proofs.
 */
export function selectSteps(args: readonly string[]): StepName[] {
  let steps: StepName[] = [...stepNames];
  for (const arg of args) {
    if (arg === "--skip-e2e") {
      steps = steps.filter((s) => s !== "e2e");
    } else if (arg === "--skip-hardening") {
      steps = steps.filter((s) => s !== "hardening");
    } else if (arg.startsWith("--only=")) {
      const only = arg.slice("--only=".length);
      const step = stepNames.find((s) => s === only && s !== "check");
      if (!step) throw new Error(`--only takes one of unit, api, api-pg, hardening, e2e (got "${only}")`);
      steps = steps.filter((s) => s === step);
    } else {
      throw new Error(
        `Unknown argument "${arg}". Use --skip-e2e, --skip-hardening or --only=unit|api|api-pg|hardening|e2e.`,
      );
    }
  }
  return steps;
}

/**
 * Counts from vitest's JSON report. A run whose report is missing, or that failed without a
 * failed test (a file that does not load, no test files, a crash), counts as one failure.
 */
export function countsFromReport(reportJson: string | undefined, exitCode: number): Counts {
  let report: unknown;
  try {
    report = reportJson === undefined ? undefined : JSON.parse(reportJson);
  } catch {
    report = undefined;
  }
  const field = (name: string): number | undefined => {
    if (typeof report !== "object" || report === null) return undefined;
    const value = (report as Record<string, unknown>)[name];
    return typeof value === "number" ? value : undefined;
  };
  const passed = field("numPassedTests");
  const failed = field("numFailedTests");
  if (passed === undefined || failed === undefined) return { passed: 0, failed: 1 };
  return { passed, failed: exitCode !== 0 && failed === 0 ? 1 : failed };
}

/**
 * A step that is not a test run (type check and lint, build, database start) adds nothing when
 * it succeeds and one failure when it does not, so "passed" stays a count of tests.
 */
export function countsFromStatus(ok: boolean): Counts {
  return { passed: 0, failed: ok ? 0 : 1 };
}

export function total(all: readonly Counts[]): Counts {
  return all.reduce((sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed }), {
    passed: 0,
    failed: 0,
  });
}

export function summaryLine(counts: Counts): string {
  return `${counts.passed} passed, ${counts.failed} failed`;
}
