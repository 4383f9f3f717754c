import { z } from "zod";
import { isoDate, registrationInput } from "../../../shared/registration";
import { agencyTypes } from "../../../shared/roles";
import {
  caseStatuses,
  controlMethods,
  educationLevels,
  exploitationTypes,
  genders,
  identificationSources,
  maritalStatuses,
  pathways,
  traffickingStatuses,
} from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App } from "../../platform/http/types";
import { addTeamAgency, registerCase } from "./commands";
import { getCase, listCases } from "./queries";
import { referencePattern } from "./rules";
import { caseScopes } from "./schema";

const caseSummaryOut = z.object({
  reference: z.string(),
  pathway: z.enum(pathways),
  status: z.enum(caseStatuses),
  source: z.enum(identificationSources),
  identificationDate: z.string(),
  identificationRegion: z.string(),
  identifyingAgency: z.object({ id: z.string(), name: z.string() }),
  gender: z.enum(genders),
  ageAtIdentification: z.number().nullable(),
  citizenship: z.array(z.string()),
  createdAt: z.string(),
});

const caseDetailOut = caseSummaryOut.extend({
  traffickingStatus: z.enum(traffickingStatuses),
  ageEstimated: z.boolean(),
  exploitationTypes: z.array(z.enum(exploitationTypes)),
  controlMethods: z.array(z.enum(controlMethods)),
  person: z.object({
    primaryLanguage: z.string().nullable(),
    otherLanguages: z.array(z.string()),
    maritalStatus: z.enum(maritalStatuses).nullable(),
    numberOfChildren: z.number().nullable(),
    education: z.enum(educationLevels).nullable(),
  }),
  identity: z
    .object({
      givenName: z.string(),
      familyName: z.string().nullable(),
      otherNames: z.string().nullable(),
      birthDate: z.string().nullable(),
      identityNumber: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
      identificationPlace: z.string().nullable(),
    })
    .nullable(),
  circumstances: z.string().nullable(),
  team: z.array(
    z.object({
      agency: z.object({ id: z.string(), name: z.string(), type: z.enum(agencyTypes) }),
      scopes: z.array(z.enum(caseScopes)),
      addedAt: z.string(),
    }),
  ),
  permissions: z.object({
    canSeeIdentity: z.boolean(),
    canSeeCircumstances: z.boolean(),
    canAddAgency: z.boolean(),
  }),
});

// A malformed reference is simply not found: the answer is the same as for someone else's case.
export const referenceParam = z.strictObject({
  reference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
});

export function caseRoutes(app: App, ctx: AppContext): void {
  // A search is a POST so that a name searched for never stands in a URL, a log or a history.
  app.post(
    "/api/cases/search",
    {
      schema: {
        tags: ["cases"],
        body: z.strictObject({
          pathway: z.enum(pathways).optional(),
          status: z.enum(caseStatuses).optional(),
          source: z.enum(identificationSources).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          agencyId: z.uuid({ message: "invalid_choice" }).optional(),
          name: z.string().max(200).optional(),
          reference: z.string().max(40).optional(),
          page: z.number().int().min(1).max(100_000).default(1),
          pageSize: z.number().int().min(1).max(100).default(25),
        }),
        response: {
          200: z.object({
            items: z.array(caseSummaryOut),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => listCases(ctx, actorOf(request), request.body),
  );

  app.post(
    "/api/cases",
    {
      schema: {
        tags: ["cases"],
        body: registrationInput,
        response: { 201: z.object({ reference: z.string() }), ...commonErrors, 413: errorBody },
      },
    },
    async (request, reply) => reply.status(201).send(await registerCase(ctx, actorOf(request), request.body)),
  );

  app.get(
    "/api/cases/:reference",
    {
      schema: { tags: ["cases"], params: referenceParam, response: { 200: caseDetailOut, ...commonErrors } },
    },
    async (request) => getCase(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    "/api/cases/:reference/team",
    {
      schema: {
        tags: ["cases"],
        params: referenceParam,
        body: z.strictObject({
          agencyId: z.uuid({ message: "invalid_choice" }),
          scopes: z
            .array(z.enum(caseScopes, { message: "invalid_choice" }))
            .max(caseScopes.length)
            .default([]),
        }),
        response: { 200: caseDetailOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await addTeamAgency(ctx, actor, request.params.reference, request.body);
      return getCase(ctx, actor, request.params.reference);
    },
  );
}
