import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEnvironment, type TestEnvironment } from "../testing/harness";
import { accessTable, expected, unknownNames, type Outcome } from "./access-table";
import { fillPath, isCaseRoute, pathValues, validRequest } from "./requests";
import { collectRoutes, routeKey, type RouteEntry } from "./route-table";
import { readShapes, type ShapeBook } from "./shapes";
import { buildWorld, principals, type Principal, type World } from "./world";

/** The class of an answer, as the table spells it (any other status is itself: a 500 never matches). */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- "ok" or a status
function outcomeOf(status: number): Outcome | number {
  if (status >= 200 && status < 400) return "ok";
  if ([400, 409, 410, 413, 415, 422].includes(status)) return "ok";
  return status;
}

/** A reference of the right shape that no case has: an outsider must get the same answer for both. */
const missingReference = "NRM-2026-99999";

// Requests that end the session run last, so that every other route is asked by a live session.
const lastly = (route: RouteEntry) => (route.url === "/api/auth/logout" ? 2 : route.method === "GET" ? 0 : 1);

describe("authorization matrix: every route x every role x on or off the case team", () => {
  let env: TestEnvironment;
  let world: World;
  let routes: RouteEntry[];
  let shapes: ShapeBook;

  beforeAll(async () => {
    env = await startTestEnvironment();
    world = await buildWorld(env);
    routes = collectRoutes(env.app).sort((a, b) => lastly(a) - lastly(b));
    shapes = readShapes(env.app);
  });
  afterAll(async () => {
    world?.dispose();
    await env?.close();
  });

  it("reads the route table from the application itself", () => {
    expect(routes.length).toBeGreaterThan(150);
    expect(routes.map(routeKey)).toContain("GET /api/cases/:reference");
    expect(routes.map(routeKey)).toContain("POST /api/auth/login");
  });

  it("has an access entry for every route, and none for a route that does not exist", () => {
    const keys = new Set(routes.map(routeKey));
    const missing = [...keys]
      .filter((key) => !accessTable[key])
      .map((key) => `route ${key} has no access entry`);
    const stale = Object.keys(accessTable).filter((key) => !keys.has(key));
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
    for (const [key, access] of Object.entries(accessTable)) {
      expect(unknownNames(access.on), key).toEqual([]);
      expect(unknownNames(access.off ?? ["ok"]), key).toEqual([]);
      expect(Boolean(access.off), `${key}: a case route has an off-team cell, no other route has one`).toBe(
        key.includes("/api/cases/:reference"),
      );
    }
  });

  it("answers each principal as the table says, and an outsider the same for a real and a missing case", async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const access = accessTable[routeKey(route)];
      if (!access) continue;
      const request = validRequest(route, shapes(route), world);
      const values = pathValues(route, shapes(route), world);
      const teams = isCaseRoute(route) ? [true, false] : [true];
      const ask = async (principal: Principal, team: boolean) => {
        const session = (team ? world.onTeam : world.offTeam).get(principal.name);
        if (!session) throw new Error(`no session for ${principal.name}`);
        const response = await env.as(session, request);
        const got = outcomeOf(response.statusCode);
        const want = expected(team ? access.on : (access.off ?? access.on), principal);
        const who = `${principal.name}${team ? "" : " (off the team)"}`;
        if (got !== want)
          mismatches.push(
            `${routeKey(route)} as ${who}: expected ${want}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
          );
        // An outsider who is refused must not learn whether the case exists.
        const reference = values.reference ?? "";
        if (!team && want !== "ok" && !world.joinedAnyway.get(reference)?.has(principal.name)) {
          const url = fillPath(route.url, { ...values, reference: missingReference });
          const probe = await env.as(session, { ...request, url });
          if (outcomeOf(probe.statusCode) !== got)
            mismatches.push(
              `${routeKey(route)} as ${who}: ${response.statusCode} for a real case, ${probe.statusCode} for a missing one`,
            );
        }
      };
      const cells = teams.flatMap((team) => principals.map((principal) => [principal, team] as const));
      // Reads are asked four at a time (fewer than the test pool's connections, so that none waits
      // for one); writes one after another, so that their order (and so the state each one meets)
      // is the same on every run.
      if (route.method === "GET")
        for (let i = 0; i < cells.length; i += 4)
          await Promise.all(cells.slice(i, i + 4).map(([principal, team]) => ask(principal, team)));
      else for (const [principal, team] of cells) await ask(principal, team);
    }
    expect(mismatches).toEqual([]);
  }, 600_000);
});
