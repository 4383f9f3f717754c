import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEnvironment, type TestEnvironment, TEST_PASSWORD } from "../../testing/harness";
import { totpCode } from "./totp";

let env: TestEnvironment;
let agencyId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  agencyId = (await env.makeAgency({ type: "police_anti_trafficking" })).id;
});
afterAll(() => env.close());

const login = (username: string, password: string, extra: Record<string, string> = {}, ip = "10.1.1.1") =>
  env.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password, ...extra },
    remoteAddress: ip,
  });

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie and a fresh token at every login", async () => {
    const user = await env.makeUser(agencyId, ["case_worker"]);
    const first = await login(user.username, TEST_PASSWORD);
    const second = await login(user.username, TEST_PASSWORD);
    const cookie = first.cookies.find((c) => c.name === "opennrm_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(second.cookies.find((c) => c.name === "opennrm_session")?.value).not.toBe(cookie?.value);
  });

  it("answers a wrong password and an unknown user alike", async () => {
    const user = await env.makeUser(agencyId, ["case_worker"]);
    const wrong = await login(user.username, "not the password", {}, "10.1.1.2");
    const unknown = await login("nobody-at-all", "not the password", {}, "10.1.1.2");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it("locks an account after five wrong passwords, even for the right one", async () => {
    const user = await env.makeUser(agencyId, ["case_worker"]);
    for (let i = 0; i < 4; i++)
      expect((await login(user.username, "wrong", {}, "10.1.2.1")).statusCode).toBe(401);
    expect((await login(user.username, "wrong", {}, "10.1.2.1")).statusCode).toBe(429);
    expect((await login(user.username, TEST_PASSWORD, {}, "10.1.2.2")).json()).toMatchObject({
      error: { code: "account_locked" },
    });
    env.clock.advance(16 * 60_000);
    expect((await login(user.username, TEST_PASSWORD, {}, "10.1.2.2")).statusCode).toBe(200);
  });

  it("throttles many attempts from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await login(`ghost-${i}`, "x", {}, "10.1.3.1")).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("ends a session after the idle timeout", async () => {
    const session = await env.signIn(agencyId, ["case_worker"]);
    expect((await env.as(session, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(200);
    env.clock.advance(31 * 60_000);
    expect((await env.as(session, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
  });

  it("ends the session at logout", async () => {
    const session = await env.signIn(agencyId, ["case_worker"]);
    expect((await env.as(session, { method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
    expect((await env.as(session, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
  });

  it("remembers the language per user", async () => {
    const session = await env.signIn(agencyId, ["case_worker"]);
    await env.as(session, { method: "PUT", url: "/api/auth/language", payload: { language: "sr" } });
    const again = await env.login(session.user);
    expect((await env.as(again, { method: "GET", url: "/api/auth/me" })).json()).toMatchObject({
      user: { language: "sr" },
    });
  });
});

describe("the second factor", () => {
  it("once enabled, is asked for and checked at login", async () => {
    const user = await env.makeUser(agencyId, ["case_worker"]);
    const session = await env.login(user);
    const { secret } = (await env.as(session, { method: "POST", url: "/api/auth/totp/setup" })).json<{
      secret: string;
    }>();
    const wrong = await env.as(session, {
      method: "POST",
      url: "/api/auth/totp/enable",
      payload: { code: "000000" },
    });
    expect(wrong.statusCode).toBe(400);
    const code = totpCode(secret, env.clock.now().getTime());
    expect(
      (await env.as(session, { method: "POST", url: "/api/auth/totp/enable", payload: { code } })).statusCode,
    ).toBe(200);

    expect((await login(user.username, TEST_PASSWORD, {}, "10.1.4.1")).json()).toEqual({
      status: "totp_required",
    });
    expect((await login(user.username, TEST_PASSWORD, { totp: "123456" }, "10.1.4.1")).statusCode).toBe(401);
    env.clock.advance(60_000);
    const ok = await login(
      user.username,
      TEST_PASSWORD,
      { totp: totpCode(secret, env.clock.now().getTime()) },
      "10.1.4.1",
    );
    expect(ok.json()).toMatchObject({ status: "ok", enrolmentOnly: false });
  });

  it("when required for a role, confines a user without one to enrolment", async () => {
    const admin = await env.signIn(agencyId, ["system_admin"]);
    expect(
      (
        await env.as(admin, {
          method: "PUT",
          url: "/api/admin/role-settings/prosecutor",
          payload: { requireTotp: true },
        })
      ).statusCode,
    ).toBe(200);
    const prosecutor = await env.signIn(agencyId, ["prosecutor"]);
    expect((await env.as(prosecutor, { method: "GET", url: "/api/auth/me" })).json()).toMatchObject({
      enrolmentOnly: true,
    });
    expect(
      (await env.as(prosecutor, { method: "POST", url: "/api/cases/search", payload: {} })).json(),
    ).toMatchObject({ error: { code: "totp_enrolment_required" } });
    const { secret } = (await env.as(prosecutor, { method: "POST", url: "/api/auth/totp/setup" })).json<{
      secret: string;
    }>();
    await env.as(prosecutor, {
      method: "POST",
      url: "/api/auth/totp/enable",
      payload: { code: totpCode(secret, env.clock.now().getTime()) },
    });
    expect(
      (await env.as(prosecutor, { method: "POST", url: "/api/cases/search", payload: {} })).statusCode,
    ).toBe(200);
  });
});
