import { z } from "zod";
import { roles } from "../../../shared/roles";
import { pathways } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App, uuidParam } from "../../platform/http/types";
import { acknowledgeAlert } from "./commands";
import { myAlerts, oneAlert } from "./queries";

const alertOut = z.object({
  id: z.string(),
  /** Null for an alert about no case (places short for an operation: see `params`). */
  case: z.object({ reference: z.string(), pathway: z.enum(pathways) }).nullable(),
  kind: z.string(),
  level: z.number(),
  role: z.enum(roles).nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  dueAt: z.string().nullable(),
  raisedAt: z.string(),
  acknowledged: z.boolean(),
});

export function alertRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/alerts/mine",
    {
      schema: {
        tags: ["alerts"],
        response: {
          200: z.object({ items: z.array(alertOut), open: z.number(), unacknowledged: z.number() }),
          ...commonErrors,
        },
      },
    },
    async (request) => myAlerts(ctx, actorOf(request)),
  );

  app.post(
    "/api/alerts/:id/acknowledge",
    {
      schema: {
        tags: ["alerts"],
        params: uuidParam,
        body: z.strictObject({}).optional(),
        response: { 200: alertOut, ...commonErrors },
      },
    },
    async (request) => {
      await acknowledgeAlert(ctx, actorOf(request), request.params.id);
      const alert = await oneAlert(ctx, request.params.id);
      if (!alert) throw new NotFound();
      return alert;
    },
  );
}
