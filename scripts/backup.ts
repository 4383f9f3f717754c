import path from "node:path";
import { writeBackup } from "../server/platform/backup/backup";
import { loadConfig } from "../server/platform/config";
import { openConfiguredRuntime } from "../server/platform/startup";

/**
 * `npm run backup [-- <directory>]`: writes an encrypted backup of the configured database
 * (DATA_DIR or DATABASE_URL) and its key store into OPENNRM_BACKUP_DIR (default: beside DATA_DIR).
 * The embedded database of a running server is locked: there, an administrator uses
 * POST /api/admin/backups instead (docs/operations.md, "Backups and keys").
 */
const config = loadConfig();
const dir = process.argv[2] ? path.resolve(process.argv[2]) : config.backupDir;
try {
  const { ctx, database } = await openConfiguredRuntime(config);
  try {
    const result = await writeBackup({
      db: ctx.db,
      keyring: ctx.keyring,
      dir,
      now: new Date(),
      actor: { userId: null, agencyId: null, ip: null },
    });
    const tables = Object.values(result.manifest.tables);
    process.stdout.write(
      [
        `Backup written: ${result.file}`,
        `  ${tables.length} tables, ${tables.reduce((n, t) => n + t.rows, 0)} rows, master key ${result.manifest.masterKeyId}`,
        `Key store written: ${result.keyStoreFile} (${result.keys} live data keys)`,
        "Keep the key store apart from the backup, and only as long as docs/operations.md says.",
        "",
      ].join("\n"),
    );
  } finally {
    await database.close();
  }
} catch (error) {
  process.stderr.write(`Backup failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
