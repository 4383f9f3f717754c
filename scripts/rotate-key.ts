import { rotateMasterKey } from "../server/platform/backup/rotation";
import { loadConfig } from "../server/platform/config";
import { openConfiguredRuntime } from "../server/platform/startup";

/**
 * `npm run rotate-key`: re-wraps every data key under a new master key, batch by batch.
 * - Embedded key file, server stopped: generates the new key, keeps the old as `<file>.previous`
 *   until done. (With the server running, POST /api/admin/master-key/rotation does the same.)
 * - OPENNRM_MASTER_KEY: set the new key there and the old one in OPENNRM_MASTER_KEY_PREVIOUS,
 *   for the servers and for this command; PostgreSQL servers keep running meanwhile.
 * See docs/operations.md, "Backups and keys".
 */
const config = loadConfig();
try {
  const { ctx, database } = await openConfiguredRuntime(config);
  try {
    const result = await rotateMasterKey({
      db: ctx.db,
      keyring: ctx.keyring,
      actor: { userId: null, agencyId: null, ip: null },
    });
    if (result.state === "nothing_to_do") {
      process.stdout.write(
        `Nothing to rotate: every data key is wrapped by master key ${result.to}. With OPENNRM_MASTER_KEY, ` +
          "set the new key there and the old one in OPENNRM_MASTER_KEY_PREVIOUS, then run this again.\n",
      );
    } else {
      process.stdout.write(
        `Master key rotated to ${result.to}: ${result.rewrapped} data keys re-wrapped in ${result.batches} batches ` +
          `(from ${result.from.join(", ") || "none left"}). The previous master key is no longer needed by the ` +
          "database; keep it offline only while backups made under it are kept.\n",
      );
    }
  } finally {
    await database.close();
  }
} catch (error) {
  process.stderr.write(`Rotation failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
