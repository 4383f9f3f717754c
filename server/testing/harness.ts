import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import type { Role } from "../../shared/roles";
import type { AgencyType } from "../../shared/roles";
import { buildApp } from "../app";
import { agencies, users } from "../modules/agencies/schema";
import { hashPassword } from "../platform/auth/passwords";
import type { AppContext } from "../platform/context";
import { fingerprint } from "../platform/crypto/master-key";
import type { Database, DatabaseTarget } from "../platform/db/open";
import type { App } from "../platform/http/types";
import { openRuntime } from "../platform/startup";

/** The PostgreSQL superuser URL `npm test` provides; without it tests run on embedded PGlite. */
const adminUrl = process.env.OPENNRM_TEST_DATABASE_URL;
export const testDatabaseKind = adminUrl ? "postgres" : "pglite";

/** A fresh database: one per test file (PGlite takes seconds to create, PostgreSQL a moment). */
async function freshTarget(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (!adminUrl) return { target: { kind: "pglite", dir: undefined }, drop: async () => undefined };
  const name = `opennrm_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString(), poolSize: 5 },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public time = new Date("2026-06-15T10:00:00Z")) {}
  now = () => new Date(this.time);
  advance(ms: number) {
    this.time = new Date(this.time.getTime() + ms);
  }
}

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; username: string; agencyId: string; roles: Role[] };
}

export interface TestEnvironment {
  app: App;
  ctx: AppContext;
  database: Database;
  clock: TestClock;
  /** Everything the server logged, as text. */
  log: () => string;
  makeAgency(options?: {
    type?: AgencyType;
    name?: string;
  }): Promise<{ id: string; code: string; type: AgencyType }>;
  makeUser(
    agencyId: string,
    roles: Role[],
    options?: { language?: "en" | "sq" | "sr" },
  ): Promise<{ id: string; username: string; agencyId: string; roles: Role[] }>;
  login(user: { username: string }, password?: string): Promise<Session>;
  /** A new user of the agency with these roles, signed in: the usual first line of a test. */
  signIn(agencyId: string, roles: Role[], options?: { language?: "en" | "sq" | "sr" }): Promise<Session>;
  /** A request as a signed-in user (cookie and CSRF token set). */
  as(session: Session, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid}x${++counter}x${randomBytes(2).toString("hex")}`;

export async function startTestEnvironment(): Promise<TestEnvironment> {
  const { target, drop } = await freshTarget();
  const clock = new TestClock();
  const masterKeyBytes = randomBytes(32);
  const { ctx, database } = await openRuntime({
    target,
    masterKey: { key: masterKeyBytes, id: fingerprint(masterKeyBytes) },
    jurisdiction: "kosovo",
    now: clock.now,
  });
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const app = await buildApp({ config: { cookieSecure: false, logLevel: "info" }, ctx, logStream: stream });
  await app.ready();

  const env: TestEnvironment = {
    app,
    ctx,
    database,
    clock,
    log: () => chunks.join(""),
    async makeAgency(options = {}) {
      const code = unique("agency-");
      const type = options.type ?? "ngo";
      const [row] = await ctx.db
        .insert(agencies)
        .values({ code, name: options.name ?? code, type, region: "prishtine" })
        .returning();
      if (!row) throw new Error("agency not stored");
      return { id: row.id, code, type };
    },
    async makeUser(agencyId, roles, options = {}) {
      const username = unique("user-");
      const [row] = await ctx.db
        .insert(users)
        .values({
          username,
          displayName: username,
          agencyId,
          roles,
          language: options.language ?? "en",
          passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
        })
        .returning();
      if (!row) throw new Error("user not stored");
      return { id: row.id, username, agencyId, roles };
    },
    async login(user, password = TEST_PASSWORD) {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: user.username, password },
        remoteAddress: `10.9.${counter % 250}.${++counter % 250}`,
      });
      if (response.statusCode !== 200)
        throw new Error(`login failed: ${response.statusCode} ${response.body}`);
      const body = response.json<{
        csrfToken: string;
        user: { id: string; username: string; agency: { id: string }; roles: Role[] };
      }>();
      const cookie = response.cookies.find((c) => c.name === "opennrm_session");
      if (!cookie) throw new Error("no session cookie");
      return {
        cookie: `opennrm_session=${cookie.value}`,
        csrf: body.csrfToken,
        user: {
          id: body.user.id,
          username: body.user.username,
          agencyId: body.user.agency.id,
          roles: body.user.roles,
        },
      };
    },
    async signIn(agencyId, roles, options) {
      return env.login(await env.makeUser(agencyId, roles, options));
    },
    as(session, options) {
      return app.inject({
        ...options,
        headers: { ...options.headers, cookie: session.cookie, "x-csrf-token": session.csrf },
      });
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
  return env;
}

/** A valid registration, changed by `overrides`; one line in a test. */
export function registration(overrides: { person?: Record<string, unknown> } & Record<string, unknown> = {}) {
  const { person, ...rest } = overrides;
  return {
    person: {
      givenName: "Marina",
      familyName: "Testova",
      gender: "Feminine",
      citizenship: ["MD"],
      birthDate: "1999-04-02",
      ...person,
    },
    identificationDate: "2026-06-14",
    identificationRegion: "prishtine",
    source: "police_raid",
    ...rest,
  };
}
