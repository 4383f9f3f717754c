/**
 * A throwaway PostgreSQL cluster for tests: initdb in a fresh temporary directory, trust
 * authentication on 127.0.0.1 only, durability switched off for speed. Works as root (CI) by
 * running the server binaries as the `postgres` OS user, which refuses to run as root.
 *
 * A standby (startStandby) streams from such a cluster, as a production replica does, so that
 * failover and read replicas are tested against real replication.
 *
 *   npx tsx scripts/pg-cluster.ts     starts one, prints its URL, stops it on Ctrl+C / SIGTERM
 */
import { execFile, execFileSync } from "node:child_process";
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { aptInstall } from "./apt";
import { freePort } from "./free-port";

export interface Cluster {
  /** Superuser URL: postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
  /** Stops the server and keeps its data: a database outage ("immediate" is a crash). */
  halt(mode?: "fast" | "immediate"): Promise<void>;
  /** Starts a halted server again on the same port. */
  resume(): Promise<void>;
  /** Ends recovery on a standby: it becomes a primary accepting writes. */
  promote(): Promise<void>;
}

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

/** The directory holding initdb and pg_ctl: PostgreSQL 15 if present, else the newest installed. */
export function postgresBinDir(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (existsSync(`${base}/15/bin/initdb`)) return `${base}/15/bin`;
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => existsSync(`${base}/${v}/bin/initdb`))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? `${base}/${newest}/bin` : undefined;
}

function binDirOrInstall(): string {
  const found = postgresBinDir();
  if (found) return found;
  aptInstall(["postgresql-15", "postgresql"], "PostgreSQL server binaries are missing");
  const installed = postgresBinDir();
  if (!installed)
    throw new Error("PostgreSQL was installed but no initdb was found under /usr/lib/postgresql");
  return installed;
}

/** Runs a PostgreSQL binary as the postgres user when we are root, else as ourselves. */
async function runPg(binary: string, args: string[], cwd: string): Promise<void> {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  try {
    await run(file, argv, { cwd, timeout: 120_000 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? "").trim();
    throw new Error(`${path.basename(binary)} failed${stderr ? `: ${stderr}` : ""}`, { cause: error });
  }
}

function pgSync(binary: string, args: string[], cwd: string): void {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  execFileSync(file, argv, { cwd, stdio: "ignore", timeout: 30_000 });
}

function settings(socketDir: string): string {
  return [
    "",
    "# Throwaway test cluster: speed over durability.",
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${socketDir}'`,
    "max_connections = 200",
    "fsync = off",
    "full_page_writes = off",
    "synchronous_commit = off",
    "",
  ].join("\n");
}

const hba = [
  "local all all trust",
  "host all all 127.0.0.1/32 trust",
  // A standby (startStandby) copies and streams the primary's WAL over the loopback.
  "host replication all 127.0.0.1/32 trust",
  "",
].join("\n");

async function initdb(bin: string, dataDir: string, cwd: string): Promise<void> {
  const common = ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"];
  try {
    await runPg(`${bin}/initdb`, [...common, "--locale=C.UTF-8"], cwd);
  } catch {
    // Older C libraries lack C.UTF-8; plain C still stores UTF-8.
    rmSync(dataDir, { recursive: true, force: true });
    await runPg(`${bin}/initdb`, [...common, "--locale=C"], cwd);
  }
}

async function acceptsConnections(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query("select 1");
  } finally {
    await client.end();
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "(no server log)";
  }
}

/** A fresh temporary directory the server binaries may write to (owned by postgres under root). */
function clusterRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "opennrm-pg-"));
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chownSync(root, uid, gid);
  }
  return root;
}

/**
 * Starts a server on an initialised data directory (`prepare` fills it) and returns its handle;
 * on any failure the directory is removed and the error carries the end of the server log.
 */
async function launch(
  bin: string,
  prepare: (root: string, dataDir: string) => Promise<void>,
): Promise<Cluster> {
  const root = clusterRoot();
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "postgres.log");

  let running = false;
  let port = 0;
  // If the process ends without stop() (an uncaught error, process.exit), do not leave a server behind.
  const onExit = () => {
    if (running) {
      try {
        pgSync(`${bin}/pg_ctl`, ["stop", "-D", dataDir, "-m", "immediate", "-w"], root);
      } catch {
        // best effort at exit
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once("exit", onExit);

  const halt = async (mode: "fast" | "immediate" = "fast") => {
    if (!running) return;
    running = false;
    await runPg(`${bin}/pg_ctl`, ["stop", "-D", dataDir, "-m", mode, "-w"], root);
  };
  const stop = async () => {
    process.removeListener("exit", onExit);
    await halt();
    rmSync(root, { recursive: true, force: true });
  };
  const startOn = async (on: number) => {
    await runPg(
      `${bin}/pg_ctl`,
      ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", `-p ${on}`],
      root,
    );
    running = true;
  };
  const resume = async () => {
    if (!running) await startOn(port);
  };
  const promote = async () => {
    await runPg(`${bin}/pg_ctl`, ["promote", "-D", dataDir, "-w", "-t", "60"], root);
  };

  try {
    await prepare(root, dataDir);
    // Another process may take the port between the probe and the start: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await startOn(port);
      } catch (error) {
        if (attempt < 3 && /could not bind|Address already in use/i.test(tail(logFile))) continue;
        throw error;
      }
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      await acceptsConnections(url);
      return { url, port, stop, halt, resume, promote };
    }
  } catch (error) {
    const log = tail(logFile);
    await stop().catch(() => undefined);
    throw new Error(`PostgreSQL test cluster did not start: ${(error as Error).message}\n${log}`);
  }
}

export async function startCluster(): Promise<Cluster> {
  const bin = binDirOrInstall();
  return launch(bin, async (root, dataDir) => {
    await initdb(bin, dataDir, root);
    appendFileSync(path.join(dataDir, "postgresql.conf"), settings(root));
    // Replaces initdb's file (which also trusts ::1); overwriting keeps the postgres owner.
    writeFileSync(path.join(dataDir, "pg_hba.conf"), hba);
  });
}

/**
 * A hot standby of `primary`: a base backup with -R (standby.signal and primary_conninfo), then
 * streaming replication. It answers reads at once and becomes a primary with promote().
 */
export async function startStandby(primary: Pick<Cluster, "port">): Promise<Cluster> {
  const bin = binDirOrInstall();
  return launch(bin, async (root, dataDir) => {
    // -c fast: an immediate checkpoint; the default spreads it over minutes on a busy primary.
    const backup = ["-D", dataDir, "-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres"];
    await runPg(`${bin}/pg_basebackup`, [...backup, "-R", "-X", "stream", "-c", "fast", "--no-sync"], root);
    // The copied settings point at the primary's socket directory; the standby keeps its own.
    appendFileSync(path.join(dataDir, "postgresql.conf"), settings(root));
  });
}

async function main(): Promise<void> {
  const cluster = await startCluster();
  process.stdout.write(`${cluster.url}\n`);
  process.stderr.write("PostgreSQL test cluster running; Ctrl+C stops it and deletes its data.\n");
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const shutdown = () => {
    clearInterval(keepAlive);
    cluster.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
