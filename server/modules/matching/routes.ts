import { z } from "zod";
import { candidatesInput, matchReasons } from "../../../shared/matching";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { referenceParam } from "../cases/routes";
import { findCandidates } from "./commands";
import {
  caseLinksOf,
  dismissPair,
  linkRetrafficking,
  listDuplicates,
  mergePersons,
  undoDismissal,
  undoLink,
  undoMerge,
} from "./review";
import { answerRequest, listIncomingRequests } from "./requests";
import { caseLinkKinds, matchRequestDecisions } from "./schema";

const candidatesOut = z.object({
  candidates: z.array(
    z.object({ reference: z.string(), score: z.number(), reasons: z.array(z.enum(matchReasons)) }),
  ),
  elsewhere: z.array(
    z.object({ agency: z.object({ id: z.string(), name: z.string() }), requestId: z.string() }),
  ),
});

const reviewCase = z.object({ reference: z.string(), identificationDate: z.string() });
const standingDecision = z.object({
  id: z.string(),
  earlier: reviewCase,
  later: reviewCase,
  decidedAt: z.string(),
});
const duplicatesOut = z.object({
  pairs: z.array(
    z.object({
      earlier: reviewCase,
      later: reviewCase,
      score: z.number(),
      reasons: z.array(z.enum(matchReasons)),
    }),
  ),
  merges: z.array(standingDecision),
  dismissals: z.array(standingDecision),
  links: z.array(standingDecision),
});
/** The two cases of a decision, in either order: the server takes the earlier one first. */
const pairIn = z.strictObject({
  references: z.tuple([
    z.string().trim().min(1, { message: "required" }),
    z.string().trim().min(1, { message: "required" }),
  ]),
});
const caseLinksOut = z.array(
  z.object({
    id: z.string(),
    kind: z.enum(caseLinkKinds),
    other: z.enum(["earlier", "later"]),
    reference: z.string().nullable(),
    linkedAt: z.string(),
  }),
);

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

  app.get(
    "/api/matching/duplicates",
    { schema: { tags: ["matching"], response: { 200: duplicatesOut, ...commonErrors } } },
    async (request) => listDuplicates(ctx, actorOf(request)),
  );

  app.post(
    "/api/matching/duplicates/merge",
    {
      schema: {
        tags: ["matching"],
        body: pairIn,
        response: { 201: z.object({ id: z.string() }), ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      const merge = await mergePersons(ctx, actorOf(request), request.body.references);
      return reply.status(201).send(merge);
    },
  );

  app.post(
    "/api/matching/merges/:id/undo",
    {
      schema: {
        tags: ["matching"],
        params: uuidParam,
        response: { 204: z.null(), ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      await undoMerge(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  for (const [path, undo] of [
    ["dismissals", undoDismissal],
    ["links", undoLink],
  ] as const)
    app.post(
      `/api/matching/${path}/:id/undo`,
      {
        schema: {
          tags: ["matching"],
          params: uuidParam,
          response: { 204: z.null(), ...commonErrors },
        },
      },
      async (request, reply) => {
        await undo(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

  app.post(
    "/api/matching/duplicates/dismiss",
    {
      schema: {
        tags: ["matching"],
        body: pairIn,
        response: { 204: z.null(), ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      await dismissPair(ctx, actorOf(request), request.body.references);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/matching/duplicates/link",
    {
      schema: {
        tags: ["matching"],
        body: pairIn,
        response: { 204: z.null(), ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      await linkRetrafficking(ctx, actorOf(request), request.body.references);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/cases/:reference/links",
    {
      schema: {
        tags: ["matching"],
        params: referenceParam,
        response: { 200: caseLinksOut, ...commonErrors },
      },
    },
    async (request) => caseLinksOf(ctx, actorOf(request), request.params.reference),
  );
}
