import { asc, eq, gt, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../db/types";
import { chainHash, GENESIS } from "./chain";
import { type AuditDetail, auditEvents, auditHead } from "./schema";

/** Who is acting, as the audit trail records it. */
export interface AuditActor {
  userId: string | null;
  agencyId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  caseId?: string | null;
  entity?: string | null;
  entityId?: string | null;
  detail?: AuditDetail;
  reason?: string | null;
}

/**
 * Appends to the audit chain inside the caller's transaction, so the audit row commits or rolls
 * back with the change it describes.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  // The head row's lock is held until commit: appends are serialised and the chain never forks.
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for("update");
  const prevHash = head?.hash ?? GENESIS;
  const seq = (head?.seq ?? 0) + 1;
  const row = {
    seq,
    at: new Date(),
    actorUserId: actor.userId,
    actorAgencyId: actor.agencyId,
    action: entry.action,
    caseId: entry.caseId ?? null,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? {},
    ip: actor.ip,
    reason: entry.reason ?? null,
  };
  const hash = chainHash(prevHash, row);
  await tx.insert(auditEvents).values({ ...row, prevHash, hash });
  if (head) {
    await tx.update(auditHead).set({ seq, hash }).where(eq(auditHead.id, 1));
  } else {
    await tx.insert(auditHead).values({ id: 1, seq, hash });
  }
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first row that does not verify, when not ok. */
  brokenAt: number | null;
  problem: "hash_mismatch" | "link_mismatch" | "gap" | "head_mismatch" | null;
}

/** Walks the whole chain in pages; memory stays flat however long the trail. */
export async function verifyAuditChain(db: Queryable, pageSize = 2000): Promise<ChainVerdict> {
  let prevHash: Buffer = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, brokenAt: expectedSeq, problem: "gap" };
      if (!row.prevHash.equals(prevHash))
        return { ok: false, checked, brokenAt: row.seq, problem: "link_mismatch" };
      if (!chainHash(prevHash, row).equals(row.hash)) {
        return { ok: false, checked, brokenAt: row.seq, problem: "hash_mismatch" };
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const headOk = head ? head.seq === checked && head.hash.equals(prevHash) : checked === 0;
  if (!headOk) return { ok: false, checked, brokenAt: checked + 1, problem: "head_mismatch" };
  return { ok: true, checked, brokenAt: null, problem: null };
}

export const auditCount = async (db: Queryable) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n ?? 0;
