import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/** The database, whether embedded PGlite or PostgreSQL: modules see only this. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Reads may run on the database or inside a transaction. */
export type Queryable = Db | Tx;
