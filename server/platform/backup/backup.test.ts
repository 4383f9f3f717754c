import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { cases, persons } from "../../modules/cases/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  TEST_PASSWORD,
  type TestEnvironment,
} from "../../testing/harness";
import { Keyring } from "../crypto/keyring";
import { fingerprint } from "../crypto/master-key";
import { dataKeys } from "../crypto/schema";
import { type DatabaseTarget, openDatabase } from "../db/open";
import type { Queryable } from "../db/types";
import { openRuntime } from "../startup";
import { writeBackup } from "./backup";
import { pruneBackups, scheduledBackupCheck } from "./schedule";
import { BackupIntegrityError, restoreBackup, RestoreRefused, verifyBackup, verifyKeyStore } from "./restore";
import { applicationTables, ident, rowsOf } from "./sql";

let env: TestEnvironment;
let police: Session;
let policeUser: string;
let dir: string;
const adminUrl = process.env.OPENNRM_TEST_DATABASE_URL;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  policeUser = police.user.username;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-backup-"));
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const register = async (familyName: string) => {
  const response = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person: { familyName } }),
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ reference: string }>().reference;
};

/** Every table's rows as sorted JSON text: equal text means equal data. */
async function snapshot(db: Queryable): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
    for (const table of await applicationTables(tx)) {
      const rows = await rowsOf<{ j: string }>(
        tx,
        sql`SELECT row_to_json(t)::text AS j FROM ${ident(table)} t`,
      );
      out[table] = rows.map((r) => r.j).sort();
    }
  });
  return out;
}

/** Signs in on a restored database and reads a case's identity through the API. */
async function identityAfterRestore(target: DatabaseTarget, references: string[]) {
  const runtime = await openRuntime({
    target,
    masterKey: env.ctx.keyring.currentMasterKey,
    jurisdiction: "kosovo",
    now: env.clock.now,
  });
  const app = await buildApp({ config: { cookieSecure: false, logLevel: "silent" }, ctx: runtime.ctx });
  try {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: policeUser, password: TEST_PASSWORD },
      remoteAddress: "10.77.0.1",
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === "opennrm_session")?.value;
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const seen: { status: number; familyName: string | undefined }[] = [];
    for (const reference of references) {
      const response = await app.inject({
        method: "GET",
        url: `/api/cases/${reference}`,
        headers: { cookie: `opennrm_session=${cookie}`, "x-csrf-token": csrf },
      });
      const body = response.json<{ identity?: { familyName?: string } | null }>();
      seen.push({ status: response.statusCode, familyName: body.identity?.familyName });
    }
    return seen;
  } finally {
    await app.close();
    await runtime.database.close();
  }
}

/** A second, empty database on the test cluster for PostgreSQL runs; a new directory on PGlite. */
async function emptyTarget(name: string): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (!adminUrl)
    return { target: { kind: "pglite", dir: path.join(dir, name) }, drop: async () => undefined };
  const database = `opennrm_restore_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return {
    target: { kind: "postgres", url: url.toString(), poolSize: 3 },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    },
  };
}

describe("backup and restore", () => {
  it("round-trips every table, verifies the audit chain and opens a case's identity", async () => {
    const first = await register("Backupova");
    const second = await register("Restorova");
    const before = await snapshot(env.ctx.db);
    const backup = await writeBackup({
      db: env.ctx.db,
      keyring: env.ctx.keyring,
      dir: path.join(dir, "files"),
      now: env.clock.now(),
    });
    expect(backup.manifest.tables.cases?.rows).toBe(before.cases?.length);
    expect(backup.manifest.tables.persons?.rows).toBeGreaterThanOrEqual(2);
    expect(fs.statSync(backup.file).mode & 0o077).toBe(0);
    // Encrypted: no name, no reference in clear anywhere in either file.
    for (const file of [backup.file, backup.keyStoreFile]) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(first)).toBe(false);
      expect(bytes.includes("case.register")).toBe(false);
    }

    const { target, drop } = await emptyTarget("restored");
    try {
      const result = await restoreBackup({
        file: backup.file,
        keyring: env.ctx.keyring,
        target,
        now: env.clock.now(),
      });
      expect(result.audit.ok).toBe(true);
      expect(result.audit.checked).toBe((before.audit_events ?? []).length + 1);
      expect(result.erasedKeys).toBe(0);

      const restored = await openDatabase(target);
      const after = await snapshot(restored.db);
      await restored.close();
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const table of Object.keys(before)) {
        if (table === "audit_events" || table === "audit_head") continue;
        expect(after[table], table).toEqual(before[table]);
      }
      // The restore itself is the one audit event more, at the end of the chain.
      const added = (after.audit_events ?? []).filter((row) => !(before.audit_events ?? []).includes(row));
      expect(added.map((row) => (JSON.parse(row) as { action: string }).action)).toEqual(["backup.restored"]);

      expect(await identityAfterRestore(target, [first, second])).toEqual([
        { status: 200, familyName: "Backupova" },
        { status: 200, familyName: "Restorova" },
      ]);

      // Restoring again over the restored database is refused.
      await expect(
        restoreBackup({ file: backup.file, keyring: env.ctx.keyring, target, now: env.clock.now() }),
      ).rejects.toBeInstanceOf(RestoreRefused);
    } finally {
      await drop();
    }
  }, 240_000);

  it("refuses a backup with one flipped byte, writing nothing", async () => {
    await register("Flipova");
    const backup = await writeBackup({
      db: env.ctx.db,
      keyring: env.ctx.keyring,
      dir: path.join(dir, "flip"),
      now: env.clock.now(),
    });
    const bytes = fs.readFileSync(backup.file);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8((bytes.readUInt8(middle) ^ 0x01) & 0xff, middle);
    fs.writeFileSync(backup.file, bytes);
    const target = path.join(dir, "flipped");
    await expect(
      restoreBackup({
        file: backup.file,
        keyring: env.ctx.keyring,
        target: { kind: "pglite", dir: target },
        now: env.clock.now(),
      }),
    ).rejects.toThrow(BackupIntegrityError);
    expect(fs.existsSync(target)).toBe(false);

    // Cut short: the last chunk is missing.
    fs.writeFileSync(backup.file, bytes.subarray(0, bytes.length - 10));
    await expect(
      restoreBackup({
        file: backup.file,
        keyring: env.ctx.keyring,
        target: { kind: "pglite", dir: target },
        now: env.clock.now(),
      }),
    ).rejects.toThrow(/truncated|altered/);

    // Under another master key the backup does not open.
    const stranger = randomBytes(32);
    const other = new Keyring({ key: stranger, id: fingerprint(stranger) });
    const good = await writeBackup({
      db: env.ctx.db,
      keyring: env.ctx.keyring,
      dir: path.join(dir, "other"),
      now: env.clock.now(),
    });
    await expect(
      restoreBackup({
        file: good.file,
        keyring: other,
        target: { kind: "pglite", dir: target },
        now: env.clock.now(),
      }),
    ).rejects.toThrow(/master key/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("keeps an erased person erased when an old backup is restored with the current key store", async () => {
    const erased = await register("Erasedova");
    const kept = await register("Keptova");
    const old = await writeBackup({
      db: env.ctx.db,
      keyring: env.ctx.keyring,
      dir: path.join(dir, "old"),
      now: env.clock.now(),
    });
    // Erasure by crypto-shredding: the person's data key is wiped.
    const [row] = await env.ctx.db
      .select({ keyId: persons.dataKeyId })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(eq(cases.reference, erased));
    const keyId = row?.keyId ?? "";
    expect(keyId).not.toBe("");
    await env.ctx.db
      .update(dataKeys)
      .set({ wrappedKey: null, destroyedAt: env.clock.now() })
      .where(eq(dataKeys.id, keyId));
    env.clock.advance(60_000);
    const current = await writeBackup({
      db: env.ctx.db,
      keyring: env.ctx.keyring,
      dir: path.join(dir, "current"),
      now: env.clock.now(),
    });

    const { target, drop } = await emptyTarget("old-restored");
    try {
      const result = await restoreBackup({
        file: old.file,
        keyStoreFile: current.keyStoreFile,
        keyring: env.ctx.keyring,
        target,
        now: env.clock.now(),
      });
      expect(result.erasedKeys).toBe(1);
      expect(result.audit.ok).toBe(true);
      const seen = await identityAfterRestore(target, [erased, kept]);
      // Shown as erased (or not at all), never the name.
      expect(seen[0]?.familyName).not.toBe("Erasedova");
      expect(seen[1]).toEqual({ status: 200, familyName: "Keptova" });

      // Not in the backup file either: its data_keys rows carry no wrapped key at all.
      const restored = await openDatabase(target);
      const fresh = new Keyring(env.ctx.keyring.currentMasterKey);
      await expect(fresh.dataKey(restored.db, keyId)).rejects.toThrow();
      await restored.close();
    } finally {
      await drop();
    }
  }, 240_000);

  it("lets a system administrator back up the running server, and no one else", async () => {
    const agency = await env.makeAgency({ type: "system_operator" });
    const admin = await env.signIn(agency.id, ["system_admin"]);
    const supervisor = await env.signIn(agency.id, ["supervisor", "agency_admin", "auditor"]);
    const into = path.join(dir, "api");
    process.env.OPENNRM_BACKUP_DIR = into;
    try {
      expect((await env.as(supervisor, { method: "POST", url: "/api/admin/backups" })).statusCode).toBe(403);
      expect(fs.existsSync(into)).toBe(false);
      const response = await env.as(admin, { method: "POST", url: "/api/admin/backups" });
      expect(response.statusCode).toBe(201);
      const body = response.json<{ backupId: string; file: string; keyStoreFile: string; rows: number }>();
      expect(body.file).toMatch(/^opennrm-.*\.backup$/);
      const manifest = verifyBackup(path.join(into, body.file), env.ctx.keyring);
      expect(manifest.backupId).toBe(body.backupId);
      expect(Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0)).toBe(body.rows);
      expect(verifyKeyStore(path.join(into, body.keyStoreFile), env.ctx.keyring).backupId).toBe(
        body.backupId,
      );
      const [audit] = await rowsOf<{ action: string; actor_user_id: string }>(
        env.ctx.db,
        sql`SELECT action, actor_user_id FROM audit_events WHERE action = 'backup.created'`,
      );
      expect(audit).toEqual({ action: "backup.created", actor_user_id: admin.user.id });
    } finally {
      delete process.env.OPENNRM_BACKUP_DIR;
    }
  });

  it("backs itself up on schedule when configured, and keeps files 30 days", async () => {
    const into = path.join(dir, "scheduled");
    process.env.OPENNRM_BACKUP_DIR = into;
    try {
      delete process.env.OPENNRM_BACKUP_EVERY_HOURS;
      expect(await scheduledBackupCheck.run(env.ctx, env.clock.now())).toBe(0);
      expect(fs.existsSync(into)).toBe(false);

      process.env.OPENNRM_BACKUP_EVERY_HOURS = "24";
      env.clock.advance(25 * 3_600_000);
      fs.mkdirSync(into, { recursive: true });
      const old = new Date(env.clock.now().getTime() - 31 * 86_400_000);
      const stale = `opennrm-${old
        .toISOString()
        .replaceAll(":", "")
        .replace(/\.\d+Z$/, "Z")}.keys`;
      fs.writeFileSync(path.join(into, stale), "old key store");
      fs.writeFileSync(path.join(into, "notes.txt"), "not a backup");

      expect(await scheduledBackupCheck.run(env.ctx, env.clock.now())).toBe(1);
      expect(await scheduledBackupCheck.run(env.ctx, env.clock.now())).toBe(0);
      const files = fs.readdirSync(into).sort();
      expect(files.filter((f) => f.endsWith(".backup"))).toHaveLength(1);
      expect(files.filter((f) => f.endsWith(".keys"))).toHaveLength(1);
      expect(files).not.toContain(stale);
      expect(files).toContain("notes.txt");

      env.clock.advance(25 * 3_600_000);
      expect(await scheduledBackupCheck.run(env.ctx, env.clock.now())).toBe(1);
      expect(fs.readdirSync(into).filter((f) => f.endsWith(".backup"))).toHaveLength(2);
      expect(pruneBackups(into, new Date(env.clock.now().getTime() + 31 * 86_400_000))).toBe(4);
    } finally {
      delete process.env.OPENNRM_BACKUP_DIR;
      delete process.env.OPENNRM_BACKUP_EVERY_HOURS;
    }
  });
});
