import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./lock";
import type { Db } from "./types";

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../migrations",
);

export interface Database {
  db: Db;
  /** Where read-only reporting runs: a read replica when one is configured, else db. */
  replicaDb: Db;
  kind: "pglite" | "postgres";
  /** Checkpoints and closes; releases the data directory lock. */
  close(): Promise<void>;
}

export type DatabaseTarget =
  | {
      kind: "postgres";
      /** One address, or several (`postgres://h1:p1,h2:p2/db`): the writable one is used. */
      url: string;
      poolSize?: number;
      /** A read replica for reporting queries (statistics); lag of a few seconds is acceptable there. */
      replicaUrl?: string | undefined;
    }
  /** dir undefined: in memory (tests). */
  | { kind: "pglite"; dir: string | undefined };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const options = { max: target.poolSize ?? 10, connectionTimeoutMillis: connectTimeoutMs };
    const pool = new FailoverPool(postgresAddresses(target.url), options);
    // Drizzle accepts any pool-shaped client; FailoverPool has the query/connect/release surface it uses.
    const db = drizzlePostgres({ client: pool as unknown as pg.Pool });
    const replica = target.replicaUrl
      ? new FailoverPool(
          postgresAddresses(target.replicaUrl),
          { ...options, application_name: replicaApplicationName },
          { readOnly: true },
        )
      : null;
    try {
      await migratePostgres(db, { migrationsFolder });
    } catch (error) {
      await Promise.all([pool.end(), replica?.end()]);
      throw error;
    }
    return {
      db,
      replicaDb: replica ? drizzlePostgres({ client: replica as unknown as pg.Pool }) : db,
      kind: "postgres",
      close: async () => {
        await Promise.all([pool.end(), replica?.end()]);
      },
    };
  }
  const release = target.dir ? lockDataDir(target.dir) : () => undefined;
  try {
    const client = await PGlite.create(target.dir ? path.join(target.dir, "pglite") : undefined);
    const db = drizzlePglite({ client });
    await migratePglite(db, { migrationsFolder });
    return {
      db,
      replicaDb: db,
      kind: "pglite",
      async close() {
        try {
          if (!client.closed) {
            await db.execute(sql`CHECKPOINT`);
            await client.close();
          }
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** How long a new connection may take before the request is answered "unavailable". */
const connectTimeoutMs = 5_000;

/** The name reporting connections carry in pg_stat_activity on the replica. */
export const replicaApplicationName = "opennrm-reporting";

/**
 * The addresses in a DATABASE_URL. libpq's multi-host form `postgres://u@h1:p1,h2:p2/db` (with
 * `target_session_attrs=read-write`) is not understood by node-postgres, so it is split here into
 * one URL per host, in the order given.
 */
export function postgresAddresses(url: string): string[] {
  const match = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/.exec(url);
  if (!match) return [url];
  const [, scheme = "", credentials = "", hosts = "", rest = ""] = match;
  const [pathPart = "", query] = rest.split("?", 2);
  // The choice of the writable server is made here, not by the driver.
  const kept = (query ?? "").split("&").filter((p) => p && !p.startsWith("target_session_attrs="));
  const tail = kept.length > 0 ? `${pathPart}?${kept.join("&")}` : pathPart;
  return hosts
    .split(",")
    .filter((host) => host.length > 0)
    .map((host) => `${scheme}${credentials}${host}${tail}`);
}

/**
 * The database cannot be reached (one error, not its causes): refused or broken connections, a
 * server shutting down or still starting (08…, 57P01-03), too many connections, or a standby
 * answering a write (25006) before the failover has found the new primary.
 */
export function connectionFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: string | number; message?: string };
  const c = String(code ?? "");
  return (
    /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/.test(c) ||
    /^(08...|57P0[123]|25006|53300)$/.test(c) ||
    /Connection terminated|not queryable|timeout exceeded when trying to connect/i.test(message ?? "")
  );
}

/**
 * A connection pool over a primary and its standbys. Connections go to the first address that
 * accepts writes (not in recovery); when that server stops answering, the next request looks again,
 * so a standby promoted after the primary's loss is found without restarting OpenNRM. Requests
 * made while no server accepts writes fail with a connection error (answered 503).
 */
// Drizzle's node-postgres session runs a transaction on pool.connect() when the client's class is
// a pg.Pool or its name contains "Pool": keep the name.
export class FailoverPool {
  private readonly pools: pg.Pool[];
  private chosen: pg.Pool | null = null;
  private choosing: Promise<pg.Pool> | null = null;
  private readonly guarded = new WeakSet<pg.PoolClient>();

  /** readOnly: any answering server will do (a read replica); else only one that accepts writes. */
  constructor(
    urls: readonly string[],
    options: pg.PoolConfig,
    private readonly mode: { readOnly: boolean } = { readOnly: false },
  ) {
    this.pools = urls.map((connectionString) => {
      const pool = new pg.Pool({ ...options, connectionString });
      // An idle client losing its server must not bring the process down; the next query reports it.
      pool.on("error", () => undefined);
      return pool;
    });
  }

  /** The pool of the writable server, looking for it when none is known. */
  private writable(): Promise<pg.Pool> {
    if (this.chosen) return Promise.resolve(this.chosen);
    this.choosing ??= this.choose().finally(() => {
      this.choosing = null;
    });
    return this.choosing;
  }

  private async choose(): Promise<pg.Pool> {
    let reason = "no address";
    for (const pool of this.pools) {
      try {
        const { rows } = await pool.query<{ standby: boolean }>("select pg_is_in_recovery() as standby");
        if (this.mode.readOnly || rows[0]?.standby === false) {
          this.chosen = pool;
          return pool;
        }
        reason = "only standbys answer";
      } catch (error) {
        reason = String((error as { code?: string }).code ?? "connection failed");
      }
    }
    // 08001: "unable to establish connection", which the error handler answers with 503.
    throw Object.assign(new Error(`No PostgreSQL server accepts writes (${reason})`), { code: "08001" });
  }

  private forget(pool: pg.Pool, error: unknown): void {
    if (this.chosen === pool && connectionFailure(error)) this.chosen = null;
  }

  async connect(): Promise<pg.PoolClient> {
    const pool = await this.writable();
    try {
      const client = await pool.connect();
      // The pool listens for errors on idle clients only. A server that ends the connection of a
      // client in use (shutdown, crash: 57P01) emits "error" on it, which would end the process;
      // the query under way fails by itself and is answered 503.
      if (!this.guarded.has(client)) {
        this.guarded.add(client);
        client.on("error", (error: Error) => this.forget(pool, error));
      }
      return client;
    } catch (error) {
      this.forget(pool, error);
      throw error;
    }
  }

  async query(...args: Parameters<pg.Pool["query"]>): Promise<pg.QueryResult> {
    const pool = await this.writable();
    try {
      return await (pool.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args);
    } catch (error) {
      this.forget(pool, error);
      throw error;
    }
  }

  async end(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.end()));
  }
}
