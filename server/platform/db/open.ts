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
  kind: "pglite" | "postgres";
  /** Checkpoints and closes; releases the data directory lock. */
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  /** dir undefined: in memory (tests). */
  | { kind: "pglite"; dir: string | undefined };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle client losing its server must not bring the process down; the next query reports it.
    pool.on("error", () => undefined);
    const db = drizzlePostgres({ client: pool });
    await migratePostgres(db, { migrationsFolder });
    return { db, kind: "postgres", close: () => pool.end() };
  }
  const release = target.dir ? lockDataDir(target.dir) : () => undefined;
  try {
    const client = await PGlite.create(target.dir ? path.join(target.dir, "pglite") : undefined);
    const db = drizzlePglite({ client });
    await migratePglite(db, { migrationsFolder });
    return {
      db,
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
