import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { type Exception, seriousAdvisories, unexplained } from "./audit-deps-rules";

/**
 * `npm run audit:deps`: runs `npm audit --json` and fails on any high or critical advisory that
 * has no written explanation in config/audit-exceptions.json (or whose explanation is due for
 * review). It needs the registry's advisory service; without it, it says so and fails.
 */
const result = spawnSync("npm", ["audit", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report: unknown;
try {
  report = JSON.parse(result.stdout);
} catch {
  process.stdout.write("npm audit gave no report: is the registry's advisory service reachable?\n");
  process.exit(2);
}
if (typeof report !== "object" || report === null || !("vulnerabilities" in report)) {
  const { message, error } = (report ?? {}) as { message?: string; error?: { summary?: string } };
  process.stdout.write(`npm audit could not run: ${error?.summary || message || "no report"}\n`);
  process.exit(2);
}
const exceptions = JSON.parse(readFileSync("config/audit-exceptions.json", "utf8")) as Exception[];
const advisories = seriousAdvisories(report);
const { open, stale } = unexplained(advisories, exceptions, new Date().toISOString().slice(0, 10));
for (const a of advisories) {
  const mark = open.includes(a) ? "UNEXPLAINED" : "explained";
  process.stdout.write(`${mark.padEnd(12)} ${a.severity.padEnd(9)} ${a.id} ${a.package}: ${a.title}\n`);
}
for (const e of stale) process.stdout.write(`review due    ${e.id} (review by ${e.reviewBy})\n`);
process.stdout.write(`${advisories.length} high or critical advisories, ${open.length} unexplained\n`);
process.exit(open.length > 0 ? 1 : 0);
