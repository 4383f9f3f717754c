import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEnvironment, testDatabaseKind, type TestEnvironment } from "../testing/harness";
import { runFuzz, setAt, slots } from "./fuzz";
import { validRequest } from "./requests";
import { collectRoutes } from "./route-table";
import { readShapes } from "./shapes";
import { buildWorld, type World } from "./world";

/**
 * Malformed and hostile requests to every route (the reduced run; `npm run bench:fuzz` sends
 * 100,000): never a 5xx, never a hang, the project's error shape, and nothing stored by a request
 * that was refused. The seed is printed with each failure so that it replays exactly.
 */
const seed = Number(process.env.OPENNRM_FUZZ_SEED ?? 20_260_615);
const requests = Number(process.env.OPENNRM_FUZZ_REQUESTS ?? (testDatabaseKind === "pglite" ? 2500 : 3000));

describe("fuzzing every route", () => {
  let env: TestEnvironment;
  let world: World;

  beforeAll(async () => {
    env = await startTestEnvironment();
    world = await buildWorld(env);
  });
  afterAll(async () => {
    world?.dispose();
    await env?.close();
  });

  it(`answers ${requests} malformed and hostile requests without a 5xx, a hang or a change from a refused one`, async () => {
    const figures = await runFuzz({
      env,
      world,
      routes: collectRoutes(env.app),
      shapes: readShapes(env.app),
      seed,
      requests,
      batch: 25,
      timeLimitMs: 5_000,
    });
    expect(figures.requests).toBe(requests);
    expect(figures.byClass["4xx"] ?? 0).toBeGreaterThan(requests * 0.8);
    expect(figures.batchesCompared).toBeGreaterThan(requests / 25 / 4);
    expect(figures.problems.map((p) => `${p.problem}\n  ${p.request}`)).toEqual([]);
  }, 240_000);
});

describe("text the database cannot hold, in every field of every write", () => {
  let env: TestEnvironment;
  let world: World;

  beforeAll(async () => {
    env = await startTestEnvironment();
    world = await buildWorld(env);
  });
  afterAll(async () => {
    world?.dispose();
    await env?.close();
  });

  // A NUL reached PostgreSQL from a case search, a shelter escort and a duplicate dismissal and
  // answered 500 (found by `npm run bench:fuzz -- --requests 100000`); a lone surrogate is the
  // other character JSON carries and UTF-8 cannot.
  it("answers a NUL or a lone surrogate in any string field with a 4xx, never a 5xx", async () => {
    const shapes = readShapes(env.app);
    const writes = collectRoutes(env.app).filter(
      (route) => ["POST", "PUT", "PATCH"].includes(route.method) && !route.url.startsWith("/api/auth/"),
    );
    const failures: string[] = [];
    let asked = 0;
    for (const route of writes) {
      const valid = validRequest(route, shapes(route), world, true);
      const strings = slots(valid.payload).filter((place) => {
        let node: unknown = valid.payload;
        for (const key of place) node = (node as Record<string | number, unknown>)[key];
        return typeof node === "string";
      });
      for (const place of strings)
        for (const text of ["a\u0000b", "a\ud800b"])
          for (const name of ["sup", "pi"] as const) {
            const session = world.onTeam.get(name);
            if (!session) throw new Error(`no session for ${name}`);
            const payload = setAt(valid.payload, place, text) as Record<string, unknown>;
            const response = await env.as(session, { ...valid, payload });
            asked++;
            if (response.statusCode >= 500)
              failures.push(
                `${route.method} ${route.url} ${place.join(".")}=${JSON.stringify(text)} as ${name}: ${response.statusCode}`,
              );
          }
    }
    expect(asked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 240_000);
});
