import { createHash, hkdfSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { KEY_BYTES, newKey } from "./aead";

export interface MasterKey {
  key: Buffer;
  /** A short public fingerprint, stored beside each wrapped key to tell which master wrapped it. */
  id: string;
  /** The embedded key file it was read from; absent when it came from the environment. */
  file?: string;
}

/** Accepts 64 hex digits or base64 of 32 bytes. */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64");
  if (key.length !== KEY_BYTES) {
    throw new Error("The master key must be 32 bytes, given as 64 hex digits or base64");
  }
  return key;
}

export function fingerprint(key: Buffer): string {
  return createHash("sha256").update("opennrm master key id\0").update(key).digest("hex").slice(0, 16);
}

/**
 * The master key comes from the environment or, in the embedded default, from a key file created
 * with mode 0600 beside the data directory. The database never holds it.
 */
export function loadMasterKey(options: { fromEnvironment: string | undefined; file: string }): MasterKey {
  if (options.fromEnvironment) {
    const key = parseMasterKey(options.fromEnvironment);
    return { key, id: fingerprint(key) };
  }
  if (fs.existsSync(options.file)) {
    const mode = fs.statSync(options.file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new Error(`The master key file ${options.file} must not be readable by others (chmod 600)`);
    }
    const key = parseMasterKey(fs.readFileSync(options.file, "utf8"));
    return { key, id: fingerprint(key), file: options.file };
  }
  const key = newKey();
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  fs.writeFileSync(options.file, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  return { key, id: fingerprint(key), file: options.file };
}

/** Where the embedded key file keeps the replaced key until every data key is re-wrapped. */
export const previousKeyFile = (file: string) => `${file}.previous`;

/**
 * The master key that is being replaced: OPENNRM_MASTER_KEY_PREVIOUS, or the `.previous` file left
 * beside the embedded key file by a rotation that has not finished. Undefined when none.
 */
export function loadPreviousMasterKey(options: {
  fromEnvironment: string | undefined;
  file: string;
}): MasterKey | undefined {
  if (options.fromEnvironment) {
    const key = parseMasterKey(options.fromEnvironment);
    return { key, id: fingerprint(key) };
  }
  const file = previousKeyFile(options.file);
  if (!fs.existsSync(file)) return undefined;
  const key = parseMasterKey(fs.readFileSync(file, "utf8"));
  return { key, id: fingerprint(key), file };
}

/**
 * Replaces the embedded key file by a new key: the old key is first kept as `<file>.previous`,
 * then the new one is written to a temporary file, flushed and renamed over the old name, so a
 * crash at any point leaves a complete key file and never loses the key that wraps stored data.
 */
export function replaceKeyFile(current: MasterKey & { file: string }, next: Buffer): MasterKey {
  const writeDurably = (file: string, key: Buffer) => {
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(temporary, "w", 0o600);
    try {
      fs.writeSync(fd, `${key.toString("hex")}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  };
  writeDurably(previousKeyFile(current.file), current.key);
  writeDurably(current.file, next);
  return { key: next, id: fingerprint(next), file: current.file };
}

/** A key for one purpose (e.g. backups) derived from a master key; `salt` makes it unique per use. */
export function deriveKey(master: MasterKey, label: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", master.key, salt, `opennrm:${label}`, KEY_BYTES));
}
