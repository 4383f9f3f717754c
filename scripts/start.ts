import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Newest modification time under a folder (or of a file), in ms. */
function newest(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((max, name) => Math.max(max, newest(path.join(target, name))), stat.mtimeMs);
}

/**
 * `npm start`: builds the browser app when it is missing or older than its sources (a first start,
 * or after a change), then starts the server. A restart with a current build starts at once.
 */
const root = path.resolve(import.meta.dirname, "..");
const built = path.join(root, "web/dist/index.html");
const sources = Math.max(
  newest(path.join(root, "web/src")),
  newest(path.join(root, "web/index.html")),
  newest(path.join(root, "shared")),
);
if (!fs.existsSync(built) || newest(built) < sources) {
  process.stdout.write("Building the web app…\n");
  const result = spawnSync("npm", ["run", "--silent", "build:web"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import("../server/main");
