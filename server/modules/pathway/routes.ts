import { z } from "zod";
import { agencyTypes, roles } from "../../../shared/roles";
import { pathways } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App } from "../../platform/http/types";
import { referenceParam } from "../cases/routes";
import { moveCaseStage } from "./commands";
import { casePathwayView } from "./queries";
import { taskStatuses } from "./schema";
import { requirements, stages } from "./vocabulary";

const pathwayOut = z.object({
  pathway: z.enum(pathways),
  sopVersion: z.string(),
  stage: z.enum(stages),
  stageEnteredAt: z.string(),
  stages: z.array(z.enum(stages)),
  next: z.array(
    z.object({
      to: z.enum(stages),
      allowed: z.boolean(),
      permitted: z.boolean(),
      missing: z.array(z.enum(requirements)),
      roles: z.array(z.enum(roles)),
      agencyTypes: z.array(z.enum(agencyTypes)),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      agency: z.string(),
      dueAt: z.string(),
      overdue: z.boolean(),
      status: z.enum(taskStatuses),
    }),
  ),
});

export function pathwayRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/cases/:reference/pathway",
    { schema: { tags: ["pathway"], params: referenceParam, response: { 200: pathwayOut, ...commonErrors } } },
    async (request) => casePathwayView(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    "/api/cases/:reference/pathway/stage",
    {
      schema: {
        tags: ["pathway"],
        params: referenceParam,
        body: z.strictObject({ to: z.enum(stages) }),
        response: { 200: pathwayOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await moveCaseStage(ctx, actor, request.params.reference, request.body.to);
      return casePathwayView(ctx, actor, request.params.reference);
    },
  );
}
