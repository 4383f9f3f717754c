import { z } from "zod";
import {
  chargeInput,
  compensationInput,
  compensationKinds,
  compensationUpdate,
  custodyInput,
  custodyStatuses,
  defendantInput,
  hearingInput,
  hearingKinds,
  informedInput,
  mitigatingGrounds,
  perpetratorRoles,
  proceedingInput,
  proceedingStages,
  proceedingUpdate,
  protectiveMeasures,
  rangeChecks,
  reassessmentInput,
  testimonyInput,
  testimonyKinds,
  testimonyPresences,
  verdictInput,
  verdictOutcomes,
  victimLinkInput,
  witnessInput,
} from "../../../shared/justice";
import { riskLevels } from "../../../shared/security";
import { pathways } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App, uuidParam } from "../../platform/http/types";
import { referencePattern } from "../cases/rules";
import {
  addCharge,
  addCompensation,
  addDefendant,
  addHearing,
  addTestimony,
  linkVictim,
  openProceeding,
  recordCustody,
  recordInformed,
  recordReassessment,
  recordVerdict,
  recordWitness,
  updateCompensation,
  updateProceeding,
} from "./commands";
import { caseJustice, docket, getProceeding, justiceStatistics } from "./queries";

const tags = ["justice"];
const named = z.object({ id: z.string(), name: z.string() });
const created = z.object({ id: z.string() });
const withErrors = { ...commonErrors, 409: errorBody };

// A malformed reference is simply not found, as for someone else's case.
const referenceParam = z.strictObject({
  reference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
});
const defendantParam = z.strictObject({
  id: z.uuid({ message: "not_found" }),
  defendantId: z.uuid({ message: "not_found" }),
});
const victimParam = z.strictObject({
  id: z.uuid({ message: "not_found" }),
  victimId: z.uuid({ message: "not_found" }),
});
const claimParam = z.strictObject({
  reference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
  claimId: z.uuid({ message: "not_found" }),
});

const verdictOut = z.object({
  id: z.string(),
  outcome: z.enum(verdictOutcomes),
  decidedOn: z.string(),
  imprisonmentMonths: z.number().nullable(),
  suspended: z.boolean(),
  fineEuros: z.number().nullable(),
  mitigatingGrounds: z.array(z.enum(mitigatingGrounds)),
  minimumMonths: z.number().nullable(),
  maximumMonths: z.number().nullable(),
  rangeCheck: z.enum(rangeChecks).nullable(),
  outOfRange: z.boolean(),
});

const proceedingOut = z.object({
  id: z.string(),
  stage: z.enum(proceedingStages),
  policeCaseNumber: z.string().nullable(),
  prosecutorReference: z.string().nullable(),
  courtReference: z.string().nullable(),
  court: z.string().nullable(),
  owner: named,
  openedAt: z.string(),
  victims: z.array(
    z.object({
      id: z.string(),
      case: z.object({ reference: z.string(), pathway: z.enum(pathways) }),
      injuredParty: z.boolean(),
      witness: z.boolean(),
      measuresRequested: z.array(z.enum(protectiveMeasures)),
      measuresGranted: z.array(z.enum(protectiveMeasures)),
      informed: z.object({ at: z.string(), by: named }).nullable(),
      pastHistoryInCameraOnly: z.boolean(),
      witnessProtectionUnit: z.boolean(),
      lawyer: z.string().nullable(),
      interpreterId: z.string().nullable(),
      testimonies: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(testimonyKinds),
          presence: z.enum(testimonyPresences),
          on: z.string(),
        }),
      ),
    }),
  ),
  defendants: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nationality: z.string().nullable(),
      role: z.enum(perpetratorRoles),
      custody: z.enum(custodyStatuses),
      custodySince: z.string().nullable(),
      custodyHistory: z.array(z.object({ status: z.enum(custodyStatuses), since: z.string() })),
    }),
  ),
  charges: z.array(
    z.object({
      id: z.string(),
      defendantId: z.string(),
      section: z.string(),
      offence: z.string().nullable(),
      minorVictim: z.boolean(),
      chargedOn: z.string(),
      verdict: verdictOut.nullable(),
    }),
  ),
  hearings: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(hearingKinds),
      at: z.string(),
      interpreterId: z.string().nullable(),
    }),
  ),
  outOfRange: z.number(),
});

const docketOut = z.array(
  z.object({
    id: z.string(),
    stage: z.enum(proceedingStages),
    policeCaseNumber: z.string().nullable(),
    prosecutorReference: z.string().nullable(),
    courtReference: z.string().nullable(),
    court: z.string().nullable(),
    victims: z.array(z.string()),
    witnessesNotInformed: z.number(),
    defendants: z.number(),
    nextHearing: z.object({ at: z.string(), kind: z.enum(hearingKinds) }).nullable(),
    outOfRange: z.number(),
    updatedAt: z.string(),
  }),
);

const caseJusticeOut = z.object({
  proceedings: z.array(
    z.object({
      id: z.string(),
      stage: z.enum(proceedingStages),
      open: z.boolean(),
      injuredParty: z.boolean().nullable(),
      witness: z.boolean().nullable(),
    }),
  ),
  reassessmentDue: z.boolean(),
  lastReassessment: z.object({ level: z.enum(riskLevels), at: z.string() }).nullable(),
  compensation: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(compensationKinds),
      proceedingId: z.string().nullable(),
      claimedEuros: z.number(),
      claimedOn: z.string(),
      decidedEuros: z.number().nullable(),
      decidedOn: z.string().nullable(),
      paidEuros: z.number().nullable(),
      paidOn: z.string().nullable(),
    }),
  ),
});

const lawOut = z.object({
  statute: z.string(),
  sections: z.array(
    z.object({
      section: z.string(),
      offence: z.string(),
      title: z.object({ en: z.string(), sq: z.string(), sr: z.string() }),
      minimumMonths: z.number(),
      maximumMonths: z.number().nullable(),
      minorMaximumMonths: z.number().nullable(),
    }),
  ),
});

const statisticsOut = z.object({
  year: z.number(),
  funnel: z.object({
    charged: z.number(),
    convicted: z.number(),
    acquitted: z.number(),
    released: z.number(),
    pending: z.number(),
  }),
  sections: z.array(
    z.object({
      section: z.string(),
      offence: z.string(),
      minimumMonths: z.number(),
      maximumMonths: z.number().nullable(),
      sentenced: z.number(),
      belowMinimum: z.number(),
      within: z.number(),
      aboveMaximum: z.number(),
      suspended: z.number(),
      months: z.array(z.number()),
    }),
  ),
});

export function justiceRoutes(app: App, ctx: AppContext): void {
  app.get("/api/justice/law", { schema: { tags, response: { 200: lawOut, ...commonErrors } } }, async () => {
    const law = ctx.jurisdiction.law;
    return { statute: law.statute, sections: law.sections };
  });

  app.get(
    "/api/justice/proceedings",
    { schema: { tags, response: { 200: docketOut, ...commonErrors } } },
    async (request) => docket(ctx, actorOf(request)),
  );

  app.post(
    "/api/justice/proceedings",
    { schema: { tags, body: proceedingInput, response: { 201: created, ...withErrors } } },
    async (request, reply) =>
      reply.status(201).send(await openProceeding(ctx, actorOf(request), request.body)),
  );

  app.get(
    "/api/justice/proceedings/:id",
    { schema: { tags, params: uuidParam, response: { 200: proceedingOut, ...commonErrors } } },
    async (request) => getProceeding(ctx, actorOf(request), request.params.id),
  );

  app.patch(
    "/api/justice/proceedings/:id",
    {
      schema: { tags, params: uuidParam, body: proceedingUpdate, response: { 204: z.null(), ...withErrors } },
    },
    async (request, reply) => {
      await updateProceeding(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/justice/proceedings/:id/victims",
    { schema: { tags, params: uuidParam, body: victimLinkInput, response: { 201: created, ...withErrors } } },
    async (request, reply) =>
      reply.status(201).send(await linkVictim(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/justice/proceedings/:id/defendants",
    { schema: { tags, params: uuidParam, body: defendantInput, response: { 201: created, ...withErrors } } },
    async (request, reply) =>
      reply.status(201).send(await addDefendant(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/justice/proceedings/:id/defendants/:defendantId/custody",
    {
      schema: {
        tags,
        params: defendantParam,
        body: custodyInput,
        response: { 201: z.object({ id: z.string(), alerted: z.number() }), ...withErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordCustody(
            ctx,
            actorOf(request),
            request.params.id,
            request.params.defendantId,
            request.body,
          ),
        ),
  );

  app.post(
    "/api/justice/proceedings/:id/charges",
    { schema: { tags, params: uuidParam, body: chargeInput, response: { 201: created, ...withErrors } } },
    async (request, reply) =>
      reply.status(201).send(await addCharge(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/justice/proceedings/:id/hearings",
    { schema: { tags, params: uuidParam, body: hearingInput, response: { 201: created, ...withErrors } } },
    async (request, reply) =>
      reply.status(201).send(await addHearing(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/justice/proceedings/:id/verdicts",
    {
      schema: {
        tags,
        params: uuidParam,
        body: verdictInput,
        response: {
          201: z.object({ id: z.string(), rangeCheck: z.enum(rangeChecks).nullable() }),
          ...withErrors,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordVerdict(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.put(
    "/api/justice/proceedings/:id/victims/:victimId/witness",
    { schema: { tags, params: victimParam, body: witnessInput, response: { 204: z.null(), ...withErrors } } },
    async (request, reply) => {
      await recordWitness(ctx, actorOf(request), request.params.id, request.params.victimId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/justice/proceedings/:id/victims/:victimId/informed",
    {
      schema: { tags, params: victimParam, body: informedInput, response: { 204: z.null(), ...withErrors } },
    },
    async (request, reply) => {
      await recordInformed(ctx, actorOf(request), request.params.id, request.params.victimId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/justice/proceedings/:id/victims/:victimId/testimonies",
    {
      schema: { tags, params: victimParam, body: testimonyInput, response: { 201: created, ...withErrors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addTestimony(ctx, actorOf(request), request.params.id, request.params.victimId, request.body),
        ),
  );

  app.get(
    "/api/justice/statistics",
    {
      schema: {
        tags,
        querystring: z.strictObject({ year: z.coerce.number().int().min(1990).max(2200) }),
        response: { 200: statisticsOut, ...commonErrors },
      },
    },
    async (request) => justiceStatistics(ctx, actorOf(request), request.query.year),
  );

  app.get(
    "/api/cases/:reference/justice",
    { schema: { tags, params: referenceParam, response: { 200: caseJusticeOut, ...commonErrors } } },
    async (request) => caseJustice(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    "/api/cases/:reference/justice/reassessments",
    {
      schema: {
        tags,
        params: referenceParam,
        body: reassessmentInput,
        response: { 201: created, ...withErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordReassessment(ctx, actorOf(request), request.params.reference, request.body)),
  );

  app.post(
    "/api/cases/:reference/justice/compensation",
    {
      schema: {
        tags,
        params: referenceParam,
        body: compensationInput,
        response: { 201: created, ...withErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCompensation(ctx, actorOf(request), request.params.reference, request.body)),
  );

  app.patch(
    "/api/cases/:reference/justice/compensation/:claimId",
    {
      schema: {
        tags,
        params: claimParam,
        body: compensationUpdate,
        response: { 204: z.null(), ...withErrors },
      },
    },
    async (request, reply) => {
      await updateCompensation(
        ctx,
        actorOf(request),
        request.params.reference,
        request.params.claimId,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );
}
