import { eq } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { isLeafletLanguage, type LeafletLanguage, leafletLanguages } from "../../../shared/leaflet";
import { auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App } from "../../platform/http/types";
import { renderPdf } from "../../platform/pdf/document";
import { referencePattern } from "../cases/rules";
import { visibleCase } from "../cases/queries";
import { persons } from "../cases/schema";
import { sopFor } from "../pathway/sop";
import { leafletDocument } from "./leaflet";

const languageQuery = z.strictObject({ language: z.enum(leafletLanguages).optional() });

// A malformed reference is simply not found, as for someone else's case.
const referenceParam = z.strictObject({
  reference: z.string().max(40).regex(referencePattern, { message: "not_found" }),
});

const pdfResponse = {
  description: "The rights leaflet, A4, in the language asked for; it holds no personal data.",
  content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
};

async function sendLeaflet(ctx: AppContext, reply: FastifyReply, language: LeafletLanguage) {
  const pdf = await renderPdf(
    leafletDocument(language, {
      reflectionPeriodDays: sopFor(ctx.jurisdiction.code).reflectionPeriodDays,
      leaflet: ctx.jurisdiction.leaflet,
    }),
  );
  // The file name says the language only: a download folder must not list case references.
  return reply
    .type("application/pdf")
    .header("content-disposition", `attachment; filename="rights-${language}.pdf"`)
    .send(pdf);
}

export function leafletRoutes(app: App, ctx: AppContext): void {
  // A blank leaflet for any signed-in user, printed in advance, e.g. to take on a raid (seed 002).
  app.get(
    "/api/rights-leaflet",
    {
      schema: {
        tags: ["rights"],
        summary: "The printable rights leaflet in one language",
        querystring: languageQuery,
        response: { 200: pdfResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      const fallback = ctx.jurisdiction.defaultLanguage;
      const language = request.query.language ?? (isLeafletLanguage(fallback) ? fallback : "en");
      return sendLeaflet(ctx, reply, language);
    },
  );

  // The leaflet handed to the person of a case: by default in their primary language; audited.
  app.get(
    "/api/cases/:reference/rights-leaflet",
    {
      schema: {
        tags: ["rights"],
        summary: "The rights leaflet for a case's person, by default in their primary language",
        params: referenceParam,
        querystring: languageQuery,
        response: { 200: pdfResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { reference } = request.params;
      const found = await visibleCase(ctx, actor, reference);
      let language = request.query.language;
      if (!language) {
        const [person] = await ctx.db
          .select({ primaryLanguage: persons.primaryLanguage })
          .from(persons)
          .where(eq(persons.id, found.personId));
        language = isLeafletLanguage(person?.primaryLanguage) ? person.primaryLanguage : "en";
      }
      const chosen = language;
      await ctx.db.transaction((tx) =>
        recordAudit(tx, auditActor(actor), {
          action: "rights_leaflet.print",
          caseId: found.id,
          entity: "case",
          entityId: reference,
          detail: { reference, language: chosen },
        }),
      );
      return sendLeaflet(ctx, reply, chosen);
    },
  );
}
