import { z } from "zod";
import {
  interviewInput,
  interviewNeeds,
  interviewSections,
  journeyEventTypes,
  recruitmentMethods,
  riskLevels,
  statementWillingnesses,
} from "../../../shared/interview";
import { controlMethods, exploitationTypes, languageCodes } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App } from "../../platform/http/types";
import { referenceParam } from "../cases/routes";
import { correctInterview, recordInterview } from "./commands";
import { getInterview } from "./queries";

const person = z.object({ id: z.string(), name: z.string() });
const account = z.string().nullable();

const interviewOut = z.object({
  id: z.string(),
  revision: z.number(),
  interviewedAt: z.string(),
  interviewedBy: person,
  agency: person,
  recordedAt: z.string(),
  updatedAt: z.string(),
  updatedBy: person,
  conduct: z
    .object({
      heldInPrivate: z.boolean(),
      withInterpreter: z.boolean(),
      interpreterLanguage: z.enum(languageCodes).nullable(),
      femaleOfficerPresent: z.boolean(),
      statementWillingness: z.enum(statementWillingnesses),
    })
    .nullable(),
  circumstances: z.object({ account }).nullable(),
  recruitment: z.object({ methods: z.array(z.enum(recruitmentMethods)), account }).nullable(),
  journey: z
    .array(
      z.object({
        type: z.enum(journeyEventTypes),
        date: z.string().nullable(),
        dateApproximate: z.boolean(),
        country: z.string().nullable(),
        place: z.string().nullable(),
        note: z.string().nullable(),
      }),
    )
    .nullable(),
  control: z.object({ methods: z.array(z.enum(controlMethods)), account }).nullable(),
  exploitation: z.object({ types: z.array(z.enum(exploitationTypes)), account }).nullable(),
  needs: z.object({ codes: z.array(z.enum(interviewNeeds)), account }).nullable(),
  risks: z.object({ level: z.enum(riskLevels).nullable(), account }).nullable(),
  /** Sections not shared with the reader's role or team scopes. */
  withheld: z.array(z.enum(interviewSections)),
});

const interviewViewOut = z.object({
  record: interviewOut.nullable(),
  mayRecord: z.boolean(),
  mayCorrect: z.boolean(),
});

export function interviewRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/cases/:reference/interview",
    {
      schema: {
        tags: ["interview"],
        params: referenceParam,
        response: { 200: interviewViewOut, ...commonErrors },
      },
    },
    async (request) => getInterview(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    "/api/cases/:reference/interview",
    {
      schema: {
        tags: ["interview"],
        params: referenceParam,
        body: interviewInput,
        response: { 201: interviewViewOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await recordInterview(ctx, actor, request.params.reference, request.body);
      return reply.status(201).send(await getInterview(ctx, actor, request.params.reference));
    },
  );

  app.put(
    "/api/cases/:reference/interview",
    {
      schema: {
        tags: ["interview"],
        params: referenceParam,
        body: interviewInput,
        response: { 200: interviewViewOut, ...commonErrors, 409: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await correctInterview(ctx, actor, request.params.reference, request.body);
      return getInterview(ctx, actor, request.params.reference);
    },
  );
}
