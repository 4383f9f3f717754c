import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

/** The Fastify instance as routes see it: zod schemas type the request and the response. */
export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const problem = z.object({ field: z.string(), code: z.string(), message: z.string() });
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional(),
    field: z.string().optional(),
    issues: z.array(problem).optional(),
  }),
});

/** The failures every authenticated route may answer with, for the OpenAPI document. */
export const commonErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } as const;

export const uuidParam = z.strictObject({ id: z.uuid({ message: "not_found" }) });
