import { z } from "zod";
import {
  assignmentInput,
  assignmentKinds,
  incidentInput,
  incidentKinds,
  interpreterAvailabilities,
  interpreterInput,
  interpreterUpdate,
  relocationInput,
  riskLevelInput,
  riskLevels,
} from "../../../shared/security";
import { languageCodes } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { referencePattern } from "../cases/rules";
import {
  addInterpreter,
  assignInterpreter,
  recordIncident,
  relocateShelter,
  setInterpreterAvailability,
  setRiskLevel,
} from "./commands";
import { listAssignments, listIncidents, listInterpreters, riskLevelOf } from "./queries";

const tags = ["security"];
const named = z.object({ id: z.string(), name: z.string() });

// A malformed reference is simply not found, as for someone else's case.
const referenceParam = z.strictObject({
  reference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
});

const riskOut = z.object({
  current: z
    .object({ level: z.enum(riskLevels), source: z.enum(["set", "interview"]), at: z.string() })
    .nullable(),
  history: z.array(
    z.object({
      id: z.string(),
      level: z.enum(riskLevels),
      reason: z.string().nullable(),
      setBy: named,
      agency: named,
      setAt: z.string(),
    }),
  ),
});

const incidentOut = z.object({
  id: z.string(),
  kind: z.enum(incidentKinds),
  occurredAt: z.string(),
  description: z.string(),
  recordedBy: named,
  recordedAt: z.string(),
  relocatedAt: z.string().nullable(),
});

const interpreterOut = z.object({
  id: z.string(),
  name: z.string(),
  languages: z.array(z.enum(languageCodes)),
  availability: z.enum(interpreterAvailabilities),
  phone: z.string().nullable(),
  agency: named,
  own: z.boolean(),
});

const assignmentOut = z.object({
  id: z.string(),
  kind: z.enum(assignmentKinds),
  on: z.string(),
  interpreter: z.object({ id: z.string(), name: z.string(), languages: z.array(z.enum(languageCodes)) }),
  assignedBy: named,
  agency: named,
  assignedAt: z.string(),
});

const created = z.object({ id: z.string() });

export function securityRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/cases/:reference/risk-level",
    { schema: { tags, params: referenceParam, response: { 200: riskOut, ...commonErrors } } },
    async (request) => riskLevelOf(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    "/api/cases/:reference/risk-level",
    {
      schema: {
        tags,
        params: referenceParam,
        body: riskLevelInput,
        response: { 201: riskOut, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await setRiskLevel(ctx, actor, request.params.reference, request.body);
      return reply.status(201).send(await riskLevelOf(ctx, actor, request.params.reference));
    },
  );

  app.get(
    "/api/shelters/:id/incidents",
    { schema: { tags, params: uuidParam, response: { 200: z.array(incidentOut), ...commonErrors } } },
    async (request) => listIncidents(ctx, actorOf(request), request.params.id),
  );

  app.post(
    "/api/shelters/:id/incidents",
    {
      schema: { tags, params: uuidParam, body: incidentInput, response: { 201: created, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordIncident(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/shelters/:id/relocation",
    {
      schema: {
        tags,
        params: uuidParam,
        body: relocationInput,
        response: { 201: created, ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await relocateShelter(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    "/api/interpreters",
    { schema: { tags, response: { 200: z.array(interpreterOut), ...commonErrors } } },
    async (request) => listInterpreters(ctx, actorOf(request)),
  );

  app.post(
    "/api/interpreters",
    { schema: { tags, body: interpreterInput, response: { 201: interpreterOut, ...commonErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await addInterpreter(ctx, actor, request.body);
      const row = (await listInterpreters(ctx, actor)).find((interpreter) => interpreter.id === id);
      if (!row) throw new NotFound();
      return reply.status(201).send(row);
    },
  );

  app.patch(
    "/api/interpreters/:id",
    {
      schema: {
        tags,
        params: uuidParam,
        body: interpreterUpdate,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await setInterpreterAvailability(ctx, actorOf(request), request.params.id, request.body.availability);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/cases/:reference/interpreter-assignments",
    {
      schema: { tags, params: referenceParam, response: { 200: z.array(assignmentOut), ...commonErrors } },
    },
    async (request) => listAssignments(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    "/api/cases/:reference/interpreter-assignments",
    {
      schema: {
        tags,
        params: referenceParam,
        body: assignmentInput,
        response: { 201: assignmentOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await assignInterpreter(ctx, actor, request.params.reference, request.body);
      const row = (await listAssignments(ctx, actor, request.params.reference)).find((a) => a.id === id);
      if (!row) throw new NotFound();
      return reply.status(201).send(row);
    },
  );
}
