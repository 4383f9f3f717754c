import { z } from "zod";
import {
  bestInterestsOutcomes,
  childLocationTypes,
  guardianAppointingBodies,
  notificationMethods,
  parentRelationships,
} from "../../../shared/children";
import { isoDate } from "../../../shared/registration";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App } from "../../platform/http/types";
import { referencePattern } from "../cases/rules";
import {
  addParent,
  assignCaseWorker,
  assignGuardian,
  notifyParent,
  recordBestInterests,
  recordLocation,
  recordViews,
  setParentFlag,
} from "./commands";
import { caseWorkerCandidates, childView } from "./queries";

// A malformed reference is simply not found, as for someone else's case.
const referenceParam = z.strictObject({
  reference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
});
const parentParam = referenceParam.extend({ id: z.uuid({ message: "not_found" }) });

const text = (max: number) => z.string().max(max, { message: "too_long" });
const instant = z.iso
  .datetime({ offset: true, message: "invalid_date" })
  .transform((value) => new Date(value))
  .nullable()
  .optional();

const caseWorkerIn = z.strictObject({ userId: z.uuid({ message: "required" }) });
const guardianIn = z.strictObject({
  name: text(200),
  contact: text(500).nullable().optional(),
  appointingBody: z.enum(guardianAppointingBodies),
  decisionReference: text(120).nullable().optional(),
  appointedOn: isoDate,
});
const bestInterestsIn = z.strictObject({
  determinedOn: isoDate,
  outcome: z.enum(bestInterestsOutcomes),
  reasoning: text(10_000),
  guardianPresent: z.boolean(),
  childHeard: z.boolean(),
});
const viewsIn = z.strictObject({
  heardOn: isoDate,
  inPerson: z.boolean(),
  withInterpreter: z.boolean(),
  guardianPresent: z.boolean(),
  summary: text(10_000),
});
const parentIn = z.strictObject({
  relationship: z.enum(parentRelationships),
  name: text(200),
  contact: text(500).nullable().optional(),
  suspectedTrafficker: z.boolean(),
});
const flagIn = z.strictObject({ suspectedTrafficker: z.boolean() });
const notificationIn = z.strictObject({ method: z.enum(notificationMethods), notifiedAt: instant });
const locationIn = z.strictObject({ locationType: z.enum(childLocationTypes), since: instant });

const named = z.object({ id: z.string(), name: z.string() });
const childOut = z.object({
  caseWorker: z.object({ user: named, agency: named, assignedBy: named, assignedAt: z.string() }).nullable(),
  guardians: z.array(
    z.object({
      id: z.string(),
      active: z.boolean(),
      name: z.string().nullable(),
      contact: z.string().nullable(),
      appointingBody: z.enum(guardianAppointingBodies),
      decisionReference: z.string().nullable(),
      appointedOn: z.string(),
      recordedBy: named,
      agency: named,
      recordedAt: z.string(),
      replacedAt: z.string().nullable(),
    }),
  ),
  bestInterests: z.array(
    z.object({
      id: z.string(),
      determinedOn: z.string(),
      outcome: z.enum(bestInterestsOutcomes),
      reasoning: z.string().nullable(),
      guardianPresent: z.boolean(),
      childHeard: z.boolean(),
      determinedBy: named,
      agency: named,
      recordedAt: z.string(),
    }),
  ),
  views: z.array(
    z.object({
      id: z.string(),
      heardOn: z.string(),
      inPerson: z.boolean(),
      withInterpreter: z.boolean(),
      guardianPresent: z.boolean(),
      summary: z.string().nullable(),
      heardBy: named,
      agency: named,
      recordedAt: z.string(),
    }),
  ),
  parents: z.array(
    z.object({
      id: z.string(),
      relationship: z.enum(parentRelationships),
      name: z.string().nullable(),
      contact: z.string().nullable(),
      suspectedTrafficker: z.boolean(),
      flagChangedAt: z.string().nullable(),
      notifications: z.array(
        z.object({
          id: z.string(),
          method: z.enum(notificationMethods),
          notifiedAt: z.string(),
          notifiedBy: named,
          agency: named,
        }),
      ),
    }),
  ),
  location: z.object({
    current: z
      .object({ type: z.enum(childLocationTypes), since: z.string(), recordedBy: named, agency: named })
      .nullable(),
    policeStationSince: z.string().nullable(),
    overLimit: z.boolean(),
    history: z.array(
      z.object({ type: z.enum(childLocationTypes), since: z.string(), recordedBy: named, agency: named }),
    ),
  }),
  deadlines: z.object({
    policeStationMaxHours: z.number(),
    guardianDeadlineHours: z.number(),
    guardianDueAt: z.string(),
  }),
  permissions: z.object({
    canManage: z.boolean(),
    canRecordLocation: z.boolean(),
    canFlagParent: z.boolean(),
    canUnflagParent: z.boolean(),
    canSeeContacts: z.boolean(),
    canSeeWelfareText: z.boolean(),
  }),
});

const writeResponse = { 200: childOut, ...commonErrors, 409: errorBody };
const tags = ["children"];

/**
 * The child's records (issue 3, item 8): case worker, guardian, best-interests determination,
 * views, parents and their notification, location. Every write answers with the whole tab.
 */
export function childrenRoutes(app: App, ctx: AppContext): void {
  const base = "/api/cases/:reference/child";

  app.get(
    base,
    {
      schema: { tags, params: referenceParam, response: { 200: childOut, ...commonErrors, 409: errorBody } },
    },
    async (request) => childView(ctx, actorOf(request), request.params.reference),
  );

  app.get(
    `${base}/case-worker-candidates`,
    {
      schema: {
        tags,
        params: referenceParam,
        response: { 200: z.array(named), ...commonErrors, 409: errorBody },
      },
    },
    async (request) => caseWorkerCandidates(ctx, actorOf(request), request.params.reference),
  );

  app.post(
    `${base}/case-worker`,
    { schema: { tags, params: referenceParam, body: caseWorkerIn, response: writeResponse } },
    async (request) => {
      const actor = actorOf(request);
      await assignCaseWorker(ctx, actor, request.params.reference, request.body);
      return childView(ctx, actor, request.params.reference);
    },
  );

  app.post(
    `${base}/guardians`,
    { schema: { tags, params: referenceParam, body: guardianIn, response: writeResponse } },
    async (request) => {
      const actor = actorOf(request);
      await assignGuardian(ctx, actor, request.params.reference, request.body);
      return childView(ctx, actor, request.params.reference);
    },
  );

  app.post(
    `${base}/best-interests`,
    { schema: { tags, params: referenceParam, body: bestInterestsIn, response: writeResponse } },
    async (request) => {
      const actor = actorOf(request);
      await recordBestInterests(ctx, actor, request.params.reference, request.body);
      return childView(ctx, actor, request.params.reference);
    },
  );

  app.post(
    `${base}/views`,
    { schema: { tags, params: referenceParam, body: viewsIn, response: writeResponse } },
    async (request) => {
      const actor = actorOf(request);
      await recordViews(ctx, actor, request.params.reference, request.body);
      return childView(ctx, actor, request.params.reference);
    },
  );

  app.post(
    `${base}/parents`,
    { schema: { tags, params: referenceParam, body: parentIn, response: writeResponse } },
    async (request) => {
      const actor = actorOf(request);
      await addParent(ctx, actor, request.params.reference, request.body);
      return childView(ctx, actor, request.params.reference);
    },
  );

  app.post(
    `${base}/parents/:id/flag`,
    { schema: { tags, params: parentParam, body: flagIn, response: writeResponse } },
    async (request) => {
      const actor = actorOf(request);
      const { reference, id } = request.params;
      await setParentFlag(ctx, actor, reference, id, request.body.suspectedTrafficker);
      return childView(ctx, actor, reference);
    },
  );

  app.post(
    `${base}/parents/:id/notifications`,
    { schema: { tags, params: parentParam, body: notificationIn, response: writeResponse } },
    async (request) => {
      const actor = actorOf(request);
      const { reference, id } = request.params;
      await notifyParent(ctx, actor, reference, id, request.body);
      return childView(ctx, actor, reference);
    },
  );

  app.post(
    `${base}/location`,
    { schema: { tags, params: referenceParam, body: locationIn, response: writeResponse } },
    async (request) => {
      const actor = actorOf(request);
      await recordLocation(ctx, actor, request.params.reference, request.body);
      return childView(ctx, actor, request.params.reference);
    },
  );
}
