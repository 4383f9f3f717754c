import { and, count, eq, isNull, sql } from "drizzle-orm";
import { pathways } from "../../../shared/vocabulary";
import { type Actor, hasRole } from "../../platform/auth/actor";
import type { AppContext } from "../../platform/context";
import { Forbidden } from "../../platform/errors";
import { cases, caseTeam } from "../cases/schema";

/**
 * Counts, never identities. The national coordinator counts every case; a supervisor the cases of
 * their agency's teams.
 */
export async function caseCounts(ctx: AppContext, actor: Actor) {
  const national = hasRole(actor, "coordinator");
  if (!national && !hasRole(actor, "supervisor")) throw new Forbidden();
  const year = sql<number>`extract(year from ${cases.identificationDate})::int`;
  const scope = national
    ? undefined
    : sql`exists (select 1 from ${caseTeam} where ${and(eq(caseTeam.caseId, cases.id), eq(caseTeam.agencyId, actor.agencyId), isNull(caseTeam.removedAt))})`;
  const byPathwayRows = await ctx.db
    .select({ pathway: cases.pathway, n: count() })
    .from(cases)
    .where(scope)
    .groupBy(cases.pathway);
  const byYear = await ctx.db
    .select({ year, count: count() })
    .from(cases)
    .where(scope)
    .groupBy(year)
    .orderBy(year);
  const byPathway = Object.fromEntries(
    pathways.map((p) => [p, byPathwayRows.find((r) => r.pathway === p)?.n ?? 0]),
  );
  return { total: byPathwayRows.reduce((sum, r) => sum + r.n, 0), byPathway, byYear };
}
