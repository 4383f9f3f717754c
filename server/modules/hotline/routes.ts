import { z } from "zod";
import {
  callbackAttemptInput,
  callbackInput,
  callbackOutcomes,
  callerTypes,
  contactCaseInput,
  contactChannels,
  contactIndicators,
  contactInput,
  contactLinkInput,
  contactOutcomes,
  contactUrgencies,
  handoverExceptions,
  handoverInput,
} from "../../../shared/hotline";
import { isoDate } from "../../../shared/registration";
import { languageCodes } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import {
  acknowledgeHandover,
  handOver,
  linkContactToCase,
  openCaseFromContact,
  recordCallbackAttempt,
  recordContact,
  scheduleCallback,
} from "./commands";
import {
  contactFigures,
  dueCallbacks,
  getContact,
  listContacts,
  listHandovers,
  policeAgencies,
} from "./queries";

const tags = ["hotline"];
const agency = z.object({ id: z.string(), name: z.string() });

const contactOut = z.object({
  id: z.string(),
  receivedAt: z.string(),
  channel: z.enum(contactChannels),
  language: z.enum(languageCodes),
  callerType: z.enum(callerTypes),
  region: z.string().nullable(),
  indicators: z.array(z.enum(contactIndicators)),
  urgency: z.enum(contactUrgencies),
  outcome: z.enum(contactOutcomes),
  identifiersKept: z.boolean(),
  hasSummary: z.boolean(),
  caseReference: z.string().nullable(),
  handovers: z.array(
    z.object({
      id: z.string(),
      agency,
      callerConsent: z.boolean(),
      exception: z.enum(handoverExceptions).nullable(),
      handedAt: z.string(),
      acknowledgedAt: z.string().nullable(),
    }),
  ),
  callbacks: z.array(
    z.object({
      id: z.string(),
      dueAt: z.string(),
      due: z.boolean(),
      doneAt: z.string().nullable(),
      attempts: z.array(z.object({ outcome: z.enum(callbackOutcomes), attemptedAt: z.string() })),
    }),
  ),
});

const contactDetailOut = contactOut.extend({
  summary: z.string().nullable(),
  callerName: z.string().nullable(),
  phone: z.string().nullable(),
});

const handoverOut = z.object({
  id: z.string(),
  handedAt: z.string(),
  hotline: agency,
  channel: z.enum(contactChannels),
  language: z.enum(languageCodes),
  callerType: z.enum(callerTypes),
  region: z.string().nullable(),
  indicators: z.array(z.enum(contactIndicators)),
  urgency: z.enum(contactUrgencies),
  summary: z.string().nullable(),
  callerConsent: z.boolean(),
  exception: z.enum(handoverExceptions).nullable(),
  caller: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: agency.nullable(),
});

const callbackOut = z.object({
  id: z.string(),
  contactId: z.string(),
  dueAt: z.string(),
  due: z.boolean(),
  language: z.enum(languageCodes),
  channel: z.enum(contactChannels),
  attempts: z.number(),
});

const counts = z.record(z.string(), z.number());
const figuresOut = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byChannel: counts,
  byLanguage: counts,
  byCallerType: counts,
  byOutcome: counts,
});

const idOut = z.object({ id: z.string() });
const referenceOut = z.object({ reference: z.string() });

export function hotlineRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/hotline/contacts",
    { schema: { tags, response: { 200: z.array(contactOut), ...commonErrors } } },
    async (request) => listContacts(ctx, actorOf(request)),
  );

  app.post(
    "/api/hotline/contacts",
    { schema: { tags, body: contactInput, response: { 201: idOut, ...commonErrors } } },
    async (request, reply) =>
      reply.status(201).send(await recordContact(ctx, actorOf(request), request.body)),
  );

  app.get(
    "/api/hotline/contacts/:id",
    { schema: { tags, params: uuidParam, response: { 200: contactDetailOut, ...commonErrors } } },
    async (request) => getContact(ctx, actorOf(request), request.params.id),
  );

  app.post(
    "/api/hotline/contacts/:id/handovers",
    { schema: { tags, params: uuidParam, body: handoverInput, response: { 201: idOut, ...commonErrors } } },
    async (request, reply) =>
      reply.status(201).send(await handOver(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/hotline/contacts/:id/case",
    {
      schema: {
        tags,
        params: uuidParam,
        body: contactCaseInput,
        response: { 201: referenceOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await openCaseFromContact(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/hotline/contacts/:id/link",
    {
      schema: {
        tags,
        params: uuidParam,
        body: contactLinkInput,
        response: { 200: referenceOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request) => linkContactToCase(ctx, actorOf(request), request.params.id, request.body.reference),
  );

  app.post(
    "/api/hotline/contacts/:id/callbacks",
    { schema: { tags, params: uuidParam, body: callbackInput, response: { 201: idOut, ...commonErrors } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await scheduleCallback(ctx, actorOf(request), request.params.id, request.body.dueAt)),
  );

  app.get(
    "/api/hotline/callbacks",
    { schema: { tags, response: { 200: z.array(callbackOut), ...commonErrors } } },
    async (request) => dueCallbacks(ctx, actorOf(request)),
  );

  app.post(
    "/api/hotline/callbacks/:id/attempts",
    {
      schema: {
        tags,
        params: uuidParam,
        body: callbackAttemptInput,
        response: { 201: idOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      await recordCallbackAttempt(ctx, actorOf(request), request.params.id, request.body.outcome);
      return reply.status(201).send({ id: request.params.id });
    },
  );

  app.get(
    "/api/hotline/handovers",
    { schema: { tags, response: { 200: z.array(handoverOut), ...commonErrors } } },
    async (request) => listHandovers(ctx, actorOf(request)),
  );

  app.post(
    "/api/hotline/handovers/:id/acknowledge",
    { schema: { tags, params: uuidParam, response: { 200: idOut, ...commonErrors } } },
    async (request) => {
      await acknowledgeHandover(ctx, actorOf(request), request.params.id);
      return { id: request.params.id };
    },
  );

  app.get(
    "/api/hotline/police-agencies",
    { schema: { tags, response: { 200: z.array(agency), ...commonErrors } } },
    async (request) => policeAgencies(ctx, actorOf(request)),
  );

  app.get(
    "/api/hotline/figures",
    {
      schema: {
        tags,
        querystring: z.strictObject({ from: isoDate, to: isoDate }),
        response: { 200: figuresOut, ...commonErrors },
      },
    },
    async (request) => contactFigures(ctx, actorOf(request), request.query),
  );
}
