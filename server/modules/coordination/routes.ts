import { z } from "zod";
import {
  agendaInput,
  decisionCodes,
  decisionInput,
  groupInput,
  meetingInput,
  memberInput,
  minutesInput,
  renameInput,
} from "../../../shared/coordination";
import { agencyTypes } from "../../../shared/roles";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import {
  addAgendaItem,
  addGroupMember,
  createGroup,
  createMeeting,
  recordDecision,
  removeGroupMember,
  renameGroup,
  setMinutes,
} from "./commands";
import { listGroups, listMeetings } from "./queries";

const tags = ["coordination"];
const created = z.object({ id: z.string() });
const conflict = { 409: errorBody };

const groupOut = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  members: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(agencyTypes) })),
});

const meetingOut = z.object({
  id: z.string(),
  heldOn: z.string(),
  minutes: z.string().nullable(),
  agenda: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      onTeam: z.boolean(),
      decision: z
        .object({ code: z.enum(decisionCodes), text: z.string().nullable(), at: z.string().nullable() })
        .nullable(),
    }),
  ),
});

const itemParams = z.strictObject({
  id: z.uuid({ message: "not_found" }),
  itemId: z.uuid({ message: "not_found" }),
});

export function coordinationRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/coordination/groups",
    { schema: { tags, response: { 200: z.array(groupOut), ...commonErrors } } },
    async (request) => listGroups(ctx, actorOf(request)),
  );

  app.post(
    "/api/coordination/groups",
    { schema: { tags, body: groupInput, response: { 201: created, ...commonErrors } } },
    async (request, reply) => reply.status(201).send(await createGroup(ctx, actorOf(request), request.body)),
  );

  app.post(
    "/api/coordination/groups/:id/members",
    {
      schema: {
        tags,
        params: uuidParam,
        body: memberInput,
        response: { 204: z.null(), ...commonErrors, ...conflict },
      },
    },
    async (request, reply) => {
      await addGroupMember(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    "/api/coordination/groups/:id",
    { schema: { tags, params: uuidParam, body: renameInput, response: { 204: z.null(), ...commonErrors } } },
    async (request, reply) => {
      await renameGroup(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/coordination/groups/:id/members/:agencyId",
    {
      schema: {
        tags,
        params: z.strictObject({
          id: z.uuid({ message: "not_found" }),
          agencyId: z.uuid({ message: "not_found" }),
        }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await removeGroupMember(ctx, actorOf(request), request.params.id, request.params.agencyId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/coordination/groups/:id/meetings",
    { schema: { tags, params: uuidParam, response: { 200: z.array(meetingOut), ...commonErrors } } },
    async (request) => listMeetings(ctx, actorOf(request), request.params.id),
  );

  app.post(
    "/api/coordination/groups/:id/meetings",
    { schema: { tags, params: uuidParam, body: meetingInput, response: { 201: created, ...commonErrors } } },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/coordination/meetings/:id/agenda",
    {
      schema: {
        tags,
        params: uuidParam,
        body: agendaInput,
        response: { 201: created, ...commonErrors, ...conflict },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAgendaItem(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/coordination/meetings/:id/agenda/:itemId/decision",
    {
      schema: { tags, params: itemParams, body: decisionInput, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await recordDecision(ctx, actorOf(request), request.params.id, request.params.itemId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/api/coordination/meetings/:id/minutes",
    { schema: { tags, params: uuidParam, body: minutesInput, response: { 204: z.null(), ...commonErrors } } },
    async (request, reply) => {
      await setMinutes(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
