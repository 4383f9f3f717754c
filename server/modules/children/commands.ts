import { randomUUID } from "node:crypto";
import { completeFulfilledTasks } from "../pathway/task-commands";
import { and, desc, eq, isNull } from "drizzle-orm";
import type {
  BestInterestsOutcome,
  ChildLocationType,
  GuardianAppointingBody,
  NotificationMethod,
  ParentRelationship,
} from "../../../shared/children";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { agencies, users } from "../agencies/schema";
import { resolveAlerts } from "../alerts/commands";
import { visibleCase } from "../cases/queries";
import { cases, caseTeam } from "../cases/schema";
import { sealCaseText } from "../cases/sealing";
import { childAlertKinds } from "./alerts";
import { mayBeCaseWorker, mayFlagParent, mayManageChild, mayRecordLocation, mayUnflagParent } from "./policy";
import { currentLocation } from "./queries";
import { type Issue, locationIssue, mayNotifyParent, pastDateIssue, pastInstantIssue } from "./rules";
import {
  bestInterestsDeterminations,
  childCaseWorkers,
  childGuardians,
  childLocations,
  childParentNotifications,
  childParents,
  childViews,
} from "./schema";

type ChildCase = Awaited<ReturnType<typeof visibleCase>>;

/** A case of the actor's team on the child pathway; another team's case is not found, an adult's is a conflict. */
export async function childCase(ctx: AppContext, actor: Actor, reference: string): Promise<ChildCase> {
  const found = await visibleCase(ctx, actor, reference);
  if (found.pathway !== "child") throw new Conflict("not_a_child_case");
  return found;
}

const refuse = (issue: Issue | null) => {
  if (issue) throw new Invalid(issue.field, issue.code);
};

/** Free text that must say something: refused with the field named when blank. */
function required(field: string, value: string | null | undefined): string {
  const text = value?.trim() ?? "";
  if (!text) throw new Invalid(field, "required");
  return text;
}

const optionalText = (value: string | null | undefined) => value?.trim() || null;

/** One child's records are written one at a time: the case row is the lock. */
const lockCase = (tx: Tx, caseId: string) =>
  tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for("update");

const today = (ctx: AppContext) => localDate(ctx.now(), ctx.jurisdiction.timeZone);

function mustManage(actor: Actor) {
  if (!mayManageChild(actor)) throw new Forbidden();
}

/**
 * Assigns the child's case worker: an active social worker or supervisor of a social services
 * agency on the team. Assigning the one already assigned records nothing new.
 */
export async function assignCaseWorker(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: { userId: string },
): Promise<void> {
  const found = await childCase(ctx, actor, reference);
  mustManage(actor);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, found.id);
    const [candidate] = await tx
      .select({
        id: users.id,
        roles: users.roles,
        active: users.active,
        agencyId: users.agencyId,
        type: agencies.type,
      })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .innerJoin(
        caseTeam,
        and(eq(caseTeam.agencyId, users.agencyId), eq(caseTeam.caseId, found.id), isNull(caseTeam.removedAt)),
      )
      .where(eq(users.id, input.userId));
    if (!candidate || !mayBeCaseWorker(candidate, candidate.type))
      throw new Invalid("userId", "case_worker_not_eligible");
    const [latest] = await tx
      .select({ userId: childCaseWorkers.userId })
      .from(childCaseWorkers)
      .where(eq(childCaseWorkers.caseId, found.id))
      .orderBy(desc(childCaseWorkers.assignedAt))
      .limit(1);
    if (latest?.userId === candidate.id) return;
    const id = randomUUID();
    await tx.insert(childCaseWorkers).values({
      id,
      caseId: found.id,
      userId: candidate.id,
      agencyId: candidate.agencyId,
      assignedBy: actor.userId,
      assignedAt: now,
    });
    await completeFulfilledTasks(ctx, tx, auditActor(actor), found, now);
    await recordAudit(tx, auditActor(actor), {
      action: "child.case_worker.assign",
      caseId: found.id,
      entity: "child_case_worker",
      entityId: id,
      detail: {
        reference,
        userId: candidate.id,
        agencyId: candidate.agencyId,
        replaced: latest !== undefined,
      },
    });
  });
}

export interface GuardianInput {
  name: string;
  contact?: string | null | undefined;
  appointingBody: GuardianAppointingBody;
  decisionReference?: string | null | undefined;
  appointedOn: string;
}

/**
 * Records the child's legal guardian. A new guardian replaces the active one, which is kept as
 * history. The alarm about a missing guardian ends in the same transaction.
 */
export async function assignGuardian(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: GuardianInput,
): Promise<{ id: string }> {
  const found = await childCase(ctx, actor, reference);
  mustManage(actor);
  const name = required("name", input.name);
  refuse(pastDateIssue("appointedOn", input.appointedOn, today(ctx)));
  const contact = optionalText(input.contact);
  const decisionReference = optionalText(input.decisionReference);
  const now = ctx.now();
  const id = randomUUID();
  const at = (field: string) => ({ table: "child_guardians", recordId: id, field });
  return ctx.db.transaction(async (tx) => {
    await lockCase(tx, found.id);
    const replaced = await tx
      .update(childGuardians)
      .set({ replacedAt: now })
      .where(and(eq(childGuardians.caseId, found.id), isNull(childGuardians.replacedAt)))
      .returning({ id: childGuardians.id });
    await tx.insert(childGuardians).values({
      id,
      caseId: found.id,
      name: await sealCaseText(ctx, tx, found.id, at("name"), name),
      contact: contact ? await sealCaseText(ctx, tx, found.id, at("contact"), contact) : null,
      appointingBody: input.appointingBody,
      decisionReference: decisionReference
        ? await sealCaseText(ctx, tx, found.id, at("decision_reference"), decisionReference)
        : null,
      appointedOn: input.appointedOn,
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    await resolveAlerts(tx, { caseId: found.id, kind: childAlertKinds.guardianMissing }, now);
    await completeFulfilledTasks(ctx, tx, auditActor(actor), found, now);
    await recordAudit(tx, auditActor(actor), {
      action: "child.guardian.assign",
      caseId: found.id,
      entity: "child_guardian",
      entityId: id,
      detail: {
        reference,
        appointingBody: input.appointingBody,
        appointedOn: input.appointedOn,
        withContact: contact !== null,
        replaced: replaced.map((row) => row.id),
      },
    });
    return { id };
  });
}

export interface BestInterestsInput {
  determinedOn: string;
  outcome: BestInterestsOutcome;
  reasoning: string;
  guardianPresent: boolean;
  childHeard: boolean;
}

/** Records a best-interests determination; the latest is the one that stands. */
export async function recordBestInterests(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: BestInterestsInput,
): Promise<{ id: string }> {
  const found = await childCase(ctx, actor, reference);
  mustManage(actor);
  refuse(pastDateIssue("determinedOn", input.determinedOn, today(ctx)));
  const reasoning = required("reasoning", input.reasoning);
  const now = ctx.now();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(bestInterestsDeterminations).values({
      id,
      caseId: found.id,
      determinedOn: input.determinedOn,
      outcome: input.outcome,
      reasoning: await sealCaseText(
        ctx,
        tx,
        found.id,
        { table: "best_interests_determinations", recordId: id, field: "reasoning" },
        reasoning,
      ),
      guardianPresent: input.guardianPresent,
      childHeard: input.childHeard,
      determinedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    await completeFulfilledTasks(ctx, tx, auditActor(actor), found, now);
    await recordAudit(tx, auditActor(actor), {
      action: "child.best_interests.record",
      caseId: found.id,
      entity: "best_interests_determination",
      entityId: id,
      detail: {
        reference,
        determinedOn: input.determinedOn,
        outcome: input.outcome,
        guardianPresent: input.guardianPresent,
        childHeard: input.childHeard,
      },
    });
    return { id };
  });
}

export interface ViewsInput {
  heardOn: string;
  inPerson: boolean;
  withInterpreter: boolean;
  guardianPresent: boolean;
  summary: string;
}

/** Records that the child was heard, how, and a sealed summary of what the child said. */
export async function recordViews(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: ViewsInput,
): Promise<{ id: string }> {
  const found = await childCase(ctx, actor, reference);
  mustManage(actor);
  refuse(pastDateIssue("heardOn", input.heardOn, today(ctx)));
  const summary = required("summary", input.summary);
  const now = ctx.now();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(childViews).values({
      id,
      caseId: found.id,
      heardOn: input.heardOn,
      inPerson: input.inPerson,
      withInterpreter: input.withInterpreter,
      guardianPresent: input.guardianPresent,
      summary: await sealCaseText(
        ctx,
        tx,
        found.id,
        { table: "child_views", recordId: id, field: "summary" },
        summary,
      ),
      heardBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    await completeFulfilledTasks(ctx, tx, auditActor(actor), found, now);
    await recordAudit(tx, auditActor(actor), {
      action: "child.views.record",
      caseId: found.id,
      entity: "child_views",
      entityId: id,
      detail: {
        reference,
        heardOn: input.heardOn,
        inPerson: input.inPerson,
        withInterpreter: input.withInterpreter,
        guardianPresent: input.guardianPresent,
      },
    });
    return { id };
  });
}

export interface ParentInput {
  relationship: ParentRelationship;
  name: string;
  contact?: string | null | undefined;
  suspectedTrafficker: boolean;
}

/** Records a parent or family contact, flagged at once when already suspected. */
export async function addParent(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: ParentInput,
): Promise<{ id: string }> {
  const found = await childCase(ctx, actor, reference);
  mustManage(actor);
  const name = required("name", input.name);
  const contact = optionalText(input.contact);
  const now = ctx.now();
  const id = randomUUID();
  const at = (field: string) => ({ table: "child_parents", recordId: id, field });
  return ctx.db.transaction(async (tx) => {
    await tx.insert(childParents).values({
      id,
      caseId: found.id,
      relationship: input.relationship,
      name: await sealCaseText(ctx, tx, found.id, at("name"), name),
      contact: contact ? await sealCaseText(ctx, tx, found.id, at("contact"), contact) : null,
      suspectedTrafficker: input.suspectedTrafficker,
      flagChangedAt: input.suspectedTrafficker ? now : null,
      flagChangedBy: input.suspectedTrafficker ? actor.userId : null,
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "child.parent.add",
      caseId: found.id,
      entity: "child_parent",
      entityId: id,
      detail: {
        reference,
        relationship: input.relationship,
        suspectedTrafficker: input.suspectedTrafficker,
        withContact: contact !== null,
      },
    });
    return { id };
  });
}

/** The case's parent, locked: a flag and a notification of the same parent never cross. */
async function lockedParent(tx: Tx, caseId: string, parentId: string) {
  const [parent] = await tx
    .select()
    .from(childParents)
    .where(and(eq(childParents.id, parentId), eq(childParents.caseId, caseId)))
    .for("update");
  if (!parent) throw new NotFound();
  return parent;
}

/**
 * Flags a parent as a suspected trafficker, or lifts the flag. Flagging is open to every front-line
 * role on the team; lifting it, to a social services supervisor only.
 */
export async function setParentFlag(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  parentId: string,
  suspectedTrafficker: boolean,
): Promise<void> {
  const found = await childCase(ctx, actor, reference);
  if (!(suspectedTrafficker ? mayFlagParent(actor) : mayUnflagParent(actor))) throw new Forbidden();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const parent = await lockedParent(tx, found.id, parentId);
    if (parent.suspectedTrafficker === suspectedTrafficker) return;
    await tx
      .update(childParents)
      .set({ suspectedTrafficker, flagChangedAt: now, flagChangedBy: actor.userId })
      .where(eq(childParents.id, parent.id));
    await recordAudit(tx, auditActor(actor), {
      action: suspectedTrafficker ? "child.parent.flag" : "child.parent.unflag",
      caseId: found.id,
      entity: "child_parent",
      entityId: parent.id,
      detail: { reference, relationship: parent.relationship },
    });
  });
}

export interface NotificationInput {
  method: NotificationMethod;
  notifiedAt?: Date | null | undefined;
}

/**
 * Records that a social worker told a parent (by phone, in person or by letter). A parent flagged as
 * a suspected trafficker is refused, checked under the parent's lock: nothing is recorded, and the
 * worker is told why, so that nobody calls them.
 */
export async function notifyParent(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  parentId: string,
  input: NotificationInput,
): Promise<{ id: string }> {
  const found = await childCase(ctx, actor, reference);
  mustManage(actor);
  const now = ctx.now();
  const notifiedAt = input.notifiedAt ?? now;
  refuse(pastInstantIssue("notifiedAt", notifiedAt, now));
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const parent = await lockedParent(tx, found.id, parentId);
    if (!mayNotifyParent(parent)) throw new Conflict("parent_suspected");
    await tx.insert(childParentNotifications).values({
      id,
      caseId: found.id,
      parentId: parent.id,
      method: input.method,
      notifiedAt,
      notifiedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "child.parent.notify",
      caseId: found.id,
      entity: "child_parent_notification",
      entityId: id,
      detail: { reference, parentId: parent.id, relationship: parent.relationship, method: input.method },
    });
    return { id };
  });
}

/**
 * Records where the child is now. Leaving a police station ends the alarm about it in the same
 * transaction; a move from one police station to another does not restart the clock (see alerts.ts).
 */
export async function recordLocation(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: { locationType: ChildLocationType; since?: Date | null | undefined },
): Promise<{ id: string }> {
  const found = await childCase(ctx, actor, reference);
  if (!mayRecordLocation(actor)) throw new Forbidden();
  const now = ctx.now();
  const since = input.since ?? now;
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await lockCase(tx, found.id);
    refuse(locationIssue(since, now, await currentLocation(tx, found.id)));
    await tx.insert(childLocations).values({
      id,
      caseId: found.id,
      locationType: input.locationType,
      since,
      recordedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    if (input.locationType !== "police_station")
      await resolveAlerts(tx, { caseId: found.id, kind: childAlertKinds.atPoliceStation }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "child.location.record",
      caseId: found.id,
      entity: "child_location",
      entityId: id,
      detail: { reference, locationType: input.locationType, since: since.toISOString() },
    });
    return { id };
  });
}
