/**
 * Backup, restore and master-key rotation on a large embedded database, with the peak memory of
 * the process: the backup streams, so memory stays flat while the database grows.
 *
 *   npm run bench:backup                      100,000 data keys
 *   npm run bench:backup -- --rows 1000000
 *
 * A fresh PGlite data directory gets N data keys (the table every person, contact and proceeding
 * has a row in) filled by SQL. Then: a backup (database file + key store), a full verification,
 * a restore into an empty directory (audit chain verified), and a rotation re-wrapping every key.
 * Figures are printed; the run exits 1 if any row count differs.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { writeBackup } from "../server/platform/backup/backup";
import { restoreBackup, verifyBackup } from "../server/platform/backup/restore";
import { rewrapDataKeys } from "../server/platform/backup/rotation";
import { newKey, seal } from "../server/platform/crypto/aead";
import { wrapAad } from "../server/platform/crypto/keyring";
import { fingerprint } from "../server/platform/crypto/master-key";
import { openRuntime } from "../server/platform/startup";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
const rows = Number.parseInt(values.rows, 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-bench-backup-"));
// PGlite runs on this thread: the process's own high-water mark, not a timer, gives the peak.
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${label.padEnd(10)} ${seconds.toFixed(1).padStart(7)} s  ${Math.round(rows / seconds)
      .toString()
      .padStart(8)} keys/s  peak RSS ${mb(peakRss())}\n`,
  );
  return result;
};

const master = randomBytes(32);
const masterKey = { key: master, id: fingerprint(master) };
try {
  const { ctx, database } = await openRuntime({
    target: { kind: "pglite", dir: path.join(dir, "data") },
    masterKey,
    jurisdiction: "kosovo",
  });
  // Real wrapped keys, so that the rotation has real work: generated in batches.
  for (let done = 0; done < rows; done += 5000) {
    const batch = Array.from({ length: Math.min(5000, rows - done) }, () => {
      const id = crypto.randomUUID();
      return { id, w: seal(master, newKey(), wrapAad(id)).toString("hex") };
    });
    await ctx.db.execute(
      sql`INSERT INTO data_keys (id, purpose, master_key_id, wrapped_key)
          SELECT k.id, 'person', ${masterKey.id}, decode(k.w, 'hex')
          FROM json_to_recordset(${JSON.stringify(batch)}::json) AS k(id uuid, w text)`,
    );
  }
  process.stdout.write(`${rows} data keys; peak RSS so far ${mb(peakRss())}\n`);
  const backup = await timed("backup", () =>
    writeBackup({ db: ctx.db, keyring: ctx.keyring, dir: path.join(dir, "backups"), now: new Date() }),
  );
  process.stdout.write(
    `           files: ${mb(fs.statSync(backup.file).size)} database, ${mb(fs.statSync(backup.keyStoreFile).size)} key store\n`,
  );
  await timed("verify", () => Promise.resolve(verifyBackup(backup.file, ctx.keyring)));
  const restored = await timed("restore", () =>
    restoreBackup({
      file: backup.file,
      keyring: ctx.keyring,
      target: { kind: "pglite", dir: path.join(dir, "restored") },
      now: new Date(),
    }),
  );
  process.stdout.write(`           audit chain ${restored.audit.ok ? "intact" : "BROKEN"}\n`);
  const next = newKey();
  ctx.keyring.beginRotation({ key: next, id: fingerprint(next) });
  const rotation = await timed("rotate", () =>
    rewrapDataKeys({ db: ctx.db, keyring: ctx.keyring, actor: { userId: null, agencyId: null, ip: null } }),
  );
  await database.close();
  const expected = backup.manifest.tables.data_keys?.rows ?? -1;
  if (expected < rows || rotation.rewrapped < rows || !restored.audit.ok) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
