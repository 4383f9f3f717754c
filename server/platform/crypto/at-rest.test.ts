import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cases, persons } from "../../modules/cases/schema";
import { seedDemoData } from "../../seed/demo";
import { testDatabaseKind } from "../../testing/harness";
import { loadJurisdiction } from "../jurisdiction";
import { openRuntime } from "../startup";
import { loadMasterKey } from "./master-key";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

// The embedded database's files are what a thief takes with a disk or a backup of DATA_DIR.
describe.runIf(testDatabaseKind === "pglite")("identifying data at rest", () => {
  it("no demo person's name, birth date or identity number is in any file under DATA_DIR", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-at-rest-"));
    const dataDir = path.join(root, "data");
    const masterKey = loadMasterKey({ fromEnvironment: undefined, file: `${dataDir}.master.key` });
    const jurisdiction = loadJurisdiction("kosovo");
    const demo = jurisdiction.demo;
    if (!demo) throw new Error("Kosovo has demo data");
    const { ctx, database } = await openRuntime({
      target: { kind: "pglite", dir: dataDir },
      masterKey,
      jurisdiction: { ...jurisdiction, demo: { ...demo, caseCount: 25 } },
    });
    const secrets = new Set<string>();
    try {
      await seedDemoData(ctx, { ...demo, caseCount: 25 });
      const rows = await ctx.db.select().from(cases).innerJoin(persons, eq(persons.id, cases.personId));
      expect(rows).toHaveLength(25);
      for (const { persons: p } of rows) {
        const openField = async (field: string, sealed: Buffer | null) =>
          sealed
            ? ctx.keyring.openText(ctx.db, p.dataKeyId, { table: "persons", recordId: p.id, field }, sealed)
            : null;
        for (const value of [
          await openField("given_name", p.givenName),
          await openField("family_name", p.familyName),
          await openField("birth_date", p.birthDate),
          await openField("identity_number", p.identityNumber),
        ]) {
          // Short given names ("Ana") occur by chance in any binary; the checked values are distinctive.
          if (value && Buffer.byteLength(value) >= 5) secrets.add(value);
        }
      }
      // A shelter's address is as secret as a name: a known address puts every resident in danger.
      expect(demo.shelters.length).toBeGreaterThan(0);
      for (const shelter of demo.shelters) {
        secrets.add(shelter.address);
        if (shelter.contacts) secrets.add(shelter.contacts);
      }
    } finally {
      await database.close();
    }
    try {
      expect(secrets.size).toBeGreaterThan(30);
      const files = filesUnder(dataDir);
      expect(files.length).toBeGreaterThan(10);
      const leaks: string[] = [];
      for (const file of files) {
        const bytes = fs.readFileSync(file);
        for (const secret of secrets)
          if (bytes.includes(Buffer.from(secret, "utf8")))
            leaks.push(`${path.relative(dataDir, file)}: ${secret}`);
      }
      expect(leaks).toEqual([]);
      expect(fs.existsSync(path.join(dataDir, `${path.basename(dataDir)}.master.key`))).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
