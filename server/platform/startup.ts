import type { Config } from "./config";
import type { AppContext } from "./context";
import { Keyring } from "./crypto/keyring";
import { loadMasterKey, type MasterKey } from "./crypto/master-key";
import { type Database, type DatabaseTarget, openDatabase } from "./db/open";
import { type Jurisdiction, loadJurisdiction } from "./jurisdiction";

export interface Runtime {
  ctx: AppContext;
  database: Database;
}

export function databaseTarget(config: Pick<Config, "databaseUrl" | "dataDir">): DatabaseTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "pglite", dir: config.dataDir };
}

/** Opens the database (applying migrations), loads keys and configuration: all a server needs. */
export async function openRuntime(options: {
  target: DatabaseTarget;
  masterKey: MasterKey;
  jurisdiction: Jurisdiction | string;
  sessionPolicy?: { idleMs: number; absoluteMs: number };
  now?: () => Date;
}): Promise<Runtime> {
  const jurisdiction =
    typeof options.jurisdiction === "string" ? loadJurisdiction(options.jurisdiction) : options.jurisdiction;
  const database = await openDatabase(options.target);
  try {
    const keyring = new Keyring(options.masterKey);
    await keyring.prepare(database.db);
    const ctx: AppContext = {
      db: database.db,
      keyring,
      jurisdiction,
      sessionPolicy: options.sessionPolicy ?? { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
      now: options.now ?? (() => new Date()),
    };
    return { ctx, database };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function masterKeyFor(config: Pick<Config, "masterKey" | "masterKeyFile">): MasterKey {
  return loadMasterKey({ fromEnvironment: config.masterKey, file: config.masterKeyFile });
}
