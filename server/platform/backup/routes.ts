import path from "node:path";
import { z } from "zod";
import { auditActor, hasRole } from "../auth/actor";
import { loadConfig } from "../config";
import type { AppContext } from "../context";
import { Forbidden } from "../errors";
import { actorOf } from "../http/auth-hook";
import { commonErrors, type App } from "../http/types";
import { writeBackup } from "./backup";
import { rotateMasterKey } from "./rotation";

const backupOut = z.object({
  backupId: z.string(),
  /** File names inside OPENNRM_BACKUP_DIR on the server. */
  file: z.string(),
  keyStoreFile: z.string(),
  createdAt: z.string(),
  tables: z.number(),
  rows: z.number(),
  keys: z.number(),
});

const rotationOut = z.object({
  state: z.enum(["rotated", "nothing_to_do"]),
  from: z.array(z.string()),
  to: z.string(),
  rewrapped: z.number(),
});

/** One backup or rotation at a time per server; a second request waits for the first. */
let running: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = running.then(work, work);
  running = next.catch(() => undefined);
  return next;
}

/**
 * Operations of a running server that a CLI cannot do while the embedded database is locked:
 * a backup (into OPENNRM_BACKUP_DIR) and a master-key rotation. System administrators only.
 */
export function backupRoutes(app: App, ctx: AppContext): void {
  app.post(
    "/api/admin/backups",
    { schema: { tags: ["admin"], response: { 201: backupOut, ...commonErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!hasRole(actor, "system_admin")) throw new Forbidden();
      const result = await oneAtATime(() =>
        writeBackup({
          db: ctx.db,
          keyring: ctx.keyring,
          dir: loadConfig().backupDir,
          now: ctx.now(),
          actor: auditActor(actor),
        }),
      );
      const tables = Object.values(result.manifest.tables);
      return reply.status(201).send({
        backupId: result.manifest.backupId,
        file: path.basename(result.file),
        keyStoreFile: path.basename(result.keyStoreFile),
        createdAt: result.manifest.createdAt,
        tables: tables.length,
        rows: tables.reduce((n, t) => n + t.rows, 0),
        keys: result.keys,
      });
    },
  );

  app.post(
    "/api/admin/master-key/rotation",
    { schema: { tags: ["admin"], response: { 200: rotationOut, ...commonErrors } } },
    async (request) => {
      const actor = actorOf(request);
      if (!hasRole(actor, "system_admin")) throw new Forbidden();
      const result = await oneAtATime(() =>
        rotateMasterKey({ db: ctx.db, keyring: ctx.keyring, actor: auditActor(actor) }),
      );
      return { state: result.state, from: result.from, to: result.to, rewrapped: result.rewrapped };
    },
  );
}
