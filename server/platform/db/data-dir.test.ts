import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabaseKind } from "../../testing/harness";
import { recordAudit } from "../audit/audit";
import { lockDataDir } from "./lock";
import { openDatabase } from "./open";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../../..");

describe.runIf(testDatabaseKind === "pglite")("the embedded data directory", () => {
  it("is held by one process at a time, and a lock left by a dead process is taken over", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-lock-"));
    try {
      fs.writeFileSync(path.join(dir, "opennrm.lock"), "999999999");
      const release = lockDataDir(dir);
      fs.writeFileSync(path.join(dir, "opennrm.lock"), String(process.ppid));
      expect(() => lockDataDir(dir)).toThrow(/in use by process/);
      release();
      expect(fs.existsSync(path.join(dir, "opennrm.lock"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("survives a close and reopen, and `npm run audit:verify` finds an altered row", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-verify-"));
    const dataDir = path.join(dir, "data");
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
    delete env.DATABASE_URL;
    try {
      const first = await openDatabase({ kind: "pglite", dir: dataDir });
      for (let i = 0; i < 3; i++) {
        await first.db.transaction((tx) =>
          recordAudit(
            tx,
            { userId: null, agencyId: null, ip: null },
            { action: "test.event", detail: { i } },
          ),
        );
      }
      await first.close();

      const intact = await run("npx", ["tsx", "scripts/audit-verify.ts"], { cwd: root, env });
      expect(intact.stdout).toContain("3 events, intact");

      const second = await openDatabase({ kind: "pglite", dir: dataDir });
      await second.db.execute(sql`UPDATE audit_events SET action = 'test.other' WHERE seq = 2`);
      await second.close();
      const broken = await run("npx", ["tsx", "scripts/audit-verify.ts"], { cwd: root, env }).catch(
        (error: { code: number; stdout: string }) => error,
      );
      expect(broken).toMatchObject({ code: 2 });
      expect(broken.stdout).toContain("BROKEN at event 2");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
