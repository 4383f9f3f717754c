/**
 * Case registration and case read throughput, through the real HTTP server, on both databases.
 *
 *   npm run bench:cases                       10 s per measurement, 8 concurrent requests
 *   npm run bench:cases -- --quick            2 s per measurement (a smoke run)
 *   npm run bench:cases -- --seconds 20 --concurrency 16
 *   npm run bench:cases -- --pglite-memory    PGlite in memory instead of a temporary directory
 *
 * For each database: a fresh server (migrations, a random master key, the kosovo jurisdiction)
 * listens on 127.0.0.1 at a port the kernel picks; a police investigator signs in over HTTP; the
 * client (Node's fetch, keep-alive, in this process) then runs C requests at a time, each started
 * as the previous one of its worker ends:
 *
 *   register  POST /api/cases, a different synthetic person each time
 *   read      GET /api/cases/:reference of the cases registered so far, in random order; each
 *             answer is checked to carry the decrypted given name that was registered
 *
 * Each operation has a warm-up (not counted), then runs for a fixed time. Any answer other than
 * the expected one is an error; the run exits 1 if there is any. PGlite lives in a temporary
 * directory (as DATA_DIR does in production) unless --pglite-memory; PostgreSQL is a throwaway
 * cluster (scripts/pg-cluster.ts), stopped at the end, also on failure or Ctrl+C. The server logs
 * at info level, as in production, into a stream that discards all but warnings and errors.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { z } from "zod";
import { startCluster, type Cluster } from "../scripts/pg-cluster";
import type { registrationInput } from "../shared/registration";
import { buildApp } from "../server/app";
import { agencies, users } from "../server/modules/agencies/schema";
import { hashPassword } from "../server/platform/auth/passwords";
import { fingerprint } from "../server/platform/crypto/master-key";
import type { DatabaseTarget } from "../server/platform/db/open";
import type { App } from "../server/platform/http/types";
import { openRuntime, type Runtime } from "../server/platform/startup";

type RegistrationBody = z.input<typeof registrationInput>;

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  seconds: number;
  warmupSeconds: number;
  concurrency: number;
  pgliteInMemory: boolean;
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} needs a positive number, not "${text}"`);
  return value;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string" },
      concurrency: { type: "string" },
      quick: { type: "boolean", default: false },
      "pglite-memory": { type: "boolean", default: false },
    },
    strict: true,
  });
  const seconds = positive("seconds", values.seconds, values.quick ? 2 : 10);
  const concurrency = Math.floor(positive("concurrency", values.concurrency, 8));
  if (concurrency < 1 || concurrency > 256) throw new Error("--concurrency must be between 1 and 256");
  return {
    seconds,
    warmupSeconds: values.quick ? 0.5 : Math.min(2, Math.max(0.5, seconds / 5)),
    concurrency,
    pgliteInMemory: values["pglite-memory"],
  };
}

// ---------------------------------------------------------------------------------------------
// Synthetic people (a seeded generator: the same run registers the same people)

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const givenNames = [
  "Marina",
  "Elena",
  "Ana",
  "Irina",
  "Oksana",
  "Mihaela",
  "Ioana",
  "Olga",
  "Teuta",
  "Drita",
  "Arben",
  "Besnik",
  "Nikola",
  "Dmitri",
  "Vesna",
  "Lule",
  "Era",
  "Nora",
  "Ilir",
  "Sofia",
];
const familyNames = [
  "Popescu",
  "Ceban",
  "Rusu",
  "Kovalenko",
  "Shevchenko",
  "Ivanova",
  "Hoxha",
  "Krasniqi",
  "Gashi",
  "Berisha",
  "Petrović",
  "Jovanović",
  "Dimitrova",
  "Georgieva",
  "Morina",
  "Kelmendi",
  "Lungu",
  "Moraru",
  "Bondar",
  "Tkachenko",
];
const genders = ["Feminine", "Masculine", "Feminine", "Feminine", "NonSpecifiedUnknown"] as const;
const countries = ["MD", "RO", "UA", "BG", "AL", "XK", "RS", "RU"];
const languages = ["ro", "ru", "uk", "bg", "sq", "sr", "en"] as const;
const sources = ["police_raid", "border_police", "inspection", "undercover_operation"] as const;
const exploitation = [
  "ForcedLabour",
  "SexualExploitation",
  "ForcedBegging",
  "Servitude",
  "ForcedMarriage",
] as const;
const control = ["PhysicalThreats", "DebtBondage", "FalsePromises", "ThreatensChildrenFamily"] as const;
const regions = ["prishtine", "prizren", "peje", "mitrovice", "gjilan", "ferizaj", "gjakove"];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

class People {
  private readonly random: () => number;
  private serial = 0;
  /** Yesterday (UTC) at the latest: never in the future in the jurisdiction's time zone. */
  private readonly latest = Date.now() - DAY;

  constructor(seed: number) {
    this.random = generator(seed);
  }

  private pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.random() * list.length)];
    if (value === undefined) throw new Error("empty list");
    return value;
  }

  next(): RegistrationBody {
    const n = ++this.serial;
    const identified = this.latest - Math.floor(this.random() * 365) * DAY;
    // Ages 12 to 55 at identification (some children), one in eight with an estimated age only.
    const born = identified - Math.floor((12 + this.random() * 43) * 365.25 * DAY);
    const estimated = this.random() < 0.125;
    const given = this.pick(givenNames);
    return {
      person: {
        givenName: `${given} ${n}`,
        familyName: this.pick(familyNames),
        gender: this.pick(genders),
        citizenship: [this.pick(countries)],
        birthDate: estimated ? null : isoDay(born),
        estimatedAge: estimated ? 14 + Math.floor(this.random() * 30) : null,
        primaryLanguage: this.pick(languages),
        identityNumber: `BX${String(n).padStart(8, "0")}`,
        phone: `+373 69 ${String(100_000 + n).slice(-6)}`,
        address: `Str. ${this.pick(familyNames)} ${1 + (n % 90)}`,
      },
      identificationDate: isoDay(identified),
      identificationRegion: this.pick(regions),
      identificationPlace: `Checkpoint ${1 + (n % 12)}`,
      source: this.pick(sources),
      exploitationTypes: [this.pick(exploitation)],
      controlMethods: [this.pick(control), this.pick(control)].filter((v, i, all) => all.indexOf(v) === i),
      circumstances: "Identified during a synthetic benchmark run; no real person.",
    };
  }
}

// ---------------------------------------------------------------------------------------------
// A server on one database

interface Session {
  cookie: string;
  csrf: string;
}

interface Server {
  app: App;
  runtime: Runtime;
  baseUrl: string;
  session: Session;
  /** Connections the server accepted: with keep-alive, about one per concurrent request. */
  connections: () => number;
  /** The last warnings and errors the server logged. */
  problems: () => string[];
  close(): Promise<void>;
}

const PASSWORD = "benchmark password 2026";

function logSink(): { stream: Writable; problems: () => string[] } {
  const kept: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) {
        const level = /"level":(\d+)/.exec(line)?.[1];
        if (level && Number(level) >= 40) {
          kept.push(line);
          if (kept.length > 20) kept.shift();
        }
      }
      done();
    },
  });
  return { stream, problems: () => [...kept] };
}

async function startServer(target: DatabaseTarget): Promise<Server> {
  const key = randomBytes(32);
  const runtime = await openRuntime({
    target,
    masterKey: { key, id: fingerprint(key) },
    jurisdiction: "kosovo",
  });
  const log = logSink();
  let app: App | undefined;
  try {
    app = await buildApp({
      config: { cookieSecure: false, logLevel: "info" },
      ctx: runtime.ctx,
      logStream: log.stream,
    });
    let accepted = 0;
    app.server.on("connection", () => accepted++);
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;

    const db = runtime.ctx.db;
    const [agency] = await db
      .insert(agencies)
      .values({
        code: "bench-thbs",
        name: "Police anti-trafficking unit (benchmark)",
        type: "police_anti_trafficking",
        region: "prishtine",
      })
      .returning();
    if (!agency) throw new Error("agency not stored");
    await db.insert(users).values({
      username: "bench-police",
      displayName: "Benchmark investigator",
      agencyId: agency.id,
      roles: ["police_investigator"],
      language: "en",
      passwordHash: await hashPassword(PASSWORD),
    });
    const session = await signIn(baseUrl, "bench-police");

    const opened = app;
    return {
      app: opened,
      runtime,
      baseUrl,
      session,
      connections: () => accepted,
      problems: log.problems,
      async close() {
        await opened.close();
        await runtime.database.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await runtime.database.close().catch(() => undefined);
    throw error;
  }
}

async function signIn(baseUrl: string, username: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(body)}`);
  const csrf = field(body, "csrfToken");
  if (typeof csrf !== "string" || field(body, "enrolmentOnly") !== false)
    throw new Error(`unexpected sign-in answer: ${JSON.stringify(body)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("opennrm_session="));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return { cookie, csrf };
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Running requests

/** One request: resolves on the expected answer, throws otherwise. */
type Operation = () => Promise<void>;

interface Measurement {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  errorSamples: string[];
}

const REQUEST_TIMEOUT_MS = 15_000;

async function measure(operation: Operation, concurrency: number, seconds: number): Promise<Measurement> {
  const latenciesMs: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await operation();
        latenciesMs.push(performance.now() - t0);
      } catch (error) {
        errors++;
        if (errorSamples.length < 5)
          errorSamples.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    requests: latenciesMs.length + errors,
    errors,
    seconds: (performance.now() - started) / 1000,
    latenciesMs,
    errorSamples,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

async function expectStatus(response: Response, status: number): Promise<string> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${response.status} ${text.slice(0, 200)}`);
  return text;
}

function operations(server: Server, seed: number) {
  const people = new People(seed);
  const registered: { reference: string; givenName: string }[] = [];
  const random = generator(seed ^ 0x5eed);
  const headers = { cookie: server.session.cookie, "x-csrf-token": server.session.csrf };

  const register: Operation = async () => {
    const body = people.next();
    const response = await fetch(`${server.baseUrl}/api/cases`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const reference = field(JSON.parse(await expectStatus(response, 201)) as unknown, "reference");
    if (typeof reference !== "string") throw new Error("registration answered without a reference");
    registered.push({ reference, givenName: body.person.givenName });
  };

  const read: Operation = async () => {
    const chosen = registered[Math.floor(random() * registered.length)];
    if (!chosen) throw new Error("no case registered to read");
    const response = await fetch(`${server.baseUrl}/api/cases/${encodeURIComponent(chosen.reference)}`, {
      headers,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = JSON.parse(await expectStatus(response, 200)) as unknown;
    if (field(body, "reference") !== chosen.reference)
      throw new Error(`read ${chosen.reference}, got another case`);
    if (field(field(body, "identity"), "givenName") !== chosen.givenName)
      throw new Error(`read ${chosen.reference} without its identity`);
  };

  return { register, read, registered: () => registered.length };
}

// ---------------------------------------------------------------------------------------------
// The benchmark

interface Row {
  database: string;
  operation: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

function line(row: Row): string {
  return (
    `${row.database.padEnd(10)} ${row.operation.padEnd(8)}  requests ${String(row.requests).padStart(6)}  ` +
    `${fixed(row.perSecond, 1).padStart(8)} req/s  p50 ${fixed(row.p50, 1).padStart(6)} ms  ` +
    `p99 ${fixed(row.p99, 1).padStart(6)} ms  errors ${row.errors}`
  );
}

function table(rows: Row[]): string {
  const header = ["database", "operation", "requests", "req/s", "p50 ms", "p99 ms", "errors"];
  const cells = rows.map((r) => [
    r.database,
    r.operation,
    String(r.requests),
    fixed(r.perSecond, 1),
    fixed(r.p50, 1),
    fixed(r.p99, 1),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const format = (c: string[]) =>
    `| ${c.map((v, i) => (i < 2 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i < 2 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [format(header), rule, ...cells.map(format)].join("\n");
}

const say = (text: string) => process.stdout.write(`${text}\n`);

async function benchDatabase(
  name: string,
  target: DatabaseTarget,
  options: Options,
  failures: string[],
): Promise<Row[]> {
  const setup = performance.now();
  const server = await startServer(target);
  const rows: Row[] = [];
  try {
    const result: unknown = await server.runtime.ctx.db.execute(sql`select version() as version`);
    const rowsOf = field(result, "rows");
    const version = Array.isArray(rowsOf) ? field(rowsOf[0], "version") : undefined;
    say(
      `${name}: ${typeof version === "string" ? version.split(",")[0] : "?"}; server at ${server.baseUrl}, ready in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
    );
    const ops = operations(server, 20260615);

    for (const [operation, run] of [
      ["register", ops.register],
      ["read", ops.read],
    ] as const) {
      const warm = await measure(run, options.concurrency, options.warmupSeconds);
      if (warm.errors > 0) {
        failures.push(...warm.errorSamples.map((s) => `${name} ${operation} (warm-up): ${s}`));
        throw new Error(`${name} ${operation}: ${warm.errors} errors during the warm-up`);
      }
      const result = await measure(run, options.concurrency, options.seconds);
      const sorted = Float64Array.from(result.latenciesMs).sort();
      const latencies = Array.from(sorted);
      const row: Row = {
        database: name,
        operation,
        requests: result.requests,
        perSecond: result.requests / result.seconds,
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
        errors: result.errors,
      };
      rows.push(row);
      say(line(row));
      failures.push(...result.errorSamples.map((s) => `${name} ${operation}: ${s}`));
    }
    say(
      `${name}: ${ops.registered()} cases registered in all (warm-ups included); ${server.connections()} TCP connections accepted in all`,
    );
    if (failures.length > 0) failures.push(...server.problems().map((p) => `${name} server log: ${p}`));
    return rows;
  } finally {
    await server.close();
  }
}

async function createDatabase(superuserUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(superuserUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const cpus = os.cpus();
  say(
    `OpenNRM case benchmark: ${options.seconds} s per measurement after ${options.warmupSeconds} s of warm-up, ` +
      `concurrency ${options.concurrency}, client and server in one process over 127.0.0.1 (keep-alive)`,
  );
  say(
    `machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
  );

  const rows: Row[] = [];
  const failures: string[] = [];
  const pgliteDir = options.pgliteInMemory
    ? undefined
    : mkdtempSync(path.join(os.tmpdir(), "opennrm-bench-"));
  const removePgliteDir = () => {
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  };
  process.once("exit", removePgliteDir);
  let cluster: Cluster | undefined;
  try {
    say(`\nPGlite ${pgliteDir ? `in a temporary directory (${pgliteDir})` : "in memory"}`);
    rows.push(...(await benchDatabase("pglite", { kind: "pglite", dir: pgliteDir }, options, failures)));
    removePgliteDir();

    say("\nPostgreSQL: throwaway cluster (scripts/pg-cluster.ts)");
    cluster = await startCluster();
    const url = await createDatabase(cluster.url, "opennrm_bench");
    // The pool size the server uses in production (openDatabase's default).
    rows.push(...(await benchDatabase("postgres", { kind: "postgres", url }, options, failures)));
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  } finally {
    if (cluster) {
      await cluster
        .stop()
        .catch((error: unknown) =>
          failures.push(`stopping PostgreSQL: ${error instanceof Error ? error.message : String(error)}`),
        );
    }
    removePgliteDir();
  }

  if (rows.length > 0) say(`\n${table(rows)}`);
  const errors = rows.reduce((sum, r) => sum + r.errors, 0);
  if (failures.length > 0 || errors > 0) {
    process.stderr.write(
      `\nFAILED (${errors} request errors):\n${failures.map((f) => `  ${f}`).join("\n")}\n`,
    );
    return 1;
  }
  return 0;
}

// Ctrl+C or a timeout: exit, which runs the exit handlers (the cluster's stops PostgreSQL).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping\n`);
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
