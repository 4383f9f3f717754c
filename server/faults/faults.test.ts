/**
 * The hardening proofs (issue 10, items 8 to 10), reduced for `npm test` (step "hardening"); the
 * full runs are `npm run bench:faults` (20 kills each) and `npm run bench:load` (100 users, 5 min).
 *
 * - SIGKILL during writes on PostgreSQL (3 kills; PGlite in pglite-kills.test.ts): every
 *   acknowledged write is there after each restart.
 * - PostgreSQL stopped under load: clean 503s in the error shape, no crash, recovery without restart.
 * - Load: 10 users for 10 s of case work, then the bare Fastify + pg baseline; no errors.
 * - High availability: a primary and a streaming standby, OpenNRM given both addresses and the
 *   standby as read replica; the dashboard reads from the replica; the primary is lost, the standby
 *   promoted, OpenNRM carries on writing without a restart.
 *
 * One file, in this order, so that the demo data is created once on PostgreSQL (a template
 * database, copied for each server) and the failover, which ends the primary, comes last. The
 * PGlite kills are in pglite-kills.test.ts, which runs in parallel with this file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, startCluster, startStandby } from "../../scripts/pg-cluster";
import { replicaApplicationName } from "../platform/db/open";
import { User, needsWithNote, newRegistration } from "./client";
import { newDatabase } from "./databases";
import { killLoop } from "./kill-loop";
import { loadBaseline, loadOpenNrm } from "./load";
import { type ServerProcess, serverProcess } from "./server-process";

let cluster: Cluster;
let keys: string;
let masterKeyFile: string;
/** A database holding the migrations and the demo data, copied for each server. */
let template: string;

beforeAll(async () => {
  keys = mkdtempSync(path.join(os.tmpdir(), "opennrm-faults-keys-"));
  masterKeyFile = path.join(keys, "master.key");
  cluster = await startCluster();
  const url = await newDatabase(cluster.url, "seeded");
  template = new URL(url).pathname.slice(1);
  const seeding = await serverProcess({ env: { DATABASE_URL: url }, masterKeyFile });
  try {
    await seeding.start();
  } finally {
    await seeding.destroy();
  }
});
afterAll(async () => {
  await cluster?.stop();
  if (keys) rmSync(keys, { recursive: true, force: true });
});

describe("SIGKILL during writes", () => {
  // On PGlite: pglite-kills.test.ts (run beside this file).
  it("loses no acknowledged write on PostgreSQL", async () => {
    const url = await newDatabase(cluster.url, "kills", template);
    const figures = await killLoop({
      database: "postgres",
      env: { DATABASE_URL: url },
      masterKeyFile,
      kills: 3,
    });
    expect(figures.kills).toBe(3);
    expect(figures.acknowledgedCases).toBeGreaterThan(0);
    expect(figures.acknowledgedNotes).toBeGreaterThan(0);
    expect(figures.lostExamples).toEqual([]);
    expect(figures.lost).toBe(0);
    expect(figures.serverErrors).toBe(0);
  }, 600_000);
});

describe("PostgreSQL stopped under load", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    const url = await newDatabase(cluster.url, "outage", template);
    server = await serverProcess({ env: { DATABASE_URL: url }, masterKeyFile });
    await server.start();
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it("answers 503 in the error shape, in the user's language, and recovers without a restart", async () => {
    const user = await User.signIn(server.url, "iom.head");
    const before = await user.send("POST", "/api/cases", newRegistration("Outage"));
    expect(before.status).toBe(201);
    const reference = (before.body as { reference: string }).reference;

    // Users keep working while the database goes away.
    const statuses: number[] = [];
    let working = true;
    const worker = async (w: number) => {
      while (working) {
        const answers = await Promise.all([
          user.send("POST", "/api/cases", newRegistration(`Outage${w}N`)),
          user.send("POST", "/api/cases/search", {}),
          user.send("GET", `/api/cases/${reference}`),
        ]);
        statuses.push(...answers.map((a) => a.status));
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await cluster.halt("fast");
    const atHalt = statuses.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    // While it is down: 503 with the project's error body, translated; health says so too.
    const failed = await user.send("POST", "/api/cases", newRegistration("Down"));
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({
      error: { code: "unavailable", message: "The service is unavailable. Try again shortly." },
    });
    const health = await fetch(`${server.url}/api/health`, { headers: { "accept-language": "sq" } });
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      error: {
        code: "unavailable",
        message: "Shërbimi nuk është i disponueshëm. Provoni përsëri së shpejti.",
      },
    });
    expect(statuses.length).toBeGreaterThan(atHalt);
    expect(server.running()).toBe(true);

    await cluster.resume();
    // The pool reconnects by itself: the next requests succeed, same process, same session.
    const deadline = Date.now() + 20_000;
    let after = await user.send("POST", "/api/cases", newRegistration("Back"));
    while (after.status !== 201 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await user.send("POST", "/api/cases", newRegistration("Back"));
    }
    working = false;
    await load;
    expect(after.status).toBe(201);
    const note = await user.send(
      "POST",
      `/api/cases/${(after.body as { reference: string }).reference}/needs-assessments`,
      needsWithNote("Back after the outage"),
    );
    expect(note.status).toBe(201);
    expect(server.running()).toBe(true);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    // Every answer under load was a success or a clean 503: never a 500, never a hang.
    const unexpected = statuses.filter((s) => s !== 200 && s !== 201 && s !== 503);
    expect(unexpected).toEqual([]);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(server.log()).not.toMatch(/uncaught|unhandled/i);
  });
});

describe("load", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    const url = await newDatabase(cluster.url, "load", template);
    server = await serverProcess({ env: { DATABASE_URL: url }, masterKeyFile });
    await server.start();
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it("serves 10 users for 10 s of case work without an error, and the baseline too", async () => {
    const opennrm = await loadOpenNrm(server.url, 10, 10);
    expect(opennrm.errorStatuses).toEqual({});
    expect(opennrm.errors).toBe(0);
    expect(opennrm.requests).toBeGreaterThan(20);
    expect(Object.keys(opennrm.mix).sort()).toEqual([
      "dashboard",
      "list",
      "note",
      "open",
      "refer",
      "register",
    ]);

    const baseline = await loadBaseline(await newDatabase(cluster.url, "baseline"), 10, 5);
    expect(baseline.errors).toBe(0);
    expect(baseline.requests).toBeGreaterThan(0);
  });
});

describe("a primary and a streaming standby", () => {
  let standby: Cluster;
  let server: ServerProcess;
  let database: string;

  const onCluster = (on: Cluster, name: string) => {
    const url = new URL(on.url);
    url.pathname = `/${name}`;
    return url.toString();
  };

  async function scalar<T>(url: string, text: string, values: unknown[] = []): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ value: T }>(text, values);
      return rows[0]?.value as T;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    const primary = cluster;
    database = new URL(await newDatabase(primary.url, "ha", template)).pathname.slice(1);
    standby = await startStandby(primary);
    const hosts = `127.0.0.1:${primary.port},127.0.0.1:${standby.port}`;
    server = await serverProcess({
      env: {
        // libpq's multi-host form, as production is configured (docs/operations.md).
        DATABASE_URL: `postgres://postgres@${hosts}/${database}?target_session_attrs=read-write`,
        DATABASE_REPLICA_URL: onCluster(standby, database),
      },
      masterKeyFile,
    });
    await server.start();
  });
  afterAll(async () => {
    await server?.destroy();
    await standby?.stop();
  });

  it("reads the dashboard from the replica, then survives the primary's loss by the standby's promotion", async () => {
    const worker = await User.signIn(server.url, "iom.head");
    const coordinator = await User.signIn(server.url, "coordinator");

    // Writes go to the primary and stream to the standby.
    const first = await worker.send("POST", "/api/cases", newRegistration("Primary"));
    expect(first.status).toBe(201);
    const firstReference = (first.body as { reference: string }).reference;
    expect(await scalar<boolean>(onCluster(standby, database), "select pg_is_in_recovery() as value")).toBe(
      true,
    );

    // The dashboard's queries run on the replica: its connections are there, none on the primary.
    const reporting = "select count(*)::int as value from pg_stat_activity where application_name = $1";
    expect(await scalar<number>(standby.url, reporting, [replicaApplicationName])).toBe(0);
    const dashboard = await coordinator.send("GET", "/api/statistics/dashboard");
    expect(dashboard.status).toBe(200);
    expect((dashboard.body as { scope: string }).scope).toBe("national");
    expect(await scalar<number>(standby.url, reporting, [replicaApplicationName])).toBeGreaterThan(0);
    expect(await scalar<number>(cluster.url, reporting, [replicaApplicationName])).toBe(0);

    // The primary is lost; until the standby is promoted, writes are refused cleanly (503).
    await cluster.halt("fast");
    const meanwhile = await worker.send("POST", "/api/cases", newRegistration("Meanwhile"));
    expect(meanwhile.status).toBe(503);
    await standby.promote();

    // Same process, same session (sessions are in the database, replicated): writing carries on.
    const statuses: number[] = [];
    let after = await worker.send("POST", "/api/cases", newRegistration("Promoted"));
    statuses.push(after.status);
    const deadline = Date.now() + 30_000;
    while (after.status !== 201 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await worker.send("POST", "/api/cases", newRegistration("Promoted"));
      statuses.push(after.status);
    }
    expect(after.status).toBe(201);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(server.running()).toBe(true);

    // What was written before the failover is there, and so is what was written after.
    expect((await worker.send("GET", `/api/cases/${firstReference}`)).status).toBe(200);
    const afterReference = (after.body as { reference: string }).reference;
    expect((await worker.send("GET", `/api/cases/${afterReference}`)).status).toBe(200);
    expect(await scalar<boolean>(onCluster(standby, database), "select pg_is_in_recovery() as value")).toBe(
      false,
    );
    expect((await coordinator.send("GET", "/api/statistics/dashboard")).status).toBe(200);
  });
});
