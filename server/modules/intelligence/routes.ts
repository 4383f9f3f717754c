import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  closureInput,
  figuresQuery,
  flagDecisionInput,
  identifiedInput,
  interviewChecklist,
  offLimitsLanguages,
  operationInput,
  operationKinds,
  partyInput,
  partyKinds,
  partyRoles,
  premisesInput,
  premisesKinds,
  premisesStatuses,
  statusInput,
  statusSources,
  suspectInput,
  suspectKinds,
} from "../../../shared/intelligence";
import { auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { renderPdf } from "../../platform/pdf/document";
import {
  addIdentified,
  addParty,
  changeStatus,
  createPremises,
  decideFlag,
  publishOffLimits,
  recordClosure,
  recordOperation,
  recordSuspect,
} from "./commands";
import { offLimitsCsv, offLimitsPdf } from "./offlimits";
import { assertCompartment, assertFigures } from "./policy";
import {
  figures,
  getOperation,
  getPremises,
  listFlags,
  listOperations,
  listPremises,
  listSuspects,
  offLimitsOverview,
  offLimitsVersion,
} from "./queries";

const tags = ["intelligence"];

/** The file name says the version and language only. */
const sendFile = (reply: FastifyReply, type: string, name: string, body: Buffer | string) =>
  reply.type(type).header("content-disposition", `attachment; filename="${name}"`).send(body);

/**
 * The compartment is decided before anything else about the request, its body included: outside it,
 * every intelligence URL answers 404 as an unknown one would.
 */
const compartment = {
  onRequest: async (request: FastifyRequest) => assertCompartment(request.actor),
};
const figuresGate = {
  onRequest: async (request: FastifyRequest) => assertFigures(request.actor),
};

const errors = { ...commonErrors, 409: errorBody };

const premisesSummaryOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(premisesKinds),
  address: z.string(),
  municipality: z.string(),
  region: z.string(),
  status: z.enum(premisesStatuses),
  offLimits: z.boolean(),
  openFlags: z.number(),
});
const flagOut = z.object({
  id: z.string(),
  reason: z.enum(["same_address", "same_operator"]),
  decision: z.enum(["open", "confirmed", "dismissed"]),
  raisedAt: z.string(),
  premisesId: z.string(),
  premisesName: z.string(),
  closedPremisesId: z.string(),
  closedPremisesName: z.string(),
});
const suspectBrief = z.object({
  id: z.string(),
  kind: z.enum(suspectKinds),
  name: z.string(),
  roles: z.array(z.string()),
});
const premisesDetailOut = premisesSummaryOut.omit({ openFlags: true }).extend({
  parties: z.array(
    z.object({ id: z.string(), role: z.enum(partyRoles), kind: z.enum(partyKinds), name: z.string() }),
  ),
  history: z.array(
    z.object({
      status: z.enum(premisesStatuses),
      source: z.enum(statusSources),
      effectiveOn: z.string(),
      recordedAt: z.string(),
    }),
  ),
  closures: z.array(
    z.object({
      orderedOn: z.string(),
      authority: z.string(),
      durationDays: z.number().nullable(),
      endsOn: z.string().nullable(),
    }),
  ),
  flags: z.array(flagOut),
  operations: z.array(z.object({ id: z.string(), kind: z.enum(operationKinds), conductedOn: z.string() })),
  suspects: z.array(suspectBrief),
});
const operationSummaryOut = z.object({
  id: z.string(),
  kind: z.enum(operationKinds),
  conductedOn: z.string(),
  region: z.string(),
  premisesId: z.string().nullable(),
  peopleFound: z.number(),
  identified: z.number(),
  arrests: z.number(),
});
const operationDetailOut = z.object({
  id: z.string(),
  kind: z.enum(operationKinds),
  conductedOn: z.string(),
  region: z.string(),
  premisesId: z.string().nullable(),
  premisesName: z.string().nullable(),
  units: z.string(),
  inspectors: z.array(z.string()),
  peopleFound: z.number(),
  seizures: z.array(z.object({ kind: z.string(), quantity: z.number() })),
  interview: interviewChecklist,
  arrests: z.array(z.object({ nationality: z.string() })),
  cases: z.array(z.object({ reference: z.string(), created: z.boolean() })),
  suspects: z.array(suspectBrief),
});
const suspectOut = suspectBrief.extend({
  nationality: z.string().nullable(),
  proceedings: z.string().nullable(),
  premisesIds: z.array(z.string()),
  operationIds: z.array(z.string()),
});
const offLimitsEntryOut = premisesSummaryOut.omit({ offLimits: true, openFlags: true });
const offLimitsOut = z.object({
  current: z.array(offLimitsEntryOut),
  pending: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  versions: z.array(
    z.object({
      version: z.number(),
      publishedOn: z.string(),
      publishedAt: z.string(),
      count: z.number(),
      added: z.number(),
      removed: z.number(),
    }),
  ),
});
const figuresOut = z.object({
  from: z.string(),
  to: z.string(),
  operationsByKind: z.record(z.string(), z.number()),
  operations: z.number(),
  premisesClosed: z.number(),
  reopenings: z.number(),
  peopleFound: z.number(),
  peopleIdentified: z.number(),
  arrests: z.number(),
  arrestsByNationality: z.array(z.object({ nationality: z.string(), count: z.number() })),
});
const versionParam = z.strictObject({
  version: z.coerce
    .number({ message: "not_found" })
    .int({ message: "not_found" })
    .min(1, { message: "not_found" })
    .max(100000, { message: "not_found" }),
});
const languageQuery = z.strictObject({ language: z.enum(offLimitsLanguages).default("en") });

export function intelligenceRoutes(app: App, ctx: AppContext): void {
  const regionName = (code: string) => ctx.jurisdiction.regions.find((r) => r.code === code)?.name ?? code;

  app.get(
    "/api/intelligence/premises",
    { ...compartment, schema: { tags, response: { 200: z.array(premisesSummaryOut), ...errors } } },
    async (request) => listPremises(ctx, actorOf(request)),
  );
  app.post(
    "/api/intelligence/premises",
    {
      ...compartment,
      schema: { tags, body: premisesInput, response: { 201: premisesDetailOut, ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await createPremises(ctx, actor, request.body);
      return reply.status(201).send(await getPremises(ctx, actor, id));
    },
  );
  app.get(
    "/api/intelligence/premises/:id",
    { ...compartment, schema: { tags, params: uuidParam, response: { 200: premisesDetailOut, ...errors } } },
    async (request) => getPremises(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/intelligence/premises/:id/parties",
    {
      ...compartment,
      schema: { tags, params: uuidParam, body: partyInput, response: { 200: premisesDetailOut, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      await addParty(ctx, actor, request.params.id, request.body);
      return getPremises(ctx, actor, request.params.id);
    },
  );
  app.post(
    "/api/intelligence/premises/:id/status",
    {
      ...compartment,
      schema: { tags, params: uuidParam, body: statusInput, response: { 200: premisesDetailOut, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      await changeStatus(ctx, actor, request.params.id, request.body);
      return getPremises(ctx, actor, request.params.id);
    },
  );
  app.post(
    "/api/intelligence/premises/:id/closures",
    {
      ...compartment,
      schema: {
        tags,
        params: uuidParam,
        body: closureInput,
        response: { 200: premisesDetailOut, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await recordClosure(ctx, actor, request.params.id, request.body);
      return getPremises(ctx, actor, request.params.id);
    },
  );

  app.get(
    "/api/intelligence/reopenings",
    { ...compartment, schema: { tags, response: { 200: z.array(flagOut), ...errors } } },
    async (request) => listFlags(ctx, actorOf(request)),
  );
  app.post(
    "/api/intelligence/reopenings/:id",
    {
      ...compartment,
      schema: { tags, params: uuidParam, body: flagDecisionInput, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await decideFlag(ctx, actorOf(request), request.params.id, request.body.decision);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/intelligence/operations",
    { ...compartment, schema: { tags, response: { 200: z.array(operationSummaryOut), ...errors } } },
    async (request) => listOperations(ctx, actorOf(request)),
  );
  app.post(
    "/api/intelligence/operations",
    {
      ...compartment,
      schema: { tags, body: operationInput, response: { 201: operationDetailOut, ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await recordOperation(ctx, actor, request.body);
      return reply.status(201).send(await getOperation(ctx, actor, id));
    },
  );
  app.get(
    "/api/intelligence/operations/:id",
    { ...compartment, schema: { tags, params: uuidParam, response: { 200: operationDetailOut, ...errors } } },
    async (request) => getOperation(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/intelligence/operations/:id/identified",
    {
      ...compartment,
      schema: {
        tags,
        params: uuidParam,
        body: identifiedInput,
        response: { 201: z.object({ reference: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addIdentified(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    "/api/intelligence/suspects",
    { ...compartment, schema: { tags, response: { 200: z.array(suspectOut), ...errors } } },
    async (request) => listSuspects(ctx, actorOf(request)),
  );
  app.post(
    "/api/intelligence/suspects",
    {
      ...compartment,
      schema: { tags, body: suspectInput, response: { 201: z.object({ id: z.string() }), ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordSuspect(ctx, actorOf(request), request.body)),
  );

  app.get(
    "/api/intelligence/off-limits",
    { ...compartment, schema: { tags, response: { 200: offLimitsOut, ...errors } } },
    async (request) => offLimitsOverview(ctx, actorOf(request)),
  );
  app.post(
    "/api/intelligence/off-limits/versions",
    { ...compartment, schema: { tags, response: { 201: z.object({ version: z.number() }), ...errors } } },
    async (request, reply) => reply.status(201).send(await publishOffLimits(ctx, actorOf(request))),
  );

  const download = async (
    request: FastifyRequest,
    version: number,
    language: (typeof offLimitsLanguages)[number],
    format: "pdf" | "csv",
  ) => {
    const actor = actorOf(request);
    const v = await offLimitsVersion(ctx, actor, version);
    await ctx.db.transaction((tx) =>
      recordAudit(tx, auditActor(actor), {
        action: "intelligence.off_limits.download",
        entity: "intel_off_limits_version",
        entityId: String(version),
        detail: { version, language, format },
      }),
    );
    return v;
  };
  app.get(
    "/api/intelligence/off-limits/versions/:version/pdf",
    {
      ...compartment,
      schema: {
        tags,
        params: versionParam,
        querystring: languageQuery,
        response: {
          200: {
            description: "The list, A4 PDF",
            content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { version } = request.params;
      const { language } = request.query;
      const v = await download(request, version, language, "pdf");
      const pdf = await renderPdf(offLimitsPdf(language, v, regionName));
      return sendFile(reply, "application/pdf", `off-limits-${version}-${language}.pdf`, pdf);
    },
  );
  app.get(
    "/api/intelligence/off-limits/versions/:version/csv",
    {
      ...compartment,
      schema: {
        tags,
        params: versionParam,
        querystring: languageQuery,
        response: {
          200: { description: "The list, CSV", content: { "text/csv": { schema: z.string() } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { version } = request.params;
      const { language } = request.query;
      const v = await download(request, version, language, "csv");
      const csv = `\uFEFF${offLimitsCsv(language, v, regionName)}`;
      return sendFile(reply, "text/csv; charset=utf-8", `off-limits-${version}-${language}.csv`, csv);
    },
  );

  app.get(
    "/api/intelligence/figures",
    { ...figuresGate, schema: { tags, querystring: figuresQuery, response: { 200: figuresOut, ...errors } } },
    async (request) => figures(ctx, actorOf(request), request.query.from, request.query.to),
  );
}
