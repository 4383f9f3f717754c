import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type {
  AgendaInput,
  DecisionInput,
  GroupInput,
  MeetingInput,
  MemberInput,
  MinutesInput,
  RenameInput,
} from "../../../shared/coordination";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { mayManageGroups } from "./policy";
import { memberGroup, memberMeeting } from "./queries";
import {
  coordinationAgendaItems,
  coordinationGroupMembers,
  coordinationGroups,
  coordinationMeetings,
  decisionTextAt,
  meetingMinutesAt,
} from "./schema";

async function checkAgencies(ctx: AppContext, ids: readonly string[], field: string) {
  if (ids.length === 0) return;
  const found = await ctx.db
    .select({ id: agencies.id })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
  if (found.length !== new Set(ids).size) throw new Invalid(field, "unknown_agency");
}

async function addMember(tx: Tx, actor: Actor, groupId: string, agencyId: string, now: Date) {
  await tx
    .insert(coordinationGroupMembers)
    .values({ groupId, agencyId, addedBy: actor.userId, addedAt: now });
  await recordAudit(tx, auditActor(actor), {
    action: "coordination.member.add",
    entity: "coordination_group",
    entityId: groupId,
    detail: { agencyId },
  });
}

/**
 * Sets up a standing group for a region, or the national one. A coordinator's own agency sits in
 * the groups it sets up, so that its coordinators see their meetings.
 */
export async function createGroup(ctx: AppContext, actor: Actor, input: GroupInput): Promise<{ id: string }> {
  if (!mayManageGroups(actor)) throw new Forbidden();
  if (input.region !== null && !ctx.jurisdiction.regions.some((region) => region.code === input.region))
    throw new Invalid("region", "unknown_region");
  const members = new Set(input.agencyIds);
  if (actor.roles.includes("coordinator")) members.add(actor.agencyId);
  await checkAgencies(ctx, input.agencyIds, "agencyIds");
  const id = randomUUID();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(coordinationGroups).values({
      id,
      name: input.name,
      region: input.region,
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "coordination.group.create",
      entity: "coordination_group",
      entityId: id,
      detail: { region: input.region, members: members.size },
    });
    for (const agencyId of members) await addMember(tx, actor, id, agencyId, now);
    return { id };
  });
}

export async function addGroupMember(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  input: MemberInput,
): Promise<void> {
  if (!mayManageGroups(actor)) throw new Forbidden();
  const [group] = await ctx.db.select().from(coordinationGroups).where(eq(coordinationGroups.id, groupId));
  if (!group) throw new NotFound();
  await checkAgencies(ctx, [input.agencyId], "agencyId");
  await ctx.db.transaction(async (tx) => {
    const [present] = await tx
      .select({ id: coordinationGroupMembers.id })
      .from(coordinationGroupMembers)
      .where(
        and(
          eq(coordinationGroupMembers.groupId, groupId),
          eq(coordinationGroupMembers.agencyId, input.agencyId),
        ),
      );
    if (present) throw new Conflict("already_member");
    await addMember(tx, actor, groupId, input.agencyId, ctx.now());
  });
}

/** Renames a group: its region, members and meetings stay as they are. */
export async function renameGroup(ctx: AppContext, actor: Actor, groupId: string, input: RenameInput) {
  if (!mayManageGroups(actor)) throw new Forbidden();
  await ctx.db.transaction(async (tx) => {
    const [group] = await tx
      .select()
      .from(coordinationGroups)
      .where(eq(coordinationGroups.id, groupId))
      .for("update");
    if (!group) throw new NotFound();
    await tx.update(coordinationGroups).set({ name: input.name }).where(eq(coordinationGroups.id, groupId));
    await recordAudit(tx, auditActor(actor), {
      action: "coordination.group.rename",
      entity: "coordination_group",
      entityId: groupId,
      detail: {},
    });
  });
}

/**
 * Takes an agency out of a group: its staff no longer see the group's meetings, decisions or
 * minutes. What the group decided while it sat there stays on the cases' timelines.
 */
export async function removeGroupMember(ctx: AppContext, actor: Actor, groupId: string, agencyId: string) {
  if (!mayManageGroups(actor)) throw new Forbidden();
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(coordinationGroupMembers)
      .where(
        and(eq(coordinationGroupMembers.groupId, groupId), eq(coordinationGroupMembers.agencyId, agencyId)),
      )
      .returning({ id: coordinationGroupMembers.id });
    if (removed.length === 0) throw new NotFound();
    await recordAudit(tx, auditActor(actor), {
      action: "coordination.member.remove",
      entity: "coordination_group",
      entityId: groupId,
      detail: { agencyId },
    });
  });
}

export async function createMeeting(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  input: MeetingInput,
): Promise<{ id: string }> {
  await memberGroup(ctx, actor, groupId);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(coordinationMeetings).values({
      id,
      groupId,
      heldOn: input.heldOn,
      createdBy: actor.userId,
      createdAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "coordination.meeting.create",
      entity: "coordination_meeting",
      entityId: id,
      detail: { groupId, heldOn: input.heldOn },
    });
    return { id };
  });
}

/**
 * Puts a case on the agenda by its reference. Only a member of the case team may bring a case
 * before the group (else 404, as for any hidden case): the group never learns of others' cases.
 */
export async function addAgendaItem(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  input: AgendaInput,
): Promise<{ id: string }> {
  await memberMeeting(ctx, actor, meetingId);
  const found = await visibleCase(ctx, actor, input.reference);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const [present] = await tx
      .select({ id: coordinationAgendaItems.id })
      .from(coordinationAgendaItems)
      .where(
        and(eq(coordinationAgendaItems.meetingId, meetingId), eq(coordinationAgendaItems.caseId, found.id)),
      );
    if (present) throw new Conflict("already_on_agenda");
    await tx.insert(coordinationAgendaItems).values({
      id,
      meetingId,
      caseId: found.id,
      addedBy: actor.userId,
      agencyId: actor.agencyId,
      addedAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "coordination.agenda.add",
      caseId: found.id,
      entity: "coordination_meeting",
      entityId: meetingId,
      detail: { reference: found.reference, itemId: id },
    });
    return { id };
  });
}

/**
 * Records the group's decision on a case. The reasoning is sealed under the person's key; the
 * audit row, on the case, carries the decision code only and puts the decision on its timeline.
 */
export async function recordDecision(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  itemId: string,
  input: DecisionInput,
): Promise<void> {
  await memberMeeting(ctx, actor, meetingId);
  await ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(coordinationAgendaItems)
      .where(and(eq(coordinationAgendaItems.id, itemId), eq(coordinationAgendaItems.meetingId, meetingId)))
      .for("update");
    if (!item) throw new NotFound();
    const decided = item.decisionCode !== null;
    await tx
      .update(coordinationAgendaItems)
      .set({
        decisionCode: input.code,
        decisionText: await sealCaseText(ctx, tx, item.caseId, decisionTextAt(item.id), input.text),
        decidedBy: actor.userId,
        decidedAt: ctx.now(),
      })
      .where(eq(coordinationAgendaItems.id, item.id));
    await recordAudit(tx, auditActor(actor), {
      action: "coordination.decision",
      caseId: item.caseId,
      entity: "coordination_meeting",
      entityId: meetingId,
      detail: { code: input.code, itemId: item.id, changed: decided },
    });
  });
}

export async function setMinutes(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  input: MinutesInput,
): Promise<void> {
  await memberMeeting(ctx, actor, meetingId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(coordinationMeetings)
      .set({ minutes: await ctx.keyring.sealSystem(tx, meetingMinutesAt(meetingId), input.text) })
      .where(eq(coordinationMeetings.id, meetingId));
    await recordAudit(tx, auditActor(actor), {
      action: "coordination.minutes.update",
      entity: "coordination_meeting",
      entityId: meetingId,
      detail: {},
    });
  });
}
