import { z } from "zod";
import {
  needUrgencies,
  residenceActions,
  serviceStatuses,
  supportPlanStatuses,
  supportPlanTypes,
} from "../../../shared/assistance";
import { assistanceServices } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App } from "../../platform/http/types";
import { referenceParam } from "../cases/routes";
import {
  changeService,
  changeSupportPlan,
  extendReflectionPeriod,
  recordNeedsAssessment,
  recordResidence,
  recordService,
  recordSupportPlan,
} from "./commands";
import { listNeedsAssessments, listServices, listSupportPlans, reflectionView } from "./queries";

const isoDate = z.iso.date({ message: "invalid_date" });
const instant = z.iso
  .datetime({ offset: true, message: "invalid_date" })
  .transform((value) => new Date(value));
const note = z.string().max(4000);
const named = z.object({ id: z.string(), name: z.string() });

const needsIn = z.strictObject({
  needs: z.array(z.enum(assistanceServices)).max(assistanceServices.length * 2),
  urgency: z.enum(needUrgencies),
  note: note.nullable().optional(),
  assessedAt: instant.nullable().optional(),
});
const needsOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      needs: z.array(z.enum(assistanceServices)),
      urgency: z.enum(needUrgencies),
      note: z.string().nullable(),
      hasNote: z.boolean(),
      assessedAt: z.string(),
      assessedBy: named,
      agency: named,
      recordedAt: z.string(),
    }),
  ),
  mayRecord: z.boolean(),
  mayReadNotes: z.boolean(),
});

const serviceIn = z.strictObject({
  service: z.enum(assistanceServices),
  providerAgencyId: z.uuid({ message: "provider_unknown" }).nullable().optional(),
  providerName: z.string().max(200).nullable().optional(),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  status: z.enum(serviceStatuses).default("planned"),
  note: note.nullable().optional(),
});
const serviceChangeIn = z.strictObject({
  status: z.enum(serviceStatuses).optional(),
  endDate: isoDate.nullable().optional(),
  note: note.nullable().optional(),
});
const servicesOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      service: z.enum(assistanceServices),
      providerAgency: named.nullable(),
      providerName: z.string().nullable(),
      hasProviderName: z.boolean(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      status: z.enum(serviceStatuses),
      note: z.string().nullable(),
      hasNote: z.boolean(),
      recordedBy: named,
      agency: named,
      recordedAt: z.string(),
      updatedBy: named,
      updatedAt: z.string(),
    }),
  ),
  mayRecord: z.boolean(),
  mayReadNotes: z.boolean(),
});

const planIn = z.strictObject({
  type: z.enum(supportPlanTypes),
  objectives: z.string().max(4000),
  actionPlan: note.nullable().optional(),
  startDate: isoDate,
  reviewDate: isoDate,
  plannedEndDate: isoDate.nullable().optional(),
  serviceIds: z
    .array(z.uuid({ message: "plan_service_unknown" }))
    .max(100)
    .optional(),
});
const planChangeIn = z.strictObject({
  status: z.enum(supportPlanStatuses).optional(),
  reviewDate: isoDate.optional(),
  plannedEndDate: isoDate.nullable().optional(),
  objectives: z.string().max(4000).optional(),
  actionPlan: note.nullable().optional(),
  serviceIds: z
    .array(z.uuid({ message: "plan_service_unknown" }))
    .max(100)
    .optional(),
});
const plansOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: z.enum(supportPlanTypes),
      objectives: z.string().nullable(),
      actionPlan: z.string().nullable(),
      startDate: z.string(),
      reviewDate: z.string(),
      plannedEndDate: z.string().nullable(),
      actualEndDate: z.string().nullable(),
      status: z.enum(supportPlanStatuses),
      serviceIds: z.array(z.string()),
      recordedBy: named,
      agency: named,
      recordedAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  mayRecord: z.boolean(),
  mayReadNotes: z.boolean(),
});

const extensionIn = z.strictObject({ newEndDate: isoDate, reason: z.string().max(4000) });
const residenceIn = z.strictObject({
  action: z.enum(residenceActions),
  grantedDate: isoDate,
  validUntil: isoDate.nullable().optional(),
  permitNumber: z.string().max(100).nullable().optional(),
});
const reflectionOut = z.object({
  reflection: z.object({
    startDate: z.string(),
    defaultDays: z.number(),
    defaultEndDate: z.string(),
    endDate: z.string(),
    endsAt: z.string(),
    daysLeft: z.number(),
    expired: z.boolean(),
    extended: z.boolean(),
    extensions: z.array(
      z.object({
        id: z.string(),
        previousEndDate: z.string(),
        newEndDate: z.string(),
        reason: z.string().nullable(),
        extendedBy: named,
        agency: named,
        extendedAt: z.string(),
      }),
    ),
  }),
  residence: z.object({
    applicable: z.boolean(),
    defaultDays: z.number(),
    grantedDate: z.string().nullable(),
    validUntil: z.string().nullable(),
    daysLeft: z.number().nullable(),
    expired: z.boolean(),
    extended: z.boolean(),
    permits: z.array(
      z.object({
        id: z.string(),
        action: z.enum(residenceActions),
        grantedDate: z.string(),
        validUntil: z.string(),
        permitNumber: z.string().nullable(),
        hasPermitNumber: z.boolean(),
        recordedBy: named,
        agency: named,
        recordedAt: z.string(),
      }),
    ),
  }),
  reminderDaysBefore: z.number(),
  permissions: z.object({ canExtend: z.boolean(), canRecordResidence: z.boolean() }),
});

const idParam = referenceParam.extend({ id: z.uuid({ message: "not_found" }) });
const created = z.object({ id: z.string() });
const tags = ["assistance"];

export function assistanceRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/cases/:reference/needs-assessments",
    { schema: { tags, params: referenceParam, response: { 200: needsOut, ...commonErrors } } },
    async (request) => listNeedsAssessments(ctx, actorOf(request), request.params.reference),
  );
  app.post(
    "/api/cases/:reference/needs-assessments",
    {
      schema: { tags, params: referenceParam, body: needsIn, response: { 201: created, ...commonErrors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordNeedsAssessment(ctx, actorOf(request), request.params.reference, request.body)),
  );

  app.get(
    "/api/cases/:reference/services",
    { schema: { tags, params: referenceParam, response: { 200: servicesOut, ...commonErrors } } },
    async (request) => listServices(ctx, actorOf(request), request.params.reference),
  );
  app.post(
    "/api/cases/:reference/services",
    {
      schema: { tags, params: referenceParam, body: serviceIn, response: { 201: created, ...commonErrors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordService(ctx, actorOf(request), request.params.reference, request.body)),
  );
  app.patch(
    "/api/cases/:reference/services/:id",
    {
      schema: { tags, params: idParam, body: serviceChangeIn, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await changeService(ctx, actorOf(request), request.params.reference, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/cases/:reference/support-plans",
    { schema: { tags, params: referenceParam, response: { 200: plansOut, ...commonErrors } } },
    async (request) => listSupportPlans(ctx, actorOf(request), request.params.reference),
  );
  app.post(
    "/api/cases/:reference/support-plans",
    { schema: { tags, params: referenceParam, body: planIn, response: { 201: created, ...commonErrors } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordSupportPlan(ctx, actorOf(request), request.params.reference, request.body)),
  );
  app.patch(
    "/api/cases/:reference/support-plans/:id",
    {
      schema: { tags, params: idParam, body: planChangeIn, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await changeSupportPlan(
        ctx,
        actorOf(request),
        request.params.reference,
        request.params.id,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/cases/:reference/reflection",
    { schema: { tags, params: referenceParam, response: { 200: reflectionOut, ...commonErrors } } },
    async (request) => reflectionView(ctx, actorOf(request), request.params.reference),
  );
  app.post(
    "/api/cases/:reference/reflection/extensions",
    {
      schema: {
        tags,
        params: referenceParam,
        body: extensionIn,
        response: { 201: created, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await extendReflectionPeriod(ctx, actorOf(request), request.params.reference, request.body)),
  );
  app.post(
    "/api/cases/:reference/residence",
    {
      schema: {
        tags,
        params: referenceParam,
        body: residenceIn,
        response: { 201: created, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordResidence(ctx, actorOf(request), request.params.reference, request.body)),
  );
}
