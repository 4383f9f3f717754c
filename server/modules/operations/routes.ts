import { z } from "zod";
import { batchInput, noticeInput, noticeStatusInput, operationStatuses } from "../../../shared/operations";
import { languageCodes } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { fileNotice, moveNotice, registerFound } from "./commands";
import { getNotice, listNotices } from "./queries";

const tags = ["operations"];

const noticeOut = z.object({
  id: z.string(),
  plannedOn: z.string(),
  region: z.string(),
  expectedPeople: z.number(),
  expectedMinors: z.number(),
  languages: z.array(z.enum(languageCodes)),
  status: z.enum(operationStatuses),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  own: z.boolean(),
  details: z.object({ target: z.string(), startTime: z.string() }).nullable(),
  free: z.object({ adults: z.number(), children: z.number() }),
  shortage: z.object({ adultsShort: z.number(), minorsShort: z.number() }).nullable(),
  registered: z.number(),
  references: z.array(z.string()).nullable(),
});

export function operationRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/operations",
    { schema: { tags, response: { 200: z.array(noticeOut), ...commonErrors } } },
    async (request) => listNotices(ctx, actorOf(request)),
  );

  app.get(
    "/api/operations/:id",
    { schema: { tags, params: uuidParam, response: { 200: noticeOut, ...commonErrors } } },
    async (request) => getNotice(ctx, actorOf(request), request.params.id),
  );

  app.post(
    "/api/operations",
    { schema: { tags, body: noticeInput, response: { 201: noticeOut, ...commonErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await fileNotice(ctx, actor, request.body);
      return reply.status(201).send(await getNotice(ctx, actor, id));
    },
  );

  app.post(
    "/api/operations/:id/status",
    {
      schema: {
        tags,
        params: uuidParam,
        body: noticeStatusInput,
        response: { 200: noticeOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await moveNotice(ctx, actor, request.params.id, request.body.status);
      return getNotice(ctx, actor, request.params.id);
    },
  );

  app.post(
    "/api/operations/:id/registrations",
    {
      schema: {
        tags,
        params: uuidParam,
        body: batchInput,
        response: { 201: z.object({ references: z.array(z.string()) }), ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerFound(ctx, actorOf(request), request.params.id, request.body)),
  );
}
