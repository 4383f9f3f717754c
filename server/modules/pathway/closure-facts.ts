import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db/types";
import { caseClosures, reopeningReasons } from "./schema";

/** The case's approved closure that still stands (not superseded by a reopening), if any. */
export async function approvedClosure(db: Queryable, caseId: string) {
  const [row] = await db
    .select()
    .from(caseClosures)
    .where(and(eq(caseClosures.caseId, caseId), eq(caseClosures.status, "approved")))
    .orderBy(desc(caseClosures.approvedAt))
    .limit(1);
  return row ?? null;
}

/** Whether a supervisor has said why the case, closed by this closure, is reopened. */
export async function hasReopeningReason(db: Queryable, closureId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reopeningReasons.id })
    .from(reopeningReasons)
    .where(eq(reopeningReasons.closureId, closureId))
    .limit(1);
  return !!row;
}
