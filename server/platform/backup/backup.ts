import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/audit";
import type { Keyring } from "../crypto/keyring";
import type { Db, Tx } from "../db/types";
import { ContainerWriter } from "./container";
import { appliedMigrations, applicationTables, ident, rowsOf, storedColumns } from "./sql";

/**
 * What the last record of a backup says about it. Row counts and digests let restore prove that
 * every table came back whole; the migrations say which version of OpenNRM can read it.
 */
export interface BackupManifest {
  backupId: string;
  createdAt: string;
  database: "pglite" | "postgres";
  serverVersion: string;
  masterKeyId: string;
  migrations: { count: number; last: string | null };
  tables: Record<string, { rows: number; sha256: string }>;
  sequences: { name: string; value: string | null }[];
}

export interface KeyStoreManifest {
  backupId: string;
  createdAt: string;
  keys: number;
  sha256: string;
}

export interface BackupResult {
  file: string;
  keyStoreFile: string;
  manifest: BackupManifest;
  keys: number;
}

/** Labels of the keys derived from the master key for the two files. */
export const BACKUP_KEY_LABEL = "backup";
export const KEY_STORE_KEY_LABEL = "backup-key-store";

const FETCH_ROWS = 2000;

/**
 * Writes a consistent backup of the whole database: every table read in one REPEATABLE READ,
 * read-only transaction (one snapshot, while the server goes on writing), rows as JSON lines
 * streamed through a cursor, so the database never sits in memory.
 *
 * Crypto-shredding survives backups: the database file holds no wrapped data key. The live wrapped
 * keys go to a separate key-store file, written fresh from the same snapshot; a person erased
 * later has no key in any newer key store, so restoring an old backup with a current key store
 * leaves that person's fields closed (docs/operations.md, "Backups and keys").
 */
export async function writeBackup(options: {
  db: Db;
  keyring: Keyring;
  dir: string;
  now: Date;
  actor?: AuditActor;
}): Promise<BackupResult> {
  const { db, keyring, now } = options;
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const stamp = now
    .toISOString()
    .replaceAll(":", "")
    .replace(/\.\d+Z$/, "Z");
  const base = path.join(options.dir, `opennrm-${stamp}`);
  const masterKeyId = keyring.masterKeyId;
  const data = ContainerWriter.create(
    `${base}.backup`,
    { kind: "database", createdAt: now, masterKeyId },
    (salt) => keyring.derivedKey(BACKUP_KEY_LABEL, salt, masterKeyId),
  );
  const backupId = data.header.backupId;
  const keys = ContainerWriter.create(
    `${base}.keys`,
    { kind: "key-store", backupId, createdAt: now, masterKeyId },
    (salt) => keyring.derivedKey(KEY_STORE_KEY_LABEL, salt, masterKeyId),
  );
  try {
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
      await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
      const [version] = await rowsOf<{ v: string }>(tx, sql`SELECT version() AS v`);
      const serverVersion = version?.v ?? "";
      const manifest: BackupManifest = {
        backupId,
        createdAt: now.toISOString(),
        database: serverVersion.includes("PGlite") ? "pglite" : "postgres",
        serverVersion,
        masterKeyId,
        migrations: await appliedMigrations(tx),
        tables: {},
        sequences: await rowsOf<{ name: string; value: string | null }>(
          tx,
          sql`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences
              WHERE schemaname = 'public' ORDER BY sequencename`,
        ),
      };
      for (const table of await applicationTables(tx)) {
        const columns = await storedColumns(tx, table);
        data.write(`T${JSON.stringify({ table, columns })}\n`);
        // The wrapped data keys stay out of the database backup: they live in the key store only.
        const select = sql.join(
          columns.map((c) =>
            table === "data_keys" && c === "wrapped_key" ? sql`NULL::bytea AS wrapped_key` : ident(c),
          ),
          sql`, `,
        );
        const hash = createHash("sha256");
        let rows = 0;
        await streamRows(
          tx,
          sql`SELECT row_to_json(t)::text AS j FROM (SELECT ${select} FROM ${ident(table)}) t`,
          (line) => {
            hash.update(line).update("\n");
            data.write(`R${line}\n`);
            rows++;
          },
        );
        manifest.tables[table] = { rows, sha256: hash.digest("hex") };
      }
      data.write(`M${JSON.stringify(manifest)}\n`);

      const keyHash = createHash("sha256");
      let keyCount = 0;
      await streamRows(
        tx,
        sql`SELECT json_build_object('id', id, 'wrappedKey', encode(wrapped_key, 'hex'), 'masterKeyId', master_key_id)::text AS j
            FROM data_keys WHERE wrapped_key IS NOT NULL AND destroyed_at IS NULL`,
        (line) => {
          keyHash.update(line).update("\n");
          keys.write(`K${line}\n`);
          keyCount++;
        },
      );
      const keyManifest: KeyStoreManifest = {
        backupId,
        createdAt: now.toISOString(),
        keys: keyCount,
        sha256: keyHash.digest("hex"),
      };
      keys.write(`M${JSON.stringify(keyManifest)}\n`);
      return { manifest, keys: keyCount };
    });
    data.finish();
    keys.finish();
    if (options.actor) {
      const actor = options.actor;
      await db.transaction(async (tx) => {
        await recordAudit(tx, actor, {
          action: "backup.created",
          entity: "backup",
          entityId: backupId,
          detail: {
            tables: Object.keys(result.manifest.tables).length,
            rows: Object.values(result.manifest.tables).reduce((n, t) => n + t.rows, 0),
            keys: result.keys,
            masterKeyId,
            createdAt: now.toISOString(),
          },
        });
      });
    }
    return { file: `${base}.backup`, keyStoreFile: `${base}.keys`, ...result };
  } catch (error) {
    data.abandon();
    keys.abandon();
    throw error;
  }
}

async function streamRows(
  tx: Tx,
  query: ReturnType<typeof sql>,
  each: (line: string) => void,
): Promise<void> {
  await tx.execute(sql`DECLARE opennrm_backup NO SCROLL CURSOR FOR ${query}`);
  for (;;) {
    const rows = await rowsOf<{ j: string }>(
      tx,
      sql`FETCH FORWARD ${sql.raw(String(FETCH_ROWS))} FROM opennrm_backup`,
    );
    for (const row of rows) each(row.j);
    if (rows.length < FETCH_ROWS) break;
  }
  await tx.execute(sql`CLOSE opennrm_backup`);
}
