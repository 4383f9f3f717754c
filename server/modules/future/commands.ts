import { randomUUID } from "node:crypto";
import { completeFulfilledTasks } from "../pathway/task-commands";
import { and, eq, inArray, isNull } from "drizzle-orm";
import {
  type FollowUpOutcome,
  type FutureOption,
  type HandOverSection,
  isReturnOption,
  type RiskFactor,
  type RiskLevel,
  type RiskRecommendation,
  type TravelDocumentStatus,
} from "../../../shared/future";
import type { Language } from "../../../shared/roles";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable, Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { raiseAlert, resolveAlerts } from "../alerts/commands";
import { cases, caseTeam } from "../cases/schema";
import { visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { caseFacts } from "../pathway/facts";
import { sopFor } from "../pathway/sop";
import { currentDecision } from "./facts";
import { handOverContent, handOverPdf } from "./hand-over";
import { newPassphrase, sealPackage } from "./package";
import {
  mayHandOver,
  mayLinkReTrafficking,
  mayRecordDecision,
  mayRecordFollowUp,
  mayRecordReturn,
  mayRecordRiskAssessment,
} from "./policy";
import {
  dayInFuture,
  decisionConflict,
  followUpSchedule,
  handOverIssue,
  isDecision,
  localDate,
  normalisedFactors,
  normalisedOutcomes,
  normalisedSections,
  returnIssue,
  returnNoticeAgencies,
} from "./rules";
import {
  caseReturns,
  followUps,
  futureDecisions,
  handOvers,
  reTraffickingLinks,
  riskAssessments,
} from "./schema";
import { signingKey } from "./signing";

type VisibleCase = Awaited<ReturnType<typeof visibleCase>>;

const text = (value: string | null | undefined) => value?.trim() ?? "";

function pastDay(ctx: AppContext, field: string, day: string | null | undefined): string {
  const today = localDate(ctx.now(), ctx.jurisdiction.timeZone);
  if (!day) return today;
  if (dayInFuture(day, ctx.now(), ctx.jurisdiction.timeZone)) throw new Invalid(field, "date_in_future");
  return day;
}

/** Decisions, returns and follow-ups of one case happen one at a time: the case row is locked. */
async function lockCase(tx: Tx, caseId: string): Promise<void> {
  await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for("update");
}

async function teamAgencies(db: Queryable, caseId: string) {
  return db
    .select({ id: agencies.id, type: agencies.type })
    .from(caseTeam)
    .innerJoin(agencies, eq(agencies.id, caseTeam.agencyId))
    .where(and(eq(caseTeam.caseId, caseId), isNull(caseTeam.removedAt), eq(agencies.active, true)));
}

export interface RiskAssessmentInput {
  assessedOn?: string | null | undefined;
  level: RiskLevel;
  factors: RiskFactor[];
  recommendation: RiskRecommendation;
  assessment?: string | null | undefined;
}

/** Records a risk assessment before a return (seed 002, fn. 186). Who assessed is the signed-in user. */
export async function recordRiskAssessment(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: RiskAssessmentInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordRiskAssessment(actor)) throw new Forbidden();
  const assessedOn = pastDay(ctx, "assessedOn", input.assessedOn);
  const factors = normalisedFactors(input.factors);
  const assessment = text(input.assessment);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(riskAssessments).values({
      id,
      caseId: found.id,
      assessedOn,
      level: input.level,
      factors,
      recommendation: input.recommendation,
      assessment: assessment
        ? await sealCaseText(
            ctx,
            tx,
            found.id,
            { table: "risk_assessments", recordId: id, field: "assessment" },
            assessment,
          )
        : null,
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: ctx.now(),
    });
    await completeFulfilledTasks(ctx, tx, auditActor(actor), found, ctx.now());
    await recordAudit(tx, auditActor(actor), {
      action: "risk_assessment.record",
      caseId: found.id,
      entity: "risk_assessment",
      entityId: id,
      detail: {
        reference,
        level: input.level,
        factors,
        recommendation: input.recommendation,
        withText: assessment !== "",
      },
    });
    return { id };
  });
}

export interface DecisionInput {
  option: FutureOption;
  decidedOn?: string | null | undefined;
  plannedDepartureOn?: string | null | undefined;
  note?: string | null | undefined;
}

/**
 * Records the person's own decision on their future. A return needs a recorded risk assessment and,
 * for a child, a best-interests determination; nothing else. Statements and court dates are not
 * consulted: instead prosecution and police on the team are told, so that they can take a statement
 * or arrange testimony before departure (Reg. 2001/4 s. 5.1).
 */
export async function recordDecision(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: DecisionInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordDecision(actor)) throw new Forbidden();
  const decidedOn = pastDay(ctx, "decidedOn", input.decidedOn);
  const returning = isReturnOption(input.option);
  const planned = returning ? (input.plannedDepartureOn ?? null) : null;
  if (planned && planned < decidedOn) throw new Invalid("plannedDepartureOn", "invalid_date");
  const note = text(input.note);
  const id = randomUUID();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await lockCase(tx, found.id);
    const facts = await caseFacts(tx, found.id);
    const conflict = decisionConflict({
      option: input.option,
      riskAssessed: facts.has("risk_assessment_recorded"),
      child: found.pathway === "child",
      bestInterestsDetermined: facts.has("best_interests_determination"),
    });
    if (conflict) throw new Conflict(conflict);
    const previous = await currentDecision(tx, found.id);
    await tx.insert(futureDecisions).values({
      id,
      caseId: found.id,
      option: input.option,
      decidedOn,
      plannedDepartureOn: planned,
      note: note
        ? await sealCaseText(
            ctx,
            tx,
            found.id,
            { table: "future_decisions", recordId: id, field: "note" },
            note,
          )
        : null,
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    let told = 0;
    if (returning) {
      for (const agencyId of returnNoticeAgencies(await teamAgencies(tx, found.id))) {
        const params: Record<string, string> = { option: input.option };
        if (planned) params.plannedDate = planned;
        const alert = { caseId: found.id, agencyId, kind: "voluntary_return_decided", subject: id, params };
        if (await raiseAlert(tx, alert, now)) told++;
      }
    } else {
      // The return is off: the notice about it is over.
      await resolveAlerts(tx, { caseId: found.id, kind: "voluntary_return_decided" }, now);
    }
    if (previous && isReturnOption(previous.option) !== returning) await cancelFollowUps(tx, found.id, now);
    if (isDecision(input.option) && !returning) {
      // Integration, protection or resettlement is followed up from the day of the decision.
      await scheduleFollowUps(ctx, tx, found, decidedOn, actor.agencyId);
    }
    await recordAudit(tx, auditActor(actor), {
      action: "future_decision.record",
      caseId: found.id,
      entity: "future_decision",
      entityId: id,
      detail: { reference, option: input.option, decidedOn, plannedDepartureOn: planned, notified: told },
    });
    return { id };
  });
}

async function cancelFollowUps(tx: Tx, caseId: string, now: Date): Promise<void> {
  const cancelled = await tx
    .update(followUps)
    .set({ status: "cancelled" })
    .where(and(eq(followUps.caseId, caseId), eq(followUps.status, "scheduled")))
    .returning({ id: followUps.id });
  for (const row of cancelled)
    await resolveAlerts(tx, { caseId, kind: "follow_up_due", subject: row.id }, now);
}

/** Follow-ups at the SOP's months (3, 6, 12 by default) after `from`, replacing those not yet held. */
async function scheduleFollowUps(
  ctx: AppContext,
  tx: Tx,
  found: VisibleCase,
  from: string,
  agencyId: string,
): Promise<void> {
  const now = ctx.now();
  await cancelFollowUps(tx, found.id, now);
  const months = sopFor(ctx.jurisdiction.code).followUpMonths;
  const schedule = followUpSchedule(from, months, ctx.jurisdiction.timeZone);
  if (schedule.length === 0) return;
  await tx.insert(followUps).values(
    schedule.map((f) => ({
      caseId: found.id,
      months: f.months,
      dueOn: f.dueOn,
      dueAt: f.dueAt,
      agencyId,
      createdAt: now,
    })),
  );
}

export interface ReturnInput {
  travelDocumentStatus?: TravelDocumentStatus | null | undefined;
  travelDocumentOn?: string | null | undefined;
  travelDocumentNumber?: string | null | undefined;
  escorted: boolean;
  escortAgencyId?: string | null | undefined;
  departureOn?: string | null | undefined;
  destinationCountry: string;
  partnerName?: string | null | undefined;
  partnerCountry?: string | null | undefined;
}

/**
 * Records the arrangements of a voluntary return. With a departure day, the follow-ups are
 * scheduled from it and prosecution and police on the team are told the day.
 */
export async function recordReturn(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: ReturnInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordReturn(actor)) throw new Forbidden();
  const issue = returnIssue(input);
  if (issue) throw new Invalid(issue.field, issue.code);
  if (input.travelDocumentOn) pastDay(ctx, "travelDocumentOn", input.travelDocumentOn);
  const number = text(input.travelDocumentNumber);
  const id = randomUUID();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await lockCase(tx, found.id);
    const decision = await currentDecision(tx, found.id);
    if (!decision || !isReturnOption(decision.option)) throw new Conflict("return_not_decided");
    if (input.escorted && input.escortAgencyId) {
      const [escort] = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.id, input.escortAgencyId), eq(agencies.active, true)));
      if (!escort) throw new Invalid("escortAgencyId", "invalid_choice");
    }
    await tx.insert(caseReturns).values({
      id,
      caseId: found.id,
      travelDocumentStatus: input.travelDocumentStatus ?? null,
      travelDocumentOn: input.travelDocumentOn ?? null,
      travelDocumentNumber: number
        ? await sealCaseText(
            ctx,
            tx,
            found.id,
            { table: "case_returns", recordId: id, field: "travel_document_number" },
            number,
          )
        : null,
      escorted: input.escorted,
      escortAgencyId: input.escorted ? (input.escortAgencyId ?? null) : null,
      departureOn: input.departureOn ?? null,
      destinationCountry: input.destinationCountry,
      partnerName: text(input.partnerName) || null,
      partnerCountry: input.partnerCountry ?? null,
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    if (input.departureOn) {
      await scheduleFollowUps(ctx, tx, found, input.departureOn, actor.agencyId);
      for (const agencyId of returnNoticeAgencies(await teamAgencies(tx, found.id))) {
        const params = { option: decision.option, plannedDate: input.departureOn };
        await raiseAlert(
          tx,
          { caseId: found.id, agencyId, kind: "voluntary_return_decided", subject: id, params },
          now,
        );
      }
    }
    await recordAudit(tx, auditActor(actor), {
      action: "return.record",
      caseId: found.id,
      entity: "return",
      entityId: id,
      detail: {
        reference,
        travelDocumentStatus: input.travelDocumentStatus ?? null,
        escorted: input.escorted,
        departureOn: input.departureOn ?? null,
        destinationCountry: input.destinationCountry,
      },
    });
    return { id };
  });
}

export interface FollowUpResultInput {
  heldOn?: string | null | undefined;
  outcomes: FollowUpOutcome[];
  notes?: string | null | undefined;
}

/** Records a follow-up's result; its alert, if one was raised, ends. */
export async function recordFollowUpResult(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  followUpId: string,
  input: FollowUpResultInput,
): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordFollowUp(actor)) throw new Forbidden();
  const heldOn = pastDay(ctx, "heldOn", input.heldOn);
  const outcomes = normalisedOutcomes(input.outcomes);
  if (outcomes.length === 0) throw new Invalid("outcomes", "required");
  const notes = text(input.notes);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(followUps)
      .where(and(eq(followUps.id, followUpId), eq(followUps.caseId, found.id)))
      .for("update");
    if (!row) throw new NotFound();
    if (row.status !== "scheduled") throw new Conflict("follow_up_not_scheduled");
    await tx
      .update(followUps)
      .set({
        status: "held",
        heldOn,
        heldBy: actor.userId,
        resultAgencyId: actor.agencyId,
        outcomes,
        notes: notes
          ? await sealCaseText(
              ctx,
              tx,
              found.id,
              { table: "follow_ups", recordId: row.id, field: "notes" },
              notes,
            )
          : null,
        recordedAt: now,
      })
      .where(eq(followUps.id, row.id));
    await resolveAlerts(tx, { caseId: found.id, kind: "follow_up_due", subject: row.id }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "follow_up.record",
      caseId: found.id,
      entity: "follow_up",
      entityId: row.id,
      detail: { reference, months: row.months, heldOn, outcomes, withNotes: notes !== "" },
    });
  });
}

/**
 * Links this case to an earlier one of the same person: they were trafficked again. Both cases
 * must be visible to the actor; an earlier case they cannot see is not found, exactly like one that
 * does not exist.
 */
export async function linkReTrafficking(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  earlierReference: string,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayLinkReTrafficking(actor)) throw new Forbidden();
  // Someone else's case is not found, exactly like one that does not exist: no oracle of references.
  const earlier = await visibleCase(ctx, actor, earlierReference);
  if (earlier.id === found.id) throw new Invalid("earlierReference", "re_trafficking_same_case");
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const [same] = await tx
      .select({ id: reTraffickingLinks.id })
      .from(reTraffickingLinks)
      .where(
        and(
          inArray(reTraffickingLinks.earlierCaseId, [earlier.id, found.id]),
          inArray(reTraffickingLinks.laterCaseId, [earlier.id, found.id]),
        ),
      );
    if (same) throw new Conflict("re_trafficking_linked");
    await tx.insert(reTraffickingLinks).values({
      id,
      earlierCaseId: earlier.id,
      laterCaseId: found.id,
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: ctx.now(),
    });
    const detail = { reference, earlierReference: earlier.reference };
    await recordAudit(tx, auditActor(actor), {
      action: "re_trafficking.link",
      caseId: found.id,
      entity: "re_trafficking_link",
      entityId: id,
      detail,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "re_trafficking.link",
      caseId: earlier.id,
      entity: "re_trafficking_link",
      entityId: id,
      detail,
    });
    return { id };
  });
}

export interface HandOverInput {
  sections: HandOverSection[];
  consentGiven: boolean;
  language?: Language | null | undefined;
}

/**
 * Builds the hand-over to the partner organisation abroad from the sections the person consented
 * to share. The passphrase is returned once and never stored: without it the stored package is
 * unreadable, also to this installation. The audit names the sections, never their content.
 */
export async function createHandOver(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: HandOverInput,
): Promise<{ id: string; passphrase: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayHandOver(actor, found.scopes)) throw new Forbidden();
  const sections = normalisedSections(input.sections);
  const issue = handOverIssue({ sections, consentGiven: input.consentGiven });
  if (issue) throw new Invalid(issue.field, issue.code);
  const language = input.language ?? actor.language;
  const now = ctx.now();
  const id = randomUUID();
  const passphrase = newPassphrase();
  const signer = await signingKey(ctx);
  const content = await handOverContent(ctx, found, sections, now);
  const pkg = sealPackage(content, passphrase, signer, now);
  const pdf = await handOverPdf(content, language, passphrase);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(handOvers).values({
      id,
      caseId: found.id,
      sections,
      consentGiven: true,
      language,
      package: pkg,
      pdf: await sealCaseText(
        ctx,
        tx,
        found.id,
        { table: "hand_overs", recordId: id, field: "pdf" },
        pdf.toString("base64"),
      ),
      signingKeyId: signer.id,
      createdBy: actor.userId,
      agencyId: actor.agencyId,
      createdAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "hand_over.create",
      caseId: found.id,
      entity: "hand_over",
      entityId: id,
      detail: { reference, sections, consentGiven: true },
    });
  });
  return { id, passphrase };
}
