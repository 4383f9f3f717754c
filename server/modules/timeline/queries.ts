import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { auditEvents } from "../../platform/audit/schema";
import type { AppContext } from "../../platform/context";
import { agencies, users } from "../agencies/schema";
import { visibleCase } from "../cases/queries";
import { isReadAction, kindOfAction, type TimelineKind, timelineDetail } from "./rules";

export const timelinePageSize = 200;
const chunk = 500;

export interface TimelineFilters {
  kind?: TimelineKind | undefined;
  /** Only events older than this one (the `next` of the previous page). */
  before?: number | undefined;
}

/**
 * Every event of the case, newest first, from the audit trail: the trail holds every write, so the
 * history cannot miss what happened or be edited apart from it. Reads are left out (rules.ts). For
 * the case team only; anyone else gets 404 as for a case that does not exist.
 */
export async function caseTimeline(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  filters: TimelineFilters,
) {
  const found = await visibleCase(ctx, actor, reference);
  const items = [];
  let cursor = filters.before;
  let exhausted = false;
  // Kinds are derived from action names in code, so the filter is applied while reading in chunks.
  while (items.length < timelinePageSize && !exhausted) {
    const conditions: SQL[] = [eq(auditEvents.caseId, found.id)];
    if (cursor !== undefined) conditions.push(lt(auditEvents.seq, cursor));
    const rows = await ctx.db
      .select({ event: auditEvents, user: users.displayName, agency: agencies.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(agencies, eq(agencies.id, auditEvents.actorAgencyId))
      .where(and(...conditions))
      .orderBy(desc(auditEvents.seq))
      .limit(chunk);
    exhausted = rows.length < chunk;
    for (const { event, user, agency } of rows) {
      cursor = event.seq;
      if (isReadAction(event.action)) continue;
      const kind = kindOfAction(event.action);
      if (filters.kind && kind !== filters.kind) continue;
      items.push({
        seq: event.seq,
        at: event.at.toISOString(),
        kind,
        action: event.action,
        agency: agency ?? null,
        user: user ?? null,
        detail: timelineDetail(event.detail),
      });
      if (items.length === timelinePageSize) {
        exhausted = false;
        break;
      }
    }
  }
  const last = items.at(-1);
  return { items, next: items.length === timelinePageSize && last ? last.seq : null };
}
