import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startTestEnvironment, type TestEnvironment } from "../../testing/harness";

let env: TestEnvironment;
let admin: Session;
let agencyAdmin: Session;
let ownAgencyId: string;
let otherAgencyId: string;

beforeAll(async () => {
  env = await startTestEnvironment();
  const operator = await env.makeAgency({ type: "system_operator" });
  ownAgencyId = (await env.makeAgency({ type: "shelter_operator" })).id;
  otherAgencyId = (await env.makeAgency({ type: "ngo" })).id;
  admin = await env.signIn(operator.id, ["system_admin"]);
  agencyAdmin = await env.signIn(ownAgencyId, ["agency_admin"]);
});
afterAll(() => env.close());

const newUser = (agencyId: string, username: string, roles = ["case_worker"]) => ({
  username,
  displayName: "New Worker",
  agencyId,
  roles,
  language: "sq",
  password: "first password 1",
});

describe("administration", () => {
  it("lets a system administrator create an agency and a user who then signs in", async () => {
    const agency = await env.as(admin, {
      method: "POST",
      url: "/api/admin/agencies",
      payload: { code: "csw-peje", name: "CSW Pejë", type: "social_services", region: "peje" },
    });
    expect(agency.statusCode).toBe(201);
    const duplicate = await env.as(admin, {
      method: "POST",
      url: "/api/admin/agencies",
      payload: { code: "csw-peje", name: "Again", type: "social_services", region: null },
    });
    expect(duplicate.json()).toMatchObject({ error: { field: "code", code: "duplicate_code" } });

    const created = await env.as(admin, {
      method: "POST",
      url: "/api/admin/users",
      payload: newUser(agency.json<{ id: string }>().id, "new.worker"),
    });
    expect(created.statusCode).toBe(201);
    const response = await env.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "new.worker", password: "first password 1" },
    });
    expect(response.json()).toMatchObject({
      status: "ok",
      user: { mustChangePassword: true, language: "sq" },
    });
  });

  it("refuses a short password naming the field", async () => {
    const response = await env.as(admin, {
      method: "POST",
      url: "/api/admin/users",
      payload: { ...newUser(ownAgencyId, "shorty"), password: "short" },
    });
    expect(response.json()).toMatchObject({ error: { field: "password", code: "password_too_short" } });
  });

  it("confines an agency administrator to their own agency's users", async () => {
    expect(
      (
        await env.as(agencyAdmin, {
          method: "POST",
          url: "/api/admin/users",
          payload: newUser(ownAgencyId, "own.worker"),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await env.as(agencyAdmin, {
          method: "POST",
          url: "/api/admin/users",
          payload: newUser(otherAgencyId, "foreign.worker"),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await env.as(agencyAdmin, {
          method: "POST",
          url: "/api/admin/users",
          payload: newUser(ownAgencyId, "self.made.auditor", ["auditor"]),
        })
      ).statusCode,
    ).toBe(403);
    const listed = (await env.as(agencyAdmin, { method: "GET", url: "/api/admin/users" })).json<
      { agency: { id: string } }[]
    >();
    expect(listed.every((u) => u.agency.id === ownAgencyId)).toBe(true);
    const outsider = await env.makeUser(otherAgencyId, ["case_worker"]);
    expect(
      (
        await env.as(agencyAdmin, {
          method: "POST",
          url: `/api/admin/users/${outsider.id}/password`,
          payload: { password: "another password" },
        })
      ).statusCode,
    ).toBe(404);
    expect((await env.as(agencyAdmin, { method: "GET", url: "/api/admin/agencies" })).statusCode).toBe(403);
  });

  it("ends a deactivated user's sessions and a reset password's old one", async () => {
    const user = await env.makeUser(ownAgencyId, ["case_worker"]);
    const session = await env.login(user);
    await env.as(admin, {
      method: "POST",
      url: `/api/admin/users/${user.id}/password`,
      payload: { password: "temporary password" },
    });
    expect((await env.as(session, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    const again = await env.login(user, "temporary password");
    await env.as(admin, { method: "PATCH", url: `/api/admin/users/${user.id}`, payload: { active: false } });
    expect((await env.as(again, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    expect(
      (
        await env.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: user.username, password: "temporary password" },
        })
      ).statusCode,
    ).toBe(401);
  });

  it("keeps other roles out of administration", async () => {
    const worker = await env.signIn(ownAgencyId, ["case_worker"]);
    expect((await env.as(worker, { method: "GET", url: "/api/admin/users" })).statusCode).toBe(403);
    expect(
      (
        await env.as(worker, {
          method: "POST",
          url: "/api/admin/agencies",
          payload: { code: "x-1", name: "X", type: "ngo", region: null },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("a password set by an administrator", () => {
  it("must be changed before anything else is allowed", async () => {
    const user = await env.makeUser(ownAgencyId, ["case_worker"]);
    await env.as(admin, {
      method: "POST",
      url: `/api/admin/users/${user.id}/password`,
      payload: { password: "known to two people" },
    });
    const session = await env.login(user, "known to two people");
    expect(
      (await env.as(session, { method: "POST", url: "/api/cases/search", payload: {} })).json(),
    ).toMatchObject({ error: { code: "password_change_required" } });
    expect(
      (await env.as(session, { method: "PUT", url: "/api/auth/language", payload: { language: "sq" } }))
        .statusCode,
    ).toBe(200);
    const changed = await env.as(session, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "known to two people", newPassword: "only mine from now on" },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      (await env.as(session, { method: "POST", url: "/api/cases/search", payload: {} })).statusCode,
    ).toBe(200);
  });
});
