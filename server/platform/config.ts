import path from "node:path";
import { z } from "zod";

/** Everything the server reads from its environment, validated once at start. */
const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  // One address, or a primary and its standbys (`postgres://u@h1:p1,h2:p2/db`), see docs/operations.md.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "a postgres:// URL")
    .optional(),
  /** A read replica for reporting (the statistics dashboard); without it reports read the primary. */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "a postgres:// URL")
    .optional(),
  OPENNRM_MASTER_KEY: z.string().optional(),
  OPENNRM_MASTER_KEY_FILE: z.string().optional(),
  /** The master key being replaced during a rotation (docs/operations.md, "Backups and keys"). */
  OPENNRM_MASTER_KEY_PREVIOUS: z.string().optional(),
  OPENNRM_BACKUP_DIR: z.string().min(1).optional(),
  /** The server backs itself up every so many hours (0: off; 24 recommended when embedded). */
  OPENNRM_BACKUP_EVERY_HOURS: z.coerce.number().int().min(0).max(168).default(0),
  OPENNRM_JURISDICTION: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default("kosovo"),
  OPENNRM_DEMO_DATA: z.enum(["auto", "off"]).default("auto"),
  OPENNRM_COOKIE_SECURE: z.enum(["true", "false"]).default("false"),
  OPENNRM_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  OPENNRM_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  /** How often the scheduler checks deadlines; a minute is fine-grained enough for a 6-hour limit. */
  OPENNRM_ALERT_INTERVAL_SECONDS: z.coerce.number().int().positive().max(3600).default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseReplicaUrl: string | undefined;
  masterKey: string | undefined;
  masterKeyFile: string;
  masterKeyPrevious: string | undefined;
  backupDir: string;
  backupEveryHours: number;
  jurisdiction: string;
  demoData: boolean;
  cookieSecure: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  logLevel: string;
  alertIntervalMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    masterKey: e.OPENNRM_MASTER_KEY,
    // Beside the data directory, never inside it: a copy of DATA_DIR alone reveals nothing.
    masterKeyFile: e.OPENNRM_MASTER_KEY_FILE
      ? path.resolve(e.OPENNRM_MASTER_KEY_FILE)
      : `${dataDir}.master.key`,
    masterKeyPrevious: e.OPENNRM_MASTER_KEY_PREVIOUS,
    // Beside the data directory too: a restore needs an empty one, and a copy of it no backups.
    backupDir: e.OPENNRM_BACKUP_DIR ? path.resolve(e.OPENNRM_BACKUP_DIR) : `${dataDir}.backups`,
    backupEveryHours: e.OPENNRM_BACKUP_EVERY_HOURS,
    jurisdiction: e.OPENNRM_JURISDICTION,
    demoData: e.OPENNRM_DEMO_DATA === "auto",
    cookieSecure: e.OPENNRM_COOKIE_SECURE === "true",
    sessionIdleMs: e.OPENNRM_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.OPENNRM_SESSION_ABSOLUTE_HOURS * 3_600_000,
    logLevel: e.LOG_LEVEL,
    alertIntervalMs: e.OPENNRM_ALERT_INTERVAL_SECONDS * 1000,
  };
}
