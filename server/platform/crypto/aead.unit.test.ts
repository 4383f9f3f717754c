import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hmac, newKey, open, seal } from "./aead";
import { loadMasterKey, parseMasterKey } from "./master-key";

describe("sealing a field", () => {
  const key = newKey();
  it("round-trips and never shows the plaintext", () => {
    const sealed = seal(key, Buffer.from("Natalia Rusu"), "opennrm:persons:1:given_name");
    expect(sealed.toString("latin1")).not.toContain("Natalia");
    expect(open(key, sealed, "opennrm:persons:1:given_name").toString()).toBe("Natalia Rusu");
  });
  it("fails to open in another record or field (bound by authenticated data)", () => {
    const sealed = seal(key, Buffer.from("1999-04-02"), "opennrm:persons:1:birth_date");
    expect(() => open(key, sealed, "opennrm:persons:2:birth_date")).toThrow();
    expect(() => open(key, sealed, "opennrm:persons:1:given_name")).toThrow();
  });
  it("fails to open under another key or when altered", () => {
    const sealed = seal(key, Buffer.from("x"), "a");
    expect(() => open(newKey(), sealed, "a")).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => open(key, tampered, "a")).toThrow();
  });
  it("keys the blind index: the same name gives the same token only under the same key", () => {
    expect(hmac(key, "name", "rusu").equals(hmac(key, "name", "rusu"))).toBe(true);
    expect(hmac(key, "name", "rusu").equals(hmac(newKey(), "name", "rusu"))).toBe(false);
    expect(hmac(key, "ab", "c").equals(hmac(key, "a", "bc"))).toBe(false);
  });
});

describe("the master key", () => {
  it("is created once with mode 0600 beside the data, then read back", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-key-"));
    const file = path.join(dir, "data.master.key");
    const first = loadMasterKey({ fromEnvironment: undefined, file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ fromEnvironment: undefined, file }).key.equals(first.key)).toBe(true);
    fs.chmodSync(file, 0o644);
    expect(() => loadMasterKey({ fromEnvironment: undefined, file })).toThrow(/chmod 600/);
    fs.rmSync(dir, { recursive: true });
  });
  it("accepts 64 hex digits or base64 of 32 bytes, nothing shorter", () => {
    expect(parseMasterKey("ab".repeat(32))).toHaveLength(32);
    expect(parseMasterKey(Buffer.alloc(32, 7).toString("base64"))).toHaveLength(32);
    expect(() => parseMasterKey("short")).toThrow(/32 bytes/);
  });
});
