import { asc, desc, eq } from "drizzle-orm";
import { namesOf } from "../agencies/names";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { visibleCase } from "../cases/queries";
import { persons } from "../cases/schema";
import { openCaseText } from "../cases/sealing";
import { sopFor } from "../pathway/sop";
import {
  mayReadAssistanceNotes,
  mayReadPermitNumber,
  mayRecordAssistance,
  mayRecordResidence,
} from "./policy";
import { daysLeft, isForeignVictim, periodEnd, periodOverAt, reminderDaysBefore } from "./rules";
import {
  assistanceServicesGiven,
  assistanceTextAt,
  needsAssessments,
  reflectionExtensions,
  residencePermits,
  supportPlans,
} from "./schema";

type Found = Awaited<ReturnType<typeof visibleCase>>;

/** Opens sealed texts of the module for one case. */
const opener =
  (ctx: AppContext, caseId: string) =>
  (table: string, recordId: string, field: string, sealed: Buffer | null): Promise<string | null> =>
    sealed
      ? openCaseText(ctx, ctx.db, caseId, assistanceTextAt(table, recordId, field), sealed)
      : Promise.resolve(null);

/** Every opening of sealed assistance text is audited, like any read of identifying data. */
async function auditTextRead(
  ctx: AppContext,
  actor: Actor,
  found: Found,
  entity: string,
  ids: readonly string[],
) {
  if (ids.length === 0) return;
  await ctx.db.transaction((tx) =>
    recordAudit(tx, auditActor(actor), {
      action: "assistance.text.read",
      caseId: found.id,
      entity,
      entityId: null,
      detail: { reference: found.reference, ids: [...ids] },
    }),
  );
}

export async function listNeedsAssessments(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const rows = await ctx.db
    .select()
    .from(needsAssessments)
    .where(eq(needsAssessments.caseId, found.id))
    .orderBy(desc(needsAssessments.assessedAt), desc(needsAssessments.recordedAt));
  const names = await namesOf(
    ctx.db,
    rows.map((r) => r.assessedBy),
    rows.map((r) => r.agencyId),
  );
  const mayOpen = mayReadAssistanceNotes(actor);
  const open = opener(ctx, found.id);
  const opened: string[] = [];
  const items = [];
  for (const row of rows) {
    const note = mayOpen ? await open("needs_assessments", row.id, "note", row.note) : null;
    if (note !== null) opened.push(row.id);
    items.push({
      id: row.id,
      needs: row.needs,
      urgency: row.urgency,
      note,
      hasNote: row.note !== null,
      assessedAt: row.assessedAt.toISOString(),
      assessedBy: names.user(row.assessedBy),
      agency: names.agency(row.agencyId),
      recordedAt: row.recordedAt.toISOString(),
    });
  }
  await auditTextRead(ctx, actor, found, "needs_assessment", opened);
  return { items, mayRecord: mayRecordAssistance(actor), mayReadNotes: mayOpen };
}

export async function listServices(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const rows = await ctx.db
    .select()
    .from(assistanceServicesGiven)
    .where(eq(assistanceServicesGiven.caseId, found.id))
    .orderBy(asc(assistanceServicesGiven.startDate), asc(assistanceServicesGiven.recordedAt));
  const names = await namesOf(
    ctx.db,
    rows.flatMap((r) => [r.recordedBy, r.updatedBy]),
    rows.flatMap((r) => [r.agencyId, r.providerAgencyId]),
  );
  const mayOpen = mayReadAssistanceNotes(actor);
  const open = opener(ctx, found.id);
  const opened: string[] = [];
  const items = [];
  for (const row of rows) {
    const note = mayOpen ? await open("assistance_services", row.id, "note", row.note) : null;
    const providerName = mayOpen
      ? await open("assistance_services", row.id, "provider_name", row.providerName)
      : null;
    if (note !== null || providerName !== null) opened.push(row.id);
    items.push({
      id: row.id,
      service: row.service,
      providerAgency: names.maybeAgency(row.providerAgencyId),
      providerName,
      hasProviderName: row.providerName !== null,
      startDate: row.startDate,
      endDate: row.endDate,
      status: row.status,
      note,
      hasNote: row.note !== null,
      recordedBy: names.user(row.recordedBy),
      agency: names.agency(row.agencyId),
      recordedAt: row.recordedAt.toISOString(),
      updatedBy: names.user(row.updatedBy),
      updatedAt: row.updatedAt.toISOString(),
    });
  }
  await auditTextRead(ctx, actor, found, "assistance_service", opened);
  return { items, mayRecord: mayRecordAssistance(actor), mayReadNotes: mayOpen };
}

export async function listSupportPlans(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const rows = await ctx.db
    .select()
    .from(supportPlans)
    .where(eq(supportPlans.caseId, found.id))
    .orderBy(desc(supportPlans.startDate), desc(supportPlans.recordedAt));
  const names = await namesOf(
    ctx.db,
    rows.map((r) => r.recordedBy),
    rows.map((r) => r.agencyId),
  );
  const mayOpen = mayReadAssistanceNotes(actor);
  const open = opener(ctx, found.id);
  const opened: string[] = [];
  const items = [];
  for (const row of rows) {
    const objectives = mayOpen ? await open("support_plans", row.id, "objectives", row.objectives) : null;
    const actionPlan = mayOpen ? await open("support_plans", row.id, "action_plan", row.actionPlan) : null;
    if (objectives !== null) opened.push(row.id);
    items.push({
      id: row.id,
      type: row.type,
      objectives,
      actionPlan,
      startDate: row.startDate,
      reviewDate: row.reviewDate,
      plannedEndDate: row.plannedEndDate,
      actualEndDate: row.actualEndDate,
      status: row.status,
      serviceIds: row.serviceIds,
      recordedBy: names.user(row.recordedBy),
      agency: names.agency(row.agencyId),
      recordedAt: row.recordedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    });
  }
  await auditTextRead(ctx, actor, found, "support_plan", opened);
  return { items, mayRecord: mayRecordAssistance(actor), mayReadNotes: mayOpen };
}

/** The case's extensions of the reflection period, in order. */
async function extensionsOf(db: Queryable, caseId: string) {
  return db
    .select()
    .from(reflectionExtensions)
    .where(eq(reflectionExtensions.caseId, caseId))
    .orderBy(asc(reflectionExtensions.extendedAt));
}

/**
 * The end of the reflection period in force: from the identification date and the SOP's days, or
 * the latest (always later) extension.
 */
export async function currentReflectionEnd(
  db: Queryable,
  found: { id: string; identificationDate: string },
  reflectionPeriodDays: number,
): Promise<string> {
  const [latest] = await db
    .select({ newEndDate: reflectionExtensions.newEndDate })
    .from(reflectionExtensions)
    .where(eq(reflectionExtensions.caseId, found.id))
    .orderBy(desc(reflectionExtensions.newEndDate))
    .limit(1);
  return latest?.newEndDate ?? periodEnd(found.identificationDate, reflectionPeriodDays);
}

/** The permit in force: the grant or the extension with the latest validity. */
export async function latestPermit(db: Queryable, caseId: string) {
  const [row] = await db
    .select()
    .from(residencePermits)
    .where(eq(residencePermits.caseId, caseId))
    .orderBy(desc(residencePermits.validUntil))
    .limit(1);
  return row ?? null;
}

/**
 * The reflection period (start, end, days left, whether extended) and, for a foreign victim,
 * temporary residence, as of now in the jurisdiction's time zone.
 */
export async function reflectionView(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const sop = sopFor(ctx.jurisdiction.code);
  const timeZone = ctx.jurisdiction.timeZone;
  const now = ctx.now();
  const extensions = await extensionsOf(ctx.db, found.id);
  const permits = await ctx.db
    .select()
    .from(residencePermits)
    .where(eq(residencePermits.caseId, found.id))
    .orderBy(asc(residencePermits.recordedAt));
  const [person] = await ctx.db
    .select({ citizenship: persons.citizenship })
    .from(persons)
    .where(eq(persons.id, found.personId));
  const names = await namesOf(
    ctx.db,
    [...extensions.map((e) => e.extendedBy), ...permits.map((p) => p.recordedBy)],
    [...extensions.map((e) => e.agencyId), ...permits.map((p) => p.agencyId)],
  );
  const mayOpen = mayReadAssistanceNotes(actor);
  const mayOpenNumber = mayReadPermitNumber(actor, found.scopes);
  const open = opener(ctx, found.id);
  const opened: string[] = [];

  const defaultEnd = periodEnd(found.identificationDate, sop.reflectionPeriodDays);
  const endDate = await currentReflectionEnd(ctx.db, found, sop.reflectionPeriodDays);
  const presentedExtensions = [];
  for (const e of extensions) {
    const reason = mayOpen ? await open("reflection_extensions", e.id, "reason", e.reason) : null;
    if (reason !== null) opened.push(e.id);
    presentedExtensions.push({
      id: e.id,
      previousEndDate: e.previousEndDate,
      newEndDate: e.newEndDate,
      reason,
      extendedBy: names.user(e.extendedBy),
      agency: names.agency(e.agencyId) ?? { id: e.agencyId, name: "" },
      extendedAt: e.extendedAt.toISOString(),
    });
  }

  const foreign = isForeignVictim(found.pathway, person?.citizenship ?? [], ctx.jurisdiction.homeCountries);
  const inForce = await latestPermit(ctx.db, found.id);
  const presentedPermits = [];
  for (const p of permits) {
    const permitNumber = mayOpenNumber
      ? await open("residence_permits", p.id, "permit_number", p.permitNumber)
      : null;
    if (permitNumber !== null) opened.push(p.id);
    presentedPermits.push({
      id: p.id,
      action: p.action,
      grantedDate: p.grantedDate,
      validUntil: p.validUntil,
      permitNumber,
      hasPermitNumber: p.permitNumber !== null,
      recordedBy: names.user(p.recordedBy),
      agency: names.agency(p.agencyId) ?? { id: p.agencyId, name: "" },
      recordedAt: p.recordedAt.toISOString(),
    });
  }
  await auditTextRead(ctx, actor, found, "reflection_period", opened);

  const left = daysLeft(endDate, now, timeZone);
  const firstGrant = permits.find((p) => p.action === "grant") ?? null;
  return {
    reflection: {
      startDate: found.identificationDate,
      defaultDays: sop.reflectionPeriodDays,
      defaultEndDate: defaultEnd,
      endDate,
      endsAt: periodOverAt(endDate, timeZone).toISOString(),
      daysLeft: Math.max(0, left),
      expired: left < 0,
      extended: extensions.length > 0,
      extensions: presentedExtensions,
    },
    residence: {
      applicable: foreign,
      defaultDays: sop.temporaryResidenceDays,
      grantedDate: firstGrant?.grantedDate ?? null,
      validUntil: inForce?.validUntil ?? null,
      daysLeft: inForce ? Math.max(0, daysLeft(inForce.validUntil, now, timeZone)) : null,
      expired: inForce ? daysLeft(inForce.validUntil, now, timeZone) < 0 : false,
      extended: permits.some((p) => p.action === "extend"),
      permits: presentedPermits,
    },
    reminderDaysBefore,
    permissions: {
      canExtend: mayRecordAssistance(actor),
      canRecordResidence: foreign && mayRecordResidence(actor),
    },
  };
}

/** Whether the person's needs have been assessed (the fact the pathway's SOP names). */
export async function hasNeedsAssessment(db: Queryable, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: needsAssessments.id })
    .from(needsAssessments)
    .where(eq(needsAssessments.caseId, caseId))
    .limit(1);
  return !!row;
}
