/**
 * The statistics dashboard over a large synthetic population, on PostgreSQL (issue 8: each
 * dashboard query within 1 s over 1,000,000 cases).
 *
 *   npm run bench:statistics                    1,000,000 cases, 3 timed runs per query
 *   npm run bench:statistics -- --cases 100000  a smaller population (a smoke run)
 *
 * A throwaway cluster (scripts/pg-cluster.ts) gets the migrations, then rows written directly in
 * SQL (generate_series): persons and cases over 25 years, seven regions and ten agencies, an exact
 * identity key for 95 % of persons with one in twenty keys shared by two records (re-identified
 * people), referrals, assistance services and approved closures for part of the cases. Sealed
 * columns hold placeholder bytes: the dashboard never reads them. Each query is the dashboard API's
 * function as the route calls it, run once to warm up, then timed.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { startCluster, type Cluster } from "../scripts/pg-cluster";
import { agencies, users } from "../server/modules/agencies/schema";
import { dashboard, type StatisticsFilters } from "../server/modules/statistics/queries";
import { defaultSmallCellThreshold } from "../server/modules/statistics/rules";
import type { Actor } from "../server/platform/auth/actor";
import { dataKeys } from "../server/platform/crypto/schema";
import { fingerprint } from "../server/platform/crypto/master-key";
import { openRuntime } from "../server/platform/startup";

const say = (text: string) => process.stdout.write(`${text}\n`);

async function createDatabase(superuserUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(superuserUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { cases: { type: "string" }, runs: { type: "string" } },
    strict: true,
  });
  const total = Number(values.cases ?? 1_000_000);
  const runs = Number(values.runs ?? 3);
  if (!Number.isInteger(total) || total < 1000) throw new Error("--cases must be a whole number ≥ 1000");

  let cluster: Cluster | undefined;
  try {
    cluster = await startCluster();
    const url = await createDatabase(cluster.url, "opennrm_bench_statistics");
    const key = randomBytes(32);
    const { ctx, database } = await openRuntime({
      target: { kind: "postgres", url },
      masterKey: { key, id: fingerprint(key) },
      jurisdiction: "kosovo",
    });
    try {
      const db = ctx.db;
      const agencyRows = await db
        .insert(agencies)
        .values(
          Array.from({ length: 10 }, (_, i) => ({
            code: `bench-${i}`,
            name: `Agency ${i} (benchmark)`,
            type: i === 0 ? ("national_coordinator" as const) : ("police_anti_trafficking" as const),
            region: "prishtine",
          })),
        )
        .returning();
      const [user] = await db
        .insert(users)
        .values({
          username: "bench",
          displayName: "Benchmark",
          agencyId: agencyRows[1]?.id ?? "",
          roles: ["supervisor"],
          language: "en",
          passwordHash: "x",
        })
        .returning();
      const [dataKey] = await db
        .insert(dataKeys)
        .values({ purpose: "person", wrappedKey: Buffer.from([0]), masterKeyId: "bench" })
        .returning();
      if (!user || !dataKey) throw new Error("setup rows not stored");
      const agencyIds = `array[${agencyRows.map((a) => `'${a.id}'::uuid`).join(",")}]`;
      const regions = `array[${ctx.jurisdiction.regions.map((r) => `'${r.code}'`).join(",")}]`;

      say(`PostgreSQL, ${total.toLocaleString("en")} synthetic cases`);
      const started = performance.now();
      const chunk = 100_000;
      for (let from = 1; from <= total; from += chunk) {
        const to = Math.min(total, from + chunk - 1);
        await db.execute(
          sql.raw(`
          insert into persons (id, data_key_id, given_name_sealed, gender, citizenship)
          select md5('p' || g)::uuid, '${dataKey.id}', '\\x00'::bytea,
                 (array['Feminine','Feminine','Feminine','Masculine'])[1 + g % 4],
                 array[(array['XK','MD','RO','UA','BG','AL','RS','XK'])[1 + g % 8]]
          from generate_series(${from}, ${to}) g`),
        );
        await db.execute(
          sql.raw(`
          insert into cases (id, reference, person_id, pathway, trafficking_status, age_at_identification,
                             identification_date, identification_region, source, exploitation_types,
                             identifying_agency_id, created_by)
          select md5('c' || g)::uuid, 'BENCH-' || g, md5('p' || g)::uuid,
                 (array['foreign_adult','domestic_adult','child'])[1 + g % 3],
                 'PossibleVictimOfTrafficking',
                 case when g % 13 = 0 then null else 10 + g % 40 end,
                 date '2001-01-01' + (g % 9125),
                 (${regions})[1 + g % 7],
                 (array['police_raid','border_police','ngo','hotline','self_referral'])[1 + g % 5],
                 case when g % 5 = 0 then array['ForcedLabour'] else array['SexualExploitation'] end,
                 (${agencyIds})[1 + g % 10], '${user.id}'
          from generate_series(${from}, ${to}) g`),
        );
        await db.execute(
          sql.raw(`
          insert into case_team (case_id, agency_id, scopes)
          select md5('c' || g)::uuid, (${agencyIds})[1 + g % 10], '{identity,circumstances}'
          from generate_series(${from}, ${to}) g`),
        );
        await db.execute(
          sql.raw(`
          insert into statistics_person_identities (person_id, identity_key, derived_at)
          select md5('p' || g)::uuid,
                 decode(md5('k' || case when g % 20 = 0 then g - 1 else g end), 'hex'), now()
          from generate_series(${from}, ${to}) g where g % 20 <> 7`),
        );
        await db.execute(
          sql.raw(`
          insert into referrals (case_id, from_agency_id, to_agency_id, purpose, status, referred_by, referred_at)
          select md5('c' || g)::uuid, (${agencyIds})[1 + g % 10], (${agencyIds})[1 + (g + 1) % 10], 'service',
                 (array['pending','accepted','declined','revoked'])[1 + g % 4], '${user.id}',
                 timestamptz '2001-01-01 12:00+00' + (g % 9125) * interval '1 day'
          from generate_series(${from}, ${to}) g where g % 3 = 0`),
        );
        await db.execute(
          sql.raw(`
          insert into assistance_services (case_id, service, start_date, status, recorded_by, agency_id, recorded_at, updated_by, updated_at)
          select md5('c' || g)::uuid, (array['medical','psychological','legal_counsel','safe_housing'])[1 + g % 4],
                 date '2001-01-01' + (g % 9125), (array['in_progress','delivered','ended','planned'])[1 + g % 4],
                 '${user.id}', (${agencyIds})[1 + g % 10], now(), '${user.id}', now()
          from generate_series(${from}, ${to}) g where g % 3 = 1`),
        );
        await db.execute(
          sql.raw(`
          insert into case_closures (case_id, outcome, status, proposed_by, proposed_at, approved_by, approved_at)
          select md5('c' || g)::uuid, (array['returned_home','integrated_locally','international_protection','lost_contact'])[1 + g % 4],
                 'approved', '${user.id}', timestamptz '2001-06-01 12:00+00' + (g % 9000) * interval '1 day',
                 '${user.id}', timestamptz '2001-06-01 12:00+00' + (g % 9000) * interval '1 day'
          from generate_series(${from}, ${to}) g where g % 5 = 2`),
        );
        process.stdout.write(`\r  written ${to.toLocaleString("en")}`);
      }
      await db.execute(sql`analyze`);
      say(`\n  data written and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      const actor = (agencyIndex: number, role: "coordinator" | "supervisor"): Actor => ({
        userId: user.id,
        username: "bench",
        displayName: "Benchmark",
        agencyId: agencyRows[agencyIndex]?.id ?? "",
        agencyType: agencyIndex === 0 ? "national_coordinator" : "police_anti_trafficking",
        roles: [role],
        language: "en",
        ip: null,
        sessionId: "",
      });
      const k = defaultSmallCellThreshold;
      const queries: [string, Actor, StatisticsFilters][] = [
        ["national, all years", actor(0, "coordinator"), { k }],
        ["national, 2020–2024", actor(0, "coordinator"), { k, fromYear: 2020, toYear: 2024 }],
        ["national, one region", actor(0, "coordinator"), { k, region: "prizren" }],
        ["national, one agency", actor(0, "coordinator"), { k, agencyId: agencyRows[3]?.id }],
        ["agency supervisor", actor(1, "supervisor"), { k }],
      ];
      const rows: string[] = [];
      let slow = false;
      for (const [name, who, filters] of queries) {
        await dashboard(ctx, who, filters);
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          await dashboard(ctx, who, filters);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)] ?? 0;
        if (median > 1000) slow = true;
        rows.push(
          `  ${name.padEnd(24)} median ${median.toFixed(0).padStart(6)} ms   (${times.map((t) => t.toFixed(0)).join(", ")})`,
        );
      }
      say("dashboard (all tables, one call):");
      for (const row of rows) say(row);
      return slow ? 2 : 0;
    } finally {
      await database.close();
    }
  } finally {
    await cluster?.stop();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping\n`);
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
