import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { caseRoles } from "../../../shared/roles";
import { type Actor, auditActor, hasRole } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { caseTeam, cases } from "../cases/schema";
import { openCaseText } from "../cases/sealing";
import { mayTakePart } from "./policy";
import {
  coordinationAgendaItems,
  coordinationGroupMembers,
  coordinationGroups,
  coordinationMeetings,
  decisionTextAt,
  meetingMinutesAt,
} from "./schema";

/** A group the actor takes part in through their agency; anything else is not found. */
export async function memberGroup(ctx: AppContext, actor: Actor, groupId: string) {
  if (!mayTakePart(actor)) throw new NotFound();
  const [row] = await ctx.db
    .select({ group: coordinationGroups })
    .from(coordinationGroups)
    .innerJoin(
      coordinationGroupMembers,
      and(
        eq(coordinationGroupMembers.groupId, coordinationGroups.id),
        eq(coordinationGroupMembers.agencyId, actor.agencyId),
      ),
    )
    .where(eq(coordinationGroups.id, groupId));
  if (!row) throw new NotFound();
  return row.group;
}

/** A meeting of a group the actor takes part in; anything else is not found. */
export async function memberMeeting(ctx: AppContext, actor: Actor, meetingId: string) {
  const [meeting] = await ctx.db
    .select()
    .from(coordinationMeetings)
    .where(eq(coordinationMeetings.id, meetingId));
  if (!meeting) throw new NotFound();
  await memberGroup(ctx, actor, meeting.groupId);
  return meeting;
}

/**
 * The groups the actor's agency sits in, with their members. The system administrator, who keeps
 * the groups, sees them all (names and members only, never a meeting).
 */
export async function listGroups(ctx: AppContext, actor: Actor) {
  const all = actor.roles.includes("system_admin");
  if (!all && !mayTakePart(actor)) return [];
  const groups = all
    ? await ctx.db.select().from(coordinationGroups).orderBy(asc(coordinationGroups.name))
    : (
        await ctx.db
          .select({ group: coordinationGroups })
          .from(coordinationGroups)
          .innerJoin(
            coordinationGroupMembers,
            and(
              eq(coordinationGroupMembers.groupId, coordinationGroups.id),
              eq(coordinationGroupMembers.agencyId, actor.agencyId),
            ),
          )
          .orderBy(asc(coordinationGroups.name))
      ).map((row) => row.group);
  if (groups.length === 0) return [];
  const members = await ctx.db
    .select({
      groupId: coordinationGroupMembers.groupId,
      id: agencies.id,
      name: agencies.name,
      type: agencies.type,
    })
    .from(coordinationGroupMembers)
    .innerJoin(agencies, eq(agencies.id, coordinationGroupMembers.agencyId))
    .where(
      inArray(
        coordinationGroupMembers.groupId,
        groups.map((group) => group.id),
      ),
    )
    .orderBy(asc(agencies.name));
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    region: group.region,
    members: members
      .filter((member) => member.groupId === group.id)
      .map(({ id, name, type }) => ({ id, name, type })),
  }));
}

/**
 * A group's meetings, latest first, with their agendas. Every member agency sees each case's
 * reference and decision code; the decision's reasoning is opened only for the case team, and the
 * minutes for member agencies. Each opening is audited: per case for decisions, per meeting for
 * the minutes.
 */
export async function listMeetings(ctx: AppContext, actor: Actor, groupId: string) {
  await memberGroup(ctx, actor, groupId);
  const meetings = await ctx.db
    .select()
    .from(coordinationMeetings)
    .where(eq(coordinationMeetings.groupId, groupId))
    .orderBy(desc(coordinationMeetings.heldOn), desc(coordinationMeetings.createdAt));
  const meetingIds = meetings.map((meeting) => meeting.id);
  const items =
    meetingIds.length === 0
      ? []
      : await ctx.db
          .select({ item: coordinationAgendaItems, reference: cases.reference })
          .from(coordinationAgendaItems)
          .innerJoin(cases, eq(cases.id, coordinationAgendaItems.caseId))
          .where(inArray(coordinationAgendaItems.meetingId, meetingIds))
          .orderBy(asc(coordinationAgendaItems.addedAt), asc(coordinationAgendaItems.id));
  const caseIds = [...new Set(items.map(({ item }) => item.caseId))];
  const onTeam = new Set<string>();
  if (caseIds.length > 0 && hasRole(actor, ...caseRoles)) {
    const rows = await ctx.db
      .select({ caseId: caseTeam.caseId })
      .from(caseTeam)
      .where(
        and(
          inArray(caseTeam.caseId, caseIds),
          eq(caseTeam.agencyId, actor.agencyId),
          isNull(caseTeam.removedAt),
        ),
      );
    for (const row of rows) onTeam.add(row.caseId);
  }
  const readCases = new Map<string, { reference: string; records: number }>();
  const agenda = await Promise.all(
    items.map(async ({ item, reference }) => {
      const readable = onTeam.has(item.caseId) && item.decisionText !== null;
      if (readable) {
        const read = readCases.get(item.caseId) ?? { reference, records: 0 };
        read.records += 1;
        readCases.set(item.caseId, read);
      }
      return {
        meetingId: item.meetingId,
        entry: {
          id: item.id,
          reference,
          onTeam: onTeam.has(item.caseId),
          decision: item.decisionCode
            ? {
                code: item.decisionCode,
                text:
                  readable && item.decisionText
                    ? await openCaseText(ctx, ctx.db, item.caseId, decisionTextAt(item.id), item.decisionText)
                    : null,
                at: item.decidedAt?.toISOString() ?? null,
              }
            : null,
        },
      };
    }),
  );
  const result = await Promise.all(
    meetings.map(async (meeting) => ({
      id: meeting.id,
      heldOn: meeting.heldOn,
      minutes: meeting.minutes
        ? await ctx.keyring.openSystem(ctx.db, meetingMinutesAt(meeting.id), meeting.minutes)
        : null,
      agenda: agenda.filter((item) => item.meetingId === meeting.id).map((item) => item.entry),
    })),
  );
  const withMinutes = meetings.filter((meeting) => meeting.minutes !== null);
  if (readCases.size > 0 || withMinutes.length > 0) {
    await ctx.db.transaction(async (tx) => {
      for (const [caseId, read] of readCases) {
        await recordAudit(tx, auditActor(actor), {
          action: "coordination.decision_text.read",
          caseId,
          entity: "case",
          entityId: caseId,
          detail: { reference: read.reference, records: read.records },
        });
      }
      for (const meeting of withMinutes) {
        await recordAudit(tx, auditActor(actor), {
          action: "coordination.minutes.read",
          entity: "coordination_meeting",
          entityId: meeting.id,
          detail: { groupId },
        });
      }
    });
  }
  return result;
}
