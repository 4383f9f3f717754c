import { z } from "zod";
import { languageCodes, personRights } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App } from "../../platform/http/types";
import { referencePattern } from "../cases/rules";
import { recordRightsInformation } from "./commands";
import { listRightsInformation } from "./queries";

const rightsInformationIn = z.strictObject({
  // An empty list passes here so that rules.ts refuses it with the field named, as a unit test shows.
  rights: z.array(z.enum(personRights)).max(personRights.length * 2),
  language: z.enum(languageCodes),
  withInterpreter: z.boolean(),
  understood: z.boolean(),
  informedAt: z.iso
    .datetime({ offset: true, message: "invalid_date" })
    .transform((value) => new Date(value))
    .nullable()
    .optional(),
});

const rightsInformationOut = z.object({
  id: z.string(),
  rights: z.array(z.enum(personRights)),
  language: z.enum(languageCodes),
  withInterpreter: z.boolean(),
  understood: z.boolean(),
  informedAt: z.string(),
  informedBy: z.object({ id: z.string(), name: z.string() }),
  agency: z.object({ id: z.string(), name: z.string() }),
  recordedAt: z.string(),
});

// A malformed reference is simply not found, as for someone else's case.
const referenceParam = z.strictObject({
  reference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
});

export function rightsRoutes(app: App, ctx: AppContext): void {
  app.post(
    "/api/cases/:reference/rights-information",
    {
      schema: {
        tags: ["rights"],
        params: referenceParam,
        body: rightsInformationIn,
        response: { 201: rightsInformationOut, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await recordRightsInformation(ctx, actor, request.params.reference, request.body);
      const stored = (await listRightsInformation(ctx, actor, request.params.reference)).find(
        (record) => record.id === id,
      );
      if (!stored) throw new NotFound();
      return reply.status(201).send(stored);
    },
  );

  app.get(
    "/api/cases/:reference/rights-information",
    {
      schema: {
        tags: ["rights"],
        params: referenceParam,
        response: { 200: z.array(rightsInformationOut), ...commonErrors },
      },
    },
    async (request) => listRightsInformation(ctx, actorOf(request), request.params.reference),
  );
}
