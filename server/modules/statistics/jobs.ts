import { randomUUID } from "node:crypto";
import type { ImportJobStatus } from "../../../shared/statistics";
import type { Actor } from "../../platform/auth/actor";
import type { AppContext } from "../../platform/context";
import { Conflict, DomainError, Forbidden, NotFound } from "../../platform/errors";
import { importLegacy, type ImportMapping, mayImport, type ValueMapping } from "./imports";

/**
 * Imports that run while the browser shows their progress. A job lives in this server process's
 * memory only (its rows are never stored outside the import's own transaction) and is seen only
 * by the user who started it; the import itself is unchanged: a dry run, or one transaction that
 * registers every row or none.
 */
interface Job extends ImportJobStatus {
  userId: string;
  startedAt: number;
}

/** A finished job's figures are kept an hour for the page that polls them, then forgotten. */
const keptFor = 60 * 60 * 1000;

const jobsOf = new WeakMap<AppContext, Map<string, Job>>();

function jobs(ctx: AppContext): Map<string, Job> {
  let found = jobsOf.get(ctx);
  if (!found) {
    found = new Map();
    jobsOf.set(ctx, found);
  }
  const now = ctx.now().getTime();
  for (const [id, job] of found)
    if ((job.phase === "done" || job.phase === "failed") && now - job.startedAt > keptFor) found.delete(id);
  return found;
}

const statusOf = (job: Job): ImportJobStatus => ({
  id: job.id,
  phase: job.phase,
  done: job.done,
  total: job.total,
  commit: job.commit,
  result: job.result,
  error: job.error,
});

/**
 * Starts an import of rows already read and checked for size, and returns at once. One running
 * import per user: a second is refused until the first ends.
 */
export function startImportJob(
  ctx: AppContext,
  actor: Actor,
  input: { table: string[][]; mapping?: ImportMapping; values?: ValueMapping; commit: boolean },
  onUnexpected: (error: unknown) => void,
): ImportJobStatus {
  if (!mayImport(actor)) throw new Forbidden();
  const all = jobs(ctx);
  for (const job of all.values())
    if (job.userId === actor.userId && job.phase !== "done" && job.phase !== "failed")
      throw new Conflict("import_running");
  const job: Job = {
    id: randomUUID(),
    userId: actor.userId,
    startedAt: ctx.now().getTime(),
    phase: "validating",
    done: 0,
    total: Math.max(0, input.table.length - 1),
    commit: input.commit,
    result: null,
    error: null,
  };
  all.set(job.id, job);
  const run = async () => {
    try {
      job.result = await importLegacy(ctx, actor, input, async (phase, done, total) => {
        job.phase = phase;
        job.done = done;
        job.total = total;
        // Between rows, the server answers other requests (this job's progress among them).
        await new Promise((resolve) => setImmediate(resolve));
      });
      job.phase = "done";
    } catch (error) {
      job.error = error instanceof DomainError ? error.code : "internal";
      job.phase = "failed";
      if (!(error instanceof DomainError)) onUnexpected(error);
    }
  };
  setImmediate(() => void run());
  return statusOf(job);
}

/** A job's progress, for the user who started it only (anyone else: not found). */
export function importJobStatus(ctx: AppContext, actor: Actor, id: string): ImportJobStatus {
  const job = jobs(ctx).get(id);
  if (!job || job.userId !== actor.userId) throw new NotFound();
  return statusOf(job);
}
