/**
 * Load on loopback (issue 10, item 10): OpenNRM on PostgreSQL under a realistic mix of case work
 * for concurrent users (list cases 30 %, open a case 30 %, add a note 20 %, register and refer 10 %,
 * register 5 %, statistics dashboard 5 %), closed loop without think time, bounded in time; then,
 * in the same run, a bare Fastify + pg primary-key read server under the same concurrency.
 *
 *   npm run bench:load                              100 users for 300 s, then the baseline
 *   npm run bench:load -- --users 10 --seconds 10   a short run
 *
 * Prints throughput, p50, p99 and errors (must be 0) for both, and the ratio. Exits 1 on errors.
 */
import { parseArgs } from "node:util";
import { startCluster } from "../scripts/pg-cluster";
import { newDatabase } from "../server/faults/databases";
import { formatFigures, loadBaseline, loadOpenNrm } from "../server/faults/load";
import { serverProcess } from "../server/faults/server-process";

const say = (text: string) => process.stdout.write(`${text}\n`);
const { values } = parseArgs({
  options: { users: { type: "string", default: "100" }, seconds: { type: "string", default: "300" } },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
if (!Number.isInteger(users) || users < 1) throw new Error("--users takes a positive whole number");
if (!(seconds > 0)) throw new Error("--seconds takes a positive number");

const cluster = await startCluster();
let failed = false;
try {
  const server = await serverProcess({ env: { DATABASE_URL: await newDatabase(cluster.url, "load") } });
  try {
    say(`OpenNRM started in ${await server.start()} ms; ${users} users for ${seconds} s…`);
    const opennrm = await loadOpenNrm(server.url, users, seconds);
    say(formatFigures(opennrm));
    await server.stop();
    say(`\nBaseline: ${users} users for ${seconds} s…`);
    const baseline = await loadBaseline(await newDatabase(cluster.url, "baseline"), users, seconds);
    say(formatFigures(baseline));
    say(
      `\nRatio (baseline / OpenNRM): throughput ${(baseline.throughput / opennrm.throughput).toFixed(1)}×, ` +
        `p50 ${(opennrm.p50 / baseline.p50).toFixed(1)}×, p99 ${(opennrm.p99 / baseline.p99).toFixed(1)}× slower`,
    );
    failed = opennrm.errors > 0 || baseline.errors > 0;
  } finally {
    await server.destroy();
  }
} finally {
  await cluster.stop();
}
process.exit(failed ? 1 : 0);
