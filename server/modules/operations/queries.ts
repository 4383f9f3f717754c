import { count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { OperationStatus } from "../../../shared/operations";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { Forbidden, NotFound } from "../../platform/errors";
import { cases } from "../cases/schema";
import { freeBeds } from "../shelters/rules";
import { shelters, shelterStays } from "../shelters/schema";
import { inCoordinationGroup, isFilingPolice, maySeeNotices } from "./policy";
import { type FreePlaces, freePlaces, placesLeftFor, placesShortage, type Shortage } from "./rules";
import { noticeStartTimeAt, noticeTargetAt, operationCases, operationNotices } from "./schema";

type NoticeRow = typeof operationNotices.$inferSelect;

/** Free beds across all shelters by who may take them, as on the occupancy board. */
export async function currentFreePlaces(db: Queryable): Promise<FreePlaces> {
  const rows = await db
    .select({ id: shelters.id, kind: shelters.kind, capacity: shelters.capacity })
    .from(shelters);
  const occupied = await db
    .select({ shelterId: shelterStays.shelterId, n: count() })
    .from(shelterStays)
    .where(isNull(shelterStays.dischargedOn))
    .groupBy(shelterStays.shelterId);
  return freePlaces(
    rows.map((row) => ({
      kind: row.kind,
      free: freeBeds(row.capacity, occupied.find((o) => o.shelterId === row.id)?.n ?? 0),
    })),
  );
}

/** A notice still ahead or under way needs places; a finished one no longer does. */
export const isOpen = (status: OperationStatus) => status !== "finished";

/** The free places left for a notice after the open notices ahead of it in the queue. */
export async function placesFor(db: Queryable, notice: NoticeRow): Promise<FreePlaces> {
  return placesLeftFor(notice, await openNotices(db), await currentFreePlaces(db));
}

export const shortageOf = (notice: NoticeRow, free: FreePlaces): Shortage | null =>
  isOpen(notice.status)
    ? placesShortage({ people: notice.expectedPeople, minors: notice.expectedMinors }, free)
    : null;

/**
 * A notice as the actor may see it. The filing police see everything, the target and time opened
 * (each opening audited) and the references of the people registered; the coordination group sees
 * the date, region and numbers, and the start only once the operation has begun.
 */
async function present(ctx: AppContext, actor: Actor, notice: NoticeRow, free: FreePlaces) {
  const own = isFilingPolice(actor, notice);
  let details: { target: string; startTime: string } | null = null;
  let references: string[] | null = null;
  if (own) {
    details = {
      target: await ctx.keyring.openSystem(ctx.db, noticeTargetAt(notice.id), notice.target),
      startTime: await ctx.keyring.openSystem(ctx.db, noticeStartTimeAt(notice.id), notice.startTime),
    };
    await ctx.db.transaction(async (tx) => {
      await recordAudit(tx, auditActor(actor), {
        action: "operation.details.read",
        entity: "operation_notice",
        entityId: notice.id,
        detail: { plannedOn: notice.plannedOn, region: notice.region },
      });
    });
    const linked = await ctx.db
      .select({ reference: cases.reference })
      .from(operationCases)
      .innerJoin(cases, eq(cases.id, operationCases.caseId))
      .where(eq(operationCases.noticeId, notice.id))
      .orderBy(cases.reference);
    references = linked.map((row) => row.reference);
  }
  const [registered] = await ctx.db
    .select({ n: count() })
    .from(operationCases)
    .where(eq(operationCases.noticeId, notice.id));
  return {
    id: notice.id,
    plannedOn: notice.plannedOn,
    region: notice.region,
    expectedPeople: notice.expectedPeople,
    expectedMinors: notice.expectedMinors,
    languages: notice.languages,
    status: notice.status,
    startedAt: notice.startedAt?.toISOString() ?? null,
    finishedAt: notice.finishedAt?.toISOString() ?? null,
    own,
    details,
    free,
    shortage: shortageOf(notice, free),
    registered: registered?.n ?? 0,
    references,
  };
}

export type NoticeView = Awaited<ReturnType<typeof present>>;

/** The notices the actor may see: the police their own agency's, the coordination group all. */
export async function listNotices(ctx: AppContext, actor: Actor): Promise<NoticeView[]> {
  if (!maySeeNotices(actor)) throw new Forbidden();
  const rows = inCoordinationGroup(actor)
    ? await ctx.db.select().from(operationNotices).orderBy(desc(operationNotices.plannedOn))
    : await ctx.db
        .select()
        .from(operationNotices)
        .where(eq(operationNotices.agencyId, actor.agencyId))
        .orderBy(desc(operationNotices.plannedOn));
  const free = await currentFreePlaces(ctx.db);
  const queue = await openNotices(ctx.db);
  const views: NoticeView[] = [];
  for (const row of rows) views.push(await present(ctx, actor, row, placesLeftFor(row, queue, free)));
  return views;
}

/** One notice, or 404 for anyone who may not see it (never a hint that it exists). */
export async function getNotice(ctx: AppContext, actor: Actor, id: string): Promise<NoticeView> {
  const [row] = await ctx.db.select().from(operationNotices).where(eq(operationNotices.id, id));
  if (!row || !(isFilingPolice(actor, row) || inCoordinationGroup(actor))) throw new NotFound();
  return present(ctx, actor, row, await placesFor(ctx.db, row));
}

/** The open notices, for the scheduled re-check of places. */
export const openNotices = (db: Queryable) =>
  db
    .select()
    .from(operationNotices)
    .where(inArray(operationNotices.status, ["planned", "started"]));
