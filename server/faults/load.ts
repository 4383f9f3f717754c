/**
 * A closed-loop load: `users` virtual users, each sending its next request as soon as the last one
 * is answered (no think time: the worst hour of a large raid, seeds 001/003), for `seconds`. The mix
 * is the everyday work of case workers: list and open cases, add a note, refer, look at the dashboard.
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { freePort } from "../../scripts/free-port";
import { agencyIdNamed, housingReferral, needsWithNote, newRegistration, User } from "./client";
import { healthy } from "./server-process";

export interface LoadFigures {
  name: string;
  users: number;
  seconds: number;
  requests: number;
  errors: number;
  /** Error statuses seen (status → count); 0 is a broken connection or a timeout. */
  errorStatuses: Record<string, number>;
  throughput: number;
  p50: number;
  p99: number;
  /** Requests per kind of operation. */
  mix: Record<string, number>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

class Recorder {
  readonly latencies: number[] = [];
  readonly errorStatuses: Record<string, number> = {};
  readonly mix: Record<string, number> = {};
  errors = 0;

  async time<T>(kind: string, expected: number, call: () => Promise<{ status: number; body: T }>) {
    const started = performance.now();
    let status = 0;
    let body: T | undefined;
    try {
      ({ status, body } = await call());
    } catch {
      status = 0;
    }
    this.latencies.push(performance.now() - started);
    this.mix[kind] = (this.mix[kind] ?? 0) + 1;
    if (status !== expected) {
      this.errors += 1;
      this.errorStatuses[String(status)] = (this.errorStatuses[String(status)] ?? 0) + 1;
      return undefined;
    }
    return body;
  }

  figures(name: string, users: number, ms: number): LoadFigures {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      name,
      users,
      seconds: ms / 1000,
      requests: sorted.length,
      errors: this.errors,
      errorStatuses: this.errorStatuses,
      throughput: sorted.length / (ms / 1000),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      mix: this.mix,
    };
  }
}

/** OpenNRM under the mix. The server at `baseUrl` has the demo data (accounts and agencies). */
export async function loadOpenNrm(baseUrl: string, users: number, seconds: number): Promise<LoadFigures> {
  // Sessions are shared by the virtual users: sign-ins are throttled per address (20 a minute).
  const sessions = await Promise.all(
    Array.from({ length: Math.min(users, 10) }, () => User.signIn(baseUrl, "iom.head")),
  );
  const first = sessions[0];
  if (!first) throw new Error("no users");
  const shelterId = await agencyIdNamed(first, "Interim secure facility");
  const recorder = new Recorder();
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();

  const virtualUser = async (n: number) => {
    const user = sessions[n % sessions.length] as User;
    const own: string[] = [];
    const register = async () => {
      const body = await recorder.time("register", 201, () =>
        user.send("POST", "/api/cases", newRegistration(`U${n}N`)),
      );
      const reference = (body as { reference?: string } | undefined)?.reference;
      if (reference) own.push(reference);
      return reference;
    };
    await register();
    while (performance.now() < deadline) {
      const dice = Math.random();
      const known = own[Math.floor(Math.random() * own.length)];
      if (!known || dice < 0.05) {
        await register();
      } else if (dice < 0.35) {
        await recorder.time("list", 200, () =>
          user.send("POST", "/api/cases/search", { page: 1, pageSize: 25 }),
        );
      } else if (dice < 0.65) {
        await recorder.time("open", 200, () => user.send("GET", `/api/cases/${known}`));
      } else if (dice < 0.85) {
        await recorder.time("note", 201, () =>
          user.send(
            "POST",
            `/api/cases/${known}/needs-assessments`,
            needsWithNote("Needs a safe place tonight."),
          ),
        );
      } else if (dice < 0.95) {
        // A case is referred once for housing: refer a new one.
        const reference = await register();
        if (reference)
          await recorder.time("refer", 201, () =>
            user.send("POST", `/api/cases/${reference}/referrals`, housingReferral(shelterId)),
          );
      } else {
        await recorder.time("dashboard", 200, () => user.send("GET", "/api/statistics/dashboard"));
      }
    }
  };
  await Promise.all(Array.from({ length: users }, (_, n) => virtualUser(n)));
  return recorder.figures("OpenNRM", users, performance.now() - started);
}

/** The baseline: a bare Fastify + pg server reading one row by primary key, under the same load. */
export async function loadBaseline(
  databaseUrl: string,
  users: number,
  seconds: number,
): Promise<LoadFigures> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./baseline-server.ts", import.meta.url))],
    {
      env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const startedAt = Date.now();
    while (!(await healthy(baseUrl))) {
      if (child.exitCode !== null || Date.now() - startedAt > 60_000)
        throw new Error(`The baseline server did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const recorder = new Recorder();
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    const virtualUser = async () => {
      while (performance.now() < deadline) {
        const id = 1 + Math.floor(Math.random() * 10_000);
        await recorder.time("read", 200, async () => {
          const response = await fetch(`${baseUrl}/items/${id}`, { signal: AbortSignal.timeout(30_000) });
          return { status: response.status, body: await response.json() };
        });
      }
    };
    await Promise.all(Array.from({ length: users }, () => virtualUser()));
    return recorder.figures("Fastify + pg baseline", users, performance.now() - started);
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

export function formatFigures(f: LoadFigures): string {
  const errors = Object.entries(f.errorStatuses)
    .map(([status, n]) => `${status}: ${n}`)
    .join(", ");
  const mix = Object.entries(f.mix)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  return [
    `${f.name}: ${f.users} users, ${f.seconds.toFixed(0)} s`,
    `  requests     ${f.requests} (${mix})`,
    `  throughput   ${f.throughput.toFixed(1)} requests/s`,
    `  p50          ${f.p50.toFixed(1)} ms`,
    `  p99          ${f.p99.toFixed(1)} ms`,
    `  errors       ${f.errors}${errors ? ` (${errors})` : ""}`,
  ].join("\n");
}
