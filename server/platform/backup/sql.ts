import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../db/types";

/** Rows of a raw query, the same on PGlite and node-postgres. */
export async function rowsOf<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

export const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/** Tables of the application's schema, partitions excluded (their parent holds their rows). */
export async function applicationTables(db: Queryable): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname`,
  );
  return rows.map((r) => r.name);
}

/** Stored columns in order; generated columns are computed again on restore. */
export async function storedColumns(db: Queryable, table: string): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`SELECT a.attname AS name FROM pg_attribute a
        WHERE a.attrelid = ${`public."${table.replaceAll('"', '""')}"`}::regclass
          AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        ORDER BY a.attnum`,
  );
  return rows.map((r) => r.name);
}

/** The migrations applied to the database, as drizzle records them. */
export async function appliedMigrations(db: Queryable): Promise<{ count: number; last: string | null }> {
  const rows = await rowsOf<{ hash: string }>(
    db,
    sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at, id`,
  );
  return { count: rows.length, last: rows.at(-1)?.hash ?? null };
}
