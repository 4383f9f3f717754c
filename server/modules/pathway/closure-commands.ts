import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { ClosureOutcome } from "../../../shared/vocabulary";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid } from "../../platform/errors";
import { visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { approvedClosure } from "./closure-facts";
import { mayDecideClosure, mayProposeClosure } from "./policy";
import { caseClosures, casePathways } from "./schema";

export interface ClosureProposal {
  outcome?: ClosureOutcome | null | undefined;
  note?: string | null | undefined;
}

type VisibleCase = Awaited<ReturnType<typeof visibleCase>>;

/** Locks the case's pathway row, so proposals and decisions on one case happen one at a time. */
async function lockPathway(tx: Tx, caseId: string) {
  const [row] = await tx.select().from(casePathways).where(eq(casePathways.caseId, caseId)).for("update");
  if (!row) throw new Conflict("no_pathway");
  return row;
}

async function pendingClosure(tx: Tx, caseId: string) {
  const [row] = await tx
    .select()
    .from(caseClosures)
    .where(and(eq(caseClosures.caseId, caseId), eq(caseClosures.status, "proposed")));
  return row ?? null;
}

/**
 * Proposes closing a case with its outcome. One proposal is open at a time, and none while an
 * approved closure stands: reopening supersedes it first.
 */
export async function proposeClosure(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: ClosureProposal,
): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayProposeClosure(actor)) throw new Forbidden();
  const outcome = input.outcome;
  if (!outcome) throw new Invalid("outcome", "required");
  const note = input.note?.trim() ?? "";
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await lockPathway(tx, found.id);
    if (await pendingClosure(tx, found.id)) throw new Conflict("closure_pending");
    if (await approvedClosure(tx, found.id)) throw new Conflict("closure_approved");
    await tx.insert(caseClosures).values({
      id,
      caseId: found.id,
      outcome,
      outcomeNote: note
        ? await sealCaseText(
            ctx,
            tx,
            found.id,
            { table: "case_closures", recordId: id, field: "outcome_note" },
            note,
          )
        : null,
      proposedBy: actor.userId,
      proposedAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "closure.propose",
      caseId: found.id,
      entity: "closure",
      entityId: id,
      detail: { reference, outcome, withNote: note !== "" },
    });
  });
}

/** The open proposal a supervisor answers: locked, and never the supervisor's own. */
async function proposalToDecide(tx: Tx, actor: Actor, found: VisibleCase) {
  await lockPathway(tx, found.id);
  const proposal = await pendingClosure(tx, found.id);
  if (!proposal) throw new Conflict("closure_not_pending");
  if (!mayDecideClosure(actor, proposal)) throw new Forbidden();
  return proposal;
}

export async function approveClosure(ctx: AppContext, actor: Actor, reference: string): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  await ctx.db.transaction(async (tx) => {
    const proposal = await proposalToDecide(tx, actor, found);
    await tx
      .update(caseClosures)
      .set({ status: "approved", approvedBy: actor.userId, approvedAt: ctx.now() })
      .where(eq(caseClosures.id, proposal.id));
    await recordAudit(tx, auditActor(actor), {
      action: "closure.approve",
      caseId: found.id,
      entity: "closure",
      entityId: proposal.id,
      detail: { reference, outcome: proposal.outcome },
    });
  });
}

export async function rejectClosure(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  reason: string | null | undefined,
): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  const text = reason?.trim() ?? "";
  if (!text) throw new Invalid("reason", "required");
  await ctx.db.transaction(async (tx) => {
    const proposal = await proposalToDecide(tx, actor, found);
    const at = { table: "case_closures", recordId: proposal.id, field: "rejection_reason" };
    await tx
      .update(caseClosures)
      .set({
        status: "rejected",
        rejectedBy: actor.userId,
        rejectedAt: ctx.now(),
        rejectionReason: await sealCaseText(ctx, tx, found.id, at, text),
      })
      .where(eq(caseClosures.id, proposal.id));
    await recordAudit(tx, auditActor(actor), {
      action: "closure.reject",
      caseId: found.id,
      entity: "closure",
      entityId: proposal.id,
      detail: { reference, outcome: proposal.outcome },
    });
  });
}
