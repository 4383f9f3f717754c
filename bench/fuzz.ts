/**
 * Malformed and hostile requests to every route of the running application, on loopback inject.
 *
 *   npm run bench:fuzz                                  10,000 requests on embedded PGlite
 *   npm run bench:fuzz -- --requests 100000             the full run
 *   npm run bench:fuzz -- --requests 100000 --seed 7    another stream (a failure prints its seed)
 *   OPENNRM_TEST_DATABASE_URL=postgres://... npm run bench:fuzz   on PostgreSQL (a fresh database)
 *
 * The test world of server/hardening/world.ts (a case team of one agency of each kind, the same
 * kinds outside it, every role) is built; then each request is a valid one broken in one way by
 * server/hardening/fuzz.ts. Printed: requests, answers by status class, p50/p99/max milliseconds,
 * batches whose database fingerprint was compared, and every problem (a 5xx, an answer slower than
 * the limit, an error body out of shape, a refused batch that changed the database). Exits 1 on any.
 */
import { parseArgs } from "node:util";
import { percentile, runFuzz } from "../server/hardening/fuzz";
import { collectRoutes } from "../server/hardening/route-table";
import { readShapes } from "../server/hardening/shapes";
import { buildWorld } from "../server/hardening/world";
import { startTestEnvironment, testDatabaseKind } from "../server/testing/harness";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      requests: { type: "string" },
      seed: { type: "string" },
      batch: { type: "string" },
      "time-limit": { type: "string" },
    },
  });
  const requests = Number(values.requests ?? 10_000);
  const seed = Number(values.seed ?? 20_260_615);
  const batch = Number(values.batch ?? 50);
  const timeLimitMs = Number(values["time-limit"] ?? 5_000);
  if (!Number.isInteger(requests) || requests <= 0)
    throw new Error("--requests takes a positive whole number");

  const started = Date.now();
  const env = await startTestEnvironment();
  const world = await buildWorld(env);
  try {
    const routes = collectRoutes(env.app);
    console.log(`database ${testDatabaseKind}, ${routes.length} routes, seed ${seed}, ${requests} requests`);
    const figures = await runFuzz({
      env,
      world,
      routes,
      shapes: readShapes(env.app),
      seed,
      requests,
      batch,
      timeLimitMs,
      progress: (done) => {
        if (done % 10_000 < batch)
          console.log(`  ${done} requests, ${Math.round((Date.now() - started) / 1000)} s`);
      },
    });
    const sorted = [...figures.durations].sort((a, b) => a - b);
    const fiveHundreds = figures.byClass["5xx"] ?? 0;
    console.log(`requests        ${figures.requests}`);
    for (const [statusClass, count] of Object.entries(figures.byClass).sort())
      console.log(`  ${statusClass}           ${count}`);
    console.log(`p50             ${percentile(sorted, 50).toFixed(1)} ms`);
    console.log(`p99             ${percentile(sorted, 99).toFixed(1)} ms`);
    console.log(`max             ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms`);
    console.log(`5xx             ${fiveHundreds} (must be 0)`);
    console.log(`batches compared ${figures.batchesCompared} (database unchanged by every refused batch)`);
    console.log(`problems        ${figures.problems.length}`);
    for (const problem of figures.problems.slice(0, 50))
      console.log(`- ${problem.problem}\n  ${problem.request}`);
    console.log(`elapsed         ${Math.round((Date.now() - started) / 1000)} s`);
    return figures.problems.length > 0 ? 1 : 0;
  } finally {
    world.dispose();
    await env.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
