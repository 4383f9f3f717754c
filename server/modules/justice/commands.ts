import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type {
  ChargeInput,
  CustodyStatus,
  CompensationInput,
  CompensationUpdate,
  CustodyInput,
  DefendantInput,
  HearingInput,
  InformedInput,
  ProceedingInput,
  ProceedingUpdate,
  ReassessmentInput,
  TestimonyInput,
  VerdictInput,
  VictimLinkInput,
  WitnessInput,
} from "../../../shared/justice";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { raiseAlert, resolveAlerts } from "../alerts/commands";
import { visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { cases, caseTeam } from "../cases/schema";
import { interpreters } from "../security/schema";
import {
  mayOpenProceeding,
  mayReassessRisk,
  mayRecordCompensation,
  mayRecordCustody,
  mayRecordProceeding,
} from "./policy";
import { proceedingFor } from "./queries";
import {
  isMinorVictim,
  isRelease,
  lawSection,
  releaseAlertKind,
  sentenceCheck,
  statutoryRange,
  verdictIssue,
} from "./rules";
import {
  defendantNameAt,
  justiceCharges,
  justiceCompensationClaims,
  justiceCustodyEvents,
  justiceDefendants,
  justiceHearings,
  justiceProceedings,
  justiceReassessments,
  justiceTestimonies,
  justiceVerdicts,
  justiceVictims,
  victimLawyerAt,
} from "./schema";

const blankToNull = (value: string | null | undefined) => (value ? value : null);

/** A proceeding the actor may change: visible whole, and a role that records it. */
async function writableProceeding(ctx: AppContext, tx: Tx, actor: Actor, id: string, custody = false) {
  const proceeding = await proceedingFor(tx, actor, id);
  if (!(custody ? mayRecordCustody(actor) : mayRecordProceeding(actor))) throw new Forbidden();
  return proceeding;
}

const touch = (tx: Tx, id: string, now: Date) =>
  tx.update(justiceProceedings).set({ updatedAt: now }).where(eq(justiceProceedings.id, id));

/**
 * Opens a proceeding for a victim's case. The opener must be on that case's team: a prosecutor
 * cannot link a victim whose case they cannot see. The proceeding gets its own data key.
 */
export async function openProceeding(ctx: AppContext, actor: Actor, input: ProceedingInput) {
  if (!mayOpenProceeding(actor)) throw new Forbidden();
  const victimCase = await visibleCase(ctx, actor, input.caseReference).catch(() => {
    throw new Invalid("caseReference", "case_not_found");
  });
  if (!input.injuredParty && !input.witness) throw new Invalid("injuredParty", "victim_role_required");
  const now = ctx.now();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const dataKeyId = await ctx.keyring.createDataKey(tx, "proceeding");
    await tx.insert(justiceProceedings).values({
      id,
      dataKeyId,
      ownerAgencyId: actor.agencyId,
      stage: input.stage,
      policeCaseNumber: blankToNull(input.policeCaseNumber),
      prosecutorReference: blankToNull(input.prosecutorReference),
      courtReference: blankToNull(input.courtReference),
      court: blankToNull(input.court),
      openedBy: actor.userId,
      openedAt: now,
      updatedAt: now,
    });
    const victimId = randomUUID();
    await tx.insert(justiceVictims).values({
      id: victimId,
      proceedingId: id,
      caseId: victimCase.id,
      injuredParty: input.injuredParty,
      witness: input.witness,
      linkedBy: actor.userId,
      linkedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "justice_proceeding.open",
      caseId: victimCase.id,
      entity: "justice_proceeding",
      entityId: id,
      detail: { reference: victimCase.reference, stage: input.stage },
    });
    return { id };
  });
}

export async function updateProceeding(ctx: AppContext, actor: Actor, id: string, input: ProceedingUpdate) {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const proceeding = await writableProceeding(ctx, tx, actor, id);
    const change = {
      ...(input.stage ? { stage: input.stage } : {}),
      ...(input.policeCaseNumber !== undefined
        ? { policeCaseNumber: blankToNull(input.policeCaseNumber) }
        : {}),
      ...(input.prosecutorReference !== undefined
        ? { prosecutorReference: blankToNull(input.prosecutorReference) }
        : {}),
      ...(input.courtReference !== undefined ? { courtReference: blankToNull(input.courtReference) } : {}),
      ...(input.court !== undefined ? { court: blankToNull(input.court) } : {}),
    };
    await tx
      .update(justiceProceedings)
      .set({ ...change, updatedAt: now })
      .where(eq(justiceProceedings.id, id));
    await recordAudit(tx, auditActor(actor), {
      action: "justice_proceeding.update",
      entity: "justice_proceeding",
      entityId: id,
      detail: { from: proceeding.stage, stage: input.stage ?? proceeding.stage, fields: Object.keys(change) },
    });
  });
}

/** Links another victim, by case reference, as injured party, witness or both. */
export async function linkVictim(ctx: AppContext, actor: Actor, id: string, input: VictimLinkInput) {
  const victimCase = await visibleCase(ctx, actor, input.caseReference).catch(() => {
    throw new Invalid("caseReference", "case_not_found");
  });
  if (!input.injuredParty && !input.witness) throw new Invalid("injuredParty", "victim_role_required");
  const now = ctx.now();
  const victimId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await writableProceeding(ctx, tx, actor, id);
    const [already] = await tx
      .select({ id: justiceVictims.id })
      .from(justiceVictims)
      .where(and(eq(justiceVictims.proceedingId, id), eq(justiceVictims.caseId, victimCase.id)));
    if (already) throw new Conflict("victim_already_linked");
    await tx.insert(justiceVictims).values({
      id: victimId,
      proceedingId: id,
      caseId: victimCase.id,
      injuredParty: input.injuredParty,
      witness: input.witness,
      linkedBy: actor.userId,
      linkedAt: now,
    });
    await touch(tx, id, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_victim.link",
      caseId: victimCase.id,
      entity: "justice_victim",
      entityId: victimId,
      detail: {
        proceedingId: id,
        reference: victimCase.reference,
        injuredParty: input.injuredParty,
        witness: input.witness,
      },
    });
    return { id: victimId };
  });
}

/** A defendant; the name is sealed under the proceeding's key before it reaches the database. */
export async function addDefendant(ctx: AppContext, actor: Actor, id: string, input: DefendantInput) {
  const now = ctx.now();
  const defendantId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const proceeding = await writableProceeding(ctx, tx, actor, id);
    await tx.insert(justiceDefendants).values({
      id: defendantId,
      proceedingId: id,
      name: await ctx.keyring.sealText(tx, proceeding.dataKeyId, defendantNameAt(defendantId), input.name),
      nationality: input.nationality ?? null,
      role: input.role,
      custody: input.custody,
      custodySince: null,
      createdBy: actor.userId,
      createdAt: now,
    });
    await touch(tx, id, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_defendant.add",
      entity: "justice_defendant",
      entityId: defendantId,
      detail: {
        proceedingId: id,
        role: input.role,
        nationality: input.nationality ?? null,
        custody: input.custody,
      },
    });
    return { id: defendantId };
  });
}

async function defendantOf(tx: Tx, proceedingId: string, defendantId: string, field: string) {
  const [defendant] = await tx
    .select()
    .from(justiceDefendants)
    .where(and(eq(justiceDefendants.id, defendantId), eq(justiceDefendants.proceedingId, proceedingId)));
  if (!defendant) throw new Invalid(field, "not_found");
  return defendant;
}

/**
 * A charge under a section of the jurisdiction's law table. Whether the victim was a minor decides
 * the maximum; unless the prosecutor says, it follows the linked victims (any on the child pathway).
 */
export async function addCharge(ctx: AppContext, actor: Actor, id: string, input: ChargeInput) {
  if (!lawSection(ctx.jurisdiction.law, input.section)) throw new Invalid("section", "unknown_section");
  const now = ctx.now();
  const chargeId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await writableProceeding(ctx, tx, actor, id);
    await defendantOf(tx, id, input.defendantId, "defendantId");
    const [already] = await tx
      .select({ id: justiceCharges.id })
      .from(justiceCharges)
      .where(
        and(eq(justiceCharges.defendantId, input.defendantId), eq(justiceCharges.section, input.section)),
      );
    if (already) throw new Conflict("charge_exists");
    let minorVictim = input.minorVictim;
    if (minorVictim === undefined) {
      const linked = await tx
        .select({ pathway: cases.pathway })
        .from(justiceVictims)
        .innerJoin(cases, eq(cases.id, justiceVictims.caseId))
        .where(eq(justiceVictims.proceedingId, id));
      minorVictim = linked.some(isMinorVictim);
    }
    await tx.insert(justiceCharges).values({
      id: chargeId,
      proceedingId: id,
      defendantId: input.defendantId,
      section: input.section,
      minorVictim,
      chargedOn: input.chargedOn,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await touch(tx, id, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_charge.add",
      entity: "justice_charge",
      entityId: chargeId,
      detail: { proceedingId: id, defendantId: input.defendantId, section: input.section, minorVictim },
    });
    return { id: chargeId };
  });
}

async function checkInterpreter(tx: Tx, interpreterId: string | null | undefined, field: string) {
  if (!interpreterId) return null;
  const [row] = await tx
    .select({ id: interpreters.id })
    .from(interpreters)
    .where(eq(interpreters.id, interpreterId));
  if (!row) throw new Invalid(field, "not_found");
  return row.id;
}

export async function addHearing(ctx: AppContext, actor: Actor, id: string, input: HearingInput) {
  const now = ctx.now();
  const hearingId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await writableProceeding(ctx, tx, actor, id);
    const interpreterId = await checkInterpreter(tx, input.interpreterId, "interpreterId");
    await tx.insert(justiceHearings).values({
      id: hearingId,
      proceedingId: id,
      kind: input.kind,
      at: input.at,
      interpreterId,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await touch(tx, id, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_hearing.add",
      entity: "justice_hearing",
      entityId: hearingId,
      detail: {
        proceedingId: id,
        kind: input.kind,
        at: input.at.toISOString(),
        interpreter: interpreterId !== null,
      },
    });
    return { id: hearingId };
  });
}

/**
 * The verdict on one charge. A sentence is checked against the statutory range of the charge's
 * section (with the minor's maximum); the range and the result are stored with the verdict.
 */
export async function recordVerdict(ctx: AppContext, actor: Actor, id: string, input: VerdictInput) {
  const issue = verdictIssue(input);
  if (issue) throw new Invalid(issue.field, issue.code);
  const now = ctx.now();
  const verdictId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await writableProceeding(ctx, tx, actor, id);
    const [charge] = await tx
      .select()
      .from(justiceCharges)
      .where(and(eq(justiceCharges.id, input.chargeId), eq(justiceCharges.proceedingId, id)));
    if (!charge) throw new Invalid("chargeId", "not_found");
    const [already] = await tx
      .select({ id: justiceVerdicts.id })
      .from(justiceVerdicts)
      .where(eq(justiceVerdicts.chargeId, charge.id));
    if (already) throw new Conflict("verdict_exists");
    const section = lawSection(ctx.jurisdiction.law, charge.section);
    const range =
      section && input.outcome === "convicted" ? statutoryRange(section, charge.minorVictim) : null;
    const rangeCheck = range ? sentenceCheck(range, input.imprisonmentMonths ?? null) : null;
    await tx.insert(justiceVerdicts).values({
      id: verdictId,
      chargeId: charge.id,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      imprisonmentMonths: input.imprisonmentMonths ?? null,
      suspended: input.suspended,
      fineEuros: input.fineEuros ?? null,
      mitigatingGrounds: [...new Set(input.mitigatingGrounds)],
      minimumMonths: range?.minimumMonths ?? null,
      maximumMonths: range?.maximumMonths ?? null,
      rangeCheck,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    // Acquitted (or dismissed) on every charge: the defendant walks free, and the victims are told.
    let alerted = 0;
    if (input.outcome !== "convicted") {
      const outcomes = await tx
        .select({ outcome: justiceVerdicts.outcome })
        .from(justiceCharges)
        .leftJoin(justiceVerdicts, eq(justiceVerdicts.chargeId, justiceCharges.id))
        .where(eq(justiceCharges.defendantId, charge.defendantId));
      if (outcomes.every((o) => o.outcome !== null && o.outcome !== "convicted")) {
        const defendant = await defendantOf(tx, id, charge.defendantId, "chargeId");
        if (defendant.custody !== "acquitted")
          ({ alerted } = await changeCustody(
            tx,
            actor,
            id,
            defendant,
            { status: "acquitted", on: input.decidedOn },
            now,
          ));
      }
    }
    await touch(tx, id, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_verdict.record",
      entity: "justice_verdict",
      entityId: verdictId,
      detail: {
        proceedingId: id,
        chargeId: charge.id,
        section: charge.section,
        outcome: input.outcome,
        imprisonmentMonths: input.imprisonmentMonths ?? null,
        suspended: input.suspended,
        rangeCheck,
        alerted,
      },
    });
    return { id: verdictId, rangeCheck };
  });
}

/**
 * Moves a defendant to a custody status, keeping the history. A release pending appeal, an
 * acquittal or an escape puts the victims at risk (seed 002): every linked victim's case team
 * agencies are alerted at once, the case workers there (victim advocates among them), until a
 * reassessment of the risk is recorded. Answers how many alerts were raised.
 */
async function changeCustody(
  tx: Tx,
  actor: Actor,
  proceedingId: string,
  defendant: { id: string; custody: CustodyStatus },
  input: CustodyInput,
  now: Date,
): Promise<{ eventId: string; alerted: number }> {
  const eventId = randomUUID();
  await tx.insert(justiceCustodyEvents).values({
    id: eventId,
    defendantId: defendant.id,
    status: input.status,
    since: input.on,
    recordedBy: actor.userId,
    recordedAt: now,
  });
  await tx
    .update(justiceDefendants)
    .set({ custody: input.status, custodySince: input.on })
    .where(eq(justiceDefendants.id, defendant.id));
  let alerted = 0;
  if (isRelease(input.status) && defendant.custody !== input.status) {
    const recipients = await tx
      .select({ caseId: justiceVictims.caseId, agencyId: caseTeam.agencyId })
      .from(justiceVictims)
      .innerJoin(caseTeam, and(eq(caseTeam.caseId, justiceVictims.caseId), isNull(caseTeam.removedAt)))
      .where(eq(justiceVictims.proceedingId, proceedingId));
    for (const r of recipients) {
      const raised = await raiseAlert(
        tx,
        {
          caseId: r.caseId,
          agencyId: r.agencyId,
          role: "case_worker",
          kind: releaseAlertKind,
          subject: defendant.id,
          params: { status: input.status, since: input.on },
        },
        now,
      );
      if (raised) alerted++;
    }
  }
  return { eventId, alerted };
}

/** Where a defendant is now; see changeCustody for the alert a release raises. */
export async function recordCustody(
  ctx: AppContext,
  actor: Actor,
  id: string,
  defendantId: string,
  input: CustodyInput,
) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await writableProceeding(ctx, tx, actor, id, true);
    const defendant = await defendantOf(tx, id, defendantId, "defendantId").catch(() => {
      throw new NotFound();
    });
    const { eventId, alerted } = await changeCustody(tx, actor, id, defendant, input, now);
    await touch(tx, id, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_custody.record",
      entity: "justice_defendant",
      entityId: defendantId,
      detail: { proceedingId: id, from: defendant.custody, status: input.status, since: input.on, alerted },
    });
    return { id: eventId, alerted };
  });
}

async function victimOf(tx: Tx, proceedingId: string, victimId: string) {
  const [victim] = await tx
    .select({ victim: justiceVictims, reference: cases.reference })
    .from(justiceVictims)
    .innerJoin(cases, eq(cases.id, justiceVictims.caseId))
    .where(and(eq(justiceVictims.id, victimId), eq(justiceVictims.proceedingId, proceedingId)));
  if (!victim) throw new NotFound();
  return victim;
}

/**
 * The victim as a witness: protective measures asked for and granted (Reg. 2001/20), the past
 * inadmissible except in camera (Reg. 2001/4 s. 7), the witness protection unit, the lawyer and
 * the interpreter. The lawyer's name is sealed under the victim's key.
 */
export async function recordWitness(
  ctx: AppContext,
  actor: Actor,
  id: string,
  victimId: string,
  input: WitnessInput,
) {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await writableProceeding(ctx, tx, actor, id);
    const { victim, reference } = await victimOf(tx, id, victimId);
    const interpreterId = await checkInterpreter(tx, input.interpreterId, "interpreterId");
    const lawyer = input.lawyer
      ? await sealCaseText(ctx, tx, victim.caseId, victimLawyerAt(victimId), input.lawyer)
      : null;
    const measuresRequested = [...new Set(input.measuresRequested)];
    const measuresGranted = [...new Set(input.measuresGranted)];
    await tx
      .update(justiceVictims)
      .set({
        measuresRequested,
        measuresGranted,
        pastHistoryInCameraOnly: input.pastHistoryInCameraOnly,
        witnessProtectionUnit: input.witnessProtectionUnit,
        lawyer,
        interpreterId,
      })
      .where(eq(justiceVictims.id, victimId));
    await touch(tx, id, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_witness.record",
      caseId: victim.caseId,
      entity: "justice_victim",
      entityId: victimId,
      detail: {
        proceedingId: id,
        reference,
        measuresRequested,
        measuresGranted,
        pastHistoryInCameraOnly: input.pastHistoryInCameraOnly,
        witnessProtectionUnit: input.witnessProtectionUnit,
        lawyer: lawyer !== null,
        interpreter: interpreterId !== null,
      },
    });
  });
}

/** The witness was informed of the protective measures: by the signed-in user, at the time given. */
export async function recordInformed(
  ctx: AppContext,
  actor: Actor,
  id: string,
  victimId: string,
  input: InformedInput,
) {
  const now = ctx.now();
  const informedAt = input.informedAt ?? now;
  if (informedAt.getTime() > now.getTime()) throw new Invalid("informedAt", "date_in_future");
  await ctx.db.transaction(async (tx) => {
    await writableProceeding(ctx, tx, actor, id);
    const { victim, reference } = await victimOf(tx, id, victimId);
    await tx
      .update(justiceVictims)
      .set({ informedBy: actor.userId, informedAt })
      .where(eq(justiceVictims.id, victimId));
    await touch(tx, id, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_witness.informed",
      caseId: victim.caseId,
      entity: "justice_victim",
      entityId: victimId,
      detail: { proceedingId: id, reference, informedAt: informedAt.toISOString() },
    });
  });
}

export async function addTestimony(
  ctx: AppContext,
  actor: Actor,
  id: string,
  victimId: string,
  input: TestimonyInput,
) {
  const now = ctx.now();
  const testimonyId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await writableProceeding(ctx, tx, actor, id);
    const { victim, reference } = await victimOf(tx, id, victimId);
    await tx.insert(justiceTestimonies).values({
      id: testimonyId,
      victimId,
      kind: input.kind,
      presence: input.presence,
      givenOn: input.on,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await touch(tx, id, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_testimony.record",
      caseId: victim.caseId,
      entity: "justice_testimony",
      entityId: testimonyId,
      detail: { proceedingId: id, reference, kind: input.kind, presence: input.presence, on: input.on },
    });
    return { id: testimonyId };
  });
}

/**
 * The victim's risk looked at again after a defendant's release: it ends the release alerts on the
 * case for every agency (the risk level proper is kept by the security module).
 */
export async function recordReassessment(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: ReassessmentInput,
) {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayReassessRisk(actor)) throw new Forbidden();
  const now = ctx.now();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(justiceReassessments).values({
      id,
      caseId: found.id,
      level: input.level,
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    const resolved = await resolveAlerts(tx, { caseId: found.id, kind: releaseAlertKind }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "justice_reassessment.record",
      caseId: found.id,
      entity: "justice_reassessment",
      entityId: id,
      detail: { reference, level: input.level, alertsResolved: resolved },
    });
    return { id };
  });
}

/** A compensation claim of the victim; a proceeding named must be one linked to the case. */
export async function addCompensation(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: CompensationInput,
) {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordCompensation(actor)) throw new Forbidden();
  const now = ctx.now();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    if (input.proceedingId) {
      const [linked] = await tx
        .select({ id: justiceVictims.id })
        .from(justiceVictims)
        .where(and(eq(justiceVictims.proceedingId, input.proceedingId), eq(justiceVictims.caseId, found.id)));
      if (!linked) throw new Invalid("proceedingId", "not_found");
    }
    await tx.insert(justiceCompensationClaims).values({
      id,
      caseId: found.id,
      proceedingId: input.proceedingId ?? null,
      kind: input.kind,
      claimedEuros: input.claimedEuros,
      claimedOn: input.claimedOn,
      recordedBy: actor.userId,
      recordedAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "justice_compensation.record",
      caseId: found.id,
      entity: "justice_compensation_claim",
      entityId: id,
      detail: { reference, kind: input.kind, claimedEuros: input.claimedEuros, claimedOn: input.claimedOn },
    });
    return { id };
  });
}

/** What was decided and paid on a claim; a payment follows a decision. */
export async function updateCompensation(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  claimId: string,
  input: CompensationUpdate,
) {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordCompensation(actor)) throw new Forbidden();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [claim] = await tx
      .select()
      .from(justiceCompensationClaims)
      .where(and(eq(justiceCompensationClaims.id, claimId), eq(justiceCompensationClaims.caseId, found.id)));
    if (!claim) throw new NotFound();
    const next = {
      decidedEuros: input.decidedEuros !== undefined ? input.decidedEuros : claim.decidedEuros,
      decidedOn: input.decidedOn !== undefined ? input.decidedOn : claim.decidedOn,
      paidEuros: input.paidEuros !== undefined ? input.paidEuros : claim.paidEuros,
      paidOn: input.paidOn !== undefined ? input.paidOn : claim.paidOn,
    };
    if ((next.decidedEuros === null) !== (next.decidedOn === null))
      throw new Invalid(next.decidedOn === null ? "decidedOn" : "decidedEuros", "required");
    if ((next.paidEuros === null) !== (next.paidOn === null))
      throw new Invalid(next.paidOn === null ? "paidOn" : "paidEuros", "required");
    if (next.paidEuros !== null && next.decidedEuros === null)
      throw new Invalid("paidEuros", "payment_before_decision");
    await tx
      .update(justiceCompensationClaims)
      .set({ ...next, updatedAt: now })
      .where(eq(justiceCompensationClaims.id, claimId));
    await recordAudit(tx, auditActor(actor), {
      action: "justice_compensation.update",
      caseId: found.id,
      entity: "justice_compensation_claim",
      entityId: claimId,
      detail: { reference, ...next },
    });
  });
}
