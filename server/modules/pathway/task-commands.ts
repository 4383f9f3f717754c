import { and, eq, inArray } from "drizzle-orm";
import type { Pathway } from "../../../shared/vocabulary";
import { type Actor, auditActor } from "../../platform/auth/actor";
import type { AuditActor } from "../../platform/audit/audit";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, NotFound } from "../../platform/errors";
import { resolveAlerts } from "../alerts/commands";
import { cases } from "../cases/schema";
import { caseFacts } from "./facts";
import { mayCompleteTask, maySeeTask } from "./policy";
import { casePathways, pathwayTasks } from "./schema";
import { sopFor } from "./sop";

/** Marks a task done, once, by a case worker or supervisor of the agency it is assigned to; audited. */
export async function completeTask(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ task: pathwayTasks, reference: cases.reference })
      .from(pathwayTasks)
      .innerJoin(cases, eq(cases.id, pathwayTasks.caseId))
      .where(eq(pathwayTasks.id, id))
      .for("update", { of: pathwayTasks });
    // Another agency's task is not found: an outsider learns nothing, not even that it exists.
    if (!row || !maySeeTask(actor, row.task)) throw new NotFound();
    if (!mayCompleteTask(actor, row.task)) throw new Forbidden();
    if (row.task.status === "done") throw new Conflict("task_done");
    await tx
      .update(pathwayTasks)
      .set({ status: "done", doneAt: now, doneBy: actor.userId })
      .where(and(eq(pathwayTasks.id, id), eq(pathwayTasks.status, "open")));
    // Done ends the alarm for everyone it reached, the escalations included.
    await resolveAlerts(tx, { caseId: row.task.caseId, kind: "task_overdue", subject: id }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "task.done",
      caseId: row.task.caseId,
      entity: "task",
      entityId: id,
      detail: { reference: row.reference, code: row.task.code },
    });
  });
}

/**
 * Marks done the case's open tasks whose record now exists (the SOP's `doneWhen`): assigning a
 * guardian does "appoint a guardian". Called inside the transaction that wrote the record, by the
 * same actor, so the task is done exactly when the work is, with one audit row per task.
 */
export async function completeFulfilledTasks(
  ctx: AppContext,
  tx: Tx,
  actor: AuditActor,
  found: { id: string; reference: string; pathway: Pathway },
  now: Date,
): Promise<void> {
  const [pathway] = await tx.select().from(casePathways).where(eq(casePathways.caseId, found.id));
  if (!pathway) return;
  const definitions = sopFor(ctx.jurisdiction.code).pathways[found.pathway].tasks.filter(
    (task) => task.doneWhen !== undefined,
  );
  if (definitions.length === 0) return;
  const open = await tx
    .select({ id: pathwayTasks.id, code: pathwayTasks.code })
    .from(pathwayTasks)
    .where(
      and(
        eq(pathwayTasks.caseId, found.id),
        eq(pathwayTasks.status, "open"),
        inArray(
          pathwayTasks.code,
          definitions.map((task) => task.code),
        ),
      ),
    );
  if (open.length === 0) return;
  const facts = await caseFacts(tx, found.id);
  for (const task of open) {
    const doneWhen = definitions.find((d) => d.code === task.code)?.doneWhen;
    if (doneWhen === undefined || !facts.has(doneWhen)) continue;
    await tx
      .update(pathwayTasks)
      .set({ status: "done", doneAt: now, doneBy: actor.userId })
      .where(and(eq(pathwayTasks.id, task.id), eq(pathwayTasks.status, "open")));
    await resolveAlerts(tx, { caseId: found.id, kind: "task_overdue", subject: task.id }, now);
    await recordAudit(tx, actor, {
      action: "task.done",
      caseId: found.id,
      entity: "task",
      entityId: task.id,
      detail: { reference: found.reference, code: task.code, by: doneWhen },
    });
  }
}
