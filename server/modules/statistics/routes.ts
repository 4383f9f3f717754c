import { z } from "zod";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App } from "../../platform/http/types";
import { caseCounts } from "./queries";

export function statisticsRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/statistics/summary",
    {
      schema: {
        tags: ["statistics"],
        response: {
          200: z.object({
            total: z.number(),
            byPathway: z.record(z.string(), z.number()),
            byYear: z.array(z.object({ year: z.number(), count: z.number() })),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => caseCounts(ctx, actorOf(request)),
  );
}
