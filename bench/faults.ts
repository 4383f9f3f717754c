/**
 * SIGKILL during a write load, on PGlite (DATA_DIR) and on PostgreSQL (issue 10, item 8): after
 * every kill the server restarts on the same data and every acknowledged write must be present.
 *
 *   npm run bench:faults                          20 kills on each database
 *   npm run bench:faults -- --kills 5             fewer kills
 *   npm run bench:faults -- --database pglite     one database only (pglite or postgres)
 *   npm run bench:faults -- --writers 12          more concurrent writers (default 6)
 *
 * Prints, per database: kills, acknowledged writes, lost writes (must be 0) and restart times.
 * Exits 1 if any acknowledged write was lost. Needs the PostgreSQL server binaries for postgres.
 */
import { parseArgs } from "node:util";
import { startCluster } from "../scripts/pg-cluster";
import { newDatabase } from "../server/faults/databases";
import { killLoop, type KillFigures } from "../server/faults/kill-loop";

const say = (text: string) => process.stdout.write(`${text}\n`);

const { values } = parseArgs({
  options: {
    kills: { type: "string", default: "20" },
    database: { type: "string", default: "both" },
    writers: { type: "string", default: "6" },
  },
});
const kills = Number(values.kills);
const writers = Number(values.writers);
if (!Number.isInteger(kills) || kills < 1) throw new Error("--kills takes a positive whole number");
if (!["both", "pglite", "postgres"].includes(values.database))
  throw new Error("--database takes pglite, postgres or both");

function report(f: KillFigures): void {
  const sorted = [...f.restartMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  say(`\n${f.database}`);
  say(`  kills                 ${f.kills}`);
  say(
    `  acknowledged writes   ${f.acknowledgedCases + f.acknowledgedNotes} (${f.acknowledgedCases} cases, ${f.acknowledgedNotes} needs assessments with a note)`,
  );
  say(`  lost                  ${f.lost}${f.lost > 0 ? `  e.g. ${f.lostExamples.join("; ")}` : ""}`);
  say(`  5xx while up          ${f.serverErrors}`);
  say(
    `  restart (ms)          median ${median}, min ${sorted[0] ?? 0}, max ${sorted[sorted.length - 1] ?? 0}`,
  );
}

const results: KillFigures[] = [];
if (values.database !== "postgres") {
  results.push(await killLoop({ database: "PGlite (DATA_DIR)", env: {}, kills, writers, progress: say }));
}
if (values.database !== "pglite") {
  const cluster = await startCluster();
  try {
    const url = await newDatabase(cluster.url, "faults");
    results.push(
      await killLoop({ database: "PostgreSQL", env: { DATABASE_URL: url }, kills, writers, progress: say }),
    );
  } finally {
    await cluster.stop();
  }
}
results.forEach(report);
process.exit(results.some((r) => r.lost > 0 || r.serverErrors > 0) ? 1 : 0);
