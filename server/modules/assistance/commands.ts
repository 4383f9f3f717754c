/**
 * Recording assistance: needs, services, support plans, the reflection period and temporary
 * residence. Nothing here reads a statement, an interview's willingness to testify or any other
 * sign of cooperation with police or prosecution: assistance is owed to the person whatever they
 * decide about the authorities (DOMAIN.md "The pathway" step 4; seed 002 ch. 4, rec. 2.6).
 */
import { completeFulfilledTasks } from "../pathway/task-commands";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type {
  NeedUrgency,
  ResidenceAction,
  ServiceStatus,
  SupportPlanStatus,
  SupportPlanType,
} from "../../../shared/assistance";
import { type AssistanceService, assistanceServices } from "../../../shared/vocabulary";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { resolveAlerts } from "../alerts/commands";
import { visibleCase } from "../cases/queries";
import { cases, persons } from "../cases/schema";
import { sealCaseText } from "../cases/sealing";
import { sopFor } from "../pathway/sop";
import { mayRecordAssistance, mayRecordResidence } from "./policy";
import { currentReflectionEnd, latestPermit } from "./queries";
import {
  closedServiceStatuses,
  daysBetween,
  extensionIssue,
  isForeignVictim,
  mayMoveService,
  periodEnd,
  planIssue,
  residenceIssue,
  serviceIssue,
  todayIn,
} from "./rules";
import {
  assistanceServicesGiven,
  assistanceTextAt,
  needsAssessments,
  reflectionExtensions,
  residencePermits,
  supportPlans,
} from "./schema";

type Found = Awaited<ReturnType<typeof visibleCase>>;

async function caseForAssistance(ctx: AppContext, actor: Actor, reference: string): Promise<Found> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordAssistance(actor)) throw new Forbidden();
  return found;
}

const trimmed = (text: string | null | undefined) => {
  const value = text?.trim();
  return value ? value : null;
};

/** Seals a text of the module, or null when there is none. */
async function seal(
  ctx: AppContext,
  tx: Tx,
  caseId: string,
  at: { table: string; recordId: string; field: string },
  text: string | null,
) {
  return text === null
    ? null
    : sealCaseText(ctx, tx, caseId, assistanceTextAt(at.table, at.recordId, at.field), text);
}

/** The needs once each, in the order of the service list, however they were sent. */
const normalisedNeeds = (needs: readonly AssistanceService[]): AssistanceService[] =>
  assistanceServices.filter((service) => needs.includes(service));

export interface NeedsAssessmentInput {
  needs: AssistanceService[];
  urgency: NeedUrgency;
  note?: string | null | undefined;
  assessedAt?: Date | null | undefined;
}

/** Records an assessment of the person's needs; its existence is what the SOP names. */
export async function recordNeedsAssessment(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: NeedsAssessmentInput,
): Promise<{ id: string }> {
  const found = await caseForAssistance(ctx, actor, reference);
  const now = ctx.now();
  if (input.assessedAt && input.assessedAt.getTime() > now.getTime())
    throw new Invalid("assessedAt", "date_in_future");
  const needs = normalisedNeeds(input.needs);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(needsAssessments).values({
      id,
      caseId: found.id,
      needs,
      urgency: input.urgency,
      note: await seal(
        ctx,
        tx,
        found.id,
        { table: "needs_assessments", recordId: id, field: "note" },
        trimmed(input.note),
      ),
      assessedAt: input.assessedAt ?? now,
      assessedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    await completeFulfilledTasks(ctx, tx, auditActor(actor), found, now);
    await recordAudit(tx, auditActor(actor), {
      action: "needs_assessment.record",
      caseId: found.id,
      entity: "needs_assessment",
      entityId: id,
      detail: { reference, needs, urgency: input.urgency },
    });
    return { id };
  });
}

/** A provider agency is any active agency; one outside the system is named (sealed) instead. */
async function checkProvider(ctx: AppContext, providerAgencyId: string | null | undefined) {
  if (!providerAgencyId) return;
  const [row] = await ctx.db
    .select({ active: agencies.active })
    .from(agencies)
    .where(eq(agencies.id, providerAgencyId));
  if (!row?.active) throw new Invalid("providerAgencyId", "provider_unknown");
}

export interface ServiceInput {
  service: AssistanceService;
  providerAgencyId?: string | null | undefined;
  providerName?: string | null | undefined;
  startDate: string;
  endDate?: string | null | undefined;
  status: ServiceStatus;
  note?: string | null | undefined;
}

export async function recordService(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: ServiceInput,
): Promise<{ id: string }> {
  const found = await caseForAssistance(ctx, actor, reference);
  const issue = serviceIssue(input);
  if (issue) throw new Invalid(issue.field, issue.code);
  await checkProvider(ctx, input.providerAgencyId);
  const now = ctx.now();
  const id = randomUUID();
  const at = (field: string) => ({ table: "assistance_services", recordId: id, field });
  const endDate =
    input.endDate ??
    (closedServiceStatuses.includes(input.status) ? todayIn(now, ctx.jurisdiction.timeZone) : null);
  return ctx.db.transaction(async (tx) => {
    await tx.insert(assistanceServicesGiven).values({
      id,
      caseId: found.id,
      service: input.service,
      providerAgencyId: input.providerAgencyId ?? null,
      providerName: await seal(ctx, tx, found.id, at("provider_name"), trimmed(input.providerName)),
      startDate: input.startDate,
      endDate,
      status: input.status,
      note: await seal(ctx, tx, found.id, at("note"), trimmed(input.note)),
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "assistance_service.record",
      caseId: found.id,
      entity: "assistance_service",
      entityId: id,
      detail: {
        reference,
        service: input.service,
        status: input.status,
        providerAgencyId: input.providerAgencyId ?? null,
        startDate: input.startDate,
        endDate,
      },
    });
    return { id };
  });
}

export interface ServiceChange {
  status?: ServiceStatus | undefined;
  endDate?: string | null | undefined;
  /** A new note replaces the old one; null removes it; absent leaves it. */
  note?: string | null | undefined;
}

/** Moves a service on (its status, end date or note); every change is audited with from and to. */
export async function changeService(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  serviceId: string,
  change: ServiceChange,
): Promise<void> {
  const found = await caseForAssistance(ctx, actor, reference);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(assistanceServicesGiven)
      .where(and(eq(assistanceServicesGiven.id, serviceId), eq(assistanceServicesGiven.caseId, found.id)))
      .for("update");
    if (!row) throw new NotFound();
    const status = change.status ?? row.status;
    if (!mayMoveService(row.status, status)) throw new Invalid("status", "service_status_not_allowed");
    let endDate = change.endDate === undefined ? row.endDate : change.endDate;
    if (change.endDate === undefined && status !== row.status) {
      if (closedServiceStatuses.includes(status))
        endDate = row.endDate ?? todayIn(now, ctx.jurisdiction.timeZone);
      else endDate = null;
    }
    if (endDate && daysBetween(row.startDate, endDate) < 0)
      throw new Invalid("endDate", "dates_out_of_order");
    const note =
      change.note === undefined
        ? row.note
        : await seal(
            ctx,
            tx,
            found.id,
            { table: "assistance_services", recordId: row.id, field: "note" },
            trimmed(change.note),
          );
    await tx
      .update(assistanceServicesGiven)
      .set({ status, endDate, note, updatedBy: actor.userId, updatedAt: now })
      .where(eq(assistanceServicesGiven.id, row.id));
    await recordAudit(tx, auditActor(actor), {
      action: "assistance_service.update",
      caseId: found.id,
      entity: "assistance_service",
      entityId: row.id,
      detail: {
        reference,
        service: row.service,
        fromStatus: row.status,
        toStatus: status,
        endDate,
        noteChanged: change.note !== undefined,
      },
    });
  });
}

/** Linked services must be this case's own. */
async function checkPlanServices(ctx: AppContext, caseId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const rows = await ctx.db
    .select({ id: assistanceServicesGiven.id })
    .from(assistanceServicesGiven)
    .where(and(eq(assistanceServicesGiven.caseId, caseId), inArray(assistanceServicesGiven.id, unique)));
  if (rows.length !== unique.length) throw new Invalid("serviceIds", "plan_service_unknown");
  return unique;
}

export interface SupportPlanInput {
  type: SupportPlanType;
  objectives: string;
  actionPlan?: string | null | undefined;
  startDate: string;
  reviewDate: string;
  plannedEndDate?: string | null | undefined;
  serviceIds?: string[] | undefined;
}

export async function recordSupportPlan(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: SupportPlanInput,
): Promise<{ id: string }> {
  const found = await caseForAssistance(ctx, actor, reference);
  if (!input.objectives.trim()) throw new Invalid("objectives", "required");
  const issue = planIssue(input);
  if (issue) throw new Invalid(issue.field, issue.code);
  const serviceIds = await checkPlanServices(ctx, found.id, input.serviceIds ?? []);
  const now = ctx.now();
  const id = randomUUID();
  const at = (field: string) => ({ table: "support_plans", recordId: id, field });
  return ctx.db.transaction(async (tx) => {
    const objectives = await seal(ctx, tx, found.id, at("objectives"), input.objectives.trim());
    if (!objectives) throw new Invalid("objectives", "required");
    await tx.insert(supportPlans).values({
      id,
      caseId: found.id,
      type: input.type,
      objectives,
      actionPlan: await seal(ctx, tx, found.id, at("action_plan"), trimmed(input.actionPlan)),
      startDate: input.startDate,
      reviewDate: input.reviewDate,
      plannedEndDate: input.plannedEndDate ?? null,
      status: "active",
      serviceIds,
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "support_plan.record",
      caseId: found.id,
      entity: "support_plan",
      entityId: id,
      detail: {
        reference,
        type: input.type,
        startDate: input.startDate,
        reviewDate: input.reviewDate,
        serviceIds,
      },
    });
    return { id };
  });
}

export interface SupportPlanChange {
  status?: SupportPlanStatus | undefined;
  reviewDate?: string | undefined;
  plannedEndDate?: string | null | undefined;
  objectives?: string | undefined;
  actionPlan?: string | null | undefined;
  serviceIds?: string[] | undefined;
}

export async function changeSupportPlan(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  planId: string,
  change: SupportPlanChange,
): Promise<void> {
  const found = await caseForAssistance(ctx, actor, reference);
  if (change.objectives !== undefined && !change.objectives.trim())
    throw new Invalid("objectives", "required");
  const serviceIds =
    change.serviceIds === undefined ? undefined : await checkPlanServices(ctx, found.id, change.serviceIds);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(supportPlans)
      .where(and(eq(supportPlans.id, planId), eq(supportPlans.caseId, found.id)))
      .for("update");
    if (!row) throw new NotFound();
    const reviewDate = change.reviewDate ?? row.reviewDate;
    const plannedEndDate = change.plannedEndDate === undefined ? row.plannedEndDate : change.plannedEndDate;
    const issue = planIssue({ startDate: row.startDate, reviewDate, plannedEndDate });
    if (issue) throw new Invalid(issue.field, issue.code);
    const status = change.status ?? row.status;
    const actualEndDate =
      status === "active"
        ? null
        : status === row.status
          ? row.actualEndDate
          : todayIn(now, ctx.jurisdiction.timeZone);
    const at = (field: string) => ({ table: "support_plans", recordId: row.id, field });
    const objectives =
      change.objectives === undefined
        ? row.objectives
        : ((await seal(ctx, tx, found.id, at("objectives"), change.objectives.trim())) ?? row.objectives);
    const actionPlan =
      change.actionPlan === undefined
        ? row.actionPlan
        : await seal(ctx, tx, found.id, at("action_plan"), trimmed(change.actionPlan));
    await tx
      .update(supportPlans)
      .set({
        status,
        reviewDate,
        plannedEndDate,
        actualEndDate,
        objectives,
        actionPlan,
        serviceIds: serviceIds ?? row.serviceIds,
        updatedBy: actor.userId,
        updatedAt: now,
      })
      .where(eq(supportPlans.id, row.id));
    await recordAudit(tx, auditActor(actor), {
      action: "support_plan.update",
      caseId: found.id,
      entity: "support_plan",
      entityId: row.id,
      detail: {
        reference,
        fromStatus: row.status,
        toStatus: status,
        reviewDate,
        plannedEndDate,
        serviceIds: serviceIds ?? row.serviceIds,
        textChanged: change.objectives !== undefined || change.actionPlan !== undefined,
      },
    });
  });
}

/** Extends the reflection period to a later end date, with the reason (sealed); ends its reminder. */
export async function extendReflectionPeriod(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: { newEndDate: string; reason: string },
): Promise<{ id: string }> {
  const found = await caseForAssistance(ctx, actor, reference);
  const reason = input.reason.trim();
  if (!reason) throw new Invalid("reason", "required");
  const sop = sopFor(ctx.jurisdiction.code);
  const now = ctx.now();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    // Serialises extensions of one case: each one is measured against the end in force.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, found.id)).for("update");
    const current = await currentReflectionEnd(tx, found, sop.reflectionPeriodDays);
    const issue = extensionIssue(current, input.newEndDate);
    if (issue) throw new Invalid(issue.field, issue.code);
    await tx.insert(reflectionExtensions).values({
      id,
      caseId: found.id,
      previousEndDate: current,
      newEndDate: input.newEndDate,
      reason: await sealCaseText(
        ctx,
        tx,
        found.id,
        assistanceTextAt("reflection_extensions", id, "reason"),
        reason,
      ),
      extendedBy: actor.userId,
      agencyId: actor.agencyId,
      extendedAt: now,
    });
    await resolveAlerts(tx, { caseId: found.id, kind: "reflection_period_ending" }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "reflection_period.extend",
      caseId: found.id,
      entity: "reflection_extension",
      entityId: id,
      detail: { reference, previousEndDate: current, newEndDate: input.newEndDate },
    });
    return { id };
  });
}

export interface ResidenceInput {
  action: ResidenceAction;
  grantedDate: string;
  /** Absent on a grant: the SOP's temporary residence from the grant date. */
  validUntil?: string | null | undefined;
  permitNumber?: string | null | undefined;
}

/** Records the grant of temporary residence to a foreign victim, or its extension. */
export async function recordResidence(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: ResidenceInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordResidence(actor)) throw new Forbidden();
  const [person] = await ctx.db
    .select({ citizenship: persons.citizenship })
    .from(persons)
    .where(eq(persons.id, found.personId));
  if (!isForeignVictim(found.pathway, person?.citizenship ?? [], ctx.jurisdiction.homeCountries))
    throw new Conflict("residence_not_applicable");
  const sop = sopFor(ctx.jurisdiction.code);
  const now = ctx.now();
  if (input.grantedDate > todayIn(now, ctx.jurisdiction.timeZone))
    throw new Invalid("grantedDate", "date_in_future");
  const validUntil = input.validUntil ?? periodEnd(input.grantedDate, sop.temporaryResidenceDays);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, found.id)).for("update");
    const current = await latestPermit(tx, found.id);
    if (input.action === "grant" && current) throw new Conflict("residence_already_granted");
    if (input.action === "extend" && !current) throw new Conflict("residence_not_granted");
    const issue = residenceIssue({ grantedDate: input.grantedDate, validUntil }, current);
    if (issue) throw new Invalid(issue.field, issue.code);
    const permitNumber = trimmed(input.permitNumber);
    await tx.insert(residencePermits).values({
      id,
      caseId: found.id,
      action: input.action,
      grantedDate: input.grantedDate,
      validUntil,
      permitNumber:
        permitNumber === null
          ? null
          : await sealCaseText(
              ctx,
              tx,
              found.id,
              assistanceTextAt("residence_permits", id, "permit_number"),
              permitNumber,
            ),
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    if (input.action === "extend")
      await resolveAlerts(tx, { caseId: found.id, kind: "residence_permit_ending" }, now);
    await recordAudit(tx, auditActor(actor), {
      action: input.action === "grant" ? "residence.grant" : "residence.extend",
      caseId: found.id,
      entity: "residence_permit",
      entityId: id,
      detail: { reference, grantedDate: input.grantedDate, validUntil },
    });
    return { id };
  });
}
