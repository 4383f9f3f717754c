import { buildApp } from "./app";
import { alertChecks } from "./modules/alerts/checks";
import { startScheduler } from "./modules/alerts/scheduler";
import { backfillMatchKeysInBackground } from "./modules/matching/commands";
import { sopFor } from "./modules/pathway/sop";
import { pruneSessions } from "./platform/auth/sessions";
import { loadConfig } from "./platform/config";
import { finishRotationInBackground } from "./platform/backup/rotation";
import { openConfiguredRuntime } from "./platform/startup";
import { demoCredentials, seedDemoData } from "./seed/demo";

/** Starts OpenNRM: configuration, database and migrations, demo data on first start, HTTP. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  // A broken SOP file stops the start with a message naming the field, before anything is opened.
  sopFor(config.jurisdiction);
  const { ctx, database } = await openConfiguredRuntime(config);
  const app = await buildApp({ config, ctx });

  // Ended sessions are already refused; this only keeps the table small.
  const pruning = setInterval(() => {
    pruneSessions(ctx.db, ctx.sessionPolicy, ctx.now()).catch(() => app.log.warn("session pruning failed"));
  }, 15 * 60_000);
  pruning.unref();

  let scheduler: { stop(): Promise<void> } | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    clearInterval(pruning);
    await scheduler?.stop();
    try {
      await app.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  try {
    const seeded =
      config.demoData && ctx.jurisdiction.demo ? await seedDemoData(ctx, ctx.jurisdiction.demo) : false;
    if (seeded) app.log.info("demo data created");
    await app.listen({ port: config.port, host: config.host });
    // Deadlines are checked inside the server: at start (catching up after downtime), then regularly.
    scheduler = startScheduler(ctx, alertChecks, {
      intervalMs: config.alertIntervalMs,
      onRun: (run) => {
        if (run.failed.length > 0) app.log.error({ checks: run.failed }, "alert checks failed");
      },
    });
    const address = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${app.server.address() && typeof app.server.address() === "object" ? (app.server.address() as { port: number }).port : config.port}`;
    app.log.info({ database: database.kind, ms: Date.now() - started }, "ready");
    finishRotationInBackground(ctx, app.log);
    void backfillMatchKeysInBackground(ctx, app.log);
    process.stdout.write(`\nOpenNRM is ready at ${address}\n`);
    if (config.demoData && ctx.jurisdiction.demo)
      process.stdout.write(demoCredentials(ctx.jurisdiction.demo));
  } catch (error) {
    app.log.error({ err: { type: (error as Error).name } }, "start failed");
    await app.close();
    await database.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`OpenNRM could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
