import { and, count, desc, eq, gte, isNull, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Actor, auditActor, hasRole } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Forbidden, NotFound } from "../../platform/errors";
import { agencies, users } from "../agencies/schema";
import { isOnCaseTeam } from "../cases/queries";
import { mayWorkOnCases } from "../cases/policy";
import { cases } from "../cases/schema";
import { openCaseText } from "../cases/sealing";
import { localDayStart } from "./dates";
import { mayListBreakGlass } from "./policy";
import { breakGlassState } from "./rules";
import { breakGlassGrants } from "./schema";

const endedByUser = alias(users, "ended_by_user");

const grantColumns = {
  grant: breakGlassGrants,
  reference: cases.reference,
  user: { id: users.id, username: users.username, name: users.displayName },
  agency: { id: agencies.id, name: agencies.name },
  endedBy: { username: endedByUser.username, name: endedByUser.displayName },
};

type GrantRow = {
  grant: typeof breakGlassGrants.$inferSelect;
  reference: string;
  user: { id: string; username: string; name: string };
  agency: { id: string; name: string };
  endedBy: { username: string; name: string } | null;
};

const present = (row: GrantRow, now: Date) => ({
  id: row.grant.id,
  reference: row.reference,
  reasonCode: row.grant.reasonCode,
  user: row.user,
  agency: row.agency,
  grantedAt: row.grant.grantedAt.toISOString(),
  expiresAt: row.grant.expiresAt.toISOString(),
  endedAt: row.grant.endedAt?.toISOString() ?? null,
  endedBy: row.endedBy?.username ? row.endedBy : null,
  state: breakGlassState(row.grant, now),
});

const selectGrants = (ctx: AppContext) =>
  ctx.db
    .select(grantColumns)
    .from(breakGlassGrants)
    .innerJoin(cases, eq(cases.id, breakGlassGrants.caseId))
    .innerJoin(users, eq(users.id, breakGlassGrants.userId))
    .innerJoin(agencies, eq(agencies.id, breakGlassGrants.agencyId))
    .leftJoin(endedByUser, eq(endedByUser.id, breakGlassGrants.endedBy));

/**
 * Emergency access on one case as the actor may know of it: their own active access (for the
 * banner), and, for a supervisor of an agency on the team, every access to the case with its free
 * text (a read of sealed text, audited). Anyone else gets the same empty answer whether the case
 * exists or not.
 */
export async function caseBreakGlass(ctx: AppContext, actor: Actor, reference: string) {
  if (!mayWorkOnCases(actor)) throw new NotFound();
  const now = ctx.now();
  const rows = await selectGrants(ctx)
    .where(eq(cases.reference, reference))
    .orderBy(desc(breakGlassGrants.grantedAt))
    .limit(200);
  const mine = rows.find(
    (row) => row.user.id === actor.userId && breakGlassState(row.grant, now) === "active",
  );
  const caseId = rows[0]?.grant.caseId;
  const supervises =
    caseId !== undefined &&
    hasRole(actor, "supervisor") &&
    (await isOnCaseTeam(ctx.db, caseId, actor.agencyId));
  if (!supervises || caseId === undefined) return { mine: mine ? present(mine, now) : null, onCase: [] };

  const onCase = await Promise.all(
    rows.map(async (row) => ({
      ...present(row, now),
      reasonText: row.grant.reasonText
        ? await openCaseText(
            ctx,
            ctx.db,
            caseId,
            { table: "break_glass_grants", recordId: row.grant.id, field: "reason_text" },
            row.grant.reasonText,
          )
        : null,
    })),
  );
  if (onCase.some((grant) => grant.reasonText !== null)) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, auditActor(actor), {
        action: "breakglass.reason.read",
        caseId,
        entity: "case",
        entityId: reference,
        detail: { reference, grants: onCase.filter((g) => g.reasonText !== null).map((g) => g.id) },
      }),
    );
  }
  return { mine: mine ? present(mine, now) : null, onCase };
}

export interface BreakGlassFilters {
  from?: string | undefined;
  to?: string | undefined;
  activeOnly?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** Every emergency access, newest first, for auditors: who, which case, why (the code), when. */
export async function listBreakGlass(ctx: AppContext, actor: Actor, filters: BreakGlassFilters) {
  if (!mayListBreakGlass(actor)) throw new Forbidden();
  const now = ctx.now();
  const zone = ctx.jurisdiction.timeZone;
  const conditions: SQL[] = [];
  if (filters.from) conditions.push(gte(breakGlassGrants.grantedAt, localDayStart(filters.from, zone)));
  if (filters.to) conditions.push(lt(breakGlassGrants.grantedAt, localDayStart(filters.to, zone, 1)));
  if (filters.activeOnly) {
    conditions.push(isNull(breakGlassGrants.endedAt));
    conditions.push(gte(breakGlassGrants.expiresAt, now));
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [total] = await ctx.db.select({ n: count() }).from(breakGlassGrants).where(where);
  const rows = await selectGrants(ctx)
    .where(where)
    .orderBy(desc(breakGlassGrants.grantedAt))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  return {
    items: rows.map((row) => present(row, now)),
    total: total?.n ?? 0,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}
