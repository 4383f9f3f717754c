import { z } from "zod";
import { agencyTypes } from "../../../shared/roles";
import { pathways } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App } from "../../platform/http/types";
import { stages } from "../pathway/vocabulary";
import { agencyDashboard } from "./queries";

const dashboardOut = z.object({
  agency: z.object({ name: z.string(), type: z.enum(agencyTypes) }),
  cases: z.object({
    open: z.number(),
    byStage: z.array(
      z.object({ pathway: z.enum(pathways), stage: z.enum(stages).nullable(), count: z.number() }),
    ),
  }),
  tasks: z.object({ open: z.number(), overdue: z.number() }),
  alerts: z.object({
    open: z.number(),
    unacknowledged: z.number(),
    byKind: z.array(z.object({ kind: z.string(), open: z.number(), unacknowledged: z.number() })),
  }),
  referrals: z.object({ pending: z.number() }),
});

export function dashboardRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/dashboard",
    { schema: { tags: ["dashboard"], response: { 200: dashboardOut, ...commonErrors } } },
    async (request) => agencyDashboard(ctx, actorOf(request)),
  );
}
