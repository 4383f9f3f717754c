import { isoDate } from "../../../shared/registration";
import { z } from "zod";
import {
  assistanceServices,
  consentMethods,
  pathways,
  referralLegalBases,
  referralPurposes,
  referralStatuses,
} from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { referencePattern } from "../cases/rules";
import { caseScopes } from "../cases/schema";
import { acceptReferral, declineReferral, referCase, revokeReferral } from "./commands";
import { getReferral, listCaseReferrals, referralInbox } from "./queries";

const scopes = z
  .array(z.enum(caseScopes, { message: "invalid_choice" }))
  .max(caseScopes.length)
  .default([]);

const referralIn = z.strictObject({
  toAgencyId: z.uuid({ message: "invalid_choice" }),
  purpose: z.enum(referralPurposes),
  service: z.enum(assistanceServices).nullable().optional(),
  scopes,
  consent: z
    .strictObject({
      given: z.boolean(),
      date: isoDate.nullable().optional(),
      method: z.enum(consentMethods).nullable().optional(),
      scopes,
    })
    .nullable()
    .optional(),
  legalBasis: z
    .strictObject({
      basis: z.enum(referralLegalBases),
      decidedBy: z.string().max(200),
      date: isoDate,
      scopes,
    })
    .nullable()
    .optional(),
  note: z.string().max(4000).nullable().optional(),
});

const referralOut = z.object({
  id: z.string(),
  case: z.object({ reference: z.string(), pathway: z.enum(pathways) }),
  from: z.object({ id: z.string(), name: z.string() }),
  to: z.object({ id: z.string(), name: z.string() }),
  purpose: z.enum(referralPurposes),
  service: z.enum(assistanceServices).nullable(),
  requestedScopes: z.array(z.enum(caseScopes)),
  grantedScopes: z.array(z.enum(caseScopes)),
  grounds: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("consent"), date: z.string(), method: z.enum(consentMethods) }),
    z.object({
      kind: z.literal("legal_basis"),
      basis: z.enum(referralLegalBases).nullable(),
      decidedBy: z.string().nullable(),
      date: z.string().nullable(),
    }),
  ]),
  status: z.enum(referralStatuses),
  referredAt: z.string(),
  answeredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const referralDetailOut = referralOut.extend({
  note: z.string().nullable(),
  permissions: z.object({ canAnswer: z.boolean(), canRevoke: z.boolean() }),
});

// A malformed reference is simply not found, as for someone else's case.
const referenceParam = z.strictObject({
  reference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
});

export function referralRoutes(app: App, ctx: AppContext): void {
  app.post(
    "/api/cases/:reference/referrals",
    {
      schema: {
        tags: ["referrals"],
        params: referenceParam,
        body: referralIn,
        response: { 201: referralDetailOut, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await referCase(ctx, actor, request.params.reference, request.body);
      return reply.status(201).send(await getReferral(ctx, actor, id));
    },
  );

  app.get(
    "/api/cases/:reference/referrals",
    {
      schema: {
        tags: ["referrals"],
        params: referenceParam,
        response: { 200: z.array(referralOut), ...commonErrors },
      },
    },
    async (request) => listCaseReferrals(ctx, actorOf(request), request.params.reference),
  );

  app.get(
    "/api/referrals/inbox",
    {
      schema: {
        tags: ["referrals"],
        response: {
          200: z.object({
            items: z.array(referralOut.extend({ unread: z.boolean() })),
            pending: z.number(),
            unread: z.number(),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => referralInbox(ctx, actorOf(request)),
  );

  app.get(
    "/api/referrals/:id",
    {
      schema: {
        tags: ["referrals"],
        params: uuidParam,
        response: { 200: referralDetailOut, ...commonErrors },
      },
    },
    async (request) => getReferral(ctx, actorOf(request), request.params.id),
  );

  const step = {
    tags: ["referrals"],
    params: uuidParam,
    response: { 200: referralDetailOut, ...commonErrors, 409: errorBody },
  };

  app.post(
    "/api/referrals/:id/accept",
    { schema: { ...step, body: z.strictObject({}).optional() } },
    async (request) => {
      const actor = actorOf(request);
      await acceptReferral(ctx, actor, request.params.id);
      return getReferral(ctx, actor, request.params.id);
    },
  );

  app.post(
    "/api/referrals/:id/decline",
    { schema: { ...step, body: z.strictObject({ reason: z.string().max(2000).nullable().optional() }) } },
    async (request) => {
      const actor = actorOf(request);
      await declineReferral(ctx, actor, request.params.id, request.body.reason);
      return getReferral(ctx, actor, request.params.id);
    },
  );

  app.post(
    "/api/referrals/:id/revoke",
    { schema: { ...step, body: z.strictObject({}).optional() } },
    async (request) => {
      const actor = actorOf(request);
      await revokeReferral(ctx, actor, request.params.id);
      return getReferral(ctx, actor, request.params.id);
    },
  );
}
