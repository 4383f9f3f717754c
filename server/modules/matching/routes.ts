import { z } from "zod";
import { candidatesInput, matchReasons } from "../../../shared/matching";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App, uuidParam } from "../../platform/http/types";
import { findCandidates } from "./commands";
import { answerRequest, listIncomingRequests } from "./requests";
import { matchRequestDecisions } from "./schema";

const candidatesOut = z.object({
  candidates: z.array(
    z.object({ reference: z.string(), score: z.number(), reasons: z.array(z.enum(matchReasons)) }),
  ),
  elsewhere: z.array(
    z.object({ agency: z.object({ id: z.string(), name: z.string() }), requestId: z.string() }),
  ),
});

export function matchingRoutes(app: App, ctx: AppContext): void {
  // POST, not GET: the identity fields travel in the body, never in a URL that logs keep.
  app.post(
    "/api/matching/candidates",
    {
      schema: {
        tags: ["matching"],
        body: candidatesInput,
        response: { 200: candidatesOut, ...commonErrors },
      },
    },
    async (request) => findCandidates(ctx, actorOf(request), request.body),
  );

  app.get(
    "/api/matching/requests",
    {
      schema: {
        tags: ["matching"],
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              reference: z.string(),
              scorePercent: z.number(),
              requestedAt: z.string(),
              agency: z.object({ id: z.string(), name: z.string() }),
            }),
          ),
          ...commonErrors,
        },
      },
    },
    async (request) => listIncomingRequests(ctx, actorOf(request)),
  );

  app.post(
    "/api/matching/requests/:id/answer",
    {
      schema: {
        tags: ["matching"],
        params: uuidParam,
        body: z.strictObject({ decision: z.enum(matchRequestDecisions, { message: "invalid_choice" }) }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await answerRequest(ctx, actorOf(request), request.params.id, request.body.decision);
      return reply.status(204).send(null);
    },
  );
}
