import { desc, eq, inArray } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { visibleCase } from "../cases/queries";
import { openCaseText } from "../cases/sealing";
import { users } from "../agencies/schema";
import { hasReopeningReason } from "./closure-facts";
import { mayDecideClosure, mayProposeClosure, mayRecordReopeningReason, maySeeClosureText } from "./policy";
import { caseClosures, casePathways } from "./schema";

type ClosureRow = typeof caseClosures.$inferSelect;

/** Opens the closure's sealed texts for identity roles; each opening is audited by the caller. */
async function openTexts(ctx: AppContext, actor: Actor, row: ClosureRow) {
  if (!maySeeClosureText(actor) || (!row.outcomeNote && !row.rejectionReason)) return null;
  const open = (field: string, sealed: Buffer | null) =>
    sealed
      ? openCaseText(ctx, ctx.db, row.caseId, { table: "case_closures", recordId: row.id, field }, sealed)
      : null;
  return {
    note: await open("outcome_note", row.outcomeNote),
    rejectionReason: await open("rejection_reason", row.rejectionReason),
  };
}

/**
 * The case's latest closure (proposed, approved, rejected or superseded) and what the actor may do
 * about it, for the case team (anyone else: 404). Opening its sealed texts is audited.
 */
export async function caseClosureView(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const [pathway] = await ctx.db.select().from(casePathways).where(eq(casePathways.caseId, found.id));
  const [row] = await ctx.db
    .select()
    .from(caseClosures)
    .where(eq(caseClosures.caseId, found.id))
    .orderBy(desc(caseClosures.proposedAt))
    .limit(1);
  const closed = pathway?.stage === "closure" && row?.status === "approved";
  const permissions = {
    canPropose:
      mayProposeClosure(actor) && (!row || row.status === "rejected" || row.status === "superseded"),
    canDecide: !!row && row.status === "proposed" && mayDecideClosure(actor, row),
    canRecordReopeningReason:
      !!row && closed && mayRecordReopeningReason(actor) && !(await hasReopeningReason(ctx.db, row.id)),
  };
  if (!row) return { stage: pathway?.stage ?? null, closure: null, permissions };

  const texts = await openTexts(ctx, actor, row);
  if (texts) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, auditActor(actor), {
        action: "closure.text.read",
        caseId: found.id,
        entity: "closure",
        entityId: row.id,
        detail: { reference },
      }),
    );
  }
  const people = [row.proposedBy, row.approvedBy, row.rejectedBy].filter((id) => id !== null);
  const names = new Map(
    (
      await ctx.db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, people))
    ).map((u) => [u.id, u]),
  );
  const person = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    stage: pathway?.stage ?? null,
    closure: {
      id: row.id,
      outcome: row.outcome,
      status: row.status,
      note: texts?.note ?? null,
      hasNote: row.outcomeNote !== null,
      proposedBy: person(row.proposedBy),
      proposedAt: row.proposedAt.toISOString(),
      approvedBy: person(row.approvedBy),
      approvedAt: row.approvedAt?.toISOString() ?? null,
      rejectedBy: person(row.rejectedBy),
      rejectedAt: row.rejectedAt?.toISOString() ?? null,
      rejectionReason: texts?.rejectionReason ?? null,
    },
    permissions,
  };
}
