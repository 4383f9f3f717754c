import type { Keyring } from "./crypto/keyring";
import type { Db } from "./db/types";
import type { Jurisdiction } from "./jurisdiction";
import type { SessionPolicy } from "./auth/sessions";

/** What commands and queries need besides their arguments; built once in app.ts. */
export interface AppContext {
  db: Db;
  /**
   * Read-only reporting (statistics) may run here: a read replica when DATABASE_REPLICA_URL is set,
   * else the primary. Absent in contexts built without one: use reportingContext().
   */
  replicaDb?: Db;
  keyring: Keyring;
  jurisdiction: Jurisdiction;
  sessionPolicy: SessionPolicy;
  /** The clock, passed in so that rules and tests control time. */
  now: () => Date;
}

/** The context for a read-only report: its queries go to the read replica when there is one. */
export function reportingContext(ctx: AppContext): AppContext {
  return ctx.replicaDb ? { ...ctx, db: ctx.replicaDb } : ctx;
}
