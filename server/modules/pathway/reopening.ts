import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { type AuditActor, recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid } from "../../platform/errors";
import { visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { setCaseStatus } from "../cases/status";
import { approvedClosure, hasReopeningReason } from "./closure-facts";
import { mayRecordReopeningReason } from "./policy";
import { caseClosures, casePathways, reopeningReasons } from "./schema";
import type { Stage } from "./vocabulary";

/**
 * A supervisor records why a closed case is reopened, before it leaves closure (the SOP's
 * reopening_reason_recorded). The reason is sealed: it may tell what happened to the person.
 */
export async function recordReopeningReason(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  reason: string | null | undefined,
): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordReopeningReason(actor)) throw new Forbidden();
  const text = reason?.trim() ?? "";
  if (!text) throw new Invalid("reason", "required");
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const [pathway] = await tx
      .select()
      .from(casePathways)
      .where(eq(casePathways.caseId, found.id))
      .for("update");
    const closure = await approvedClosure(tx, found.id);
    if (pathway?.stage !== "closure" || !closure) throw new Conflict("case_not_closed");
    if (await hasReopeningReason(tx, closure.id)) throw new Conflict("reopening_reason_exists");
    const at = { table: "reopening_reasons", recordId: id, field: "reason" };
    await tx.insert(reopeningReasons).values({
      id,
      caseId: found.id,
      closureId: closure.id,
      reason: await sealCaseText(ctx, tx, found.id, at, text),
      recordedBy: actor.userId,
      recordedAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "closure.reopening_reason",
      caseId: found.id,
      entity: "closure",
      entityId: closure.id,
      detail: { reference },
    });
  });
}

export interface StageChange {
  caseId: string;
  reference: string;
  from: Stage;
  to: Stage;
  now: Date;
}

/**
 * Keeps the case's status in step with its procedure, inside the move's transaction: entering
 * closure closes the case; leaving it reopens the case and supersedes the approved closure, so
 * closing again needs a new proposal and a new approval.
 */
export async function followStageChange(tx: Tx, actor: AuditActor, change: StageChange): Promise<void> {
  const status = { caseId: change.caseId, reference: change.reference, now: change.now };
  if (change.to === "closure") {
    await setCaseStatus(tx, actor, { ...status, status: "Closed" });
    return;
  }
  if (change.from !== "closure") return;
  await setCaseStatus(tx, actor, { ...status, status: "Active" });
  const closure = await approvedClosure(tx, change.caseId);
  if (!closure) return;
  await tx.update(caseClosures).set({ status: "superseded" }).where(eq(caseClosures.id, closure.id));
  await recordAudit(tx, actor, {
    action: "closure.supersede",
    caseId: change.caseId,
    entity: "closure",
    entityId: closure.id,
    detail: { reference: change.reference },
  });
}
