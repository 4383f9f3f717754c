import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { KEY_BYTES, newKey } from "./aead";

export interface MasterKey {
  key: Buffer;
  /** A short public fingerprint, stored beside each wrapped key to tell which master wrapped it. */
  id: string;
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
    return { key, id: fingerprint(key) };
  }
  const key = newKey();
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  fs.writeFileSync(options.file, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  return { key, id: fingerprint(key) };
}
