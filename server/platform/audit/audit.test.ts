import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { verifyAuditChain } from "./audit";
import { auditEvents } from "./schema";

let env: TestEnvironment;
let police: Session;
let auditor: Session;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const office = await env.makeAgency({ type: "national_coordinator" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  auditor = await env.signIn(office.id, ["auditor"]);
  for (let i = 0; i < 3; i++) {
    const { reference } = (
      await env.as(police, { method: "POST", url: "/api/cases", payload: registration() })
    ).json<{ reference: string }>();
    await env.as(police, { method: "GET", url: `/api/cases/${reference}` });
  }
});
afterAll(() => env.close());

describe("the audit chain", () => {
  it("lists events for auditors only, with references and user names", async () => {
    expect((await env.as(police, { method: "GET", url: "/api/audit" })).statusCode).toBe(403);
    const page = (
      await env.as(auditor, { method: "GET", url: "/api/audit?action=case.identity.read" })
    ).json<{ items: { action: string; reference: string; actor: { username: string } }[]; total: number }>();
    expect(page.total).toBe(3);
    expect(
      page.items.every(
        (e) =>
          e.action === "case.identity.read" &&
          /^NRM-/.test(e.reference) &&
          e.actor.username === police.user.username,
      ),
    ).toBe(true);
  });

  it("verifies when intact", async () => {
    const verdict = (await env.as(auditor, { method: "GET", url: "/api/audit/verify" })).json<{
      ok: boolean;
      checked: number;
    }>();
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThan(6);
  });

  it("fails to verify after a row is altered directly in the database, and says where", async () => {
    const [row] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "case.identity.read"))
      .limit(1);
    if (!row) throw new Error("no row to alter");
    await env.ctx.db.execute(sql`UPDATE audit_events SET actor_user_id = NULL WHERE seq = ${row.seq}`);
    const verdict = await verifyAuditChain(env.ctx.db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: row.seq, problem: "hash_mismatch" });
    const api = (await env.as(auditor, { method: "GET", url: "/api/audit/verify" })).json<{
      ok: boolean;
      brokenAt: number;
    }>();
    expect(api).toMatchObject({ ok: false, brokenAt: row.seq });
    await env.ctx.db.execute(
      sql`UPDATE audit_events SET actor_user_id = ${row.actorUserId} WHERE seq = ${row.seq}`,
    );
    expect((await verifyAuditChain(env.ctx.db)).ok).toBe(true);
  });

  it("fails to verify after a row is deleted", async () => {
    const [row] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "case.register"))
      .limit(1);
    if (!row) throw new Error("no row to delete");
    await env.ctx.db.execute(sql`DELETE FROM audit_events WHERE seq = ${row.seq}`);
    expect(await verifyAuditChain(env.ctx.db)).toMatchObject({
      ok: false,
      brokenAt: row.seq,
      problem: "gap",
    });
  });
});
