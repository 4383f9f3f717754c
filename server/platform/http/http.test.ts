import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";

let env: TestEnvironment;
let police: Session;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  police = await env.signIn(unit.id, ["police_investigator"]);
});
afterAll(() => env.close());

const post = (payload: string, headers: Record<string, string> = {}) =>
  env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload,
    headers: { "content-type": "application/json", ...headers },
  });

describe("the HTTP surface", () => {
  it("answers health and serves the OpenAPI document", async () => {
    expect((await env.app.inject({ url: "/api/health" })).json()).toEqual({ status: "ok" });
    const openapi = (await env.app.inject({ url: "/api/openapi.json" })).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(["/api/cases", "/api/cases/{reference}", "/api/auth/login"]),
    );
  });

  it("asks for a sign-in (401) before anything else, whatever the body", async () => {
    for (const [method, url] of [
      ["GET", "/api/cases/NRM-2026-00001"],
      ["POST", "/api/cases"],
      ["GET", "/api/audit"],
      ["GET", "/api/nowhere"],
    ] as const) {
      const response = await env.app.inject({ method, url, payload: method === "POST" ? "{" : undefined });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("refuses a state change without the session's CSRF token", async () => {
    const response = await env.app.inject({
      method: "POST",
      url: "/api/cases",
      payload: registration(),
      headers: { cookie: police.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: "csrf" } });
  });

  it("never answers malformed, mistyped or oversized input with a 5xx", async () => {
    const bodies = [
      "{",
      "",
      "null",
      "[]",
      '"text"',
      "12",
      '{"person": 5}',
      '{"person": {"givenName": {"$ne": 1}}}',
      JSON.stringify({ ...registration(), identificationDate: "'; DROP TABLE cases; --" }),
      JSON.stringify(registration({ person: { givenName: "x".repeat(5000) } })),
      JSON.stringify(registration({ person: { citizenship: "MD" } })),
      JSON.stringify(registration({ person: { gender: "\u0000" } })),
      '{"__proto__": {"admin": true}, "person": {}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
    ];
    for (const body of bodies) {
      const response = await post(body);
      expect(response.statusCode, body.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, body.slice(0, 60)).toBeLessThan(500);
      expect(response.json<{ error: { code: string } }>().error.code).toBeTruthy();
    }
    const huge = await post(JSON.stringify({ ...registration(), circumstances: "x".repeat(400_000) }));
    expect(huge.statusCode).toBe(413);
    expect((await post("<xml/>", { "content-type": "application/xml" })).statusCode).toBe(415);
  });

  it("refuses a NUL character in any text, naming the field, and writes nothing", async () => {
    const before = (await env.as(police, { url: "/api/cases" })).body;
    const body = registration({ person: { familyName: "Ru\u0000su" } });
    const response = await post(JSON.stringify(body));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "invalid_input", field: "person.familyName" } });
    expect((await env.as(police, { url: "/api/cases" })).body).toBe(before);
  });

  it("treats malformed references and ids as not found", async () => {
    for (const url of [
      "/api/cases/..%2F..%2Fetc%2Fpasswd",
      "/api/cases/%00",
      "/api/cases/NRM-2026-1",
      "/api/cases/' OR 1=1 --",
    ]) {
      expect((await env.as(police, { method: "GET", url })).statusCode, url).toBe(404);
    }
    expect(
      (await env.as(police, { method: "PATCH", url: "/api/admin/users/not-a-uuid", payload: {} })).statusCode,
    ).toBeLessThan(500);
  });

  it("sends a strict content security policy and no-store on the API", async () => {
    const response = await env.app.inject({ url: "/api/health" });
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(response.headers["cache-control"]).toBe("no-store");
  });
});
