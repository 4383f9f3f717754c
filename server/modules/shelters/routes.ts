import { z } from "zod";
import {
  admissionInput,
  admissionTypes,
  criteriaInput,
  dischargeInput,
  dischargeReasons,
  escortInput,
  riskLevels,
  shelterInput,
  shelterKinds,
  shelterUpdateInput,
} from "../../../shared/shelters";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { referenceParam } from "../cases/routes";
import {
  admit,
  confirmCriteria,
  createShelter,
  discharge,
  grantEscort,
  revokeEscort,
  updateShelter,
} from "./commands";
import { admissionCriteria, caseStays, myEscorts, occupancyBoard, shelterAddress } from "./queries";

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
  manages: z.boolean(),
  operator: z.object({ id: z.string(), name: z.string() }).nullable(),
  rooms: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        beds: z.number(),
        occupied: z.number(),
        free: z.number(),
      }),
    )
    .nullable(),
  residents: z
    .array(
      z.object({
        stayId: z.string(),
        reference: z.string(),
        type: z.enum(admissionTypes),
        admittedOn: z.string(),
        childOverride: z.boolean(),
        roomId: z.string().nullable(),
        criteriaOpen: z.array(z.string()),
      }),
    )
    .nullable(),
  escorts: z
    .array(
      z.object({
        id: z.string(),
        reference: z.string(),
        escort: z.string(),
        onDate: z.string(),
        ended: z.enum(["admitted", "revoked"]).nullable(),
      }),
    )
    .nullable(),
});

const caseStayOut = z.object({
  id: z.string(),
  shelter: z.object({ id: z.string(), codeName: z.string(), kind: z.enum(shelterKinds) }),
  type: z.enum(admissionTypes),
  admittedOn: z.string(),
  dischargedOn: z.string().nullable(),
  dischargeReason: z.enum(dischargeReasons).nullable(),
  own: z.boolean(),
  room: z.string().nullable(),
  criteriaOpen: z.array(z.string()).nullable(),
});

const escortOut = z.object({
  id: z.string(),
  reference: z.string(),
  onDate: z.string(),
  due: z.boolean(),
  to: z.object({ id: z.string(), codeName: z.string() }),
  from: z.object({ id: z.string(), codeName: z.string() }).nullable(),
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
    "/api/shelters/admission-criteria",
    {
      schema: {
        tags,
        response: {
          200: z.array(
            z.object({ code: z.string(), kinds: z.array(z.enum(shelterKinds)), label: z.string() }),
          ),
          ...commonErrors,
        },
      },
    },
    async (request) => admissionCriteria(ctx, actorOf(request).language),
  );

  app.patch(
    "/api/shelters/:id",
    {
      schema: {
        tags,
        params: uuidParam,
        body: shelterUpdateInput,
        response: { 200: boardRowOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateShelter(ctx, actor, request.params.id, request.body);
      const updated = (await occupancyBoard(ctx, actor)).find((row) => row.id === request.params.id);
      if (!updated) throw new NotFound();
      return updated;
    },
  );

  app.get(
    "/api/cases/:reference/shelter-stays",
    { schema: { tags, params: referenceParam, response: { 200: z.array(caseStayOut), ...commonErrors } } },
    async (request) => caseStays(ctx, actorOf(request), request.params.reference),
  );

  app.get(
    "/api/escorts/mine",
    { schema: { tags, response: { 200: z.array(escortOut), ...commonErrors } } },
    async (request) => myEscorts(ctx, actorOf(request)),
  );

  app.post(
    "/api/shelters/:id/escorts",
    {
      schema: {
        tags,
        params: uuidParam,
        body: escortInput,
        response: { 201: z.object({ id: z.string() }), ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await grantEscort(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/escorts/:id/revoke",
    { schema: { tags, params: uuidParam, response: { 204: z.null(), ...commonErrors, 409: errorBody } } },
    async (request, reply) => {
      await revokeEscort(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/shelter-stays/:id/criteria",
    {
      schema: {
        tags,
        params: uuidParam,
        body: criteriaInput,
        response: { 204: z.null(), ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      await confirmCriteria(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
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
