import { verifyAuditChain } from "../server/platform/audit/audit";
import { loadConfig } from "../server/platform/config";
import { openDatabase } from "../server/platform/db/open";
import { databaseTarget } from "../server/platform/startup";

/**
 * `npm run audit:verify`: walks the audit chain of the configured database (DATA_DIR or
 * DATABASE_URL) and exits non-zero when a row was altered, removed or inserted out of order.
 * For the embedded database, stop the server first (one process per data directory).
 */
const database = await openDatabase(databaseTarget(loadConfig()));
try {
  const verdict = await verifyAuditChain(database.db);
  if (verdict.ok) {
    process.stdout.write(`Audit chain verified: ${verdict.checked} events, intact.\n`);
  } else {
    process.stdout.write(
      `Audit chain BROKEN at event ${verdict.brokenAt} (${verdict.problem}); ${verdict.checked} events verified before it.\n`,
    );
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
