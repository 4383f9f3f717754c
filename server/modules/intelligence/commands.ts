import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  type ClosureInput,
  type IdentifiedInput,
  type OperationInput,
  type PartyInput,
  type PremisesInput,
  type StatusInput,
  type SuspectInput,
  sourceOfOperation,
} from "../../../shared/intelligence";
import type { RegistrationInput } from "../../../shared/registration";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Invalid, NotFound } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { raiseAlert, resolveAlerts } from "../alerts/commands";
import { prepareRegistration, writeRegistration } from "../cases/commands";
import { visibleCase } from "../cases/queries";
import { closureEndedAlertKind } from "./closure-check";
import { assertCompartment } from "./policy";
import { offLimitsEntries } from "./queries";
import { normaliseAddress, normaliseName, wasClosed } from "./rules";
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

function checkRegion(ctx: AppContext, field: string, region: string) {
  if (!ctx.jurisdiction.regions.some((r) => r.code === region)) throw new Invalid(field, "invalid_choice");
}

async function lockedPremises(tx: Tx, id: string) {
  const [row] = await tx.select().from(intelPremises).where(eq(intelPremises.id, id)).for("update");
  if (!row) throw new NotFound();
  return row;
}

const partyIndex = (ctx: AppContext, name: string) =>
  ctx.keyring.blindIndex(ctx.db, "intel-party", normaliseName(name));

async function insertParty(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  premisesId: string,
  party: PartyInput,
  nameIndex: Buffer,
) {
  const id = randomUUID();
  await tx.insert(intelPremisesParties).values({
    id,
    premisesId,
    role: party.role,
    kind: party.kind,
    name: await ctx.keyring.sealSystem(tx, sealedAt("intel_premises_parties", id, "name"), party.name),
    nameIndex,
    addedBy: actor.userId,
    addedAt: ctx.now(),
  });
}

/** The alert kind for a likely reopening: its params hold the reason code only, never a name. */
export const reopeningAlertKind = "premises_reopening";

/**
 * Flags a likely reopening under a new name (seed 002): the premises stands at the address of a
 * closed one, or is run by the operator of a closed one. Compared through keyed blind indexes only.
 * The police investigators of the agencies that recorded either premises are alerted to review it.
 */
async function flagReopenings(
  tx: Tx,
  premisesId: string,
  addressIndex: Buffer | null,
  operatorIndexes: Buffer[],
  now: Date,
): Promise<number> {
  const [premises] = await tx
    .select({ agencyId: intelPremises.agencyId })
    .from(intelPremises)
    .where(eq(intelPremises.id, premisesId));
  if (!premises) return 0;
  const candidates: Array<{ closedId: string; agencyId: string; reason: "same_address" | "same_operator" }> =
    [];
  if (addressIndex) {
    const same = await tx
      .select({ id: intelPremises.id, status: intelPremises.status, agencyId: intelPremises.agencyId })
      .from(intelPremises)
      .where(and(eq(intelPremises.addressIndex, addressIndex), ne(intelPremises.id, premisesId)));
    for (const row of same)
      if (wasClosed(row.status))
        candidates.push({ closedId: row.id, agencyId: row.agencyId, reason: "same_address" });
  }
  if (operatorIndexes.length > 0) {
    const same = await tx
      .select({ id: intelPremises.id, status: intelPremises.status, agencyId: intelPremises.agencyId })
      .from(intelPremisesParties)
      .innerJoin(intelPremises, eq(intelPremises.id, intelPremisesParties.premisesId))
      .where(
        and(
          inArray(intelPremisesParties.nameIndex, operatorIndexes),
          eq(intelPremisesParties.role, "operator"),
          ne(intelPremises.id, premisesId),
        ),
      );
    for (const row of same)
      if (wasClosed(row.status))
        candidates.push({ closedId: row.id, agencyId: row.agencyId, reason: "same_operator" });
  }
  let raised = 0;
  for (const c of candidates) {
    const [existing] = await tx
      .select({ id: intelReopeningFlags.id })
      .from(intelReopeningFlags)
      .where(
        and(
          eq(intelReopeningFlags.premisesId, premisesId),
          eq(intelReopeningFlags.closedPremisesId, c.closedId),
          eq(intelReopeningFlags.reason, c.reason),
        ),
      );
    if (existing) continue;
    const [flag] = await tx
      .insert(intelReopeningFlags)
      .values({ premisesId, closedPremisesId: c.closedId, reason: c.reason, raisedAt: now })
      .returning({ id: intelReopeningFlags.id });
    if (!flag) throw new Error("flag not stored");
    for (const agencyId of new Set([premises.agencyId, c.agencyId]))
      await raiseAlert(
        tx,
        {
          caseId: null,
          agencyId,
          role: "police_investigator",
          kind: reopeningAlertKind,
          subject: flag.id,
          params: { reason: c.reason },
        },
        now,
      );
    raised += 1;
  }
  return raised;
}

/**
 * Premises recorded before the closure was: those at its address or run by its operator, and not
 * closed themselves, are flagged now that it is closed.
 */
async function flagAfterClosure(
  tx: Tx,
  closed: typeof intelPremises.$inferSelect,
  now: Date,
): Promise<number> {
  const operators = await tx
    .select({ nameIndex: intelPremisesParties.nameIndex })
    .from(intelPremisesParties)
    .where(and(eq(intelPremisesParties.premisesId, closed.id), eq(intelPremisesParties.role, "operator")));
  const others = new Set<string>();
  const sameAddress = await tx
    .select({ id: intelPremises.id, status: intelPremises.status })
    .from(intelPremises)
    .where(and(eq(intelPremises.addressIndex, closed.addressIndex), ne(intelPremises.id, closed.id)));
  for (const row of sameAddress) if (!wasClosed(row.status)) others.add(row.id);
  if (operators.length > 0) {
    const sameOperator = await tx
      .select({ id: intelPremises.id, status: intelPremises.status })
      .from(intelPremisesParties)
      .innerJoin(intelPremises, eq(intelPremises.id, intelPremisesParties.premisesId))
      .where(
        and(
          inArray(
            intelPremisesParties.nameIndex,
            operators.map((o) => o.nameIndex),
          ),
          eq(intelPremisesParties.role, "operator"),
          ne(intelPremises.id, closed.id),
        ),
      );
    for (const row of sameOperator) if (!wasClosed(row.status)) others.add(row.id);
  }
  let raised = 0;
  for (const id of others) {
    const [row] = await tx.select().from(intelPremises).where(eq(intelPremises.id, id));
    if (!row || row.createdAt < closed.createdAt) continue;
    const indexes = await tx
      .select({ nameIndex: intelPremisesParties.nameIndex })
      .from(intelPremisesParties)
      .where(and(eq(intelPremisesParties.premisesId, id), eq(intelPremisesParties.role, "operator")));
    raised += await flagReopenings(
      tx,
      id,
      row.addressIndex,
      indexes.map((i) => i.nameIndex),
      now,
    );
  }
  return raised;
}

export async function createPremises(
  ctx: AppContext,
  actor: Actor,
  input: PremisesInput,
): Promise<{ id: string; flagged: number }> {
  assertCompartment(actor);
  checkRegion(ctx, "region", input.region);
  const id = randomUUID();
  const addressIndex = await ctx.keyring.blindIndex(
    ctx.db,
    "intel-address",
    normaliseAddress(input.municipality, input.address),
  );
  const partyIndexes = await Promise.all(input.parties.map((p) => partyIndex(ctx, p.name)));
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(intelPremises).values({
      id,
      name: await ctx.keyring.sealSystem(tx, sealedAt("intel_premises", id, "name"), input.name),
      kind: input.kind,
      address: await ctx.keyring.sealSystem(tx, sealedAt("intel_premises", id, "address"), input.address),
      addressIndex,
      municipality: input.municipality,
      region: input.region,
      status: input.status,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
      createdAt: now,
    });
    await tx.insert(intelPremisesEvents).values({
      premisesId: id,
      status: input.status,
      source: input.source,
      effectiveOn: localDate(now, ctx.jurisdiction.timeZone),
      recordedBy: actor.userId,
      recordedAt: now,
    });
    for (const [i, party] of input.parties.entries())
      await insertParty(ctx, tx, actor, id, party, partyIndexes[i] as Buffer);
    const operators = partyIndexes.filter((_, i) => input.parties[i]?.role === "operator");
    const flagged = await flagReopenings(tx, id, addressIndex, operators, now);
    await recordAudit(tx, auditActor(actor), {
      action: "intelligence.premises.create",
      entity: "intel_premises",
      entityId: id,
      detail: { kind: input.kind, region: input.region, status: input.status, flagged },
    });
    return { id, flagged };
  });
}

export async function addParty(ctx: AppContext, actor: Actor, premisesId: string, input: PartyInput) {
  assertCompartment(actor);
  const index = await partyIndex(ctx, input.name);
  await ctx.db.transaction(async (tx) => {
    await lockedPremises(tx, premisesId);
    await insertParty(ctx, tx, actor, premisesId, input, index);
    const flagged =
      input.role === "operator" ? await flagReopenings(tx, premisesId, null, [index], ctx.now()) : 0;
    await recordAudit(tx, auditActor(actor), {
      action: "intelligence.premises.party",
      entity: "intel_premises",
      entityId: premisesId,
      detail: { role: input.role, kind: input.kind, flagged },
    });
  });
}

export async function changeStatus(ctx: AppContext, actor: Actor, premisesId: string, input: StatusInput) {
  assertCompartment(actor);
  await ctx.db.transaction(async (tx) => {
    const premises = await lockedPremises(tx, premisesId);
    if (premises.status === input.status) throw new Conflict("premises_status_unchanged");
    if (input.status === "reopened" && !wasClosed(premises.status)) throw new Conflict("premises_not_closed");
    await tx.update(intelPremises).set({ status: input.status }).where(eq(intelPremises.id, premisesId));
    // A decision on the premises answers the alert that its closure had run out.
    await resolveAlerts(tx, { caseId: null, kind: closureEndedAlertKind, subject: premisesId }, ctx.now());
    await tx.insert(intelPremisesEvents).values({
      premisesId,
      status: input.status,
      source: input.source,
      effectiveOn: input.on,
      recordedBy: actor.userId,
      recordedAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "intelligence.premises.status",
      entity: "intel_premises",
      entityId: premisesId,
      detail: { from: premises.status, to: input.status, source: input.source, on: input.on },
    });
  });
}

/** A closure ordered by a court: the premises is closed by order from the date of the order. */
export async function recordClosure(ctx: AppContext, actor: Actor, premisesId: string, input: ClosureInput) {
  assertCompartment(actor);
  await ctx.db.transaction(async (tx) => {
    const premises = await lockedPremises(tx, premisesId);
    if (premises.status === "closed_by_order") throw new Conflict("premises_already_closed");
    const now = ctx.now();
    await tx.insert(intelClosures).values({
      premisesId,
      orderedOn: input.orderedOn,
      authority: input.authority,
      durationDays: input.durationDays,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await tx.update(intelPremises).set({ status: "closed_by_order" }).where(eq(intelPremises.id, premisesId));
    await resolveAlerts(tx, { caseId: null, kind: closureEndedAlertKind, subject: premisesId }, now);
    await tx.insert(intelPremisesEvents).values({
      premisesId,
      status: "closed_by_order",
      source: "court_order",
      effectiveOn: input.orderedOn,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    const flagged = await flagAfterClosure(tx, { ...premises, status: "closed_by_order" }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "intelligence.premises.close",
      entity: "intel_premises",
      entityId: premisesId,
      detail: { orderedOn: input.orderedOn, durationDays: input.durationDays, flagged },
    });
  });
}

/** A reviewed flag: confirmed, the new premises is recorded as the reopening of the closed one. */
export async function decideFlag(
  ctx: AppContext,
  actor: Actor,
  flagId: string,
  decision: "confirmed" | "dismissed",
) {
  assertCompartment(actor);
  await ctx.db.transaction(async (tx) => {
    const [flag] = await tx
      .select()
      .from(intelReopeningFlags)
      .where(eq(intelReopeningFlags.id, flagId))
      .for("update");
    if (!flag) throw new NotFound();
    if (flag.decision !== "open") throw new Conflict("flag_already_decided");
    const now = ctx.now();
    await tx
      .update(intelReopeningFlags)
      .set({ decision, decidedBy: actor.userId, decidedAt: now })
      .where(eq(intelReopeningFlags.id, flagId));
    await resolveAlerts(tx, { caseId: null, kind: reopeningAlertKind, subject: flagId }, now);
    if (decision === "confirmed") {
      const premises = await lockedPremises(tx, flag.premisesId);
      if (premises.status !== "reopened" && premises.status !== "closed_by_order") {
        await tx.update(intelPremises).set({ status: "reopened" }).where(eq(intelPremises.id, premises.id));
        await tx.insert(intelPremisesEvents).values({
          premisesId: premises.id,
          status: "reopened",
          source: "review",
          effectiveOn: localDate(now, ctx.jurisdiction.timeZone),
          recordedBy: actor.userId,
          recordedAt: now,
        });
      }
    }
    await recordAudit(tx, auditActor(actor), {
      action: "intelligence.reopening.decide",
      entity: "intel_reopening_flag",
      entityId: flagId,
      detail: { decision, reason: flag.reason },
    });
  });
}

export async function recordOperation(
  ctx: AppContext,
  actor: Actor,
  input: OperationInput,
): Promise<{ id: string }> {
  assertCompartment(actor);
  checkRegion(ctx, "region", input.region);
  if (input.kind === "joint_inspection" && input.inspectors.length === 0)
    throw new Invalid("inspectors", "inspectors_required");
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    if (input.premisesId) {
      const [premises] = await tx
        .select({ id: intelPremises.id })
        .from(intelPremises)
        .where(eq(intelPremises.id, input.premisesId));
      if (!premises) throw new Invalid("premisesId", "not_found");
    }
    await tx.insert(intelOperations).values({
      id,
      agencyId: actor.agencyId,
      kind: input.kind,
      conductedOn: input.conductedOn,
      region: input.region,
      premisesId: input.premisesId,
      units: await ctx.keyring.sealSystem(tx, sealedAt("intel_operations", id, "units"), input.units),
      inspectors: [...new Set(input.inspectors)],
      peopleFound: input.peopleFound,
      seizures: input.seizures,
      interview: input.interview,
      recordedBy: actor.userId,
      recordedAt: ctx.now(),
    });
    if (input.arrests.length > 0)
      await tx
        .insert(intelArrests)
        .values(input.arrests.map((a) => ({ operationId: id, nationality: a.nationality })));
    await recordAudit(tx, auditActor(actor), {
      action: "intelligence.operation.record",
      entity: "intel_operation",
      entityId: id,
      detail: {
        kind: input.kind,
        conductedOn: input.conductedOn,
        region: input.region,
        peopleFound: input.peopleFound,
        arrests: input.arrests.length,
      },
    });
    return { id };
  });
}

/**
 * A presumed victim identified in the operation: registered through the registration flow (the case
 * carries only the operation's identification source) or an existing case of the police's team linked.
 */
export async function addIdentified(
  ctx: AppContext,
  actor: Actor,
  operationId: string,
  input: IdentifiedInput,
): Promise<{ reference: string }> {
  assertCompartment(actor);
  const [operation] = await ctx.db.select().from(intelOperations).where(eq(intelOperations.id, operationId));
  if (!operation) throw new NotFound();
  let linked: { caseId: string; reference: string } | null = null;
  let prepared = null;
  if ("reference" in input) {
    const found = await visibleCase(ctx, actor, input.reference).catch((error: unknown) => {
      if (error instanceof NotFound) throw new Invalid("reference", "not_found");
      throw error;
    });
    linked = { caseId: found.id, reference: found.reference };
  } else {
    const registration: RegistrationInput = {
      person: input.person,
      identificationDate: operation.conductedOn,
      identificationRegion: operation.region,
      source: sourceOfOperation[operation.kind],
      traffickingStatus: "PossibleVictimOfTrafficking",
      exploitationTypes: [],
      controlMethods: [],
    };
    prepared = await prepareRegistration(ctx, actor, registration);
  }
  return ctx.db.transaction(async (tx) => {
    await tx
      .select({ id: intelOperations.id })
      .from(intelOperations)
      .where(eq(intelOperations.id, operationId))
      .for("update");
    const [identified] = await tx
      .select({ n: count() })
      .from(intelOperationCases)
      .where(eq(intelOperationCases.operationId, operationId));
    if ((identified?.n ?? 0) >= operation.peopleFound) throw new Conflict("identified_exceed_found");
    if (linked) {
      const [already] = await tx
        .select({ id: intelOperationCases.caseId })
        .from(intelOperationCases)
        .where(eq(intelOperationCases.caseId, linked.caseId));
      if (already) throw new Conflict("case_already_linked");
    } else if (prepared) {
      linked = await writeRegistration(tx, ctx, actor, prepared);
    }
    if (!linked) throw new Error("no case to link");
    await tx.insert(intelOperationCases).values({
      caseId: linked.caseId,
      operationId,
      created: prepared !== null,
      linkedBy: actor.userId,
      linkedAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "intelligence.operation.identify",
      entity: "intel_operation",
      entityId: operationId,
      detail: { reference: linked.reference, created: prepared !== null },
    });
    return { reference: linked.reference };
  });
}

export async function recordSuspect(
  ctx: AppContext,
  actor: Actor,
  input: SuspectInput,
): Promise<{ id: string }> {
  assertCompartment(actor);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const premisesIds = [...new Set(input.premisesIds)];
    const operationIds = [...new Set(input.operationIds)];
    if (premisesIds.length > 0) {
      const found = await tx
        .select({ id: intelPremises.id })
        .from(intelPremises)
        .where(inArray(intelPremises.id, premisesIds));
      if (found.length !== premisesIds.length) throw new Invalid("premisesIds", "not_found");
    }
    if (operationIds.length > 0) {
      const found = await tx
        .select({ id: intelOperations.id })
        .from(intelOperations)
        .where(inArray(intelOperations.id, operationIds));
      if (found.length !== operationIds.length) throw new Invalid("operationIds", "not_found");
    }
    await tx.insert(intelSuspects).values({
      id,
      kind: input.kind,
      name: await ctx.keyring.sealSystem(tx, sealedAt("intel_suspects", id, "name"), input.name),
      nationality: input.nationality,
      roles: [...new Set(input.roles)],
      proceedings: input.proceedings
        ? await ctx.keyring.sealSystem(tx, sealedAt("intel_suspects", id, "proceedings"), input.proceedings)
        : null,
      recordedBy: actor.userId,
      recordedAt: ctx.now(),
    });
    if (premisesIds.length > 0)
      await tx
        .insert(intelSuspectPremises)
        .values(premisesIds.map((premisesId) => ({ suspectId: id, premisesId })));
    if (operationIds.length > 0)
      await tx
        .insert(intelSuspectOperations)
        .values(operationIds.map((operationId) => ({ suspectId: id, operationId })));
    await recordAudit(tx, auditActor(actor), {
      action: "intelligence.suspect.record",
      entity: "intel_suspect",
      entityId: id,
      detail: {
        kind: input.kind,
        roles: input.roles,
        premises: premisesIds.length,
        operations: operationIds.length,
      },
    });
    return { id };
  });
}

/**
 * Publishes the current off-limits list as a new version (seed 002): the entries as they stand are
 * sealed into the version, so that it prints the same later. A recorded act.
 */
export async function publishOffLimits(ctx: AppContext, actor: Actor): Promise<{ version: number }> {
  assertCompartment(actor);
  return ctx.db.transaction(async (tx) => {
    // One publication at a time: the version numbers follow each other.
    await tx.execute(sql`LOCK TABLE intel_off_limits_versions IN EXCLUSIVE MODE`);
    const [latest] = await tx
      .select({ version: intelOffLimitsVersions.version })
      .from(intelOffLimitsVersions)
      .orderBy(desc(intelOffLimitsVersions.version))
      .limit(1);
    const version = (latest?.version ?? 0) + 1;
    const entries = await offLimitsEntries(ctx, tx);
    const now = ctx.now();
    const publishedOn = localDate(now, ctx.jurisdiction.timeZone);
    await tx.insert(intelOffLimitsVersions).values({
      version,
      publishedOn,
      premisesIds: entries.map((e) => e.id),
      entries: await ctx.keyring.sealSystem(
        tx,
        sealedAt("intel_off_limits_versions", String(version), "entries"),
        JSON.stringify(entries),
      ),
      publishedBy: actor.userId,
      publishedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "intelligence.off_limits.publish",
      entity: "intel_off_limits_version",
      entityId: String(version),
      detail: { version, publishedOn, count: entries.length },
    });
    return { version };
  });
}
