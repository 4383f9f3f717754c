import { z } from "zod";
import { languages } from "../../../shared/roles";
import { changeLanguage, changePassword, enableTotp, setupTotp } from "../../modules/agencies/commands";
import { me } from "../../modules/agencies/queries";
import { meOut } from "../../modules/agencies/routes";
import { recordAudit } from "../audit/audit";
import type { AppContext } from "../context";
import { actorOf, SESSION_COOKIE } from "../http/auth-hook";
import { commonErrors, errorBody, type App } from "../http/types";
import { auditActor } from "./actor";
import { login } from "./login";
import { endSession } from "./sessions";
import { LoginThrottle } from "./throttle";

export function authRoutes(
  app: App,
  ctx: AppContext,
  options: { cookieSecure: boolean; issuer: string },
): void {
  const throttle = new LoginThrottle();
  const cookie = {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: options.cookieSecure,
    path: "/",
    maxAge: Math.floor(ctx.sessionPolicy.absoluteMs / 1000),
  };

  app.post(
    "/api/auth/login",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        body: z.strictObject({
          username: z.string().min(1).max(100),
          password: z.string().min(1).max(500),
          totp: z.string().max(10).optional(),
        }),
        response: {
          200: z.discriminatedUnion("status", [
            z.object({
              status: z.literal("ok"),
              user: meOut,
              csrfToken: z.string(),
              enrolmentOnly: z.boolean(),
            }),
            z.object({ status: z.literal("totp_required") }),
          ]),
          401: errorBody,
          429: errorBody,
        },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, throttle, { ...request.body, ip: request.ip });
      if (result.status === "totp_required") return result;
      reply.setCookie(SESSION_COOKIE, result.session.token, cookie);
      return {
        status: "ok" as const,
        user: await me(ctx, result.userId),
        csrfToken: result.session.csrfToken,
        enrolmentOnly: result.enrolmentOnly,
      };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { restrictedSession: true },
      schema: { tags: ["auth"], response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await ctx.db.transaction(async (tx) => {
        await endSession(tx, actor.sessionId);
        await recordAudit(tx, auditActor(actor), { action: "auth.logout" });
      });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { restrictedSession: true },
      schema: {
        tags: ["auth"],
        response: {
          200: z.object({ user: meOut, csrfToken: z.string(), enrolmentOnly: z.boolean() }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await me(ctx, actor.userId);
      return { user, csrfToken: request.csrfToken ?? "", enrolmentOnly: request.enrolmentOnly };
    },
  );

  app.put(
    "/api/auth/language",
    {
      config: { restrictedSession: true },
      schema: {
        tags: ["auth"],
        body: z.strictObject({ language: z.enum(languages) }),
        response: { 200: z.object({ user: meOut }), ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await changeLanguage(ctx, actor, request.body.language);
      return { user: await me(ctx, actor.userId) };
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: { restrictedSession: true },
      schema: {
        tags: ["auth"],
        body: z.strictObject({
          currentPassword: z.string().min(1).max(500),
          newPassword: z.string().max(500),
        }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await changePassword(ctx, actorOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/totp/setup",
    {
      config: { restrictedSession: true },
      schema: {
        tags: ["auth"],
        response: { 200: z.object({ secret: z.string(), uri: z.string() }), ...commonErrors },
      },
    },
    async (request) => setupTotp(ctx, actorOf(request), options.issuer),
  );

  app.post(
    "/api/auth/totp/enable",
    {
      config: { restrictedSession: true },
      schema: {
        tags: ["auth"],
        body: z.strictObject({ code: z.string().max(10) }),
        response: { 200: z.object({ user: meOut }), ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await enableTotp(ctx, actor, request.body.code);
      return { user: await me(ctx, actor.userId) };
    },
  );
}
