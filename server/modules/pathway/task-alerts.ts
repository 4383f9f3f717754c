import { and, asc, eq, inArray, isNull, lt, notExists, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import { agencies } from "../agencies/schema";
import { raiseAlert } from "../alerts/commands";
import { escalationAgencies } from "../alerts/recipients";
import { alerts } from "../alerts/schema";
import type { AlertCheck } from "../alerts/scheduler";
import { cases, caseTeam } from "../cases/schema";
import { pathwayTasks } from "./schema";
import { sopFor } from "./sop";

/**
 * An open task past its due time alerts the agency that owns it and everyone the SOP names to
 * escalate to (issue 3, item 11): the police supervisor when the focal point was not called, the
 * national coordinator when no social worker came out for a child.
 */
const batchSize = 500;
/** A bound on one run; what is left waits for the next run a minute later. */
const maxBatches = 100;

export const overdueTaskCheck: AlertCheck = {
  name: "task_overdue",
  async run(ctx: AppContext, now: Date) {
    const sop = sopFor(ctx.jurisdiction.code);
    const overdueBatch = () =>
      ctx.db
        .select({
          id: pathwayTasks.id,
          code: pathwayTasks.code,
          caseId: pathwayTasks.caseId,
          dueAt: pathwayTasks.dueAt,
          agencyId: pathwayTasks.agencyId,
          agencyType: agencies.type,
          pathway: cases.pathway,
        })
        .from(pathwayTasks)
        .innerJoin(cases, eq(cases.id, pathwayTasks.caseId))
        .innerJoin(agencies, eq(agencies.id, pathwayTasks.agencyId))
        .where(
          and(
            eq(pathwayTasks.status, "open"),
            lt(pathwayTasks.dueAt, now),
            // Already alerted (the escalations are raised with it): each run looks only at new ones,
            // so the batch limit never hides a task behind older ones that are alerted already.
            notExists(
              ctx.db
                .select({ id: alerts.id })
                .from(alerts)
                .where(
                  and(
                    eq(alerts.kind, "task_overdue"),
                    eq(alerts.subject, sql`${pathwayTasks.id}::text`),
                    eq(alerts.level, 0),
                    isNull(alerts.resolvedAt),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(pathwayTasks.dueAt))
        .limit(batchSize);

    let raised = 0;
    // In batches: an alerted task leaves the query, so the next batch holds the next ones.
    for (let batch = 0; batch < maxBatches; batch++) {
      const overdue = await overdueBatch();
      for (const task of overdue) {
        const definition = sop.pathways[task.pathway].tasks.find((t) => t.code === task.code);
        const escalateTo = definition?.escalateTo ?? [];
        await ctx.db.transaction(async (tx) => {
          const params = { task: task.code };
          if (await raiseAlert(tx, { ...alertBase(task), params }, now)) raised++;
          const types = [...new Set(escalateTo.map((e) => e.agencyType))];
          if (types.length === 0) return;
          const candidates = await tx
            .select({
              id: agencies.id,
              type: agencies.type,
              active: agencies.active,
              teamAgency: caseTeam.agencyId,
            })
            .from(agencies)
            .leftJoin(
              caseTeam,
              and(
                eq(caseTeam.agencyId, agencies.id),
                eq(caseTeam.caseId, task.caseId),
                isNull(caseTeam.removedAt),
              ),
            )
            .where(inArray(agencies.type, types));
          const pool = candidates.map((c) => ({
            id: c.id,
            type: c.type,
            active: c.active,
            onTeam: c.teamAgency !== null,
          }));
          for (const step of escalateTo) {
            const responsible = { id: task.agencyId, type: task.agencyType };
            for (const agencyId of escalationAgencies(responsible, step.agencyType, pool)) {
              const alert = { ...alertBase(task), agencyId, role: step.role, level: 1, params };
              if (await raiseAlert(tx, alert, now)) raised++;
            }
          }
        });
      }
      if (overdue.length < batchSize) break;
    }
    return raised;
  },
};

const alertBase = (task: { id: string; caseId: string; agencyId: string; dueAt: Date }) => ({
  caseId: task.caseId,
  agencyId: task.agencyId,
  kind: "task_overdue",
  subject: task.id,
  dueAt: task.dueAt,
});
