import fs from "node:fs";
import path from "node:path";
import { describeRestore, displayTarget, restoreBackup } from "../server/platform/backup/restore";
import { loadConfig } from "../server/platform/config";
import { Keyring } from "../server/platform/crypto/keyring";
import { databaseTarget, masterKeyFor, previousMasterKeysFor } from "../server/platform/startup";

/**
 * `npm run restore -- <backup file> [<key store file>]`: restores into an EMPTY data directory
 * (DATA_DIR) or an empty PostgreSQL database (DATABASE_URL). Both files are verified before
 * anything is written; the audit chain is verified after. The key store defaults to the `.keys`
 * file beside the backup; give the newest one so that people erased since stay erased.
 */
const [file, keyStore] = process.argv.slice(2);
if (!file) {
  process.stderr.write("Usage: npm run restore -- <backup file> [<key store file>]\n");
  process.exit(64);
}
const config = loadConfig();
if (!config.masterKey && !fs.existsSync(config.masterKeyFile)) {
  // Never create a fresh key here: it could open nothing.
  process.stderr.write(
    `No master key: set OPENNRM_MASTER_KEY or put the key file at ${config.masterKeyFile} (mode 0600).\n`,
  );
  process.exit(1);
}
const target = databaseTarget(config);
try {
  const result = await restoreBackup({
    file: path.resolve(file),
    keyStoreFile: keyStore ? path.resolve(keyStore) : undefined,
    keyring: new Keyring(masterKeyFor(config), previousMasterKeysFor(config)),
    target,
    now: new Date(),
  });
  process.stdout.write(describeRestore(result, displayTarget(target)));
  if (!result.audit.ok) process.exitCode = 2;
} catch (error) {
  process.stderr.write(`Restore failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
