import { z } from "zod";
import {
  admissionInput,
  admissionTypes,
  dischargeInput,
  riskLevels,
  shelterInput,
  shelterKinds,
} from "../../../shared/shelters";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { admit, createShelter, discharge } from "./commands";
import { occupancyBoard, shelterAddress } from "./queries";

const tags = ["shelters"];

const boardRowOut = z.object({
  id: z.string(),
  codeName: z.string(),
  kind: z.enum(shelterKinds),
  secure: z.boolean(),
  riskLevels: z.array(z.enum(riskLevels)),
  capacity: z.number(),
  occupied: z.number(),
  free: z.number(),
  own: z.boolean(),
  operator: z.object({ id: z.string(), name: z.string() }).nullable(),
  residents: z
    .array(
      z.object({
        stayId: z.string(),
        reference: z.string(),
        type: z.enum(admissionTypes),
        admittedOn: z.string(),
        childOverride: z.boolean(),
      }),
    )
    .nullable(),
});

const addressOut = z.object({
  id: z.string(),
  codeName: z.string(),
  address: z.string(),
  contacts: z.string().nullable(),
});

export function shelterRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/shelters",
    { schema: { tags, response: { 200: z.array(boardRowOut), ...commonErrors } } },
    async (request) => occupancyBoard(ctx, actorOf(request)),
  );

  app.post(
    "/api/shelters",
    { schema: { tags, body: shelterInput, response: { 201: boardRowOut, ...commonErrors, 409: errorBody } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await createShelter(ctx, actor, request.body);
      const created = (await occupancyBoard(ctx, actor)).find((row) => row.id === id);
      if (!created) throw new NotFound();
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/shelters/:id/address",
    { schema: { tags, params: uuidParam, response: { 200: addressOut, ...commonErrors } } },
    async (request) => shelterAddress(ctx, actorOf(request), request.params.id),
  );

  app.post(
    "/api/shelters/:id/admissions",
    {
      schema: {
        tags,
        params: uuidParam,
        body: admissionInput,
        response: {
          201: z.object({ id: z.string(), riskLevel: z.enum(riskLevels).nullable() }),
          ...commonErrors,
          409: errorBody,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await admit(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/shelter-stays/:id/discharge",
    {
      schema: {
        tags,
        params: uuidParam,
        body: dischargeInput,
        response: { 204: z.null(), ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      await discharge(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
