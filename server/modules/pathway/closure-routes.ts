import { z } from "zod";
import { closureOutcomes } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App } from "../../platform/http/types";
import { referenceParam } from "../cases/routes";
import { approveClosure, proposeClosure, rejectClosure } from "./closure-commands";
import { caseClosureView } from "./closure-queries";
import { recordReopeningReason } from "./reopening";
import { closureStatuses } from "./schema";
import { stages } from "./vocabulary";

const person = z.object({ id: z.string(), name: z.string() }).nullable();

const closureOut = z.object({
  stage: z.enum(stages).nullable(),
  closure: z
    .object({
      id: z.string(),
      outcome: z.enum(closureOutcomes),
      status: z.enum(closureStatuses),
      note: z.string().nullable(),
      hasNote: z.boolean(),
      proposedBy: person,
      proposedAt: z.string(),
      approvedBy: person,
      approvedAt: z.string().nullable(),
      rejectedBy: person,
      rejectedAt: z.string().nullable(),
      rejectionReason: z.string().nullable(),
    })
    .nullable(),
  permissions: z.object({
    canPropose: z.boolean(),
    canDecide: z.boolean(),
    canRecordReopeningReason: z.boolean(),
  }),
});

// The outcome may be missing here so that the command refuses it with the field named.
const proposalIn = z.strictObject({
  outcome: z.enum(closureOutcomes).nullable().optional(),
  note: z.string().max(4000).nullable().optional(),
});
const reasonIn = z.strictObject({ reason: z.string().max(4000).nullable().optional() });

const responses = { 200: closureOut, ...commonErrors, 409: errorBody };

export function closureRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/cases/:reference/closure",
    { schema: { tags: ["pathway"], params: referenceParam, response: { 200: closureOut, ...commonErrors } } },
    async (request) => caseClosureView(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    "/api/cases/:reference/closure",
    { schema: { tags: ["pathway"], params: referenceParam, body: proposalIn, response: responses } },
    async (request) => {
      const actor = actorOf(request);
      await proposeClosure(ctx, actor, request.params.reference, request.body);
      return caseClosureView(ctx, actor, request.params.reference);
    },
  );

  app.post(
    "/api/cases/:reference/closure/approve",
    {
      schema: {
        tags: ["pathway"],
        params: referenceParam,
        body: z.strictObject({}).optional(),
        response: responses,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await approveClosure(ctx, actor, request.params.reference);
      return caseClosureView(ctx, actor, request.params.reference);
    },
  );

  app.post(
    "/api/cases/:reference/closure/reject",
    { schema: { tags: ["pathway"], params: referenceParam, body: reasonIn, response: responses } },
    async (request) => {
      const actor = actorOf(request);
      await rejectClosure(ctx, actor, request.params.reference, request.body.reason);
      return caseClosureView(ctx, actor, request.params.reference);
    },
  );

  app.post(
    "/api/cases/:reference/reopening-reason",
    { schema: { tags: ["pathway"], params: referenceParam, body: reasonIn, response: responses } },
    async (request) => {
      const actor = actorOf(request);
      await recordReopeningReason(ctx, actor, request.params.reference, request.body.reason);
      return caseClosureView(ctx, actor, request.params.reference);
    },
  );
}
