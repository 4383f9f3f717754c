import { z } from "zod";
import {
  followUpOutcomes,
  followUpStatuses,
  futureOptions,
  handOverSections,
  riskFactors,
  riskLevels,
  riskRecommendations,
  travelDocumentStatuses,
} from "../../../shared/future";
import { languages } from "../../../shared/roles";
import { countryCodes, pathways } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App } from "../../platform/http/types";
import { referenceParam } from "../cases/routes";
import { referencePattern } from "../cases/rules";
import {
  createHandOver,
  linkReTrafficking,
  recordDecision,
  recordFollowUpResult,
  recordReturn,
  recordRiskAssessment,
} from "./commands";
import { futureView, handOverDownload } from "./queries";
import { signingPublicKey } from "./signing";

const day = z.iso.date({ message: "invalid_date" });
const optionalDay = day.nullable().optional();
const note = z.string().max(10_000, { message: "too_long" }).nullable().optional();
const country = z.string().refine((c) => countryCodes.includes(c), { message: "invalid_choice" });
const person = z.object({ id: z.string(), name: z.string() }).nullable();
const agency = z.object({ id: z.string(), name: z.string() }).nullable();

const futureOut = z.object({
  reference: z.string(),
  pathway: z.enum(pathways),
  riskAssessments: z.array(
    z.object({
      id: z.string(),
      assessedOn: z.string(),
      level: z.enum(riskLevels),
      factors: z.array(z.enum(riskFactors)),
      recommendation: z.enum(riskRecommendations),
      hasAssessment: z.boolean(),
      assessment: z.string().nullable(),
      recordedBy: person,
      agency,
      recordedAt: z.string(),
    }),
  ),
  decision: z
    .object({
      id: z.string(),
      option: z.enum(futureOptions),
      decidedOn: z.string(),
      plannedDepartureOn: z.string().nullable(),
      hasNote: z.boolean(),
      note: z.string().nullable(),
      recordedBy: person,
      agency,
      recordedAt: z.string(),
    })
    .nullable(),
  returnDetails: z
    .object({
      id: z.string(),
      travelDocumentStatus: z.enum(travelDocumentStatuses).nullable(),
      travelDocumentOn: z.string().nullable(),
      hasTravelDocumentNumber: z.boolean(),
      travelDocumentNumber: z.string().nullable(),
      escorted: z.boolean(),
      escortAgency: agency,
      departureOn: z.string().nullable(),
      destinationCountry: z.string(),
      partnerName: z.string().nullable(),
      partnerCountry: z.string().nullable(),
      recordedBy: person,
      agency,
      recordedAt: z.string(),
    })
    .nullable(),
  handOvers: z.array(
    z.object({
      id: z.string(),
      sections: z.array(z.enum(handOverSections)),
      language: z.string(),
      createdBy: person,
      agency,
      createdAt: z.string(),
    }),
  ),
  followUps: z.array(
    z.object({
      id: z.string(),
      months: z.number(),
      dueOn: z.string(),
      status: z.enum(followUpStatuses),
      overdue: z.boolean(),
      agency,
      heldOn: z.string().nullable(),
      heldBy: person,
      resultAgency: agency,
      outcomes: z.array(z.enum(followUpOutcomes)),
      hasNotes: z.boolean(),
      notes: z.string().nullable(),
    }),
  ),
  reTrafficking: z.object({
    earlier: z.array(z.object({ reference: z.string(), recordedAt: z.string() })),
    later: z.array(z.object({ reference: z.string(), recordedAt: z.string() })),
  }),
  permissions: z.object({
    canAssessRisk: z.boolean(),
    canDecide: z.boolean(),
    canRecordReturn: z.boolean(),
    canHandOver: z.boolean(),
    canRecordFollowUp: z.boolean(),
    canLinkReTrafficking: z.boolean(),
    canSeeText: z.boolean(),
  }),
});

const riskIn = z.strictObject({
  assessedOn: optionalDay,
  level: z.enum(riskLevels),
  factors: z.array(z.enum(riskFactors)).max(riskFactors.length * 2),
  recommendation: z.enum(riskRecommendations),
  assessment: note,
});

const decisionIn = z.strictObject({
  option: z.enum(futureOptions),
  decidedOn: optionalDay,
  plannedDepartureOn: optionalDay,
  note,
});

const returnIn = z.strictObject({
  travelDocumentStatus: z.enum(travelDocumentStatuses).nullable().optional(),
  travelDocumentOn: optionalDay,
  travelDocumentNumber: z.string().max(60, { message: "too_long" }).nullable().optional(),
  escorted: z.boolean(),
  escortAgencyId: z.uuid({ message: "invalid_choice" }).nullable().optional(),
  departureOn: optionalDay,
  destinationCountry: country,
  partnerName: z.string().max(200, { message: "too_long" }).nullable().optional(),
  partnerCountry: country.nullable().optional(),
});

const handOverIn = z.strictObject({
  sections: z.array(z.enum(handOverSections)).max(handOverSections.length * 2),
  consentGiven: z.boolean(),
  language: z.enum(languages).nullable().optional(),
});

const followUpResultIn = z.strictObject({
  heldOn: optionalDay,
  outcomes: z.array(z.enum(followUpOutcomes)).max(followUpOutcomes.length * 2),
  notes: note,
});

const reTraffickingIn = z.strictObject({
  earlierReference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
});

const withId = referenceParam.extend({ id: z.uuid({ message: "not_found" }) });
const created = z.object({ id: z.string() });
const errors = { ...commonErrors, 409: errorBody };

export function futureRoutes(app: App, ctx: AppContext): void {
  const base = "/api/cases/:reference";
  const tags = ["future"];

  app.get(
    `${base}/future`,
    { schema: { tags, params: referenceParam, response: { 200: futureOut, ...commonErrors } } },
    async (request) => futureView(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    `${base}/risk-assessments`,
    { schema: { tags, params: referenceParam, body: riskIn, response: { 201: created, ...errors } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordRiskAssessment(ctx, actorOf(request), request.params.reference, request.body)),
  );

  app.post(
    `${base}/decisions`,
    { schema: { tags, params: referenceParam, body: decisionIn, response: { 201: created, ...errors } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordDecision(ctx, actorOf(request), request.params.reference, request.body)),
  );

  app.post(
    `${base}/return`,
    { schema: { tags, params: referenceParam, body: returnIn, response: { 201: created, ...errors } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordReturn(ctx, actorOf(request), request.params.reference, request.body)),
  );

  app.post(
    `${base}/return/hand-over`,
    {
      schema: {
        tags,
        params: referenceParam,
        body: handOverIn,
        response: {
          201: z.object({
            id: z.string(),
            passphrase: z.string(),
            packageUrl: z.string(),
            pdfUrl: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { reference } = request.params;
      const { id, passphrase } = await createHandOver(ctx, actorOf(request), reference, request.body);
      const url = `/api/cases/${encodeURIComponent(reference)}/return/hand-over/${id}`;
      return reply.status(201).send({ id, passphrase, packageUrl: `${url}/package`, pdfUrl: `${url}/pdf` });
    },
  );

  for (const kind of ["package", "pdf"] as const) {
    app.get(
      `${base}/return/hand-over/:id/${kind}`,
      // The body is a file, not JSON: no response schema for 200.
      { schema: { tags, params: withId } },
      async (request, reply) => {
        const { body, fileName } = await handOverDownload(
          ctx,
          actorOf(request),
          request.params.reference,
          request.params.id,
          kind,
        );
        return reply
          .type(kind === "package" ? "application/octet-stream" : "application/pdf")
          .header("content-disposition", `attachment; filename="${fileName}"`)
          .header("cache-control", "no-store")
          .send(body);
      },
    );
  }

  app.get(
    "/api/hand-over/public-key",
    {
      // Not a secret: the partner organisation abroad, who has no account, checks packages with it.
      config: { public: true },
      schema: {
        tags,
        response: {
          200: z.object({ id: z.string(), algorithm: z.literal("Ed25519"), publicKey: z.string() }),
          ...commonErrors,
        },
      },
    },
    async () => ({ ...(await signingPublicKey(ctx)), algorithm: "Ed25519" as const }),
  );

  app.post(
    `${base}/follow-ups/:id/result`,
    { schema: { tags, params: withId, body: followUpResultIn, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await recordFollowUpResult(
        ctx,
        actorOf(request),
        request.params.reference,
        request.params.id,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/re-trafficking`,
    {
      schema: { tags, params: referenceParam, body: reTraffickingIn, response: { 201: created, ...errors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await linkReTrafficking(
            ctx,
            actorOf(request),
            request.params.reference,
            request.body.earlierReference,
          ),
        ),
  );
}
