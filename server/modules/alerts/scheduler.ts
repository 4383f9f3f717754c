import type { AppContext } from "../../platform/context";

/** One kind of check the scheduler runs: it raises (and resolves) alerts, and says how many it raised. */
export interface AlertCheck {
  name: string;
  run(ctx: AppContext, now: Date): Promise<number>;
}

export interface CheckRun {
  raised: Record<string, number>;
  failed: string[];
}

/**
 * Runs every check once. A failing check does not stop the others: a broken reminder must never
 * silence the alarm about a child at a police station. Failures are reported by name only.
 */
export async function runChecks(ctx: AppContext, checks: readonly AlertCheck[]): Promise<CheckRun> {
  const now = ctx.now();
  const run: CheckRun = { raised: {}, failed: [] };
  for (const check of checks) {
    try {
      run.raised[check.name] = await check.run(ctx, now);
    } catch {
      run.failed.push(check.name);
    }
  }
  return run;
}

export interface Scheduler {
  /** Runs the checks now (also what the timer does); never two runs at once. */
  tick(): Promise<CheckRun | null>;
  /** Stops the timer and waits for a run in progress, so the database is not closed under it. */
  stop(): Promise<void>;
}

/**
 * The scheduler inside the server (issue 3, item 11): no cron, no second process for an agency
 * without IT staff to run one. It checks at start, then every interval; alerts are rows, so a
 * restart loses nothing, and checks are idempotent, so a run after downtime catches up.
 */
export function startScheduler(
  ctx: AppContext,
  checks: readonly AlertCheck[],
  options: { intervalMs: number; onRun?: (run: CheckRun) => void },
): Scheduler {
  let running: Promise<CheckRun> | null = null;
  const tick = async () => {
    if (running) return null;
    running = runChecks(ctx, checks);
    try {
      const run = await running;
      options.onRun?.(run);
      return run;
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
