import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import pg from "pg";
import { type ChainVerdict, recordAudit, verifyAuditChain } from "../audit/audit";
import type { Keyring } from "../crypto/keyring";
import { type DatabaseTarget, migrationsFolder, openDatabase } from "../db/open";
import type { Tx } from "../db/types";
import { BACKUP_KEY_LABEL, type BackupManifest, KEY_STORE_KEY_LABEL, type KeyStoreManifest } from "./backup";
import { BackupIntegrityError, type ContainerHeader, readContainer, readLines } from "./container";
import { applicationTables, ident, rowsOf } from "./sql";

export { BackupIntegrityError } from "./container";

/** Restore refuses to run; nothing was written. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefused";
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  keyStore: KeyStoreManifest;
  /** Data keys in the backup that the key store no longer holds: people erased since. */
  erasedKeys: number;
  audit: ChainVerdict;
}

function keyFor(keyring: Keyring, label: string, kind: ContainerHeader["kind"]) {
  return (header: ContainerHeader) => {
    if (header.kind !== kind) {
      throw new BackupIntegrityError(
        kind === "database"
          ? "This file is a key store, not a database backup"
          : "This file is not a key store",
      );
    }
    if (!keyring.masterKey(header.masterKeyId)) {
      throw new BackupIntegrityError(
        `The ${kind === "database" ? "backup" : "key store"} was made under master key ${header.masterKeyId}; ` +
          `the configured master key is ${keyring.masterKeyId} (set OPENNRM_MASTER_KEY_PREVIOUS to the older one)`,
      );
    }
    return keyring.derivedKey(label, Buffer.from(header.salt, "hex"), header.masterKeyId);
  };
}

type BackupRecord =
  | { type: "table"; table: string; columns: string[] }
  | { type: "row"; line: string }
  | { type: "manifest"; manifest: BackupManifest };

function* backupRecords(file: string, keyring: Keyring): Generator<BackupRecord> {
  let ended = false;
  for (const line of readLines(readContainer(file, keyFor(keyring, BACKUP_KEY_LABEL, "database")))) {
    if (ended) throw new BackupIntegrityError("Records after the manifest");
    const body = line.slice(1);
    switch (line[0]) {
      case "T":
        yield { type: "table", ...(JSON.parse(body) as { table: string; columns: string[] }) };
        break;
      case "R":
        yield { type: "row", line: body };
        break;
      case "M":
        ended = true;
        yield { type: "manifest", manifest: JSON.parse(body) as BackupManifest };
        break;
      case undefined:
      default:
        throw new BackupIntegrityError("Unknown record in the backup");
    }
  }
  if (!ended) throw new BackupIntegrityError("The backup has no manifest");
}

/**
 * Reads the whole backup once, authenticating every chunk and checking every table's row count
 * and SHA-256 against the manifest. Nothing is written; any difference throws.
 */
export function verifyBackup(file: string, keyring: Keyring): BackupManifest {
  const seen: Record<string, { rows: number; sha256: string }> = {};
  let table: string | null = null;
  let hash = createHash("sha256");
  let rows = 0;
  const close = () => {
    if (table !== null) seen[table] = { rows, sha256: hash.digest("hex") };
  };
  for (const record of backupRecords(file, keyring)) {
    if (record.type === "table") {
      close();
      if (record.table in seen) throw new BackupIntegrityError(`Table ${record.table} appears twice`);
      table = record.table;
      hash = createHash("sha256");
      rows = 0;
    } else if (record.type === "row") {
      if (table === null) throw new BackupIntegrityError("A row before any table");
      hash.update(record.line).update("\n");
      rows++;
    } else {
      close();
      const expected = record.manifest.tables;
      const names = new Set([...Object.keys(expected), ...Object.keys(seen)]);
      for (const name of names) {
        if (expected[name]?.rows !== seen[name]?.rows || expected[name]?.sha256 !== seen[name]?.sha256) {
          throw new BackupIntegrityError(`Table ${name} does not match the backup's manifest`);
        }
      }
      return record.manifest;
    }
  }
  throw new BackupIntegrityError("The backup has no manifest");
}

function* keyStoreRecords(
  file: string,
  keyring: Keyring,
): Generator<
  { key: { id: string; wrappedKey: string; masterKeyId: string }; line: string } | KeyStoreManifest
> {
  let ended = false;
  for (const line of readLines(readContainer(file, keyFor(keyring, KEY_STORE_KEY_LABEL, "key-store")))) {
    if (ended) throw new BackupIntegrityError("Records after the key store's manifest");
    if (line[0] === "K") {
      const key = JSON.parse(line.slice(1)) as { id: string; wrappedKey: string; masterKeyId: string };
      yield { key, line: line.slice(1) };
    } else if (line[0] === "M") {
      ended = true;
      yield JSON.parse(line.slice(1)) as KeyStoreManifest;
    } else throw new BackupIntegrityError("Unknown record in the key store");
  }
  if (!ended) throw new BackupIntegrityError("The key store has no manifest");
}

export function verifyKeyStore(file: string, keyring: Keyring): KeyStoreManifest {
  const hash = createHash("sha256");
  let keys = 0;
  for (const record of keyStoreRecords(file, keyring)) {
    if ("key" in record) {
      hash.update(record.line).update("\n");
      keys++;
    } else {
      if (record.keys !== keys || record.sha256 !== hash.digest("hex")) {
        throw new BackupIntegrityError("The key store does not match its manifest");
      }
      return record;
    }
  }
  throw new BackupIntegrityError("The key store has no manifest");
}

/** The key store written beside a backup: same name, `.keys` instead of `.backup`. */
export const keyStoreBeside = (backupFile: string) => backupFile.replace(/\.backup$/, "") + ".keys";

async function ensureEmpty(target: DatabaseTarget): Promise<void> {
  if (target.kind === "pglite") {
    if (!target.dir) return;
    if (fs.existsSync(target.dir) && fs.readdirSync(target.dir).length > 0) {
      throw new RestoreRefused(
        `The data directory ${target.dir} is not empty: restore only into an empty one`,
      );
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p')`,
    );
    if ((rows[0]?.n ?? 0) > 0) {
      throw new RestoreRefused("The PostgreSQL database is not empty: restore only into an empty database");
    }
  } finally {
    await client.end();
  }
}

const INSERT_ROWS = 1000;
const INSERT_BYTES = 4 << 20;

/**
 * Restores a backup into an empty database: both files are verified completely first (a flipped
 * byte stops here, before anything is written), then every row goes in in one transaction, the
 * data keys get their wrapped keys from the key store, and the audit chain is verified.
 */
export async function restoreBackup(options: {
  file: string;
  keyStoreFile?: string;
  keyring: Keyring;
  target: DatabaseTarget;
  now: Date;
}): Promise<RestoreResult> {
  const { file, keyring, target } = options;
  const keyStoreFile = options.keyStoreFile ?? keyStoreBeside(file);
  if (!fs.existsSync(file)) throw new RestoreRefused(`No backup file ${file}`);
  if (!fs.existsSync(keyStoreFile)) {
    throw new RestoreRefused(`No key store ${keyStoreFile}: give the key store as the second argument`);
  }
  const manifest = verifyBackup(file, keyring);
  const keyStore = verifyKeyStore(keyStoreFile, keyring);

  const code = readMigrationFiles({ migrationsFolder });
  if (code.length !== manifest.migrations.count || code.at(-1)?.hash !== manifest.migrations.last) {
    throw new RestoreRefused(
      `The backup was made by another version of OpenNRM (${manifest.migrations.count} migrations, ` +
        `this one has ${code.length}): restore it with the version that made it`,
    );
  }
  await ensureEmpty(target);

  const database = await openDatabase(target);
  try {
    const erasedKeys = await database.db.transaction(async (tx) => {
      // Rows are restored as they were: triggers (statistics kept by triggers) and foreign-key
      // checks would recount or reorder them, so they are off for this transaction only.
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
      const tables = await applicationTables(tx);
      if (tables.length > 0) await tx.execute(sql`TRUNCATE ${sql.join(tables.map(ident), sql`, `)}`);
      await insertRows(tx, file, keyring);
      await applyKeyStore(tx, keyStoreFile, keyring);
      const erased = await rowsOf<{ id: string }>(
        tx,
        sql`UPDATE data_keys SET destroyed_at = ${options.now.toISOString()}::timestamptz
            WHERE wrapped_key IS NULL AND destroyed_at IS NULL RETURNING id`,
      );
      for (const sequence of manifest.sequences) {
        if (sequence.value !== null) {
          await tx.execute(
            sql`SELECT setval(${`public."${sequence.name}"`}::regclass, ${sequence.value}::bigint, true)`,
          );
        }
      }
      for (const [table, expected] of Object.entries(manifest.tables)) {
        const [count] = await rowsOf<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM ${ident(table)}`);
        if (count?.n !== expected.rows)
          throw new Error(`Table ${table} has ${count?.n} rows after restore, not ${expected.rows}`);
      }
      await recordAudit(
        tx,
        { userId: null, agencyId: null, ip: null },
        {
          action: "backup.restored",
          entity: "backup",
          entityId: manifest.backupId,
          detail: {
            backupCreatedAt: manifest.createdAt,
            keyStoreCreatedAt: keyStore.createdAt,
            erasedKeys: erased.length,
          },
        },
      );
      return erased.length;
    });
    const audit = await verifyAuditChain(database.db);
    return { manifest, keyStore, erasedKeys, audit };
  } finally {
    await database.close();
  }
}

async function insertRows(tx: Tx, file: string, keyring: Keyring): Promise<void> {
  let table: string | null = null;
  let columns: string[] = [];
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (table === null || batch.length === 0) return;
    const list = sql.join(columns.map(ident), sql`, `);
    await tx.execute(
      sql`INSERT INTO ${ident(table)} (${list}) OVERRIDING SYSTEM VALUE
          SELECT ${list} FROM json_populate_recordset(NULL::${ident(table)}, ${`[${batch.join(",")}]`}::json)`,
    );
    batch = [];
    bytes = 0;
  };
  for (const record of backupRecords(file, keyring)) {
    if (record.type === "table") {
      await flush();
      table = record.table;
      columns = record.columns;
    } else if (record.type === "row") {
      batch.push(record.line);
      bytes += record.line.length;
      if (batch.length >= INSERT_ROWS || bytes >= INSERT_BYTES) await flush();
    }
  }
  await flush();
}

async function applyKeyStore(tx: Tx, file: string, keyring: Keyring): Promise<void> {
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    // Keys created after the backup are in the key store but not in the backup: nothing to update.
    await tx.execute(
      sql`UPDATE data_keys d SET wrapped_key = decode(k."wrappedKey", 'hex'), master_key_id = k."masterKeyId"
          FROM json_to_recordset(${`[${batch.join(",")}]`}::json) AS k(id uuid, "wrappedKey" text, "masterKeyId" text)
          WHERE d.id = k.id AND d.destroyed_at IS NULL`,
    );
    batch = [];
  };
  for (const record of keyStoreRecords(file, keyring)) {
    if (!("key" in record)) break;
    batch.push(JSON.stringify(record.key));
    if (batch.length >= INSERT_ROWS) await flush();
  }
  await flush();
}

/** A readable summary of a restore, printed by `npm run restore`. */
export function describeRestore(result: RestoreResult, where: string): string {
  const tables = Object.keys(result.manifest.tables).length;
  const rows = Object.values(result.manifest.tables).reduce((n, t) => n + t.rows, 0);
  const audit = result.audit.ok
    ? `Audit chain verified: ${result.audit.checked} events, intact.`
    : `Audit chain BROKEN at event ${result.audit.brokenAt} (${result.audit.problem}).`;
  return [
    `Restored backup ${result.manifest.backupId} of ${result.manifest.createdAt} into ${where}:`,
    `  ${tables} tables, ${rows} rows, every table matching the manifest.`,
    `  Key store of ${result.keyStore.createdAt}: ${result.keyStore.keys} live data keys; ` +
      `${result.erasedKeys} data keys of the backup are absent (erased since) and stay closed.`,
    `  ${audit}`,
    "",
  ].join("\n");
}

export const displayTarget = (target: DatabaseTarget) =>
  target.kind === "pglite" ? path.resolve(target.dir ?? "(memory)") : "PostgreSQL (DATABASE_URL)";
