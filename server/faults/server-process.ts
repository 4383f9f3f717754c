/**
 * A real OpenNRM server process (`node --import tsx server/main.ts`, as `npm start` runs it) that
 * can be killed and started again on the same data: the data directory, master key and port stay
 * between starts. Only the child processes started here are ever signalled.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../scripts/free-port";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
// A first start creates the demo data: minutes on a busy 2-core machine.
const readyTimeoutMs = 300_000;

export interface ServerProcess {
  readonly url: string;
  readonly dataDir: string;
  /** Starts the server and waits until /api/health answers "ok"; resolves to the time it took (ms). */
  start(): Promise<number>;
  /** SIGKILL: no shutdown code runs, as in a power cut of the process (not of the machine). */
  kill(): Promise<void>;
  /** SIGTERM and wait; SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** Stops it if running and deletes the data directory and key. */
  destroy(): Promise<void>;
  running(): boolean;
  /** What the current (or last) process printed. */
  log(): string;
}

export async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { status?: unknown };
    return response.ok && body.status === "ok";
  } catch {
    return false;
  }
}

/**
 * env: added to the server's environment (DATABASE_URL…). masterKeyFile: a key shared with other
 * servers (a database copied from a template keeps its data keys wrapped under the same key).
 */
export async function serverProcess(
  options: { env?: Record<string, string>; masterKeyFile?: string } = {},
): Promise<ServerProcess> {
  const home = mkdtempSync(path.join(os.tmpdir(), "opennrm-faults-"));
  const dataDir = path.join(home, "data");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const inherited = { ...process.env };
  // A database URL from the developer's shell must not leak into a test server.
  delete inherited.DATABASE_URL;
  delete inherited.DATABASE_REPLICA_URL;
  delete inherited.OPENNRM_TEST_DATABASE_URL;
  const env = {
    ...inherited,
    DATA_DIR: dataDir,
    OPENNRM_MASTER_KEY_FILE: options.masterKeyFile ?? path.join(home, "master.key"),
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...options.env,
  };

  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let output = "";
  const isRunning = () => child !== null && child.exitCode === null && child.signalCode === null;
  const killOnExit = () => {
    if (isRunning()) child?.kill("SIGKILL");
  };
  process.on("exit", killOnExit);

  const kill = async () => {
    if (!isRunning()) return;
    child?.kill("SIGKILL");
    await exited;
  };
  const stop = async () => {
    if (!isRunning()) return;
    child?.kill("SIGTERM");
    const timer = setTimeout(() => child?.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const start = async () => {
    if (isRunning()) throw new Error("already running");
    const started = Date.now();
    output = "";
    const spawned = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: repositoryRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = spawned;
    spawned.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    spawned.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise<void>((resolve) => spawned.once("exit", () => resolve()));
    while (!(await healthy(url))) {
      if (!isRunning() || Date.now() - started > readyTimeoutMs) {
        const why = isRunning() ? `not ready within ${readyTimeoutMs / 1000} s` : "exited";
        await kill();
        throw new Error(`The server ${why}. Its output:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Date.now() - started;
  };

  const destroy = async () => {
    await stop();
    process.removeListener("exit", killOnExit);
    rmSync(home, { recursive: true, force: true });
  };

  return { url, dataDir, start, kill, stop, destroy, running: isRunning, log: () => output };
}
