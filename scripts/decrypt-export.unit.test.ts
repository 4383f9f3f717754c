import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newPassphrase, newSigningKeyPair, sealPackage } from "../server/modules/future/package";
import { parseDecryptExportArgs } from "./decrypt-export-args";

describe("npm run decrypt-export", () => {
  it("reads the file, the public key and an optional output", () => {
    expect(parseDecryptExportArgs(["a.onrm", "--public-key", "k.pem"])).toEqual({
      file: "a.onrm",
      publicKey: "k.pem",
      out: null,
    });
    expect(parseDecryptExportArgs(["a.onrm", "--public-key", "k.pem", "--out", "a.json"])?.out).toBe(
      "a.json",
    );
    expect(parseDecryptExportArgs(["a.onrm"])).toBeNull();
    expect(parseDecryptExportArgs(["a.onrm", "--public-key", "k.pem", "--passphrase", "x"])).toBeNull();
  });

  it("opens a signed package with its passphrase, and refuses a wrong one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-export-"));
    try {
      const pair = newSigningKeyPair();
      const passphrase = newPassphrase();
      const content = { reference: "NRM-2026-00001", person: { givenName: "Elena" } };
      const file = path.join(dir, "hand-over.onrm");
      fs.writeFileSync(
        file,
        sealPackage(content, passphrase, { id: "k1", privateKeyPem: pair.privateKeyPem }, new Date()),
      );
      const key = path.join(dir, "key.pem");
      fs.writeFileSync(key, pair.publicKeyPem);
      // The file is encrypted: no name in it in clear.
      expect(fs.readFileSync(file).includes(Buffer.from("Elena"))).toBe(false);
      const run = (secret: string) =>
        execFileSync(
          process.execPath,
          ["--import", "tsx", "scripts/decrypt-export.ts", file, "--public-key", key],
          {
            env: { ...process.env, OPENNRM_EXPORT_PASSPHRASE: secret },
            stdio: ["ignore", "pipe", "pipe"],
          },
        ).toString("utf8");
      expect(JSON.parse(run(passphrase))).toEqual(content);
      expect(() => run("WRONG-WRONG-WRONG-WRONG-WRONG")).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
