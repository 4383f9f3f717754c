import type { Config } from "./config";
import type { AppContext } from "./context";
import { Keyring } from "./crypto/keyring";
import { loadMasterKey, loadPreviousMasterKey, type MasterKey } from "./crypto/master-key";
import { type Database, type DatabaseTarget, openDatabase } from "./db/open";
import { type Jurisdiction, loadJurisdiction } from "./jurisdiction";

export interface Runtime {
  ctx: AppContext;
  database: Database;
}

export function databaseTarget(
  config: Pick<Config, "databaseUrl" | "dataDir"> & Partial<Pick<Config, "databaseReplicaUrl">>,
): DatabaseTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl, replicaUrl: config.databaseReplicaUrl }
    : { kind: "pglite", dir: config.dataDir };
}

/** Opens the database (applying migrations), loads keys and configuration: all a server needs. */
export async function openRuntime(options: {
  target: DatabaseTarget;
  masterKey: MasterKey;
  /** Master keys being rotated away: data keys they still wrap keep opening until re-wrapped. */
  previousMasterKeys?: MasterKey[];
  jurisdiction: Jurisdiction | string;
  sessionPolicy?: { idleMs: number; absoluteMs: number };
  now?: () => Date;
}): Promise<Runtime> {
  const jurisdiction =
    typeof options.jurisdiction === "string" ? loadJurisdiction(options.jurisdiction) : options.jurisdiction;
  const database = await openDatabase(options.target);
  try {
    const keyring = new Keyring(options.masterKey, options.previousMasterKeys);
    await keyring.prepare(database.db);
    const ctx: AppContext = {
      db: database.db,
      replicaDb: database.replicaDb,
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

/** The master key of a rotation under way, if any (OPENNRM_MASTER_KEY_PREVIOUS or `<key file>.previous`). */
export function previousMasterKeysFor(
  config: Pick<Config, "masterKeyPrevious" | "masterKeyFile">,
): MasterKey[] {
  const previous = loadPreviousMasterKey({
    fromEnvironment: config.masterKeyPrevious,
    file: config.masterKeyFile,
  });
  return previous ? [previous] : [];
}

/** The runtime a server or a command line tool opens from the environment's configuration. */
export function openConfiguredRuntime(config: Config): Promise<Runtime> {
  return openRuntime({
    target: databaseTarget(config),
    masterKey: masterKeyFor(config),
    previousMasterKeys: previousMasterKeysFor(config),
    jurisdiction: config.jurisdiction,
    sessionPolicy: { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs },
  });
}
