import { and, count, eq, isNull, lt, sql } from "drizzle-orm";
import { caseRoles, type Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";
import type { AppContext } from "../../platform/context";
import { Forbidden } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { alerts } from "../alerts/schema";
import { cases, caseTeam } from "../cases/schema";
import { casePathways, pathwayTasks } from "../pathway/schema";
import { referrals } from "../referrals/schema";

/** The agency's own picture: those who work on its cases, and the coordinator told of failures. */
const dashboardRoles: readonly Role[] = [...caseRoles, "coordinator"];
export const mayReadDashboard = (actor: Actor) => hasRole(actor, ...dashboardRoles);

/**
 * One agency's workload at a glance (issue 3, item 11): its open cases by pathway and stage, its
 * tasks and how many are late, its open alerts by kind, the referrals waiting for its answer.
 * Counts only: a supervisor sees where the work stands without opening anyone's file.
 */
export async function agencyDashboard(ctx: AppContext, actor: Actor) {
  if (!mayReadDashboard(actor)) throw new Forbidden();
  const now = ctx.now();
  const [agency] = await ctx.db
    .select({ name: agencies.name, type: agencies.type })
    .from(agencies)
    .where(eq(agencies.id, actor.agencyId));

  const openOnTeam = and(
    eq(caseTeam.agencyId, actor.agencyId),
    isNull(caseTeam.removedAt),
    sql`${cases.status} <> 'Closed'`,
  );
  const stages = await ctx.db
    .select({ pathway: cases.pathway, stage: casePathways.stage, count: count() })
    .from(caseTeam)
    .innerJoin(cases, eq(cases.id, caseTeam.caseId))
    .leftJoin(casePathways, eq(casePathways.caseId, cases.id))
    .where(openOnTeam)
    .groupBy(cases.pathway, casePathways.stage);

  const ofAgency = and(eq(pathwayTasks.agencyId, actor.agencyId), eq(pathwayTasks.status, "open"));
  const [tasks] = await ctx.db
    .select({ open: count(), overdue: sql<number>`count(*) filter (where ${lt(pathwayTasks.dueAt, now)})` })
    .from(pathwayTasks)
    .where(ofAgency);

  const alertKinds = await ctx.db
    .select({
      kind: alerts.kind,
      open: count(),
      unacknowledged: sql<number>`count(*) filter (where ${alerts.acknowledgedAt} is null)`,
    })
    .from(alerts)
    .where(and(eq(alerts.agencyId, actor.agencyId), isNull(alerts.resolvedAt)))
    .groupBy(alerts.kind);

  const [waiting] = await ctx.db
    .select({ pending: count() })
    .from(referrals)
    .where(and(eq(referrals.toAgencyId, actor.agencyId), eq(referrals.status, "pending")));

  const byStage = stages
    .map((row) => ({
      pathway: row.pathway,
      stage: row.stage ?? null,
      count: row.count,
    }))
    .sort((a, b) => a.pathway.localeCompare(b.pathway) || (a.stage ?? "").localeCompare(b.stage ?? ""));
  return {
    agency: agency ?? { name: "", type: actor.agencyType },
    cases: { open: byStage.reduce((sum, row) => sum + row.count, 0), byStage },
    tasks: { open: tasks?.open ?? 0, overdue: Number(tasks?.overdue ?? 0) },
    alerts: {
      open: alertKinds.reduce((sum, row) => sum + row.open, 0),
      unacknowledged: alertKinds.reduce((sum, row) => sum + Number(row.unacknowledged), 0),
      byKind: alertKinds
        .map((row) => ({ kind: row.kind, open: row.open, unacknowledged: Number(row.unacknowledged) }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    },
    referrals: { pending: waiting?.pending ?? 0 },
  };
}
