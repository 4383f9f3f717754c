import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { namesOf } from "../agencies/names";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { users } from "../agencies/schema";
import { visibleCase } from "../cases/queries";
import { openCaseText } from "../cases/sealing";
import { sopFor } from "../pathway/sop";
import type { Requirement } from "../pathway/vocabulary";
import {
  mayFlagParent,
  mayManageChild,
  mayRecordLocation,
  maySeeChildContacts,
  maySeeChildWelfareText,
  mayUnflagParent,
} from "./policy";
import { childRequirements, guardianDueAt, heldTooLongAtPoliceStation, policeStationStay } from "./rules";
import {
  bestInterestsDeterminations,
  childCaseWorkers,
  childGuardians,
  childLocations,
  childParentNotifications,
  childParents,
  childViews,
} from "./schema";
import { Conflict } from "../../platform/errors";

/** The child's current location: the latest by the time it began. */
export async function currentLocation(db: Queryable, caseId: string) {
  const [row] = await db
    .select()
    .from(childLocations)
    .where(eq(childLocations.caseId, caseId))
    .orderBy(desc(childLocations.since), desc(childLocations.recordedAt))
    .limit(1);
  return row ?? null;
}

const exists = async (
  db: Queryable,
  table: typeof childViews | typeof bestInterestsDeterminations | typeof childCaseWorkers,
  caseId: string,
) => (await db.select({ id: table.id }).from(table).where(eq(table.caseId, caseId)).limit(1)).length > 0;

export async function hasActiveGuardian(db: Queryable, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: childGuardians.id })
    .from(childGuardians)
    .where(and(eq(childGuardians.caseId, caseId), isNull(childGuardians.replacedAt)))
    .limit(1);
  return !!row;
}

/** The SOP's requirements the child's records establish (the pathway's facts). */
export async function childFacts(db: Queryable, caseId: string): Promise<Requirement[]> {
  return childRequirements({
    caseWorker: await exists(db, childCaseWorkers, caseId),
    activeGuardian: await hasActiveGuardian(db, caseId),
    views: await exists(db, childViews, caseId),
    bestInterests: await exists(db, bestInterestsDeterminations, caseId),
  });
}

/**
 * Everything the child tab shows, for the case team (anyone else: 404; an adult's case: 409).
 * Names and contacts open for identity roles with the identity scope; the child's views and the
 * determination's reasoning for those who care for the child. Any sealed text opened is audited,
 * with which parts, before anything is returned.
 */
export async function childView(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  if (found.pathway !== "child") throw new Conflict("not_a_child_case");
  const caseId = found.id;
  const seesContacts = maySeeChildContacts(actor, found.scopes);
  const seesWelfare = maySeeChildWelfareText(actor, found.scopes);
  const open = async (
    table: string,
    recordId: string,
    field: string,
    sealed: Buffer | null,
    allowed: boolean,
  ) => (sealed && allowed ? openCaseText(ctx, ctx.db, caseId, { table, recordId, field }, sealed) : null);

  const workerRows = await ctx.db
    .select()
    .from(childCaseWorkers)
    .where(eq(childCaseWorkers.caseId, caseId))
    .orderBy(desc(childCaseWorkers.assignedAt));
  const guardianRows = await ctx.db
    .select()
    .from(childGuardians)
    .where(eq(childGuardians.caseId, caseId))
    .orderBy(desc(childGuardians.recordedAt));
  const bidRows = await ctx.db
    .select()
    .from(bestInterestsDeterminations)
    .where(eq(bestInterestsDeterminations.caseId, caseId))
    .orderBy(desc(bestInterestsDeterminations.determinedOn), desc(bestInterestsDeterminations.recordedAt));
  const viewRows = await ctx.db
    .select()
    .from(childViews)
    .where(eq(childViews.caseId, caseId))
    .orderBy(desc(childViews.heardOn), desc(childViews.recordedAt));
  const parentRows = await ctx.db
    .select()
    .from(childParents)
    .where(eq(childParents.caseId, caseId))
    .orderBy(asc(childParents.recordedAt));
  const notificationRows = await ctx.db
    .select()
    .from(childParentNotifications)
    .where(eq(childParentNotifications.caseId, caseId))
    .orderBy(desc(childParentNotifications.notifiedAt));
  const locationRows = await ctx.db
    .select()
    .from(childLocations)
    .where(eq(childLocations.caseId, caseId))
    .orderBy(desc(childLocations.since), desc(childLocations.recordedAt));

  const names = await namesOf(
    ctx.db,
    [
      ...workerRows.flatMap((r) => [r.userId, r.assignedBy]),
      ...guardianRows.map((r) => r.recordedBy),
      ...bidRows.map((r) => r.determinedBy),
      ...viewRows.map((r) => r.heardBy),
      ...notificationRows.map((r) => r.notifiedBy),
      ...locationRows.map((r) => r.recordedBy),
    ],
    [
      ...workerRows.map((r) => r.agencyId),
      ...guardianRows.map((r) => r.agencyId),
      ...bidRows.map((r) => r.agencyId),
      ...viewRows.map((r) => r.agencyId),
      ...notificationRows.map((r) => r.agencyId),
      ...locationRows.map((r) => r.agencyId),
    ],
  );

  const opened = new Set<string>();
  const note = (part: string, text: string | null) => {
    if (text !== null) opened.add(part);
    return text;
  };

  // The active guardian first, then those it replaced, latest first.
  const ordered = [...guardianRows].sort(
    (a, b) => Number(b.replacedAt === null) - Number(a.replacedAt === null),
  );
  const guardians = await Promise.all(
    ordered.map(async (row) => ({
      id: row.id,
      active: row.replacedAt === null,
      name: note("guardian", await open("child_guardians", row.id, "name", row.name, seesContacts)),
      contact: note("guardian", await open("child_guardians", row.id, "contact", row.contact, seesContacts)),
      appointingBody: row.appointingBody,
      decisionReference: note(
        "guardian",
        await open("child_guardians", row.id, "decision_reference", row.decisionReference, seesContacts),
      ),
      appointedOn: row.appointedOn,
      recordedBy: names.user(row.recordedBy),
      agency: names.agency(row.agencyId),
      recordedAt: row.recordedAt.toISOString(),
      replacedAt: row.replacedAt?.toISOString() ?? null,
    })),
  );
  const bestInterests = await Promise.all(
    bidRows.map(async (row) => ({
      id: row.id,
      determinedOn: row.determinedOn,
      outcome: row.outcome,
      reasoning: note(
        "best_interests",
        await open("best_interests_determinations", row.id, "reasoning", row.reasoning, seesWelfare),
      ),
      guardianPresent: row.guardianPresent,
      childHeard: row.childHeard,
      determinedBy: names.user(row.determinedBy),
      agency: names.agency(row.agencyId),
      recordedAt: row.recordedAt.toISOString(),
    })),
  );
  const views = await Promise.all(
    viewRows.map(async (row) => ({
      id: row.id,
      heardOn: row.heardOn,
      inPerson: row.inPerson,
      withInterpreter: row.withInterpreter,
      guardianPresent: row.guardianPresent,
      summary: note("views", await open("child_views", row.id, "summary", row.summary, seesWelfare)),
      heardBy: names.user(row.heardBy),
      agency: names.agency(row.agencyId),
      recordedAt: row.recordedAt.toISOString(),
    })),
  );
  const parents = await Promise.all(
    parentRows.map(async (row) => ({
      id: row.id,
      relationship: row.relationship,
      name: note("parents", await open("child_parents", row.id, "name", row.name, seesContacts)),
      contact: note("parents", await open("child_parents", row.id, "contact", row.contact, seesContacts)),
      suspectedTrafficker: row.suspectedTrafficker,
      flagChangedAt: row.flagChangedAt?.toISOString() ?? null,
      notifications: notificationRows
        .filter((n) => n.parentId === row.id)
        .map((n) => ({
          id: n.id,
          method: n.method,
          notifiedAt: n.notifiedAt.toISOString(),
          notifiedBy: names.user(n.notifiedBy),
          agency: names.agency(n.agencyId),
        })),
    })),
  );

  const [worker] = workerRows;
  const sop = sopFor(ctx.jurisdiction.code);
  const now = ctx.now();
  const stay = policeStationStay(locationRows);
  const [current] = locationRows;

  if (opened.size > 0) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, auditActor(actor), {
        action: "child.read",
        caseId,
        entity: "case",
        entityId: caseId,
        detail: { reference, parts: [...opened].sort() },
      }),
    );
  }

  return {
    caseWorker: worker
      ? {
          user: names.user(worker.userId),
          agency: names.agency(worker.agencyId),
          assignedBy: names.user(worker.assignedBy),
          assignedAt: worker.assignedAt.toISOString(),
        }
      : null,
    guardians,
    bestInterests,
    views,
    parents,
    location: {
      current: current
        ? {
            type: current.locationType,
            since: current.since.toISOString(),
            recordedBy: names.user(current.recordedBy),
            agency: names.agency(current.agencyId),
          }
        : null,
      /** Since when the child has been at police stations without a break; null when not at one. */
      policeStationSince: stay?.since.toISOString() ?? null,
      overLimit: heldTooLongAtPoliceStation(stay, sop.policeStationMaxHours, now),
      history: locationRows.map((row) => ({
        type: row.locationType,
        since: row.since.toISOString(),
        recordedBy: names.user(row.recordedBy),
        agency: names.agency(row.agencyId),
      })),
    },
    deadlines: {
      policeStationMaxHours: sop.policeStationMaxHours,
      guardianDeadlineHours: sop.guardianDeadlineHours,
      guardianDueAt: guardianDueAt(found.createdAt, sop.guardianDeadlineHours).toISOString(),
    },
    permissions: {
      canManage: mayManageChild(actor),
      canRecordLocation: mayRecordLocation(actor),
      canFlagParent: mayFlagParent(actor),
      canUnflagParent: mayUnflagParent(actor),
      canSeeContacts: seesContacts,
      canSeeWelfareText: seesWelfare,
    },
  };
}

/**
 * Who the actor may assign as the child's case worker: the active social workers and supervisors
 * of the actor's own agency, by id and display name only. Empty for anyone who may not assign.
 */
export async function caseWorkerCandidates(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  if (found.pathway !== "child") throw new Conflict("not_a_child_case");
  if (!mayManageChild(actor)) return [];
  return ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.agencyId, actor.agencyId),
        eq(users.active, true),
        sql`${users.roles} && array['case_worker','supervisor']::text[]`,
      ),
    )
    .orderBy(asc(users.displayName));
}
