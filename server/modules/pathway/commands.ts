import { eq } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { type AuditActor, recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid } from "../../platform/errors";
import { visibleCase } from "../cases/queries";
import { createStageTasks, type StageEntry } from "./assignment";
import { caseFacts } from "./facts";
import { followStageChange } from "./reopening";
import { allowedTransitions } from "./rules";
import { casePathways } from "./schema";
import { sopFor } from "./sop";
import type { Stage } from "./vocabulary";

/**
 * At registration, inside its transaction: the case starts at identification under today's SOP,
 * and the SOP's tasks for identification are created at once (for a child, social services').
 */
export async function startPathway(
  tx: Tx,
  ctx: AppContext,
  actor: AuditActor,
  start: Omit<StageEntry, "stage">,
) {
  const sop = sopFor(ctx.jurisdiction.code);
  await tx.insert(casePathways).values({
    caseId: start.caseId,
    sopVersion: sop.version,
    stage: "identification",
    stageEnteredAt: start.at,
    movedBy: start.userId,
  });
  await createStageTasks(tx, actor, sop, ctx.jurisdiction.timeZone, { ...start, stage: "identification" });
}

/**
 * Moves a case to the next stage when the SOP allows it: the actor's role and agency type are
 * among those named for the step, and every requirement is established by the case's records.
 */
export async function moveCaseStage(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  to: Stage,
): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  const sop = sopFor(ctx.jurisdiction.code);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(casePathways)
      .where(eq(casePathways.caseId, found.id))
      .for("update");
    if (!current) throw new Conflict("no_pathway");
    const step = allowedTransitions(
      sop,
      found.pathway,
      current.stage,
      actor,
      await caseFacts(tx, found.id),
    ).find((s) => s.to === to);
    if (!step) throw new Invalid("to", "invalid_choice");
    if (!step.permitted) throw new Forbidden();
    if (!step.allowed) throw new Invalid("to", "requirements_missing", { missing: step.missing.join(", ") });
    await tx
      .update(casePathways)
      .set({ stage: to, stageEnteredAt: now, movedBy: actor.userId })
      .where(eq(casePathways.caseId, found.id));
    await createStageTasks(tx, auditActor(actor), sop, ctx.jurisdiction.timeZone, {
      caseId: found.id,
      reference,
      pathway: found.pathway,
      identificationRegion: found.identificationRegion,
      stage: to,
      at: now,
      userId: actor.userId,
    });
    await followStageChange(tx, auditActor(actor), {
      caseId: found.id,
      reference,
      from: current.stage,
      to,
      now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "case.stage",
      caseId: found.id,
      entity: "case",
      entityId: reference,
      detail: { reference, from: current.stage, to, sop: current.sopVersion },
    });
  });
}
