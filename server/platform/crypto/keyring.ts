import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db/types";
import { hmac, newKey, open, seal } from "./aead";
import type { MasterKey } from "./master-key";
import { dataKeys } from "./schema";

/** Where a sealed value lives; bound into the ciphertext as authenticated data. */
export interface FieldLocation {
  table: string;
  recordId: string;
  field: string;
}

const aadOf = (at: FieldLocation) => `opennrm:${at.table}:${at.recordId}:${at.field}`;
const wrapAad = (keyId: string) => `opennrm:data-key:${keyId}`;

/** System-wide keys, one row each, created on first use. */
type SystemKeyPurpose = "blind-index" | "system";

/**
 * Unwraps data keys under the master key and seals and opens field values. Unwrapped keys are
 * kept in memory only, in a small cache.
 */
export class Keyring {
  private readonly cache = new Map<string, Buffer>();
  private readonly systemKeys = new Map<SystemKeyPurpose, { id: string; key: Buffer }>();

  constructor(private readonly master: MasterKey) {}

  get masterKeyId(): string {
    return this.master.id;
  }

  /** Creates the system keys at start, so that concurrent first uses cannot create two. */
  async prepare(db: Db): Promise<void> {
    await this.systemKey(db, "blind-index");
    await this.systemKey(db, "system");
  }

  /** Creates and stores a fresh data key (inside the caller's transaction); returns its id. */
  async createDataKey(tx: Tx, purpose: string): Promise<string> {
    const key = newKey();
    const [row] = await tx
      .insert(dataKeys)
      .values({ purpose, masterKeyId: this.master.id, wrappedKey: Buffer.alloc(0) })
      .returning({ id: dataKeys.id });
    if (!row) throw new Error("data key was not stored");
    await tx
      .update(dataKeys)
      .set({ wrappedKey: seal(this.master.key, key, wrapAad(row.id)) })
      .where(eq(dataKeys.id, row.id));
    this.remember(row.id, key);
    return row.id;
  }

  async dataKey(db: Db | Tx, keyId: string): Promise<Buffer> {
    const cached = this.cache.get(keyId);
    if (cached) return cached;
    const [row] = await db.select().from(dataKeys).where(eq(dataKeys.id, keyId));
    if (!row?.wrappedKey || row.destroyedAt) throw new Error("data key unavailable");
    if (row.masterKeyId !== this.master.id) throw new Error("data key was wrapped by another master key");
    const key = open(this.master.key, row.wrappedKey, wrapAad(keyId));
    this.remember(keyId, key);
    return key;
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
