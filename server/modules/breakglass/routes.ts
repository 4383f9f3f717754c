import { z } from "zod";
import { breakGlassReasons, breakGlassReasonTextMax } from "../../../shared/breakglass";
import { isoDate } from "../../../shared/registration";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { NotFound } from "../../platform/errors";
import { commonErrors, type App, errorBody, uuidParam } from "../../platform/http/types";
import { referencePattern } from "../cases/rules";
import { endBreakGlass, requestBreakGlass } from "./commands";
import { caseBreakGlass, listBreakGlass } from "./queries";

const person = z.object({ username: z.string(), name: z.string() });
const grantOut = z.object({
  id: z.string(),
  reference: z.string(),
  reasonCode: z.enum(breakGlassReasons),
  user: z.object({ id: z.string(), username: z.string(), name: z.string() }),
  agency: z.object({ id: z.string(), name: z.string() }),
  grantedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: person.nullable(),
  state: z.enum(["active", "expired", "ended"]),
});
const caseGrantOut = grantOut.extend({ reasonText: z.string().nullable() });

const requestIn = z.strictObject({
  // Any text up to a reference's length: a mistyped reference is answered like a missing one.
  reference: z.string().trim().min(1).max(40),
  reasonCode: z.enum(breakGlassReasons),
  reasonText: z.string().max(breakGlassReasonTextMax).nullable().optional(),
});

const referenceParam = z.strictObject({
  reference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
});

export function breakGlassRoutes(app: App, ctx: AppContext): void {
  app.post(
    "/api/break-glass",
    {
      schema: {
        tags: ["break-glass"],
        body: requestIn,
        response: { 201: grantOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await requestBreakGlass(ctx, actor, request.body);
      const { mine } = await caseBreakGlass(ctx, actor, request.body.reference);
      if (!mine) throw new NotFound();
      return reply.status(201).send(mine);
    },
  );

  app.get(
    "/api/cases/:reference/break-glass",
    {
      schema: {
        tags: ["break-glass"],
        params: referenceParam,
        response: {
          200: z.object({ mine: grantOut.nullable(), onCase: z.array(caseGrantOut) }),
          ...commonErrors,
        },
      },
    },
    async (request) => caseBreakGlass(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    "/api/break-glass/:id/end",
    {
      schema: {
        tags: ["break-glass"],
        params: uuidParam,
        response: { 204: z.null(), ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      await endBreakGlass(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/break-glass",
    {
      schema: {
        tags: ["break-glass"],
        querystring: z.strictObject({
          from: isoDate.optional(),
          to: isoDate.optional(),
          active: z.enum(["true", "false"]).optional(),
          page: z.coerce.number().int().min(1).max(1_000_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(grantOut),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) =>
      listBreakGlass(ctx, actorOf(request), {
        ...request.query,
        activeOnly: request.query.active === "true",
      }),
  );
}
