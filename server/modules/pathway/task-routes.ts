import { z } from "zod";
import { pathways } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { taskStatuses } from "./schema";
import { completeTask } from "./task-commands";
import { myTask, myTasks } from "./task-queries";

const myTaskOut = z.object({
  id: z.string(),
  case: z.object({ reference: z.string(), pathway: z.enum(pathways) }),
  code: z.string(),
  status: z.enum(taskStatuses),
  dueAt: z.string(),
  overdue: z.boolean(),
  createdAt: z.string(),
});

export function taskRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/tasks/mine",
    {
      schema: {
        tags: ["tasks"],
        response: {
          200: z.object({ items: z.array(myTaskOut), open: z.number(), overdue: z.number() }),
          ...commonErrors,
        },
      },
    },
    async (request) => myTasks(ctx, actorOf(request)),
  );

  app.post(
    "/api/tasks/:id/done",
    {
      schema: {
        tags: ["tasks"],
        params: uuidParam,
        body: z.strictObject({}).optional(),
        response: { 200: myTaskOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request) => {
      await completeTask(ctx, actorOf(request), request.params.id);
      return myTask(ctx, request.params.id);
    },
  );
}
