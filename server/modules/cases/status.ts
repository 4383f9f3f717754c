import { eq } from "drizzle-orm";
import type { CaseStatus } from "../../../shared/vocabulary";
import { recordAudit, type AuditActor } from "../../platform/audit/audit";
import type { Tx } from "../../platform/db/types";
import { cases } from "./schema";

export interface StatusChange {
  caseId: string;
  reference: string;
  status: CaseStatus;
  now: Date;
}

/**
 * Sets a case's status inside the caller's transaction, and audits it when it changes. Other
 * modules (the pathway, at closure and reopening) change the status only through here: the cases
 * table is this module's.
 */
export async function setCaseStatus(tx: Tx, actor: AuditActor, change: StatusChange): Promise<void> {
  const [current] = await tx
    .select({ status: cases.status })
    .from(cases)
    .where(eq(cases.id, change.caseId))
    .for("update");
  if (!current || current.status === change.status) return;
  await tx
    .update(cases)
    .set({ status: change.status, updatedAt: change.now })
    .where(eq(cases.id, change.caseId));
  await recordAudit(tx, actor, {
    action: "case.status",
    caseId: change.caseId,
    entity: "case",
    entityId: change.reference,
    detail: { reference: change.reference, from: current.status, to: change.status },
  });
}
