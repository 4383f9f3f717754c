/** Starts the real server (as `npm start` would) on a free port with its own empty data directory. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../scripts/free-port";

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server printed so far (stdout and stderr). */
  log(): string;
  /** SIGTERM, then SIGKILL after 10 s; deletes the temporary directory. */
  stop(): Promise<void>;
}

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const readyTimeoutMs = 90_000;

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { status?: unknown };
    return response.ok && body.status === "ok";
  } catch {
    return false;
  }
}

export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const home = mkdtempSync(path.join(os.tmpdir(), "opennrm-e2e-"));
  const dataDir = path.join(home, "data");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  const inherited = { ...process.env };
  // A database URL from the developer's shell must not leak into a test server.
  delete inherited.DATABASE_URL;
  delete inherited.OPENNRM_TEST_DATABASE_URL;
  const env = {
    ...inherited,
    DATA_DIR: dataDir,
    // Beside the data directory, never inside it.
    OPENNRM_MASTER_KEY_FILE: path.join(home, "master.key"),
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    ...options.env,
  };

  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: repositoryRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  // Never leave a server behind if the test process dies first.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (running()) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(home, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (!(await isHealthy(url))) {
    if (!running() || Date.now() > deadline) {
      const why = running() ? `did not answer ${url}/api/health within ${readyTimeoutMs / 1000} s` : "exited";
      await stop();
      throw new Error(`The server ${why}. Its output:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return { url, dataDir, log: () => output, stop };
}
