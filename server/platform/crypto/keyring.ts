import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/types";
import { hmac, newKey, open, seal } from "./aead";
import { deriveKey, type MasterKey } from "./master-key";
import { dataKeys } from "./schema";

/** Where a sealed value lives; bound into the ciphertext as authenticated data. */
export interface FieldLocation {
  table: string;
  recordId: string;
  field: string;
}

const aadOf = (at: FieldLocation) => `opennrm:${at.table}:${at.recordId}:${at.field}`;
export const wrapAad = (keyId: string) => `opennrm:data-key:${keyId}`;

/**
 * Advisory lock between creating data keys (shared, until the creating transaction ends) and a
 * master-key rotation (exclusive, for a moment): once the rotation holds it, no transaction that
 * may still commit a key wrapped by the old master key is running.
 */
export const WRAPPING_LOCK = 0x6f6e726d;

/**
 * The data key was destroyed (erasure by crypto-shredding): what it sealed can never be opened
 * again, here or from any backup. Readers show the fields as erased.
 */
export class DataKeyDestroyed extends Error {
  constructor(readonly keyId: string) {
    super("data key destroyed");
    this.name = "DataKeyDestroyed";
  }
}

/** System-wide keys, one row each, created on first use. */
type SystemKeyPurpose = "blind-index" | "system";

/**
 * Unwraps data keys under the master key and seals and opens field values. Unwrapped keys are
 * kept in memory only, in a small cache.
 */
export class Keyring {
  private readonly cache = new Map<string, Buffer>();
  private readonly systemKeys = new Map<SystemKeyPurpose, { id: string; key: Buffer }>();
  private master: MasterKey;
  /** Master keys being replaced: data keys they wrapped still open until re-wrapped. */
  private readonly previous = new Map<string, MasterKey>();

  constructor(master: MasterKey, previous: MasterKey[] = []) {
    this.master = master;
    for (const key of previous) if (key.id !== master.id) this.previous.set(key.id, key);
  }

  get masterKeyId(): string {
    return this.master.id;
  }

  /** The master key new data keys are wrapped by. */
  get currentMasterKey(): MasterKey {
    return this.master;
  }

  /** Ids of the master keys still accepted for unwrapping besides the current one. */
  get previousMasterKeyIds(): string[] {
    return [...this.previous.keys()];
  }

  /** The master key with this id, current or being replaced. */
  masterKey(id: string): MasterKey | undefined {
    return id === this.master.id ? this.master : this.previous.get(id);
  }

  /**
   * Starts a rotation: from now on new data keys are wrapped by `next`, and keys wrapped by the
   * old master key still open until `retire` is called.
   */
  beginRotation(next: MasterKey): void {
    if (next.id === this.master.id) return;
    this.previous.set(this.master.id, this.master);
    this.previous.delete(next.id);
    this.master = next;
  }

  /** Forgets a replaced master key once no data key is wrapped by it any more. */
  retire(id: string): void {
    this.previous.delete(id);
  }

  /** A key for one purpose (backups) derived from the master key `masterKeyId`. */
  derivedKey(label: string, salt: Buffer, masterKeyId = this.master.id): Buffer {
    const master = this.masterKey(masterKeyId);
    if (!master) throw new Error(`master key ${masterKeyId} is not configured`);
    return deriveKey(master, label, salt);
  }

  /** Re-wraps one stored data key from the master key that wrapped it to the current one. */
  rewrap(wrapped: Buffer, keyId: string, fromMasterKeyId: string): Buffer {
    const from = this.masterKey(fromMasterKeyId);
    if (!from) throw new Error(`master key ${fromMasterKeyId} is not configured`);
    return seal(this.master.key, open(from.key, wrapped, wrapAad(keyId)), wrapAad(keyId));
  }

  /** Creates the system keys at start, so that concurrent first uses cannot create two. */
  async prepare(db: Db): Promise<void> {
    await this.systemKey(db, "blind-index");
    await this.systemKey(db, "system");
  }

  /** Creates and stores a fresh data key (inside the caller's transaction); returns its id. */
  async createDataKey(tx: Tx, purpose: string): Promise<string> {
    const key = newKey();
    await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${WRAPPING_LOCK})`);
    const master = this.master;
    const [row] = await tx
      .insert(dataKeys)
      .values({ purpose, masterKeyId: master.id, wrappedKey: Buffer.alloc(0) })
      .returning({ id: dataKeys.id });
    if (!row) throw new Error("data key was not stored");
    await tx
      .update(dataKeys)
      .set({ wrappedKey: seal(master.key, key, wrapAad(row.id)) })
      .where(eq(dataKeys.id, row.id));
    this.remember(row.id, key);
    return row.id;
  }

  async dataKey(db: Db | Tx, keyId: string): Promise<Buffer> {
    const cached = this.cache.get(keyId);
    if (cached) return cached;
    const [row] = await db.select().from(dataKeys).where(eq(dataKeys.id, keyId));
    if (row?.destroyedAt) throw new DataKeyDestroyed(keyId);
    if (!row?.wrappedKey) throw new Error("data key unavailable");
    // During a rotation a key may be wrapped by the old or the new master key: the row says which.
    const master = this.masterKey(row.masterKeyId);
    if (!master) {
      throw new Error(
        `data key was wrapped by master key ${row.masterKeyId}, which is not configured ` +
          "(during a rotation, give the old one as OPENNRM_MASTER_KEY_PREVIOUS)",
      );
    }
    const key = open(master.key, row.wrappedKey, wrapAad(keyId));
    this.remember(keyId, key);
    return key;
  }

  /**
   * Erases everything sealed under one data key (a person, a hotline contact, a proceeding): the
   * wrapped key is wiped and the row marked destroyed inside the caller's transaction, and the
   * unwrapped key leaves this process's cache. Database backups never hold wrapped keys; the key
   * stores written beside them do, and are kept 30 days at most, so the erasure reaches every
   * backup when the last older key store is gone (docs/operations.md, "Backups and keys").
   */
  async destroyDataKey(tx: Tx, keyId: string, at: Date = new Date()): Promise<void> {
    const [row] = await tx.select({ purpose: dataKeys.purpose }).from(dataKeys).where(eq(dataKeys.id, keyId));
    if (!row) throw new Error("data key not found");
    if (row.purpose === "blind-index" || row.purpose === "system")
      throw new Error("a system key is never destroyed");
    await tx.update(dataKeys).set({ wrappedKey: null, destroyedAt: at }).where(eq(dataKeys.id, keyId));
    this.cache.delete(keyId);
  }

  async sealText(db: Db | Tx, keyId: string, at: FieldLocation, value: string): Promise<Buffer> {
    return seal(await this.dataKey(db, keyId), Buffer.from(value, "utf8"), aadOf(at));
  }

  async openText(db: Db | Tx, keyId: string, at: FieldLocation, sealed: Buffer): Promise<string> {
    return open(await this.dataKey(db, keyId), sealed, aadOf(at)).toString("utf8");
  }

  /** Keyed hash for blind indexes: equal inputs match, and the database alone reveals nothing. */
  async blindIndex(db: Db | Tx, namespace: string, value: string): Promise<Buffer> {
    const { key } = await this.systemKey(db, "blind-index");
    return hmac(key, namespace, value).subarray(0, 16);
  }

  /** For small secrets that belong to no person (a user's TOTP seed). */
  async sealSystem(db: Db | Tx, at: FieldLocation, value: string): Promise<Buffer> {
    const { key } = await this.systemKey(db, "system");
    return seal(key, Buffer.from(value, "utf8"), aadOf(at));
  }

  async openSystem(db: Db | Tx, at: FieldLocation, sealed: Buffer): Promise<string> {
    const { key } = await this.systemKey(db, "system");
    return open(key, sealed, aadOf(at)).toString("utf8");
  }

  private async systemKey(db: Db | Tx, purpose: SystemKeyPurpose): Promise<{ id: string; key: Buffer }> {
    const known = this.systemKeys.get(purpose);
    if (known) return known;
    const [existing] = await db
      .select({ id: dataKeys.id })
      .from(dataKeys)
      .where(eq(dataKeys.purpose, purpose));
    const id = existing?.id ?? (await db.transaction((tx) => this.createDataKey(tx, purpose)));
    const entry = { id, key: await this.dataKey(db, id) };
    this.systemKeys.set(purpose, entry);
    return entry;
  }

  private remember(keyId: string, key: Buffer): void {
    if (this.cache.size >= 10_000) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(keyId, key);
  }
}
