import { and, asc, count, desc, eq, gte, inArray, lte, ne, or } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { NotFound } from "../../platform/errors";
import { cases } from "../cases/schema";
import { assertCompartment, assertFigures } from "./policy";
import { closureEnds, isOffLimits, listChanges, type OffLimitsEntry, offLimitsStatuses } from "./rules";
import {
  intelArrests,
  intelClosures,
  intelOffLimitsVersions,
  intelOperationCases,
  intelOperations,
  intelPremises,
  intelPremisesEvents,
  intelPremisesParties,
  intelReopeningFlags,
  intelSuspectOperations,
  intelSuspectPremises,
  intelSuspects,
  sealedAt,
} from "./schema";

type PremisesRow = typeof intelPremises.$inferSelect;

/** Every read of sealed intelligence is recorded: who, when, what (ids and counts only). */
async function auditRead(
  ctx: AppContext,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  detail: Record<string, string | number>,
) {
  await ctx.db.transaction((tx) => recordAudit(tx, auditActor(actor), { action, entity, entityId, detail }));
}

async function openPremises(ctx: AppContext, db: Queryable, row: PremisesRow) {
  return {
    id: row.id,
    name: await ctx.keyring.openSystem(db, sealedAt("intel_premises", row.id, "name"), row.name),
    kind: row.kind,
    address: await ctx.keyring.openSystem(db, sealedAt("intel_premises", row.id, "address"), row.address),
    municipality: row.municipality,
    region: row.region,
    status: row.status,
  };
}

/** The premises on the off-limits list as they stand now, by name. */
export async function offLimitsEntries(ctx: AppContext, db: Queryable): Promise<OffLimitsEntry[]> {
  const rows = await db
    .select()
    .from(intelPremises)
    .where(inArray(intelPremises.status, [...offLimitsStatuses]));
  const entries: OffLimitsEntry[] = [];
  for (const row of rows) entries.push(await openPremises(ctx, db, row));
  return entries.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

async function openFlagCounts(db: Queryable) {
  const rows = await db
    .select({ premisesId: intelReopeningFlags.premisesId, n: count() })
    .from(intelReopeningFlags)
    .where(eq(intelReopeningFlags.decision, "open"))
    .groupBy(intelReopeningFlags.premisesId);
  return new Map(rows.map((r) => [r.premisesId, r.n]));
}

export async function listPremises(ctx: AppContext, actor: Actor) {
  assertCompartment(actor);
  const rows = await ctx.db.select().from(intelPremises).orderBy(desc(intelPremises.createdAt));
  const flags = await openFlagCounts(ctx.db);
  const out = [];
  for (const row of rows)
    out.push({
      ...(await openPremises(ctx, ctx.db, row)),
      openFlags: flags.get(row.id) ?? 0,
      offLimits: isOffLimits(row.status),
    });
  await auditRead(ctx, actor, "intelligence.premises.read", "intel_premises", "list", { count: out.length });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

async function premisesNames(ctx: AppContext, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await ctx.db.select().from(intelPremises).where(inArray(intelPremises.id, ids));
  const names = new Map<string, string>();
  for (const row of rows)
    names.set(
      row.id,
      await ctx.keyring.openSystem(ctx.db, sealedAt("intel_premises", row.id, "name"), row.name),
    );
  return names;
}

export async function getPremises(ctx: AppContext, actor: Actor, id: string) {
  assertCompartment(actor);
  const [row] = await ctx.db.select().from(intelPremises).where(eq(intelPremises.id, id));
  if (!row) throw new NotFound();
  const parties = await ctx.db
    .select()
    .from(intelPremisesParties)
    .where(eq(intelPremisesParties.premisesId, id))
    .orderBy(asc(intelPremisesParties.addedAt));
  const history = await ctx.db
    .select()
    .from(intelPremisesEvents)
    .where(eq(intelPremisesEvents.premisesId, id))
    .orderBy(asc(intelPremisesEvents.recordedAt));
  const closures = await ctx.db
    .select()
    .from(intelClosures)
    .where(eq(intelClosures.premisesId, id))
    .orderBy(asc(intelClosures.orderedOn));
  const flags = await ctx.db
    .select()
    .from(intelReopeningFlags)
    .where(or(eq(intelReopeningFlags.premisesId, id), eq(intelReopeningFlags.closedPremisesId, id)))
    .orderBy(asc(intelReopeningFlags.raisedAt));
  const operations = await ctx.db
    .select({ id: intelOperations.id, kind: intelOperations.kind, conductedOn: intelOperations.conductedOn })
    .from(intelOperations)
    .where(eq(intelOperations.premisesId, id))
    .orderBy(desc(intelOperations.conductedOn));
  const suspects = await ctx.db
    .select()
    .from(intelSuspectPremises)
    .innerJoin(intelSuspects, eq(intelSuspects.id, intelSuspectPremises.suspectId))
    .where(eq(intelSuspectPremises.premisesId, id));
  const names = await premisesNames(ctx, [
    ...new Set(flags.flatMap((f) => [f.premisesId, f.closedPremisesId])),
  ]);
  const view = {
    ...(await openPremises(ctx, ctx.db, row)),
    offLimits: isOffLimits(row.status),
    parties: await Promise.all(
      parties.map(async (p) => ({
        id: p.id,
        role: p.role,
        kind: p.kind,
        name: await ctx.keyring.openSystem(ctx.db, sealedAt("intel_premises_parties", p.id, "name"), p.name),
      })),
    ),
    history: history.map((h) => ({
      status: h.status,
      source: h.source,
      effectiveOn: h.effectiveOn,
      recordedAt: h.recordedAt.toISOString(),
    })),
    closures: closures.map((c) => ({
      orderedOn: c.orderedOn,
      authority: c.authority,
      durationDays: c.durationDays,
      endsOn: closureEnds(c.orderedOn, c.durationDays),
    })),
    flags: flags.map((f) => ({
      id: f.id,
      reason: f.reason,
      decision: f.decision,
      raisedAt: f.raisedAt.toISOString(),
      premisesId: f.premisesId,
      premisesName: names.get(f.premisesId) ?? "",
      closedPremisesId: f.closedPremisesId,
      closedPremisesName: names.get(f.closedPremisesId) ?? "",
    })),
    operations,
    suspects: await Promise.all(
      suspects.map(async ({ intel_suspects: s }) => ({
        id: s.id,
        kind: s.kind,
        name: await ctx.keyring.openSystem(ctx.db, sealedAt("intel_suspects", s.id, "name"), s.name),
        roles: s.roles,
      })),
    ),
  };
  await auditRead(ctx, actor, "intelligence.premises.read", "intel_premises", id, { status: row.status });
  return view;
}

/** The flags still to review: a new premises and the closed one it may reopen. */
export async function listFlags(ctx: AppContext, actor: Actor) {
  assertCompartment(actor);
  const flags = await ctx.db
    .select()
    .from(intelReopeningFlags)
    .where(eq(intelReopeningFlags.decision, "open"))
    .orderBy(asc(intelReopeningFlags.raisedAt));
  const names = await premisesNames(ctx, [
    ...new Set(flags.flatMap((f) => [f.premisesId, f.closedPremisesId])),
  ]);
  await auditRead(ctx, actor, "intelligence.premises.read", "intel_reopening_flag", "list", {
    count: flags.length,
  });
  return flags.map((f) => ({
    id: f.id,
    reason: f.reason,
    decision: f.decision,
    raisedAt: f.raisedAt.toISOString(),
    premisesId: f.premisesId,
    premisesName: names.get(f.premisesId) ?? "",
    closedPremisesId: f.closedPremisesId,
    closedPremisesName: names.get(f.closedPremisesId) ?? "",
  }));
}

export async function listOperations(ctx: AppContext, actor: Actor) {
  assertCompartment(actor);
  const rows = await ctx.db
    .select()
    .from(intelOperations)
    .orderBy(desc(intelOperations.conductedOn), desc(intelOperations.recordedAt));
  const arrests = await ctx.db
    .select({ operationId: intelArrests.operationId, n: count() })
    .from(intelArrests)
    .groupBy(intelArrests.operationId);
  const identified = await ctx.db
    .select({ operationId: intelOperationCases.operationId, n: count() })
    .from(intelOperationCases)
    .groupBy(intelOperationCases.operationId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    conductedOn: r.conductedOn,
    region: r.region,
    premisesId: r.premisesId,
    peopleFound: r.peopleFound,
    identified: identified.find((i) => i.operationId === r.id)?.n ?? 0,
    arrests: arrests.find((a) => a.operationId === r.id)?.n ?? 0,
  }));
}

export async function getOperation(ctx: AppContext, actor: Actor, id: string) {
  assertCompartment(actor);
  const [row] = await ctx.db.select().from(intelOperations).where(eq(intelOperations.id, id));
  if (!row) throw new NotFound();
  const arrests = await ctx.db.select().from(intelArrests).where(eq(intelArrests.operationId, id));
  const linked = await ctx.db
    .select({ reference: cases.reference, created: intelOperationCases.created })
    .from(intelOperationCases)
    .innerJoin(cases, eq(cases.id, intelOperationCases.caseId))
    .where(eq(intelOperationCases.operationId, id))
    .orderBy(asc(cases.reference));
  const suspects = await ctx.db
    .select()
    .from(intelSuspectOperations)
    .innerJoin(intelSuspects, eq(intelSuspects.id, intelSuspectOperations.suspectId))
    .where(eq(intelSuspectOperations.operationId, id));
  const premisesName = row.premisesId
    ? ((await premisesNames(ctx, [row.premisesId])).get(row.premisesId) ?? null)
    : null;
  const view = {
    id: row.id,
    kind: row.kind,
    conductedOn: row.conductedOn,
    region: row.region,
    premisesId: row.premisesId,
    premisesName,
    units: await ctx.keyring.openSystem(ctx.db, sealedAt("intel_operations", id, "units"), row.units),
    inspectors: row.inspectors,
    peopleFound: row.peopleFound,
    seizures: row.seizures,
    interview: row.interview,
    arrests: arrests.map((a) => ({ nationality: a.nationality })),
    cases: linked,
    suspects: await Promise.all(
      suspects.map(async ({ intel_suspects: s }) => ({
        id: s.id,
        kind: s.kind,
        name: await ctx.keyring.openSystem(ctx.db, sealedAt("intel_suspects", s.id, "name"), s.name),
        roles: s.roles,
      })),
    ),
  };
  await auditRead(ctx, actor, "intelligence.operation.read", "intel_operation", id, { kind: row.kind });
  return view;
}

export async function listSuspects(ctx: AppContext, actor: Actor) {
  assertCompartment(actor);
  const rows = await ctx.db.select().from(intelSuspects).orderBy(desc(intelSuspects.recordedAt));
  const premises = await ctx.db.select().from(intelSuspectPremises);
  const operations = await ctx.db.select().from(intelSuspectOperations);
  const out = [];
  for (const s of rows)
    out.push({
      id: s.id,
      kind: s.kind,
      name: await ctx.keyring.openSystem(ctx.db, sealedAt("intel_suspects", s.id, "name"), s.name),
      nationality: s.nationality,
      roles: s.roles,
      proceedings: s.proceedings
        ? await ctx.keyring.openSystem(ctx.db, sealedAt("intel_suspects", s.id, "proceedings"), s.proceedings)
        : null,
      premisesIds: premises.filter((p) => p.suspectId === s.id).map((p) => p.premisesId),
      operationIds: operations.filter((o) => o.suspectId === s.id).map((o) => o.operationId),
    });
  await auditRead(ctx, actor, "intelligence.suspect.read", "intel_suspect", "list", { count: out.length });
  return out;
}

async function versionEntries(ctx: AppContext, row: typeof intelOffLimitsVersions.$inferSelect) {
  const json = await ctx.keyring.openSystem(
    ctx.db,
    sealedAt("intel_off_limits_versions", String(row.version), "entries"),
    row.entries,
  );
  return JSON.parse(json) as OffLimitsEntry[];
}

/** One published version with the one before it, for the changes. */
export async function offLimitsVersion(ctx: AppContext, actor: Actor, version: number) {
  assertCompartment(actor);
  const rows = await ctx.db
    .select()
    .from(intelOffLimitsVersions)
    .where(
      and(lte(intelOffLimitsVersions.version, version), gte(intelOffLimitsVersions.version, version - 1)),
    )
    .orderBy(desc(intelOffLimitsVersions.version));
  const [row, before] = rows;
  if (!row || row.version !== version) throw new NotFound();
  return {
    version: row.version,
    publishedOn: row.publishedOn,
    entries: await versionEntries(ctx, row),
    previous: before ? await versionEntries(ctx, before) : [],
  };
}

/** The list now, its changes since the latest version, and the versions published. */
export async function offLimitsOverview(ctx: AppContext, actor: Actor) {
  assertCompartment(actor);
  const current = await offLimitsEntries(ctx, ctx.db);
  const versions = await ctx.db
    .select()
    .from(intelOffLimitsVersions)
    .orderBy(asc(intelOffLimitsVersions.version));
  const summaries = [];
  let previous: Array<{ id: string }> = [];
  for (const v of versions) {
    const ids = v.premisesIds.map((id) => ({ id }));
    const changes = listChanges(previous, ids);
    summaries.push({
      version: v.version,
      publishedOn: v.publishedOn,
      publishedAt: v.publishedAt.toISOString(),
      count: ids.length,
      added: changes.added.length,
      removed: changes.removed.length,
    });
    previous = ids;
  }
  const pending = listChanges(previous, current);
  await auditRead(ctx, actor, "intelligence.premises.read", "intel_off_limits", "current", {
    count: current.length,
  });
  return {
    current,
    pending: { added: pending.added.map((e) => e.id), removed: pending.removed.map((e) => e.id) },
    versions: summaries.reverse(),
  };
}

/**
 * The figures of a period (seeds 001, 003: raids, closures, people found and identified, arrests by
 * nationality): counts only, for the compartment and the coordinators.
 */
export async function figures(ctx: AppContext, actor: Actor, from: string, to: string) {
  assertFigures(actor);
  const inPeriod = and(gte(intelOperations.conductedOn, from), lte(intelOperations.conductedOn, to));
  const byKind = await ctx.db
    .select({ kind: intelOperations.kind, n: count() })
    .from(intelOperations)
    .where(inPeriod)
    .groupBy(intelOperations.kind);
  const operations = await ctx.db
    .select({ id: intelOperations.id, peopleFound: intelOperations.peopleFound })
    .from(intelOperations)
    .where(inPeriod);
  const ids = operations.map((o) => o.id);
  const [identified] = ids.length
    ? await ctx.db
        .select({ n: count() })
        .from(intelOperationCases)
        .where(inArray(intelOperationCases.operationId, ids))
    : [{ n: 0 }];
  const arrests = ids.length
    ? await ctx.db
        .select({ nationality: intelArrests.nationality, n: count() })
        .from(intelArrests)
        .where(inArray(intelArrests.operationId, ids))
        .groupBy(intelArrests.nationality)
    : [];
  const [closed] = await ctx.db
    .select({ n: count() })
    .from(intelClosures)
    .where(and(gte(intelClosures.orderedOn, from), lte(intelClosures.orderedOn, to)));
  const reopenings = await ctx.db
    .select({ raisedAt: intelReopeningFlags.raisedAt, premisesId: intelReopeningFlags.premisesId })
    .from(intelReopeningFlags)
    .where(ne(intelReopeningFlags.decision, "dismissed"));
  const tz = ctx.jurisdiction.timeZone;
  const day = (d: Date) =>
    new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(d);
  const reopened = new Set(
    reopenings.filter((r) => day(r.raisedAt) >= from && day(r.raisedAt) <= to).map((r) => r.premisesId),
  );
  await auditRead(ctx, actor, "intelligence.figures.read", "intel_figures", `${from}/${to}`, { from, to });
  return {
    from,
    to,
    operationsByKind: Object.fromEntries(byKind.map((k) => [k.kind, k.n])),
    operations: operations.length,
    premisesClosed: closed?.n ?? 0,
    reopenings: reopened.size,
    peopleFound: operations.reduce((sum, o) => sum + o.peopleFound, 0),
    peopleIdentified: identified?.n ?? 0,
    arrests: arrests.reduce((sum, a) => sum + a.n, 0),
    arrestsByNationality: arrests
      .map((a) => ({ nationality: a.nationality, count: a.n }))
      .sort((a, b) => b.count - a.count || a.nationality.localeCompare(b.nationality)),
  };
}
