/**
 * A throwaway PostgreSQL cluster for tests: initdb in a fresh temporary directory, trust
 * authentication on 127.0.0.1 only, durability switched off for speed. Works as root (CI) by
 * running the server binaries as the `postgres` OS user, which refuses to run as root.
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
  stop(): Promise<void>;
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
  await run(file, argv, { cwd, timeout: 120_000 });
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

const hba = ["local all all trust", "host all all 127.0.0.1/32 trust", ""].join("\n");

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

export async function startCluster(): Promise<Cluster> {
  const bin = binDirOrInstall();
  const root = mkdtempSync(path.join(os.tmpdir(), "opennrm-pg-"));
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "postgres.log");
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chownSync(root, uid, gid);
  }

  let running = false;
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

  const stop = async () => {
    process.removeListener("exit", onExit);
    if (running) {
      running = false;
      await runPg(`${bin}/pg_ctl`, ["stop", "-D", dataDir, "-m", "fast", "-w"], root);
    }
    rmSync(root, { recursive: true, force: true });
  };

  try {
    await initdb(bin, dataDir, root);
    appendFileSync(path.join(dataDir, "postgresql.conf"), settings(root));
    // Replaces initdb's file (which also trusts ::1); overwriting keeps the postgres owner.
    writeFileSync(path.join(dataDir, "pg_hba.conf"), hba);

    // Another process may take the port between the probe and the start: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        await runPg(
          `${bin}/pg_ctl`,
          ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port}`],
          root,
        );
        running = true;
      } catch (error) {
        if (attempt < 3 && /could not bind|Address already in use/i.test(tail(logFile))) continue;
        throw error;
      }
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      await acceptsConnections(url);
      return { url, stop };
    }
  } catch (error) {
    const log = tail(logFile);
    await stop().catch(() => undefined);
    throw new Error(`PostgreSQL test cluster did not start: ${(error as Error).message}\n${log}`);
  }
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
