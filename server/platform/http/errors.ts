import fs from "node:fs";
import path from "node:path";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { errorMessage } from "../../../shared/messages";
import { connectionFailure } from "../db/open";
import { DomainError, Invalid } from "../errors";
import { requestLanguage } from "./language";

interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

interface ValidationEntry {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Codes come from the schemas (shared/zod-messages.ts sets them for zod's own checks). */
const codeOf = (entry: ValidationEntry) =>
  entry.message && /^[a-z_]+$/.test(entry.message) ? entry.message : "invalid_input";

function fieldOf(entry: ValidationEntry): string {
  const path = entry.instancePath.split("/").filter(Boolean);
  const keys = entry.params.keys;
  if (Array.isArray(keys) && typeof keys[0] === "string") path.push(keys[0]);
  return path.join(".");
}

function send(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply.status(status).send({ error: body });
}

/**
 * One place maps every failure to HTTP and to the user's language. Nothing internal and nothing
 * personal reaches the answer: unexpected errors are logged by reference and answered as "internal".
 */
export function installErrorHandler(app: FastifyInstance, webRoot: string | null): void {
  // PostgreSQL cannot store a NUL character in text; every route refuses it up front, naming the
  // field, before any schema or command sees it.
  app.addHook("preValidation", async (request) => {
    const body = nulField(request.body, []);
    if (body) throw new Invalid(body, "invalid_input");
    const query = nulField(request.query, []);
    if (query) throw new Invalid(`query.${query}`, "invalid_input");
  });
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const language = requestLanguage(request);
    if (hasZodFastifySchemaValidationErrors(error) && error.validationContext === "params") {
      // A malformed id or reference is simply not found: the same answer as for someone else's record.
      return send(reply, 404, { code: "not_found", message: errorMessage(language, "not_found") });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = error.validationContext === "body" ? "" : `${error.validationContext ?? ""}.`;
      const problems = error.validation.map((entry): FieldProblem => {
        const code = codeOf(entry);
        return { field: `${prefix}${fieldOf(entry)}`, code, message: errorMessage(language, code) };
      });
      const first = problems[0];
      return send(reply, 400, {
        code: first?.code ?? "invalid_input",
        message: first?.message,
        field: first?.field,
        issues: problems,
      });
    }
    if (error instanceof Invalid) {
      const message = errorMessage(language, error.code);
      return send(reply, 400, {
        code: error.code,
        message,
        field: error.field,
        issues: [{ field: error.field, code: error.code, message }],
      });
    }
    if (error instanceof DomainError) {
      return send(reply, error.status, { code: error.code, message: errorMessage(language, error.code) });
    }
    const framework = frameworkError(error);
    if (framework) {
      return send(reply, framework.status, {
        code: framework.code,
        message: errorMessage(language, framework.code),
      });
    }
    // Text the database cannot hold (a NUL character): bad input, refused like any other.
    if (isUnstorableText(error))
      return send(reply, 400, { code: "invalid_input", message: errorMessage(language, "invalid_input") });
    // Two users writing the same record at the same moment: the loser is told to reload, not a 500.
    if (isWriteRace(error))
      return send(reply, 409, { code: "write_conflict", message: errorMessage(language, "write_conflict") });
    // The message is left out: a database error can quote the value that caused it. Drizzle's
    // message spans lines ("Failed query: …\nparams: …"), so only the stack's "at" lines are kept.
    const frames = (error.stack ?? "")
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 7)
      .join("\n");
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { type: error.name, code: error.code, frames } }, "database unavailable");
      reply.header("retry-after", "5");
      return send(reply, 503, { code: "unavailable", message: errorMessage(language, "unavailable") });
    }
    request.log.error({ err: { type: error.name, code: error.code, frames } }, "request failed");
    return send(reply, 500, { code: "internal", message: errorMessage(language, "internal") });
  });

  app.setNotFoundHandler((request, reply) => {
    // The browser app routes its own paths: any other GET outside /api gets its page.
    if (webRoot && request.method === "GET" && !request.url.startsWith("/api/")) {
      return fs.promises
        .readFile(path.join(webRoot, "index.html"))
        .then((html) => reply.type("text/html").send(html));
    }
    return send(reply, 404, {
      code: "not_found",
      message: errorMessage(requestLanguage(request), "not_found"),
    });
  });
}

/**
 * Errors the router raises before any route matches (a malformed %-escape, an over-long path
 * parameter): the answer for a path that does not exist, in the usual shape, never echoing the path.
 */
export function answerRouterError(_error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void send(reply, 404, {
    code: "not_found",
    message: errorMessage(requestLanguage(request), "not_found"),
  });
}

/** Errors Fastify raises before a handler runs: malformed JSON, body too large, wrong media type. */
function frameworkError(error: FastifyError): { status: number; code: string } | null {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { status: 400, code: "malformed_json" };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, code: "body_too_large" };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_TYPE":
      return { status: 415, code: "unsupported_media_type" };
    default:
      break;
  }
  if (error instanceof SyntaxError) return { status: 400, code: "malformed_json" };
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, code: status === 404 ? "not_found" : "invalid_input" };
  return null;
}

/** The path of the first string holding a NUL character, or null. */
function nulField(value: unknown, path: string[], depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "body" : null;
  if (typeof value !== "object" || value === null || depth > 32) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulField(item, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * A NUL that reached the database by another way (a file's content) is refused there too:
 * PostgreSQL refuses a NUL (0x00) in text ("invalid byte sequence", 22021) and "\u0000" in jsonb
 * (22P05); zod lets both through as ordinary characters. Drizzle wraps the driver's error.
 */
function isUnstorableText(error: FastifyError): boolean {
  const codes = [error.code, (error.cause as { code?: unknown } | undefined)?.code].map(String);
  return codes.includes("22021") || codes.includes("22P05");
}

/** A unique index or serialisation refused a concurrent write; drizzle wraps the driver's error. */
function isWriteRace(error: FastifyError): boolean {
  const codes = [error.code, (error.cause as { code?: unknown } | undefined)?.code].map(String);
  return codes.includes("23505") || codes.includes("40001");
}

/**
 * The database cannot be reached: refused or broken connections, a server shutting down or still
 * starting, a standby not yet promoted. Drizzle wraps the driver's error, so the causes are read too.
 * These are answered 503 (try again shortly), never 500: nothing is wrong with the request.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (connectionFailure(e)) return true;
  }
  return false;
}
