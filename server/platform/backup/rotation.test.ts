import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { auditEvents } from "../audit/schema";
import { Keyring } from "../crypto/keyring";
import {
  fingerprint,
  loadMasterKey,
  loadPreviousMasterKey,
  type MasterKey,
  previousKeyFile,
  replaceKeyFile,
} from "../crypto/master-key";
import { dataKeys } from "../crypto/schema";
import { rewrapDataKeys, rotateMasterKey } from "./rotation";

let env: TestEnvironment;
let police: Session;
let dir: string;
const system = { userId: null, agencyId: null, ip: null };

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-rotation-"));
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
  return { reference: response.json<{ reference: string }>().reference, familyName };
};
const familyNameOf = async (reference: string) => {
  const response = await env.as(police, { method: "GET", url: `/api/cases/${reference}` });
  expect(response.statusCode).toBe(200);
  return response.json<{ identity: { familyName: string } }>().identity.familyName;
};
const wrappedBy = async (masterKeyId: string) =>
  (
    await env.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(dataKeys)
      .where(eq(dataKeys.masterKeyId, masterKeyId))
  )[0]?.n ?? 0;

/** Only the new master key from now on: a keyring that has never seen the old one. */
const onlyUnder = (master: MasterKey) => {
  env.ctx.keyring = new Keyring(master);
};

describe("master-key rotation while the server runs", () => {
  const people: { reference: string; familyName: string }[] = [];

  it("re-wraps every data key in batches while registrations and reads go on", async () => {
    for (let i = 0; i < 8; i++) people.push(await register(`Beforeova${i}`));
    const old = env.ctx.keyring.currentMasterKey;
    const next = loadMasterKey({ fromEnvironment: undefined, file: path.join(dir, "master.key") });
    env.ctx.keyring.beginRotation(next);

    const [rotation, registered, read] = await Promise.all([
      rewrapDataKeys({ db: env.ctx.db, keyring: env.ctx.keyring, actor: system, batchSize: 3 }),
      Promise.all(Array.from({ length: 6 }, (_, i) => register(`Duringova${i}`))),
      Promise.all(people.map((p) => familyNameOf(p.reference))),
    ]);
    expect(read).toEqual(people.map((p) => p.familyName));
    people.push(...registered);
    expect(rotation.to).toBe(next.id);
    expect(rotation.from).toEqual([old.id]);
    expect(rotation.batches).toBeGreaterThan(2);
    expect(rotation.rewrapped).toBeGreaterThanOrEqual(10);
    expect(await wrappedBy(old.id)).toBe(0);
    expect(
      (
        await env.ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(dataKeys)
          .where(ne(dataKeys.masterKeyId, next.id))
      )[0]?.n,
    ).toBe(0);

    // The old master key is no longer needed: a keyring holding only the new one opens everything.
    onlyUnder(next);
    for (const person of people) expect(await familyNameOf(person.reference)).toBe(person.familyName);
    await expect(
      new Keyring(old).dataKey(env.ctx.db, (await env.ctx.db.select().from(dataKeys))[0]?.id ?? ""),
    ).rejects.toThrow();

    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "master_key.rotated"));
    expect(audit?.detail).toEqual({ from: old.id, to: next.id, rewrapped: rotation.rewrapped });
    const detail = JSON.stringify(audit?.detail);
    for (const key of [old.key, next.key]) {
      expect(detail.includes(key.toString("hex"))).toBe(false);
      expect(detail.includes(key.toString("base64"))).toBe(false);
    }
  });

  it("rotates the embedded key file: new key written atomically, the old kept only until done", async () => {
    const file = path.join(dir, "master.key");
    const before = env.ctx.keyring.masterKeyId;
    expect(fingerprint(Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex"))).toBe(before);

    const result = await rotateMasterKey({
      db: env.ctx.db,
      keyring: env.ctx.keyring,
      actor: system,
      batchSize: 4,
    });
    expect(result.state).toBe("rotated");
    const reloaded = loadMasterKey({ fromEnvironment: undefined, file });
    expect(reloaded.id).toBe(result.to);
    expect(reloaded.id).not.toBe(before);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(fs.existsSync(previousKeyFile(file))).toBe(false);
    expect(await wrappedBy(before)).toBe(0);

    onlyUnder(reloaded);
    for (const person of people) expect(await familyNameOf(person.reference)).toBe(person.familyName);
    expect((await register("Afterova")).reference).toMatch(/^NRM-/);
    expect(await wrappedBy(reloaded.id)).toBeGreaterThan(people.length);
  });

  it("finishes an interrupted embedded rotation from the .previous file", async () => {
    const file = path.join(dir, "master.key");
    const current = loadMasterKey({ fromEnvironment: undefined, file });
    // As if a rotation had stopped after writing the new file: the old key waits in .previous.
    const next = replaceKeyFile({ ...current, file }, Buffer.alloc(32, 7));
    const previous = loadPreviousMasterKey({ fromEnvironment: undefined, file });
    expect(previous?.id).toBe(current.id);
    env.ctx.keyring = new Keyring(
      loadMasterKey({ fromEnvironment: undefined, file }),
      previous ? [previous] : [],
    );

    const result = await rotateMasterKey({ db: env.ctx.db, keyring: env.ctx.keyring, actor: system });
    expect(result.to).toBe(next.id);
    expect(result.from).toEqual([current.id]);
    expect(fs.existsSync(previousKeyFile(file))).toBe(false);
    onlyUnder(next);
    for (const person of people.slice(0, 2))
      expect(await familyNameOf(person.reference)).toBe(person.familyName);
  });

  it("is started by a system administrator only; with the key from the environment there is nothing to do", async () => {
    const agency = await env.makeAgency({ type: "system_operator" });
    const admin = await env.signIn(agency.id, ["system_admin"]);
    const other = await env.signIn(agency.id, ["agency_admin", "supervisor", "auditor"]);
    const url = "/api/admin/master-key/rotation";
    const before = env.ctx.keyring.masterKeyId;
    expect((await env.as(other, { method: "POST", url })).statusCode).toBe(403);
    expect(env.ctx.keyring.masterKeyId).toBe(before);

    // The embedded key file: the running server rotates it itself.
    const rotated = await env.as(admin, { method: "POST", url });
    expect(rotated.statusCode).toBe(200);
    const body = rotated.json<{ state: string; from: string[]; to: string; rewrapped: number }>();
    expect(body).toMatchObject({ state: "rotated", from: [before] });
    expect(body.to).toBe(
      loadMasterKey({ fromEnvironment: undefined, file: path.join(dir, "master.key") }).id,
    );
    expect(await wrappedBy(before)).toBe(0);

    // A key from the environment: the operator supplies the new one (and the old as PREVIOUS).
    const fromEnvironment = env.ctx.keyring.currentMasterKey;
    onlyUnder({ key: fromEnvironment.key, id: fromEnvironment.id });
    const response = await env.as(admin, { method: "POST", url });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      state: "nothing_to_do",
      from: [],
      to: fromEnvironment.id,
      rewrapped: 0,
    });
    for (const person of people.slice(1, 3))
      expect(await familyNameOf(person.reference)).toBe(person.familyName);
  });
});
