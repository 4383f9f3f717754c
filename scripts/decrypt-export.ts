import fs from "node:fs";
import { openPackage } from "../server/modules/future/package";
import { decryptExportUsage, parseDecryptExportArgs } from "./decrypt-export-args";

/**
 * `npm run decrypt-export`: opens an export of identifying data (the hand-over package to a partner
 * organisation, format opennrm-hand-over/1: AES-256-GCM under a scrypt-derived key, signed with
 * Ed25519) on a machine without OpenNRM's database. It checks the signature with the installation's
 * public key (GET /api/hand-over/public-key) before decrypting, and writes the JSON content.
 */
const args = parseDecryptExportArgs(process.argv.slice(2));
const passphrase = process.env.OPENNRM_EXPORT_PASSPHRASE ?? "";
if (!args || passphrase === "") {
  process.stderr.write(decryptExportUsage);
  process.exit(64);
}
try {
  const content = openPackage(
    fs.readFileSync(args.file),
    fs.readFileSync(args.publicKey, "utf8"),
    passphrase,
  );
  const json = `${JSON.stringify(content, null, 2)}\n`;
  if (args.out) fs.writeFileSync(args.out, json, { mode: 0o600 });
  else process.stdout.write(json);
} catch (error) {
  process.stderr.write(`Cannot open ${args.file}: ${(error as Error).message}\n`);
  process.exit(1);
}
