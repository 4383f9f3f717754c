import { z } from "zod";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App } from "../../platform/http/types";
import { referenceParam } from "../cases/routes";
import { caseTimeline } from "./queries";
import { timelineKinds } from "./rules";

const timelineOut = z.object({
  items: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      kind: z.enum(timelineKinds),
      action: z.string(),
      agency: z.string().nullable(),
      user: z.string().nullable(),
      detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
    }),
  ),
  /** The `before` of the next (older) page, or null at the case's first event. */
  next: z.number().nullable(),
});

export function timelineRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/cases/:reference/timeline",
    {
      schema: {
        tags: ["timeline"],
        params: referenceParam,
        querystring: z.strictObject({
          kind: z.enum(timelineKinds).optional(),
          before: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: timelineOut, ...commonErrors },
      },
    },
    async (request) =>
      caseTimeline(ctx, actorOf(request), request.params.reference, {
        kind: request.query.kind,
        before: request.query.before,
      }),
  );
}
