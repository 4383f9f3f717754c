import { and, count, eq, gte, inArray, isNull, lt, lte, notInArray, sql, type SQL } from "drizzle-orm";
import type { StatisticsDashboard, StatTable, StatTableId } from "../../../shared/statistics";
import { pathways } from "../../../shared/vocabulary";
import { type Actor, hasRole } from "../../platform/auth/actor";
import { type AppContext, reportingContext } from "../../platform/context";
import { Forbidden } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { assistanceServicesGiven, reflectionExtensions } from "../assistance/schema";
import { cases, caseTeam, persons } from "../cases/schema";
import { caseClosures } from "../pathway/schema";
import { intelArrests, intelOperationCases, intelOperations } from "../intelligence/schema";
import { justiceFigures } from "../justice/queries";
import { justiceCharges, justiceProceedings } from "../justice/schema";
import { referrals } from "../referrals/schema";
import { shelterStays } from "../shelters/schema";
import { ageBand, ageBands, type CountTable, minorBands, originOf, publishTable } from "./rules";
import { statisticsCaseFacts, statisticsIdentifiedCells, statisticsPersonIdentities } from "./schema";

/**
 * Counts, never identities. The national coordinator counts every case; a supervisor the cases of
 * their agency's teams.
 */
export async function caseCounts(ctx: AppContext, actor: Actor) {
  const national = hasRole(actor, "coordinator");
  if (!national && !hasRole(actor, "supervisor")) throw new Forbidden();
  const year = sql<number>`extract(year from ${cases.identificationDate})::int`;
  const scope = national
    ? undefined
    : sql`exists (select 1 from ${caseTeam} where ${and(eq(caseTeam.caseId, cases.id), eq(caseTeam.agencyId, actor.agencyId), isNull(caseTeam.removedAt))})`;
  const byPathwayRows = await ctx.db
    .select({ pathway: cases.pathway, n: count() })
    .from(cases)
    .where(scope)
    .groupBy(cases.pathway);
  const byYear = await ctx.db
    .select({ year, count: count() })
    .from(cases)
    .where(scope)
    .groupBy(year)
    .orderBy(year);
  const byPathway = Object.fromEntries(
    pathways.map((p) => [p, byPathwayRows.find((r) => r.pathway === p)?.n ?? 0]),
  );
  return { total: byPathwayRows.reduce((sum, r) => sum + r.n, 0), byPathway, byYear };
}

export interface StatisticsFilters {
  fromYear?: number | undefined;
  toYear?: number | undefined;
  region?: string | undefined;
  agencyId?: string | undefined;
  k: number;
}

/**
 * Who reads what. The national coordinator reads every case's counts but holds no access to
 * identities, so small cells are suppressed for them (DOMAIN.md: small cells protect the roles
 * without access to identities). A supervisor reads their agency's cases, whose identities their
 * role may open on the team: their dashboard is exact. Every export is suppressed, whoever asks.
 */
export function statisticsReader(actor: Actor): { national: boolean; exact: boolean } {
  if (hasRole(actor, "coordinator")) return { national: true, exact: false };
  if (hasRole(actor, "supervisor")) return { national: false, exact: true };
  throw new Forbidden();
}

/** The cases a reader counts, with the filters of the request. */
function caseConditions(actor: Actor, national: boolean, filters: StatisticsFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (!national)
    conditions.push(
      sql`exists (select 1 from ${caseTeam} where ${and(eq(caseTeam.caseId, cases.id), eq(caseTeam.agencyId, actor.agencyId), isNull(caseTeam.removedAt))})`,
    );
  if (filters.region) conditions.push(eq(cases.identificationRegion, filters.region));
  if (filters.agencyId && national) conditions.push(eq(cases.identifyingAgencyId, filters.agencyId));
  return and(...conditions);
}

/** The same conditions over the per-case facts. */
function factConditions(actor: Actor, national: boolean, filters: StatisticsFilters): SQL | undefined {
  const facts = statisticsCaseFacts;
  const conditions: (SQL | undefined)[] = [];
  if (!national)
    conditions.push(
      sql`exists (select 1 from ${caseTeam} where ${and(eq(caseTeam.caseId, facts.caseId), eq(caseTeam.agencyId, actor.agencyId), isNull(caseTeam.removedAt))})`,
    );
  if (filters.region) conditions.push(eq(facts.region, filters.region));
  if (filters.agencyId && national) conditions.push(eq(facts.identifyingAgencyId, filters.agencyId));
  return and(...conditions);
}

const yearBetween = (year: number, filters: StatisticsFilters) =>
  (filters.fromYear === undefined || year >= filters.fromYear) &&
  (filters.toYear === undefined || year <= filters.toYear);

/** Rows × columns of counts from labelled increments. */
class Tally {
  private readonly counts = new Map<string, Map<string, number>>();
  add(row: string, column: string, n: number) {
    const r = this.counts.get(row) ?? new Map<string, number>();
    this.counts.set(row, r);
    r.set(column, (r.get(column) ?? 0) + n);
  }
  table(columnOrder?: readonly string[]): { rows: string[]; columns: string[]; cells: number[][] } {
    const rows = [...this.counts.keys()].sort();
    const seen = new Set<string>();
    for (const r of this.counts.values()) for (const c of r.keys()) seen.add(c);
    const columns = columnOrder ? columnOrder.filter((c) => seen.has(c)) : [...seen].sort();
    const cells = rows.map((row) => columns.map((c) => this.counts.get(row)?.get(c) ?? 0));
    return { rows, columns, cells };
  }
}

/**
 * The dashboard: people identified (each person once, in the year of their first identification,
 * by the exact identity key), re-identifications apart, referrals, assistance taken up, outcomes
 * and shelter occupancy. Every figure passes small-cell suppression unless the reader is exact.
 */
export async function dashboard(
  context: AppContext,
  actor: Actor,
  filters: StatisticsFilters,
  options: { forceSuppression?: boolean; exactForNoise?: boolean } = {},
): Promise<StatisticsDashboard> {
  // Read only: on the read replica when there is one (docs/operations.md).
  const ctx = reportingContext(context);
  const { national, exact } = statisticsReader(actor);
  // Exact counts leave this module only as they are, to a reader who may see them, or noised by
  // a differentially private release (releases.ts).
  const k = options.exactForNoise || (exact && !options.forceSuppression) ? null : filters.k;
  const homeCountries = ctx.jurisdiction.homeCountries;
  // A literal, not a parameter: the same expression must appear in SELECT and GROUP BY. The zone
  // comes from the validated jurisdiction configuration, quoted as an SQL string.
  const zone = sql.raw(`'${ctx.jurisdiction.timeZone.replace(/'/g, "''")}'`);

  // Every figure reads the per-case facts (statisticsCaseFacts), one narrow row per case kept by
  // the database in the same transaction as the case's writes, instead of cases ⋈ persons.
  const facts = statisticsCaseFacts;
  const where = factConditions(actor, national, filters);
  // A case is its person's first identification within the cases counted when no other counted
  // case holds the same identity key before it. Keys held by one case only (`repeated` false) are
  // first at once; only the repeated ones are numbered. A year filter narrows the single ones in
  // SQL, never the repeated ones: a person first identified before the period is re-identified in it.
  const years = and(
    filters.fromYear === undefined ? undefined : gte(facts.year, filters.fromYear),
    filters.toYear === undefined ? undefined : lte(facts.year, filters.toYear),
  );
  const numbered = ctx.db.$with("numbered").as(
    ctx.db
      .select({
        year: sql<number>`${facts.year}`.as("year"),
        age: sql<number | null>`${facts.age}`.as("age"),
        source: sql<string>`${facts.source}`.as("source"),
        exploitation: sql<string[]>`${facts.exploitationTypes}`.as("exploitation"),
        gender: sql<string>`${facts.gender}`.as("gender"),
        citizenship: sql<string[]>`${facts.citizenship}`.as("citizenship"),
        first:
          sql<boolean>`(row_number() over (partition by ${facts.personKey} order by ${facts.identificationDate}, ${facts.createdAt}, ${facts.caseId}) = 1)`.as(
            "first",
          ),
      })
      .from(facts)
      .where(and(where, eq(facts.repeated, true))),
  );
  // The national reader sums the counted cells: all of them with no region or agency (each case's
  // `first` is then its first among the cases counted), else those of keys held by one case.
  const cells = statisticsIdentifiedCells;
  const unfiltered = national && !filters.region && !filters.agencyId;
  const cellQuery = ctx.db
    .select({
      year: cells.year,
      first: cells.first,
      age: cells.age,
      source: cells.source,
      exploitation: cells.exploitationTypes,
      gender: cells.gender,
      citizenship: cells.citizenship,
      n: sql<number>`sum(${cells.n})::int`,
    })
    .from(cells)
    .where(
      and(
        filters.region ? eq(cells.region, filters.region) : undefined,
        filters.agencyId ? eq(cells.identifyingAgencyId, filters.agencyId) : undefined,
        unfiltered ? undefined : eq(cells.repeated, false),
        filters.fromYear === undefined ? undefined : gte(cells.year, filters.fromYear),
        filters.toYear === undefined ? undefined : lte(cells.year, filters.toYear),
      ),
    )
    .groupBy(
      cells.year,
      cells.first,
      cells.age,
      cells.source,
      cells.exploitationTypes,
      cells.gender,
      cells.citizenship,
    );
  const singleQuery = ctx.db
    .select({
      year: facts.year,
      first: sql<boolean>`true`,
      age: facts.age,
      source: facts.source,
      exploitation: facts.exploitationTypes,
      gender: facts.gender,
      citizenship: facts.citizenship,
      n: sql<number>`count(*)::int`,
    })
    .from(facts)
    .where(and(where, eq(facts.repeated, false), years))
    .groupBy(facts.year, facts.age, facts.source, facts.exploitationTypes, facts.gender, facts.citizenship);
  const repeatedQuery = ctx.db
    .with(numbered)
    .select({
      year: numbered.year,
      first: numbered.first,
      age: numbered.age,
      source: numbered.source,
      exploitation: numbered.exploitation,
      gender: numbered.gender,
      citizenship: numbered.citizenship,
      n: sql<number>`count(*)::int`,
    })
    .from(numbered)
    .groupBy(
      numbered.year,
      numbered.first,
      numbered.age,
      numbered.source,
      numbered.exploitation,
      numbered.gender,
      numbered.citizenship,
    );
  // The counted cases, for figures that count distinct people only.
  const scoped = ctx.db.$with("scoped").as(
    ctx.db
      .select({
        caseId: sql<string>`${facts.caseId}`.as("scoped_case_id"),
        personKey: sql<string>`encode(${facts.personKey}, 'hex')`.as("scoped_person_key"),
      })
      .from(facts)
      .where(where),
  );
  // Every case has its facts row: with no condition, figures of cases need no join at all.
  // A team's cases come from the team index itself; the facts are read only for a region or agency.
  const narrowed = and(
    filters.region ? eq(facts.region, filters.region) : undefined,
    filters.agencyId && national ? eq(facts.identifyingAgencyId, filters.agencyId) : undefined,
  );
  const ofCounted = (caseId: typeof referrals.caseId | typeof caseClosures.caseId) =>
    and(
      national
        ? undefined
        : inArray(
            caseId,
            ctx.db
              .select({ caseId: caseTeam.caseId })
              .from(caseTeam)
              .where(and(eq(caseTeam.agencyId, actor.agencyId), isNull(caseTeam.removedAt))),
          ),
      narrowed
        ? inArray(caseId, ctx.db.select({ caseId: facts.caseId }).from(facts).where(narrowed))
        : undefined,
    );
  const referralYear = sql<number>`extract(year from (${referrals.referredAt} at time zone ${zone}))::int`;
  const referralQuery = ctx.db
    .select({ year: referralYear, status: referrals.status, n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(ofCounted(referrals.caseId))
    .groupBy(referralYear, referrals.status);
  const serviceYear = sql<number>`extract(year from ${assistanceServicesGiven.startDate})::int`;
  // With no condition, a case whose key no other case holds is one person by itself: its services
  // are counted by case without reading its facts; only the repeated keys' cases are joined.
  const takenUp = inArray(assistanceServicesGiven.status, ["in_progress", "delivered", "ended"]);
  const repeatedCases = ctx.db.select({ caseId: facts.caseId }).from(facts).where(eq(facts.repeated, true));
  const singleServiceQuery = ctx.db
    .select({
      year: serviceYear,
      service: assistanceServicesGiven.service,
      n: sql<number>`count(distinct ${assistanceServicesGiven.caseId})::int`,
    })
    .from(assistanceServicesGiven)
    .where(and(takenUp, notInArray(assistanceServicesGiven.caseId, repeatedCases)))
    .groupBy(serviceYear, assistanceServicesGiven.service);
  const repeatedServiceQuery = ctx.db
    .select({
      year: serviceYear,
      service: assistanceServicesGiven.service,
      n: sql<number>`count(distinct ${facts.personKey})::int`,
    })
    .from(assistanceServicesGiven)
    .innerJoin(facts, eq(facts.caseId, assistanceServicesGiven.caseId))
    .where(and(takenUp, eq(facts.repeated, true)))
    .groupBy(serviceYear, assistanceServicesGiven.service);
  const serviceQuery = ctx.db
    .select({
      year: serviceYear,
      service: assistanceServicesGiven.service,
      n: sql<number>`count(distinct ${facts.personKey})::int`,
    })
    .from(assistanceServicesGiven)
    .innerJoin(facts, eq(facts.caseId, assistanceServicesGiven.caseId))
    .where(and(where, inArray(assistanceServicesGiven.status, ["in_progress", "delivered", "ended"])))
    .groupBy(serviceYear, assistanceServicesGiven.service);
  const extensionYear = sql<number>`extract(year from (${reflectionExtensions.extendedAt} at time zone ${zone}))::int`;
  const extensionQuery = ctx.db
    .select({
      year: extensionYear,
      citizenship: facts.citizenship,
      n: sql<number>`count(distinct ${facts.personKey})::int`,
    })
    .from(reflectionExtensions)
    .innerJoin(facts, eq(facts.caseId, reflectionExtensions.caseId))
    .where(where)
    .groupBy(extensionYear, facts.citizenship);
  const closureYear = sql<number>`extract(year from (${caseClosures.approvedAt} at time zone ${zone}))::int`;
  const closureQuery = ctx.db
    .select({ year: closureYear, outcome: caseClosures.outcome, n: sql<number>`count(*)::int` })
    .from(caseClosures)
    .where(and(ofCounted(caseClosures.caseId), eq(caseClosures.status, "approved")))
    .groupBy(closureYear, caseClosures.outcome);
  // Independent queries, answered together (on PostgreSQL, on several pool connections).
  const nothing = Promise.resolve([] as never[]);
  const [
    singles,
    repeats,
    referralRows,
    serviceRows,
    singleServiceRows,
    repeatedServiceRows,
    closureRows,
    extensionRows,
  ] = await Promise.all([
    national ? cellQuery : singleQuery,
    unfiltered ? nothing : repeatedQuery,
    referralQuery,
    unfiltered ? nothing : serviceQuery,
    unfiltered ? singleServiceQuery : nothing,
    unfiltered ? repeatedServiceQuery : nothing,
    closureQuery,
    extensionQuery,
  ]);

  const origin = new Tally();
  const citizenship = new Tally();
  const age = new Tally();
  const gender = new Tally();
  const exploitation = new Tally();
  const source = new Tally();
  const reidentified = new Tally();
  for (const g of [...singles, ...repeats]) {
    if (!yearBetween(g.year, filters)) continue;
    const year = String(g.year);
    const from = originOf(g.citizenship, homeCountries);
    if (!g.first) {
      reidentified.add(year, from, g.n);
      continue;
    }
    origin.add(year, from, g.n);
    citizenship.add(year, g.citizenship[0] ?? "unknown", g.n);
    age.add(year, ageBand(g.age), g.n);
    gender.add(year, g.gender, g.n);
    source.add(year, g.source, g.n);
    for (const type of new Set(g.exploitation)) exploitation.add(year, type, g.n);
  }

  const tables: StatTable[] = [];
  const publish = (
    id: StatTableId,
    rowDimension: StatTable["rowDimension"],
    columnDimension: StatTable["columnDimension"],
    tally: Tally,
    margins: { rowTotals: boolean; columnTotals: boolean },
    columnOrder?: readonly string[],
    threshold: number | null = k,
  ) => {
    const { rows, columns, cells } = tally.table(columnOrder);
    const counts: CountTable = { cells, ...margins };
    tables.push(publishTable({ id, rowDimension, columnDimension, rows, columns }, counts, threshold));
  };
  const additive = { rowTotals: true, columnTotals: true };
  const origins = ["domestic", "foreign", "unknown"];
  publish("identified_origin", "year", "origin", origin, additive, origins);
  publish("identified_citizenship", "year", "citizenship", citizenship, additive);
  publish("identified_age", "year", "ageBand", age, additive, ageBands);
  publish("identified_gender", "year", "gender", gender, additive);
  // One person may suffer several forms of exploitation: columns overlap, so no row totals.
  publish("identified_exploitation", "year", "exploitation", exploitation, {
    rowTotals: false,
    columnTotals: true,
  });
  publish("identified_source", "year", "source", source, additive);
  publish("reidentified_origin", "year", "origin", reidentified, additive, origins);

  // Referrals by the year they were made and where they stand.
  const referralTally = new Tally();
  for (const r of referralRows)
    if (yearBetween(r.year, filters)) referralTally.add(String(r.year), r.status, r.n);
  publish("referrals_status", "year", "referralStatus", referralTally, additive, [
    "pending",
    "accepted",
    "declined",
    "revoked",
  ]);

  // Assistance taken up: people who started a service (not planned, not declined) in the year.
  const serviceTally = new Tally();
  for (const r of [...serviceRows, ...singleServiceRows, ...repeatedServiceRows])
    if (yearBetween(r.year, filters)) serviceTally.add(String(r.year), r.service, r.n);
  // A person may take up several services, and in several years: no margin is a sum.
  publish("assistance_service", "year", "service", serviceTally, { rowTotals: false, columnTotals: false });

  // Outcomes of approved closures, by the year of approval.
  const outcomeTally = new Tally();
  for (const r of closureRows)
    if (yearBetween(r.year, filters)) outcomeTally.add(String(r.year), r.outcome, r.n);
  publish("outcomes", "year", "outcome", outcomeTally, additive);

  // Reflection periods extended (DOMAIN.md step 5), people by the year of the extension and origin.
  // Within a year each person has one origin; across years a person may be extended twice.
  const extensionTally = new Tally();
  for (const r of extensionRows)
    if (yearBetween(r.year, filters))
      extensionTally.add(String(r.year), originOf(r.citizenship, homeCountries), r.n);
  publish(
    "reflection_extensions",
    "year",
    "origin",
    extensionTally,
    { rowTotals: true, columnTotals: false },
    origins,
  );

  // Shelter occupancy: people staying in a shelter at any time of each month.
  const today = localDate(ctx.now(), ctx.jurisdiction.timeZone);
  const months = monthsOf(filters, today);
  const first = months[0];
  const last = months[months.length - 1];
  const occupancy = new Tally();
  if (first && last) {
    const stays = await ctx.db
      .with(scoped)
      .select({
        personKey: scoped.personKey,
        admittedOn: shelterStays.admittedOn,
        dischargedOn: shelterStays.dischargedOn,
      })
      .from(shelterStays)
      .innerJoin(scoped, eq(scoped.caseId, shelterStays.caseId))
      .where(
        and(
          lt(shelterStays.admittedOn, monthAfter(last)),
          sql`(${shelterStays.dischargedOn} is null or ${gte(shelterStays.dischargedOn, `${first}-01`)})`,
        ),
      );
    for (const m of months) {
      const people = new Set<string>();
      for (const stay of stays)
        if (m >= stay.admittedOn.slice(0, 7) && m <= (stay.dischargedOn ?? today).slice(0, 7))
          people.add(stay.personKey);
      occupancy.add(m, "people", people.size);
    }
  }
  // People stay across months: neither margin is a sum.
  publish("shelter_occupancy", "month", "people", occupancy, { rowTotals: false, columnTotals: false });

  // Police operations → people identified in them → arrests (seeds 001, 003: raids, victims
  // identified, traffickers arrested), by the year of the operation, for the national reader. The
  // columns count different things: no margin is a sum.
  if (national) {
    const operationYear = sql<number>`extract(year from ${intelOperations.conductedOn})::int`;
    const ofOperations = and(
      filters.region ? eq(intelOperations.region, filters.region) : undefined,
      filters.agencyId ? eq(intelOperations.agencyId, filters.agencyId) : undefined,
    );
    const [operationRows, identifiedRows, arrestRows] = await Promise.all([
      ctx.db
        .select({
          year: operationYear,
          operations: sql<number>`count(*)::int`,
          found: sql<number>`coalesce(sum(${intelOperations.peopleFound}), 0)::int`,
        })
        .from(intelOperations)
        .where(ofOperations)
        .groupBy(operationYear),
      ctx.db
        .select({ year: operationYear, n: sql<number>`count(*)::int` })
        .from(intelOperationCases)
        .innerJoin(intelOperations, eq(intelOperations.id, intelOperationCases.operationId))
        .where(ofOperations)
        .groupBy(operationYear),
      ctx.db
        .select({ year: operationYear, n: sql<number>`count(*)::int` })
        .from(intelArrests)
        .innerJoin(intelOperations, eq(intelOperations.id, intelArrests.operationId))
        .where(ofOperations)
        .groupBy(operationYear),
    ]);
    const police = new Tally();
    for (const r of operationRows)
      if (yearBetween(r.year, filters)) {
        police.add(String(r.year), "operations", r.operations);
        police.add(String(r.year), "people_found", r.found);
      }
    for (const r of identifiedRows)
      if (yearBetween(r.year, filters)) police.add(String(r.year), "people_identified", r.n);
    for (const r of arrestRows) if (yearBetween(r.year, filters)) police.add(String(r.year), "arrests", r.n);
    publish("police_operations", "year", "policeFigure", police, { rowTotals: false, columnTotals: false }, [
      "operations",
      "people_found",
      "people_identified",
      "arrests",
    ]);
  }

  // The prosecution funnel (proceedings opened → defendants charged → defendants convicted) and
  // the sentences against the statutory ranges, by year (DOMAIN.md "Numbers"; seed 002 on sentences
  // under the minimum), from the justice module's own figures. They are national: a proceeding has
  // no region and is not one agency's case, so neither filter applies and the figures are left out
  // when one is set. A supervisor's exact counts cover their agency's cases only: these national
  // figures are suppressed for every reader.
  if (!filters.region && !filters.agencyId) {
    const justiceThreshold = options.exactForNoise ? null : (k ?? filters.k);
    const justice = await prosecutionTallies(ctx, filters, zone);
    publish(
      "prosecution_funnel",
      "year",
      "prosecutionStage",
      justice.funnel,
      // Each column counts something else (proceedings, defendants): no margin is a sum.
      { rowTotals: false, columnTotals: false },
      prosecutionStages,
      justiceThreshold,
    );
    // Convicted charges partition by the range check: both margins are sums.
    publish(
      "sentences_range",
      "year",
      "rangeCheck",
      justice.sentences,
      additive,
      rangeCheckColumns,
      justiceThreshold,
    );
  }

  const ageTable = tables.find((t) => t.id === "identified_age");
  const minorsShare = (ageTable?.rows ?? []).map((year, i) => {
    const total = ageTable?.rowTotals?.[i] ?? null;
    let minors: number | null = 0;
    ageTable?.columns.forEach((band, j) => {
      if (!minorBands.includes(band as (typeof minorBands)[number])) return;
      const v = ageTable.cells[i]?.[j] ?? null;
      minors = v === null || minors === null ? null : minors + v;
    });
    const share = total === null || minors === null || total === 0 ? null : minors / total;
    return { year, share };
  });

  return { scope: national ? "national" : "agency", k, tables, minorsShare };
}

/** The stages of the prosecution funnel, in order. */
export const prosecutionStages = ["proceedings", "charged", "convicted"] as const;
/** Sentences of convicted charges against the statutory range of the offence. */
export const rangeCheckColumns = ["below_minimum", "within", "above_maximum"] as const;
/** At most this many years of justice figures are read (one query each). */
const maxJusticeYears = 60;

/**
 * Proceedings opened in each year, and for each year in which charges were brought the justice
 * module's funnel (defendants charged, convicted) and its sentences against the statutory ranges
 * summed over the law's sections.
 */
async function prosecutionTallies(
  ctx: AppContext,
  filters: StatisticsFilters,
  zone: SQL,
): Promise<{ funnel: Tally; sentences: Tally }> {
  const openedYear = sql<number>`extract(year from (${justiceProceedings.openedAt} at time zone ${zone}))::int`;
  const chargedYear = sql<number>`extract(year from ${justiceCharges.chargedOn})::int`;
  const [opened, charged] = await Promise.all([
    ctx.db
      .select({ year: openedYear, n: sql<number>`count(*)::int` })
      .from(justiceProceedings)
      .groupBy(openedYear),
    ctx.db.selectDistinct({ year: chargedYear }).from(justiceCharges),
  ]);
  const funnel = new Tally();
  const sentences = new Tally();
  for (const r of opened) if (yearBetween(r.year, filters)) funnel.add(String(r.year), "proceedings", r.n);
  const years = charged
    .map((r) => r.year)
    .filter((y) => yearBetween(y, filters))
    .sort((a, b) => b - a)
    .slice(0, maxJusticeYears);
  const figures = await Promise.all(years.map((year) => justiceFigures(ctx, year)));
  for (const f of figures) {
    const year = String(f.year);
    funnel.add(year, "proceedings", 0);
    funnel.add(year, "charged", f.funnel.charged);
    funnel.add(year, "convicted", f.funnel.convicted);
    const sum = (pick: (s: (typeof f.sections)[number]) => number) =>
      f.sections.reduce((n, s) => n + pick(s), 0);
    sentences.add(
      year,
      "below_minimum",
      sum((s) => s.belowMinimum),
    );
    sentences.add(
      year,
      "within",
      sum((s) => s.within),
    );
    sentences.add(
      year,
      "above_maximum",
      sum((s) => s.aboveMaximum),
    );
  }
  // A year with proceedings but no charge yet: nobody charged, nobody convicted.
  for (const r of opened)
    if (yearBetween(r.year, filters)) {
      funnel.add(String(r.year), "charged", 0);
      funnel.add(String(r.year), "convicted", 0);
    }
  return { funnel, sentences };
}

/** The months shown: the filtered years (up to this month), else the twelve months to this one. */
export function monthsOf(filters: Pick<StatisticsFilters, "fromYear" | "toYear">, today: string): string[] {
  const current = today.slice(0, 7);
  const [cy, cm] = current.split("-").map(Number) as [number, number];
  let start: [number, number];
  let end: [number, number];
  if (filters.fromYear !== undefined || filters.toYear !== undefined) {
    start = [filters.fromYear ?? filters.toYear ?? cy, 1];
    end = [filters.toYear ?? cy, 12];
  } else {
    start = cm === 12 ? [cy, 1] : [cy - 1, cm + 1];
    end = [cy, cm];
  }
  const months: string[] = [];
  let [y, m] = start;
  while ((y < end[0] || (y === end[0] && m <= end[1])) && months.length < 600) {
    const label = `${y}-${String(m).padStart(2, "0")}`;
    if (label > current) break;
    months.push(label);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

/** The first day of the month after a YYYY-MM month. */
export function monthAfter(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/**
 * One row per person (their first identification) for the record-level export: codes only, the
 * age as a band and the date as a year. The caller makes the rows k-anonymous before they leave.
 */
export async function personRecords(ctx: AppContext, actor: Actor, filters: StatisticsFilters) {
  const { national } = statisticsReader(actor);
  const where = caseConditions(actor, national, filters);
  const personKey = sql`coalesce(${statisticsPersonIdentities.identityKey}, uuid_send(${cases.personId}))`;
  const numbered = ctx.db.$with("numbered").as(
    ctx.db
      .select({
        year: sql<number>`extract(year from ${cases.identificationDate})::int`.as("year"),
        age: sql<number | null>`${cases.ageAtIdentification}`.as("age"),
        exploitation: sql<string[]>`${cases.exploitationTypes}`.as("exploitation"),
        traffickingStatus: sql<string>`${cases.traffickingStatus}`.as("trafficking_status"),
        status: sql<string>`${cases.status}`.as("case_status"),
        gender: sql<string>`${persons.gender}`.as("gender"),
        citizenship: sql<string[]>`${persons.citizenship}`.as("citizenship"),
        nth: sql<number>`row_number() over (partition by ${personKey} order by ${cases.identificationDate}, ${cases.createdAt}, ${cases.id})`.as(
          "nth",
        ),
      })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .leftJoin(statisticsPersonIdentities, eq(statisticsPersonIdentities.personId, cases.personId))
      .where(where),
  );
  const rows = await ctx.db
    .with(numbered)
    .select({
      year: numbered.year,
      age: numbered.age,
      exploitation: numbered.exploitation,
      traffickingStatus: numbered.traffickingStatus,
      status: numbered.status,
      gender: numbered.gender,
      citizenship: numbered.citizenship,
    })
    .from(numbered)
    .where(sql`${numbered.nth} = 1`);
  return rows.filter((r) => yearBetween(r.year, filters));
}
