import { z } from "zod";
import { eraseCaseInput, erasureReasons, holdReasons, placeHoldInput } from "../../../shared/retention";
import { caseStatuses } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { referencePattern } from "../cases/rules";
import { eraseCase, eraseContact, eraseProceeding, liftHold, placeHold } from "./commands";
import { getCaseRetention, listDue, listHolds } from "./queries";

// A malformed reference is simply not found, as for someone else's case.
const reference = z.string().max(40).regex(referencePattern, { message: "not_found" });
const referenceParam = z.strictObject({ reference });
const holdParam = z.strictObject({ reference, id: z.uuid({ message: "not_found" }) });

const named = z.object({ id: z.string(), name: z.string() });

const caseRetentionOut = z.object({
  reference: z.string(),
  status: z.enum(caseStatuses),
  closedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  erased: z.object({ at: z.string(), reason: z.enum(erasureReasons) }).nullable(),
  holds: z.array(
    z.object({
      id: z.string(),
      reason: z.enum(holdReasons),
      proceedingReference: z.string().nullable(),
      agency: named,
      placedBy: named,
      placedAt: z.string(),
      liftedAt: z.string().nullable(),
      canLift: z.boolean(),
    }),
  ),
  permissions: z.object({ canErase: z.boolean(), canPlaceHold: z.boolean() }),
});

const dueOut = z.object({
  today: z.string(),
  cases: z.array(
    z.object({
      reference: z.string(),
      dueOn: z.string(),
      closedOn: z.string(),
      held: z.boolean(),
      due: z.boolean(),
    }),
  ),
  contacts: z.array(
    z.object({ id: z.string(), dueOn: z.string(), identified: z.boolean(), due: z.boolean() }),
  ),
  proceedings: z.array(z.object({ id: z.string(), dueOn: z.string(), due: z.boolean() })),
});

const holdsOut = z.array(
  z.object({
    id: z.string(),
    reference: z.string(),
    reason: z.enum(holdReasons),
    proceedingReference: z.string().nullable(),
    placedAt: z.string(),
  }),
);

const withConflict = { ...commonErrors, 409: errorBody } as const;

export function retentionRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/cases/:reference/retention",
    {
      schema: {
        tags: ["retention"],
        params: referenceParam,
        response: { 200: caseRetentionOut, ...commonErrors },
      },
    },
    async (request) => getCaseRetention(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    "/api/cases/:reference/retention/erase",
    {
      schema: {
        tags: ["retention"],
        params: referenceParam,
        body: eraseCaseInput,
        response: { 200: caseRetentionOut, ...withConflict },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await eraseCase(ctx, actor, request.params.reference, request.body);
      return getCaseRetention(ctx, actor, request.params.reference);
    },
  );

  app.post(
    "/api/cases/:reference/retention/holds",
    {
      schema: {
        tags: ["retention"],
        params: referenceParam,
        body: placeHoldInput,
        response: { 201: caseRetentionOut, ...withConflict },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await placeHold(ctx, actor, request.params.reference, request.body);
      return reply.status(201).send(await getCaseRetention(ctx, actor, request.params.reference));
    },
  );

  app.post(
    "/api/cases/:reference/retention/holds/:id/lift",
    {
      schema: {
        tags: ["retention"],
        params: holdParam,
        response: { 200: caseRetentionOut, ...withConflict },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await liftHold(ctx, actor, request.params.reference, request.params.id);
      return getCaseRetention(ctx, actor, request.params.reference);
    },
  );

  app.get(
    "/api/retention/due",
    { schema: { tags: ["retention"], response: { 200: dueOut, ...commonErrors } } },
    async (request) => listDue(ctx, actorOf(request)),
  );

  app.get(
    "/api/retention/holds",
    { schema: { tags: ["retention"], response: { 200: holdsOut, ...commonErrors } } },
    async (request) => listHolds(ctx, actorOf(request)),
  );

  app.post(
    "/api/retention/hotline-contacts/:id/erase",
    {
      schema: {
        tags: ["retention"],
        params: uuidParam,
        body: z.strictObject({ reason: z.enum(erasureReasons, { message: "invalid_choice" }) }),
        response: { 204: z.null(), ...withConflict },
      },
    },
    async (request, reply) => {
      await eraseContact(ctx, actorOf(request), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/retention/proceedings/:id/erase",
    {
      schema: {
        tags: ["retention"],
        params: uuidParam,
        body: z.strictObject({ reason: z.enum(erasureReasons, { message: "invalid_choice" }) }),
        response: { 204: z.null(), ...withConflict },
      },
    },
    async (request, reply) => {
      await eraseProceeding(ctx, actorOf(request), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );
}
