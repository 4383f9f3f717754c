import fs from "node:fs";
import { and, gt, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/audit";
import { newKey } from "../crypto/aead";
import { type Keyring, WRAPPING_LOCK } from "../crypto/keyring";
import { type MasterKey, previousKeyFile, replaceKeyFile } from "../crypto/master-key";
import { dataKeys } from "../crypto/schema";
import type { Db } from "../db/types";

export interface RotationResult {
  /** Master key ids data keys were wrapped by before. */
  from: string[];
  to: string;
  rewrapped: number;
  batches: number;
}

/**
 * Re-wraps every data key under the keyring's current master key, in batches of one transaction
 * each, while the server goes on reading and writing: the keyring opens keys wrapped by the old
 * or the new master key (the row's master_key_id says which) and wraps new keys by the new one.
 * Only the wrapping changes; the data keys, and so every sealed field, stay the same.
 */
export async function rewrapDataKeys(options: {
  db: Db;
  keyring: Keyring;
  actor: AuditActor;
  batchSize?: number;
}): Promise<RotationResult> {
  const { db, keyring } = options;
  const batchSize = options.batchSize ?? 500;
  const to = keyring.masterKeyId;
  // Waits until no transaction that started wrapping a key by the old master key is still open.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${WRAPPING_LOCK})`);
  });
  const from = new Set<string>();
  let rewrapped = 0;
  let batches = 0;
  // One pass in key order (the primary key's index): each batch starts after the last one's end.
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: dataKeys.id, wrappedKey: dataKeys.wrappedKey, masterKeyId: dataKeys.masterKeyId })
        .from(dataKeys)
        .where(and(gt(dataKeys.id, after), ne(dataKeys.masterKeyId, to), isNotNull(dataKeys.wrappedKey)))
        .orderBy(dataKeys.id)
        .limit(batchSize)
        .for("update");
      const batch: { id: string; w: string }[] = [];
      for (const row of rows) {
        if (!row.wrappedKey) continue;
        from.add(row.masterKeyId);
        batch.push({
          id: row.id,
          w: keyring.rewrap(row.wrappedKey, row.id, row.masterKeyId).toString("hex"),
        });
      }
      if (batch.length > 0) {
        await tx.execute(
          sql`UPDATE data_keys d SET wrapped_key = decode(k.w, 'hex'), master_key_id = ${to}
              FROM json_to_recordset(${JSON.stringify(batch)}::json) AS k(id uuid, w text)
              WHERE d.id = k.id`,
        );
      }
      after = rows.at(-1)?.id ?? after;
      return rows.length;
    });
    if (done === 0) break;
    rewrapped += done;
    batches++;
  }
  // Destroyed keys have nothing to re-wrap; they only stop naming the old master key.
  await db
    .update(dataKeys)
    .set({ masterKeyId: to })
    .where(and(ne(dataKeys.masterKeyId, to), isNull(dataKeys.wrappedKey)));
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dataKeys)
    .where(ne(dataKeys.masterKeyId, to));
  if ((left?.n ?? 0) > 0) throw new Error(`${left?.n} data keys are still wrapped by another master key`);

  await db.transaction(async (tx) => {
    await recordAudit(tx, options.actor, {
      action: "master_key.rotated",
      entity: "master_key",
      entityId: to,
      // Fingerprints and counts only: never key material.
      detail: { from: [...from].sort().join(","), to, rewrapped },
    });
  });
  for (const id of keyring.previousMasterKeyIds) keyring.retire(id);
  return { from: [...from].sort(), to, rewrapped, batches };
}

/**
 * A rotation run by the server itself (admin API) or by `npm run rotate-key`.
 * - A rotation already under way (the keyring holds a previous master key: OPENNRM_MASTER_KEY_PREVIOUS,
 *   or `<key file>.previous` left by an interrupted run) is finished.
 * - Otherwise, with the embedded key file, a new master key is generated and written atomically,
 *   the old one kept as `<key file>.previous` until every data key is re-wrapped, then removed.
 * - With OPENNRM_MASTER_KEY and no previous key there is nothing to do: the operator sets the new
 *   key and the old one as OPENNRM_MASTER_KEY_PREVIOUS first (docs/operations.md).
 */
export async function rotateMasterKey(options: {
  db: Db;
  keyring: Keyring;
  actor: AuditActor;
  batchSize?: number;
}): Promise<RotationResult & { state: "rotated" | "nothing_to_do" }> {
  const { keyring } = options;
  const current: MasterKey = keyring.currentMasterKey;
  if (keyring.previousMasterKeyIds.length === 0) {
    if (!current.file) {
      return { state: "nothing_to_do", from: [], to: current.id, rewrapped: 0, batches: 0 };
    }
    keyring.beginRotation(replaceKeyFile({ ...current, file: current.file }, newKey()));
  }
  const result = await rewrapDataKeys(options);
  const file = keyring.currentMasterKey.file;
  if (file) fs.rmSync(previousKeyFile(file), { force: true });
  return { state: "rotated", ...result };
}

/**
 * Started with a previous master key (OPENNRM_MASTER_KEY_PREVIOUS, or the `.previous` file of an
 * interrupted rotation), the server re-wraps the remaining data keys itself while it serves.
 */
export function finishRotationInBackground(
  ctx: { db: Db; keyring: Keyring },
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
): void {
  if (ctx.keyring.previousMasterKeyIds.length === 0) return;
  rotateMasterKey({ db: ctx.db, keyring: ctx.keyring, actor: { userId: null, agencyId: null, ip: null } })
    .then((result) =>
      log.info({ to: result.to, rewrapped: result.rewrapped }, "master key rotation finished"),
    )
    .catch((error: unknown) =>
      log.error(
        { err: { type: (error as Error).name } },
        "master key rotation failed; it resumes at the next start",
      ),
    );
}
