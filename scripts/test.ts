/**
 * `npm test`: every check CI runs, in order, with each step's output streamed:
 *   check    types and lint (npm run check)
 *   unit     pure rules (vitest project unit)
 *   api      server tests on PGlite (vitest project api)
 *   api-pg   the same tests on a throwaway PostgreSQL cluster (OPENNRM_TEST_DATABASE_URL)
 *   hardening  real server processes killed with SIGKILL, PostgreSQL stopped, a standby promoted,
 *            a short load (vitest project hardening, server/faults/; full runs: npm run bench:*)
 *   e2e      Chromium, the built web app, the browser stories (vitest project e2e)
 * The last line printed is always "N passed, N failed"; the exit code is 1 if anything failed.
 *
 *   npm test                      everything
 *   npm test -- --skip-e2e        without the browser stories
 *   npm test -- --skip-hardening  without the fault, failover and load proofs
 *   npm test -- --only=api-pg     one step: unit, api, api-pg, hardening or e2e
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureChromium } from "./ensure-chromium";
import { startCluster, type Cluster } from "./pg-cluster";
import {
  countsFromReport,
  countsFromStatus,
  selectSteps,
  summaryLine,
  total,
  type Counts,
  type StepName,
} from "./test-summary";

const root = fileURLToPath(new URL("..", import.meta.url));
const reportDir = path.join(root, ".tmp");
let current: ChildProcess | undefined;
const results: { step: StepName; counts: Counts; ms: number }[] = [];

function banner(text: string): void {
  process.stdout.write(`\n==> ${text}\n`);
}

/** Runs a command with its output streamed; resolves to its exit code. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    current = child;
    child.once("error", (error) => {
      process.stderr.write(`${command}: ${error.message}\n`);
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      current = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function vitest(project: string, report: string, env: NodeJS.ProcessEnv): Promise<Counts> {
  const reportFile = path.join(reportDir, `vitest-${report}.json`);
  rmSync(reportFile, { force: true });
  const vitestBin = path.join(root, "node_modules", ".bin", "vitest");
  const args = ["run", "--project", project, "--reporter=default", "--reporter=json"];
  const code = await run(vitestBin, [...args, `--outputFile.json=${reportFile}`], env);
  let json: string | undefined;
  try {
    json = readFileSync(reportFile, "utf8");
  } catch {
    json = undefined;
  }
  return countsFromReport(json, code);
}

function withoutTestDatabase(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENNRM_TEST_DATABASE_URL;
  return env;
}

function failure(step: string, error: unknown): Counts {
  process.stderr.write(`${step}: ${error instanceof Error ? error.message : String(error)}\n`);
  return countsFromStatus(false);
}

async function runStep(step: StepName): Promise<Counts> {
  switch (step) {
    case "check":
      banner("Types and lint: npm run check");
      return countsFromStatus((await run("npm", ["run", "check"])) === 0);
    case "unit":
      banner("Unit tests");
      return vitest("unit", "unit", withoutTestDatabase());
    case "api":
      banner("Server tests on PGlite");
      return vitest("api", "api", withoutTestDatabase());
    case "api-pg": {
      banner("Server tests on PostgreSQL");
      let cluster: Cluster;
      try {
        cluster = await startCluster();
      } catch (error) {
        return failure("PostgreSQL", error);
      }
      try {
        process.stdout.write(`PostgreSQL test cluster at ${cluster.url}\n`);
        return await vitest("api", "api-pg", { ...process.env, OPENNRM_TEST_DATABASE_URL: cluster.url });
      } finally {
        await cluster.stop().catch((error: unknown) => failure("stopping PostgreSQL", error));
      }
    }
    case "hardening":
      // The tests start their own clusters (scripts/pg-cluster.ts) and server processes.
      banner("Faults, failover and load");
      return vitest("hardening", "hardening", withoutTestDatabase());
    case "e2e": {
      banner("Browser stories");
      try {
        ensureChromium();
      } catch (error) {
        return failure("Chromium", error);
      }
      if ((await run("npm", ["run", "build:web"])) !== 0) return failure("e2e", "npm run build:web failed");
      return vitest("e2e", "e2e", withoutTestDatabase());
    }
  }
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  let steps: StepName[];
  try {
    steps = selectSteps(process.argv.slice(2));
  } catch (error) {
    const counts = failure("npm test", error);
    process.stdout.write(`${summaryLine(counts)}\n`);
    return 1;
  }
  mkdirSync(reportDir, { recursive: true });
  for (const step of steps) {
    const started = Date.now();
    const counts = await runStep(step);
    results.push({ step, counts, ms: Date.now() - started });
  }
  banner("Summary");
  for (const { step, counts, ms } of results) {
    process.stdout.write(`${step.padEnd(9)} ${summaryLine(counts).padEnd(24)} ${formatSeconds(ms)}\n`);
  }
  const all = total(results.map((r) => r.counts));
  process.stdout.write(`${summaryLine(all)}\n`);
  return all.failed > 0 ? 1 : 0;
}

// On Ctrl+C or a CI timeout: stop the running step; exit handlers stop the PostgreSQL cluster.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping\n`);
    const child = current;
    const exit = () => {
      const interrupted = total([...results.map((r) => r.counts), countsFromStatus(false)]);
      process.stdout.write(`${summaryLine(interrupted)}\n`);
      process.exit(130);
    };
    if (!child) return exit();
    child.once("exit", exit);
    child.kill(signal);
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.stdout.write(`${summaryLine({ passed: 0, failed: 1 })}\n`);
    process.exit(1);
  },
);
