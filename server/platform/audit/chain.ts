import { createHash } from "node:crypto";
import type { AuditDetail } from "./schema";

export const GENESIS = Buffer.alloc(32);

export interface ChainedContent {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  caseId: string | null;
  entity: string | null;
  entityId: string | null;
  detail: AuditDetail;
  ip: string | null;
  reason: string | null;
}

/** Keys sorted, so that the JSON the database hands back (jsonb reorders keys) hashes the same. */
function canonical(detail: AuditDetail): string {
  const sorted: AuditDetail = {};
  for (const key of Object.keys(detail).sort()) {
    const value = detail[key];
    if (value !== undefined) sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

export function chainHash(prevHash: Buffer, row: ChainedContent): Buffer {
  const content = JSON.stringify([
    row.seq,
    row.at.toISOString(),
    row.actorUserId,
    row.actorAgencyId,
    row.action,
    row.caseId,
    row.entity,
    row.entityId,
    canonical(row.detail),
    row.ip,
    row.reason,
  ]);
  return createHash("sha256").update(prevHash).update(content).digest();
}
