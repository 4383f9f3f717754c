import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import type { Db } from "../platform/db/types";
import type { Session, TestEnvironment } from "../testing/harness";
import { fillPath, pathValues, validRequest } from "./requests";
import { pathParams, routeKey, type RouteEntry } from "./route-table";
import type { ShapeBook } from "./shapes";
import type { World } from "./world";

/** mulberry32: small, fast and the same on every machine, so a seed replays a failure exactly. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const megabyte = "A".repeat(1024 * 1024);

/** Text an attacker or a careless import would send: injections, Unicode edge cases, nonsense dates. */
export const hostileStrings: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  "1; SELECT pg_sleep(10); --",
  "\\x00' UNION SELECT password_hash FROM users --",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  '=HYPERLINK("http://evil")',
  "{{7*7}}${7*7}",
  "%s%s%s%n",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff\ud800",
  "\u202eevil\u202c",
  "Z\u0337\u0328\u031b\u0353\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "\ufeff",
  "\r\nX-Injected: 1",
  "../../../../etc/passwd",
  "%2e%2e%2f%2e%2e%2f",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "9999-12-31T25:61:00Z",
  "-1",
  "NaN",
  "",
  " ",
  "null",
  "true",
  "x".repeat(10_000),
];

const hostileNumbers: readonly number[] = [
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  2 ** 31,
  -(2 ** 31) - 1,
  0.5,
  1e-300,
];

const hostilePathValues: readonly string[] = [
  "..",
  "../../etc/passwd",
  "%2e%2e%2f%2e%2e%2f",
  "..%2f..%2f",
  "%00",
  "' OR 1=1 --",
  "<script>",
  "NRM-2026-00001'--",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "x".repeat(500),
  "%F0%9F%92%A9",
  "%C0%AF",
  "%ED%A0%80",
  "-1",
  "1e308",
];

function deepNesting(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A value of the wrong kind, or of the right kind at an absurd size. */
function hostileValue(random: Random): unknown {
  switch (Math.floor(random() * 9)) {
    case 0:
      return pick(random, hostileNumbers);
    case 1:
      return pick(random, [true, false, null]);
    case 2:
      return [];
    case 3:
      return {};
    case 4:
      return deepNesting(64 + Math.floor(random() * 2000));
    case 5:
      return Array.from({ length: 5000 + Math.floor(random() * 20_000) }, (_, i) => i);
    case 6:
      // 1 MB is refused whole (the body limit is 256 kB); 200 kB reaches the schemas and the handlers.
      if (random() < 0.1) return random() < 0.5 ? megabyte : megabyte.slice(0, 200 * 1024);
      return pick(random, hostileStrings).repeat(1 + Math.floor(random() * 50));
    case 7:
      return { __proto__: { admin: true }, constructor: { prototype: { polluted: true } } };
    default:
      return pick(random, hostileStrings);
  }
}

/** Every place in a JSON value where a value sits, as a path of keys. */
export function slots(value: unknown, path: (string | number)[] = [], found: (string | number)[][] = []) {
  if (path.length > 0) found.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => slots(item, [...path, i], found));
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) slots(item, [...path, key], found);
  return found;
}

export function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy: unknown = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

export interface FuzzRequest {
  index: number;
  route: RouteEntry;
  principal: string;
  mutation: string;
  options: InjectOptions;
}

/** A short, printable description of a request, enough to replay it by hand. */
export function describe(request: FuzzRequest): string {
  const { options } = request;
  let payload = "";
  if (options.payload !== undefined) {
    const text = typeof options.payload === "string" ? options.payload : JSON.stringify(options.payload);
    payload = ` body=${(text ?? "").slice(0, 200)}${(text ?? "").length > 200 ? `... (${(text ?? "").length} chars)` : ""}`;
  }
  const url = (typeof options.url === "string" ? options.url : JSON.stringify(options.url)).slice(0, 300);
  const type = options.headers?.["content-type"]
    ? ` content-type=${String(options.headers["content-type"])}`
    : "";
  return `#${request.index} ${routeKey(request.route)} as ${request.principal} [${request.mutation}] ${String(options.method)} ${url}${type}${payload}`;
}

const bodyMethods = new Set(["POST", "PUT", "PATCH"]);

/**
 * The n-th request of a seeded stream: a route and a signed-in principal picked at random, then a
 * valid request for that route broken in one way (a field's type or size, a missing or extra field,
 * a hostile string, a path parameter, the query, the media type, or the JSON itself).
 */
export function makeRequest(
  random: Random,
  index: number,
  routes: readonly RouteEntry[],
  shapes: ShapeBook,
  world: World,
  principalNames: readonly string[],
): FuzzRequest {
  const route = pick(random, routes);
  const principal = pick(random, principalNames);
  const shape = shapes(route);
  const valid = validRequest(route, shape, world);
  const options: InjectOptions = { ...valid, headers: {} };
  const params = pathParams(route.url);
  const kinds = ["query"];
  if (params.length > 0) kinds.push("path", "path");
  if (bodyMethods.has(route.method))
    kinds.push("field", "field", "field", "remove", "extra", "body", "json", "media");
  const kind = pick(random, kinds);
  let mutation = kind;
  switch (kind) {
    case "path": {
      const values = pathValues(route, shape, world);
      const name = pick(random, params);
      const bad = pick(random, hostilePathValues);
      // Encoded once by fillPath, and sometimes sent raw so that the router sees "../" itself.
      const raw = random() < 0.5;
      mutation = `path ${name}=${bad.slice(0, 40)}${raw ? " raw" : ""}`;
      options.url = raw
        ? route.url.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) =>
            n === name ? bad : encodeURIComponent(values[n] ?? ""),
          )
        : fillPath(route.url, { ...values, [name]: bad });
      break;
    }
    case "query": {
      const query: Record<string, string | string[]> = { ...(valid.query as Record<string, string>) };
      const names = [...shape.query.map((q) => q.name), "page", "pageSize", "from", "to", "q", "__proto__"];
      const name = pick(random, names);
      const value =
        random() < 0.2 ? [pick(random, hostileStrings), "2"] : String(hostileValue(random)).slice(0, 20_000);
      query[name] = value;
      mutation = `query ${name}`;
      options.query = query;
      break;
    }
    case "field": {
      const body = options.payload as unknown;
      const places = slots(body);
      if (places.length === 0) {
        options.payload = { [pick(random, ["reference", "id", "name", "note"])]: hostileValue(random) };
        mutation = "field (none in a valid body)";
        break;
      }
      const place = pick(random, places);
      const value = hostileValue(random);
      options.payload = setAt(body, place, value) as object;
      mutation = `field ${place.join(".")}`;
      break;
    }
    case "remove": {
      const places = slots(options.payload);
      if (places.length === 0) break;
      const place = pick(random, places);
      options.payload = setAt(options.payload, place, undefined, true) as object;
      mutation = `remove ${place.join(".")}`;
      break;
    }
    case "extra": {
      const body = (options.payload ?? {}) as Record<string, unknown>;
      options.payload = {
        ...body,
        [pick(random, ["extra", "isAdmin", "agencyId", "id", "constructor"])]: hostileValue(random),
      };
      mutation = "extra field";
      break;
    }
    case "body": {
      const depth = 1000 + Math.floor(random() * 100_000);
      options.payload = pick(random, [
        "[]",
        '"text"',
        "42",
        "null",
        JSON.stringify([options.payload]),
        `${"[".repeat(depth)}${"]".repeat(depth)}`,
        `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`,
      ]);
      options.headers = { "content-type": "application/json" };
      mutation = "body of another kind";
      break;
    }
    case "json": {
      const text = JSON.stringify(options.payload ?? {});
      const broken = pick(random, [
        text.slice(0, Math.max(1, Math.floor(text.length / 2))),
        `${text}}`,
        text.replace(/"/, "'"),
        "{",
        "",
        "\u0000",
        '{"a":1,"a":2}',
        `{"x": "${"\\u".repeat(3)}"}`,
        '{"__proto__": {"admin": true}}',
      ]);
      options.payload =
        random() < 0.2 ? Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]) : broken;
      options.headers = { "content-type": "application/json" };
      mutation = Buffer.isBuffer(options.payload) ? "json with overlong UTF-8" : "broken json";
      break;
    }
    default: {
      const type = pick(random, [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/json; charset=latin1",
        "application/jsonx",
      ]);
      options.payload = type.startsWith("application/json")
        ? JSON.stringify(options.payload ?? {})
        : "a=1&b=<script>";
      options.headers = { "content-type": type };
      mutation = `media ${type}`;
    }
  }
  return { index, route, principal, mutation, options };
}

/** Both drivers (PGlite and node-postgres) answer `execute` with `{ rows }`. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * A cheap fingerprint of everything stored: each table's row count and a digest of its rows.
 * Sessions are left out (signing in is not a request under test; their last-seen time moves).
 */
export async function databaseFingerprint(db: Db): Promise<Map<string, string>> {
  const tables = rowsOf<{ schema: string; name: string }>(
    await db.execute(
      sql`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'drizzle')
        ORDER BY 1, 2`,
    ),
  );
  const skipped = new Set(["sessions"]);
  const wanted = tables.filter((t) => !skipped.has(t.name));
  const parts = wanted.map(
    (t) =>
      `SELECT '${t.schema}.${t.name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS digest FROM "${t.schema}"."${t.name}" x`,
  );
  const result = rowsOf<{ name: string; digest: string }>(
    await db.execute(sql.raw(parts.join(" UNION ALL "))),
  );
  return new Map(result.map((row) => [row.name, row.digest]));
}

export function fingerprintChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter(
    (name) => before.get(name) !== after.get(name),
  );
}

export interface FuzzProblem {
  request: string;
  problem: string;
}

export interface FuzzFigures {
  requests: number;
  byClass: Record<string, number>;
  durations: number[];
  problems: FuzzProblem[];
  batchesCompared: number;
}

/** Codes whose 400 names no field: the body as a whole could not be read. */
const wholeBodyCodes = new Set([
  "malformed_json",
  "invalid_input",
  "body_too_large",
  "unsupported_media_type",
]);

function checkErrorShape(status: number, body: string): string | null {
  let parsed: { error?: { code?: unknown; message?: unknown; field?: unknown } };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return "error body is not JSON";
  }
  const error = parsed.error;
  if (!error || typeof error.code !== "string") return "error body has no error.code";
  if (typeof error.message !== "string") return "error body has no message";
  if (status === 400 && !wholeBodyCodes.has(error.code) && typeof error.field !== "string")
    return `400 ${error.code} names no field`;
  return null;
}

export interface FuzzRun {
  env: TestEnvironment;
  world: World;
  routes: readonly RouteEntry[];
  shapes: ShapeBook;
  seed: number;
  requests: number;
  /** Requests between two fingerprints of the database. */
  batch: number;
  /** Longest answer allowed, in milliseconds. */
  timeLimitMs: number;
  /** Called every `batch` requests with the count so far (progress for long runs). */
  progress?: (done: number) => void;
}

/**
 * Sends the stream and checks every answer: no 5xx, no answer slower than the limit, the error
 * shape, and the database unchanged by each batch in which every request was refused.
 */
export async function runFuzz(run: FuzzRun): Promise<FuzzFigures> {
  const random = prng(run.seed);
  const sessions = new Map<string, Session>();
  for (const [name, session] of run.world.onTeam) sessions.set(name, session);
  for (const [name, session] of run.world.offTeam) sessions.set(`${name} (off the team)`, session);
  const names = [...sessions.keys(), "nobody"];
  // Signing out would end a session the next requests need; it is asked by the access matrix.
  const routes = run.routes.filter((r) => r.url !== "/api/auth/logout");
  const figures: FuzzFigures = { requests: 0, byClass: {}, durations: [], problems: [], batchesCompared: 0 };
  // Some reads create what they read on first use (the hand-over signing key): read everything
  // once first, so that a later change from a refused request is a finding and not a first use.
  for (const route of routes.filter((r) => r.method === "GET"))
    for (const session of run.world.onTeam.values())
      await run.env.as(session, validRequest(route, run.shapes(route), run.world));
  let baseline = await databaseFingerprint(run.env.ctx.db);
  let batch: FuzzRequest[] = [];
  let batchChanged = false;
  // A read may leave one trace: the audit row of a read of sealed text (DOMAIN.md "Confidentiality").
  let readInBatch = false;
  for (let index = 0; index < run.requests; index++) {
    const request = makeRequest(random, index, routes, run.shapes, run.world, names);
    const session = sessions.get(request.principal);
    const started = performance.now();
    const response = session
      ? await run.env.as(session, request.options)
      : await run.env.app.inject(request.options);
    const elapsed = performance.now() - started;
    figures.requests++;
    figures.durations.push(elapsed);
    const statusClass = `${Math.floor(response.statusCode / 100)}xx`;
    figures.byClass[statusClass] = (figures.byClass[statusClass] ?? 0) + 1;
    const report = (problem: string) =>
      figures.problems.push({ request: `seed ${run.seed} ${describe(request)}`, problem });
    if (response.statusCode >= 500) report(`answered ${response.statusCode} ${response.body.slice(0, 300)}`);
    if (elapsed > run.timeLimitMs) report(`took ${Math.round(elapsed)} ms`);
    if (response.statusCode >= 400 && response.statusCode < 500) {
      const shapeProblem = checkErrorShape(response.statusCode, response.body);
      if (shapeProblem) report(`${response.statusCode}: ${shapeProblem}: ${response.body.slice(0, 200)}`);
    } else if (request.options.method !== "GET") batchChanged = true;
    else readInBatch = true;
    // A refused sign-in is recorded on purpose (the audit trail and the throttle count failures).
    if (isLoginRoute(request.route)) batchChanged = true;
    batch.push(request);
    if (batch.length >= run.batch || index === run.requests - 1) {
      const now = await databaseFingerprint(run.env.ctx.db);
      if (!batchChanged) {
        figures.batchesCompared++;
        const changed = fingerprintChanges(baseline, now).filter(
          (table) => !(readInBatch && auditTables.has(table)),
        );
        if (changed.length > 0)
          figures.problems.push({
            request: `seed ${run.seed} requests ${batch[0]?.index}..${batch[batch.length - 1]?.index}:\n  ${batch.map(describe).join("\n  ")}`,
            problem: `refused requests changed ${changed.join(", ")}`,
          });
      }
      baseline = now;
      batch = [];
      batchChanged = false;
      readInBatch = false;
      run.progress?.(figures.requests);
    }
  }
  return figures;
}

const auditTables = new Set(["public.audit_events", "public.audit_head"]);

const isLoginRoute = (route: RouteEntry) => route.url === "/api/auth/login";

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
