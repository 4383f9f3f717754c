import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../auth/actor";
import { resolveSession } from "../auth/sessions";
import type { AppContext } from "../context";
import { Forbidden, Unauthorized } from "../errors";

export const SESSION_COOKIE = "opennrm_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** The API's own documentation (the swagger-ui plugin's routes) describes no data: open to all. */
const PUBLIC_PREFIXES = ["/api/docs"];

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    enrolmentOnly: boolean;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Reachable by a session restricted until the user enrols a second factor or changes a password. */
    restrictedSession?: boolean;
  }
}

const sameToken = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * Deny by default: every /api route needs a live session unless it is marked public, and every
 * state-changing request must carry the session's CSRF token.
 */
export function installAuthHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("enrolmentOnly", false);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(ctx.db, token, ctx.sessionPolicy, ctx.now()) : null;
    if (session) {
      request.actor = { ...session.actor, ip: request.ip };
      request.csrfToken = session.csrfToken;
      request.enrolmentOnly = session.enrolmentOnly;
    }
    const config = request.routeOptions.config;
    if (
      config.public ||
      (SAFE_METHODS.has(request.method) && PUBLIC_PREFIXES.some((p) => request.url.startsWith(p)))
    )
      return;
    if (!session) throw new Unauthorized();
    if (!config.restrictedSession) {
      if (session.enrolmentOnly) throw new Forbidden("totp_enrolment_required");
      // A password an administrator set is known to two people: nothing else until it is changed.
      if (session.mustChangePassword) throw new Forbidden("password_change_required");
    }
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers["x-csrf-token"];
      if (typeof given !== "string" || !sameToken(given, session.csrfToken)) throw new Forbidden("csrf");
    }
  });
}

/** The actor of an authenticated route; the hook guarantees one, this narrows the type. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthorized();
  return request.actor;
}
