import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leafletLanguages } from "../../../shared/leaflet";
import { auditEvents } from "../../platform/audit/schema";
import { flattenText, readPdf } from "../../platform/pdf/inspect";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { sopFor } from "../pathway/sop";
import { daysIn } from "./leaflet";
import { leafletTexts } from "./texts";

let env: TestEnvironment;
let police: Session;
let outsider: Session;
let coordinator: Session;

beforeAll(async () => {
  env = await startTestEnvironment();
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const shelter = await env.makeAgency({ type: "shelter_operator" });
  police = await env.signIn(unit.id, ["police_investigator"]);
  outsider = await env.signIn(shelter.id, ["case_worker", "supervisor"]);
  coordinator = await env.signIn(shelter.id, ["coordinator"]);
});
afterAll(() => env.close());

async function registerCase(person: Record<string, unknown> = {}): Promise<string> {
  const response = await env.as(police, {
    method: "POST",
    url: "/api/cases",
    payload: registration({ person: { familyName: "Leafletova", ...person } }),
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ reference: string }>().reference;
}

const get = (session: Session, url: string) => env.as(session, { method: "GET", url });
const textOf = (pdf: Buffer) => flattenText(readPdf(pdf).pages.join("\n"));

describe("the rights leaflet", () => {
  it("renders every language in full, with no missing letter, the SOP's reflection period and the complaint contacts", async () => {
    const days = sopFor(env.ctx.jurisdiction.code).reflectionPeriodDays;
    const { leaflet } = env.ctx.jurisdiction;
    expect(days).toBeGreaterThanOrEqual(90);
    for (const language of leafletLanguages) {
      const response = await get(coordinator, `/api/rights-leaflet?language=${language}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.headers["content-disposition"]).toBe(`attachment; filename="rights-${language}.pdf"`);
      const pdf = response.rawPayload;
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const contents = readPdf(pdf);
      expect(contents.language).toBe(language);
      expect(contents.missingGlyphs).toBe(0);
      const texts = leafletTexts[language];
      // The body without each page's footer, so that a paragraph broken across pages reads whole.
      const footer = flattenText(`${texts.footer} ${texts.availableIn}`);
      const text = contents.pages
        .map((page) => {
          const flat = flattenText(page);
          const at = flat.lastIndexOf(footer);
          expect(at).toBeGreaterThan(0);
          return flat.slice(0, at);
        })
        .join(" ");
      expect(text.startsWith(`${flattenText(texts.title)} ${flattenText(texts.intro.join(" "))}`)).toBe(true);
      expect(text).toContain(flattenText(texts.emergency.replace("{phone}", leaflet.emergencyPhone)));
      for (const section of Object.values(texts.sections)) {
        const body = section.body.join(" ").replace("{days}", daysIn(language, days));
        expect(text).toContain(flattenText(`${section.heading} ${body}`));
      }
      for (const contact of leaflet.complaintContacts) {
        expect(text).toContain(flattenText(contact.name[language] ?? contact.name.en));
        if (contact.phone) expect(text).toContain(`${texts.contact.phone}: ${contact.phone}`);
        if (contact.web) expect(text).toContain(`${texts.contact.web}: ${contact.web}`);
      }
    }
  });

  it("gives a case team the leaflet in the person's primary language, without anything about the case, audited", async () => {
    const reference = await registerCase({ primaryLanguage: "uk" });
    const response = await get(police, `/api/cases/${reference}/rights-leaflet`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="rights-uk.pdf"');
    const pdf = response.rawPayload;
    expect(readPdf(pdf).language).toBe("uk");
    expect(textOf(pdf)).toContain(leafletTexts.uk.sections.lawyer.heading);
    // The same bytes as the blank leaflet: nothing in it points to the person or the case.
    const blank = await get(police, "/api/rights-leaflet?language=uk");
    expect(pdf.equals(blank.rawPayload)).toBe(true);
    expect(pdf.toString("latin1")).not.toContain(reference);
    expect(textOf(pdf)).not.toContain(reference);
    expect(textOf(pdf)).not.toContain("Leafletova");

    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "rights_leaflet.print"), eq(auditEvents.entityId, reference)));
    expect(audit?.detail).toEqual({ reference, language: "uk" });
    expect(audit?.actorUserId).toBe(police.user.id);
  });

  it("takes the language asked for, and English when the person's language has no leaflet", async () => {
    const turkish = await registerCase({ primaryLanguage: "tr" });
    const english = await get(police, `/api/cases/${turkish}/rights-leaflet`);
    expect(english.headers["content-disposition"]).toBe('attachment; filename="rights-en.pdf"');
    expect(readPdf(english.rawPayload).language).toBe("en");

    const chosen = await get(police, `/api/cases/${turkish}/rights-leaflet?language=ro`);
    expect(chosen.statusCode).toBe(200);
    expect(readPdf(chosen.rawPayload).language).toBe("ro");
    const rows = await env.ctx.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "rights_leaflet.print"), eq(auditEvents.entityId, turkish)));
    expect(rows.map((row) => row.detail)).toEqual([
      { reference: turkish, language: "en" },
      { reference: turkish, language: "ro" },
    ]);
  });

  it("refuses a language it has no leaflet for, naming the field", async () => {
    const reference = await registerCase();
    for (const url of [
      `/api/cases/${reference}/rights-leaflet?language=tr`,
      "/api/rights-leaflet?language=xx",
    ]) {
      const response = await get(police, url);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ error: { field: string } }>().error.field).toBe("querystring.language");
    }
  });

  it("answers 404 to someone outside the case team, and writes no audit row", async () => {
    const reference = await registerCase({ primaryLanguage: "ro" });
    for (const session of [outsider, coordinator]) {
      const response = await get(session, `/api/cases/${reference}/rights-leaflet`);
      expect(response.statusCode).toBe(404);
    }
    const missing = await get(police, "/api/cases/NRM-2026-999999/rights-leaflet");
    expect(missing.statusCode).toBe(404);
    const rows = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "rights_leaflet.print"), eq(auditEvents.entityId, reference)));
    expect(rows).toEqual([]);
  });

  it("is for signed-in users only, and documented in the OpenAPI description as a PDF", async () => {
    const anonymous = await env.app.inject({ method: "GET", url: "/api/rights-leaflet?language=en" });
    expect(anonymous.statusCode).toBe(401);
    const spec = (await env.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<string, { get: { tags: string[]; responses: Record<string, { content?: object }> } }>;
    }>();
    for (const path of ["/api/rights-leaflet", "/api/cases/{reference}/rights-leaflet"]) {
      expect(spec.paths[path]?.get.tags).toEqual(["rights"]);
      expect(Object.keys(spec.paths[path]?.get.responses["200"]?.content ?? {})).toEqual(["application/pdf"]);
    }
  });
});
