import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { sql } from "drizzle-orm";
import Fastify, { LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import "../shared/zod-messages";
import { agencyRoutes } from "./modules/agencies/routes";
import { assistanceRoutes } from "./modules/assistance/routes";
import { alertRoutes } from "./modules/alerts/routes";
import { auditRoutes } from "./modules/audit/routes";
import { backupRoutes } from "./platform/backup/routes";
import { caseRoutes } from "./modules/cases/routes";
import { futureRoutes } from "./modules/future/routes";
import { childrenRoutes } from "./modules/children/routes";
import { shelterRoutes } from "./modules/shelters/routes";
import { operationRoutes } from "./modules/operations/routes";
import { intelligenceRoutes } from "./modules/intelligence/routes";
import { securityRoutes } from "./modules/security/routes";
import { coordinationRoutes } from "./modules/coordination/routes";
import { dashboardRoutes } from "./modules/dashboard/routes";
import { interviewRoutes } from "./modules/interview/routes";
import { jurisdictionRoutes } from "./modules/jurisdiction/routes";
import { justiceRoutes } from "./modules/justice/routes";
import { leafletRoutes } from "./modules/leaflet/routes";
import { closureRoutes } from "./modules/pathway/closure-routes";
import { pathwayRoutes } from "./modules/pathway/routes";
import { taskRoutes } from "./modules/pathway/task-routes";
import { referralRoutes } from "./modules/referrals/routes";
import { rightsRoutes } from "./modules/rights/routes";
import { retentionRoutes } from "./modules/retention/routes";
import { statisticsRoutes } from "./modules/statistics/routes";
import { matchingRoutes } from "./modules/matching/routes";
import { timelineRoutes } from "./modules/timeline/routes";
import { hotlineRoutes } from "./modules/hotline/routes";
import { breakGlassRoutes } from "./modules/breakglass/routes";
import { authRoutes } from "./platform/auth/routes";
import type { Config } from "./platform/config";
import type { AppContext } from "./platform/context";
import { installAuthHook } from "./platform/http/auth-hook";
import { answerRouterError, installErrorHandler } from "./platform/http/errors";
import { installSecurityHeaders } from "./platform/http/security-headers";
import type { App } from "./platform/http/types";

/** The built web app; OPENNRM_WEB_DIST points elsewhere when several builds are tried side by side. */
const webDist =
  process.env.OPENNRM_WEB_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../web/dist");

export interface AppOptions {
  config: Pick<Config, "cookieSecure" | "logLevel">;
  ctx: AppContext;
  /** Where to write the log instead of stdout (tests read it back). */
  logStream?: NodeJS.WritableStream;
}

/**
 * Assembles the server: platform plugins first (errors, security headers, sessions), then each
 * domain module's routes, then the built web app. Read this file first.
 */
export async function buildApp({ config, ctx, logStream }: AppOptions): Promise<App> {
  const app = Fastify({
    logger: logStream ? { level: config.logLevel, stream: logStream } : { level: config.logLevel },
    // Requests are logged by route pattern in security-headers.ts, never by URL.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: answerRouterError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, fs.existsSync(webDist) ? webDist : null);
  installSecurityHeaders(app);
  await app.register(fastifyCookie);
  installAuthHook(app, ctx);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "OpenNRM API",
        version: "0.1.0",
        description: "National Referral Mechanism information system",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "opennrm_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list" },
    uiHooks: {},
  });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  // Readiness: "ok" only while the database answers; otherwise 503 "unavailable" (errors.ts).
  app.get("/api/health", { config: { public: true }, schema: { tags: ["meta"] } }, async () => {
    await ctx.db.execute(sql`select 1`);
    return { status: "ok" };
  });

  authRoutes(app, ctx, { cookieSecure: config.cookieSecure, issuer: `OpenNRM ${ctx.jurisdiction.name}` });
  jurisdictionRoutes(app, ctx);
  agencyRoutes(app, ctx);
  caseRoutes(app, ctx);
  pathwayRoutes(app, ctx);
  closureRoutes(app, ctx);
  taskRoutes(app, ctx);
  alertRoutes(app, ctx);
  dashboardRoutes(app, ctx);
  referralRoutes(app, ctx);
  rightsRoutes(app, ctx);
  retentionRoutes(app, ctx);
  leafletRoutes(app, ctx);
  childrenRoutes(app, ctx);
  shelterRoutes(app, ctx);
  operationRoutes(app, ctx);
  intelligenceRoutes(app, ctx);
  securityRoutes(app, ctx);
  coordinationRoutes(app, ctx);
  assistanceRoutes(app, ctx);
  interviewRoutes(app, ctx);
  futureRoutes(app, ctx);
  justiceRoutes(app, ctx);
  timelineRoutes(app, ctx);
  hotlineRoutes(app, ctx);
  breakGlassRoutes(app, ctx);
  statisticsRoutes(app, ctx);
  matchingRoutes(app, ctx);
  auditRoutes(app, ctx);
  backupRoutes(app, ctx);

  if (fs.existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ["index.html"] });
  }
  return app;
}
