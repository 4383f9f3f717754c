/**
 * How long the scheduler's alert checks take as open child cases pile up, on embedded PGlite.
 *
 *   npm run bench:alerts                  500 child cases
 *   npm run bench:alerts -- --cases 2000
 *
 * A fresh in-memory database (migrations, a random master key, the kosovo jurisdiction) gets a
 * police unit, a centre for social work and the national coordinator. N children are registered
 * through the registration command (each calls social services out: three tasks each). The clock
 * then moves 25 hours on, past every child's deadlines, and every check the server runs is timed:
 *
 *   first run    raises the alerts (overdue tasks with their escalations, missing guardians)
 *   second run   raises nothing (one open alert per subject): the steady cost of each minute
 *
 * The figures are printed; the run exits 1 if the second run raises anything or a check fails.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { registrationInput } from "../shared/registration";
import { agencies, users } from "../server/modules/agencies/schema";
import { alertChecks } from "../server/modules/alerts/checks";
import { runChecks } from "../server/modules/alerts/scheduler";
import { alerts } from "../server/modules/alerts/schema";
import { registerCase } from "../server/modules/cases/commands";
import type { Actor } from "../server/platform/auth/actor";
import { fingerprint } from "../server/platform/crypto/master-key";
import { openRuntime } from "../server/platform/startup";

const HOUR = 3_600_000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cases: { type: "string" } } });
  const cases = Number(values.cases ?? 500);
  if (!Number.isInteger(cases) || cases <= 0) throw new Error("--cases takes a positive whole number");

  let time = new Date("2026-06-15T08:00:00Z");
  const key = randomBytes(32);
  const { ctx, database } = await openRuntime({
    target: { kind: "pglite", dir: undefined },
    masterKey: { key, id: fingerprint(key) },
    jurisdiction: "kosovo",
    now: () => new Date(time),
  });
  try {
    const [police] = await ctx.db
      .insert(agencies)
      .values([
        { code: "bench-thbs", name: "Police unit", type: "police_anti_trafficking", region: "prishtine" },
        { code: "bench-csw", name: "Centre for social work", type: "social_services", region: "prishtine" },
        { code: "bench-nc", name: "National coordinator", type: "national_coordinator", region: null },
      ])
      .returning();
    if (!police) throw new Error("agencies not stored");
    const [user] = await ctx.db
      .insert(users)
      .values({
        username: "bench-police",
        displayName: "Benchmark investigator",
        agencyId: police.id,
        roles: ["police_investigator"],
        language: "en",
        passwordHash: "not-used",
      })
      .returning();
    if (!user) throw new Error("user not stored");
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      agencyId: police.id,
      agencyType: "police_anti_trafficking",
      roles: ["police_investigator"],
      language: "en",
      ip: null,
      sessionId: "bench",
    };

    const registering = performance.now();
    for (let i = 0; i < cases; i++) {
      const input = registrationInput.parse({
        person: { givenName: `Child${i}`, gender: "Feminine", citizenship: ["XK"], birthDate: "2011-03-01" },
        identificationDate: "2026-06-14",
        identificationRegion: "prishtine",
        source: "police_raid",
      });
      await registerCase(ctx, actor, input);
    }
    const registerMs = performance.now() - registering;

    time = new Date(time.getTime() + 25 * HOUR);
    const timed = async () => {
      const started = performance.now();
      const run = await runChecks(ctx, alertChecks);
      return { ms: performance.now() - started, run };
    };
    const first = await timed();
    const second = await timed();
    const [stored] = await ctx.db.select({ n: count() }).from(alerts);

    const raised = (r: typeof first.run) => Object.values(r.raised).reduce((a, b) => a + b, 0);
    const line = (label: string, r: typeof first) =>
      `${label.padEnd(12)} ${r.ms.toFixed(0).padStart(7)} ms   raised ${String(raised(r.run)).padStart(6)}   ` +
      Object.entries(r.run.raised)
        .map(([name, n]) => `${name} ${n}`)
        .join(", ");
    process.stdout.write(
      [
        `alert checks on PGlite (in memory), ${cases} open child cases`,
        `registration ${registerMs.toFixed(0).padStart(7)} ms   (${(cases / (registerMs / 1000)).toFixed(1)} cases/s, not the point here)`,
        line("first run", first),
        line("second run", second),
        `alerts stored ${stored?.n ?? 0}`,
        "",
      ].join("\n"),
    );
    const failed = [...first.run.failed, ...second.run.failed];
    if (failed.length > 0 || raised(second.run) > 0) {
      process.stderr.write(
        `unexpected: failed checks [${failed.join(", ")}], second run raised ${raised(second.run)}\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
