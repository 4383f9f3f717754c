import type { Keyring } from "./crypto/keyring";
import type { Db } from "./db/types";
import type { Jurisdiction } from "./jurisdiction";
import type { SessionPolicy } from "./auth/sessions";

/** What commands and queries need besides their arguments; built once in app.ts. */
export interface AppContext {
  db: Db;
  keyring: Keyring;
  jurisdiction: Jurisdiction;
  sessionPolicy: SessionPolicy;
  /** The clock, passed in so that rules and tests control time. */
  now: () => Date;
}
