import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { AlertCheck } from "../../modules/alerts/scheduler";
import { loadConfig } from "../config";
import { writeBackup } from "./backup";
import { rowsOf } from "./sql";

/**
 * How long backups and key stores stay in the backup directory. Key stores must not outlive this
 * anywhere: an erasure is complete when the last key store written before it is gone
 * (docs/operations.md, "Backups and keys").
 */
export const KEEP_DAYS = 30;

const lastBackup = new WeakMap<object, number>();

const FILE = /^opennrm-(?<day>\d{4}-\d{2}-\d{2})T(?<h>\d{2})(?<m>\d{2})(?<s>\d{2})Z\.(backup|keys)$/;

/** Removes backups and key stores older than KEEP_DAYS from the directory; returns how many. */
export function pruneBackups(dir: string, now: Date, keepDays = KEEP_DAYS): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    const parts = FILE.exec(name)?.groups;
    if (!parts) continue;
    const at = Date.parse(`${parts.day}T${parts.h}:${parts.m}:${parts.s}Z`);
    if (now.getTime() - at > keepDays * 86_400_000) {
      fs.rmSync(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * The server backs itself up every OPENNRM_BACKUP_EVERY_HOURS (off by default): the embedded
 * database is locked while the server runs, and an agency without IT staff has no cron to call
 * the API. Runs with the alert checks; the last backup is found in the audit trail, so moving
 * the files off the machine does not trigger another one.
 */
export const scheduledBackupCheck: AlertCheck = {
  name: "scheduled-backup",
  async run(ctx, now) {
    const config = loadConfig();
    if (config.backupEveryHours === 0) return 0;
    // Looked up once per process, then remembered: the audit trail is large and this runs each minute.
    let lastAt = lastBackup.get(ctx.db);
    if (lastAt === undefined) {
      const [last] = await rowsOf<{ at: string | null }>(
        ctx.db,
        sql`SELECT max(detail->>'createdAt') AS at FROM audit_events WHERE action = 'backup.created'`,
      );
      lastAt = last?.at ? Date.parse(last.at) : Number.NEGATIVE_INFINITY;
      lastBackup.set(ctx.db, lastAt);
    }
    if (now.getTime() - lastAt < config.backupEveryHours * 3_600_000) return 0;
    await writeBackup({
      db: ctx.db,
      keyring: ctx.keyring,
      dir: config.backupDir,
      now,
      actor: { userId: null, agencyId: null, ip: null },
    });
    lastBackup.set(ctx.db, now.getTime());
    pruneBackups(config.backupDir, now);
    return 1;
  },
};
