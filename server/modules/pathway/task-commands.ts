import { and, eq } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Conflict, Forbidden, NotFound } from "../../platform/errors";
import { cases } from "../cases/schema";
import { mayCompleteTask, maySeeTask } from "./policy";
import { pathwayTasks } from "./schema";

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
    await recordAudit(tx, auditActor(actor), {
      action: "task.done",
      caseId: row.task.caseId,
      entity: "task",
      entityId: id,
      detail: { reference: row.reference, code: row.task.code },
    });
  });
}
