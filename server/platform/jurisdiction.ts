import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type LawTable, lawTableSchema } from "../../shared/justice";
import { agencyTypes, languages, roles } from "../../shared/roles";
import { riskLevels, shelterKinds } from "../../shared/shelters";
import { countryCodes } from "../../shared/vocabulary";

export const configRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../config/jurisdictions",
);

const country = z.string().refine((c) => countryCodes.includes(c), "not an ISO 3166 alpha-2 code");

const phone = z
  .string()
  .regex(/^\+?[0-9][0-9 ]{1,24}$/, "a phone number: digits and spaces, may start with +");

/** A name in the rights leaflet's languages: English always, the others where known (else English). */
const leafletName = z.strictObject({
  en: z.string().min(1),
  sq: z.string().min(1).optional(),
  sr: z.string().min(1).optional(),
  ro: z.string().min(1).optional(),
  ru: z.string().min(1).optional(),
  uk: z.string().min(1).optional(),
  bg: z.string().min(1).optional(),
});

/**
 * What the printable rights leaflet says that differs by jurisdiction: where a person complains
 * (a right of its own, DOMAIN.md "Rights information") and whom to call in danger.
 */
const leafletSchema = z.strictObject({
  emergencyPhone: phone,
  complaintContacts: z
    .array(
      z
        .strictObject({
          name: leafletName,
          phone: phone.optional(),
          email: z.email().optional(),
          web: z
            .string()
            .regex(
              /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i,
              "a web address without https://, e.g. www.example.org",
            )
            .optional(),
        })
        .refine((c) => Boolean(c.phone ?? c.email ?? c.web), "give at least one of phone, email, web"),
    )
    .min(1, "the leaflet must say where to complain"),
});

/** A deployment's facts as configuration: nothing about one country is written into the code. */
const jurisdictionSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** IANA time zone in which dates and deadlines are reckoned. */
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "unknown IANA time zone"),
  /** Citizens of these countries follow the domestic pathway. */
  homeCountries: z.array(country).min(1),
  referencePrefix: z.string().regex(/^[A-Z]{2,6}$/),
  defaultLanguage: z.enum(languages),
  regions: z
    .array(z.strictObject({ code: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1) }))
    .min(1),
  countriesOfOrigin: z.array(country),
  leaflet: leafletSchema,
});

const demoSchema = z.strictObject({
  password: z.string().min(10),
  agencies: z.array(
    z.strictObject({
      code: z.string().min(1),
      name: z.string().min(1),
      type: z.enum(agencyTypes),
      region: z.string().nullable(),
    }),
  ),
  users: z.array(
    z.strictObject({
      username: z.string().min(1),
      displayName: z.string().min(1),
      agency: z.string().min(1),
      roles: z.array(z.enum(roles)).min(1),
      language: z.enum(languages),
    }),
  ),
  /** Demo shelters, one per shelter operator; addresses are fictitious and sealed when seeded. */
  shelters: z
    .array(
      z.strictObject({
        agency: z.string().min(1),
        codeName: z.string().min(1),
        kind: z.enum(shelterKinds),
        secure: z.boolean(),
        riskLevels: z.array(z.enum(riskLevels)).min(1),
        capacity: z.number().int().min(1),
        address: z.string().min(1),
        contacts: z.string().min(1).optional(),
      }),
    )
    .default([]),
  caseCount: z.number().int().min(0),
});

export type Jurisdiction = z.infer<typeof jurisdictionSchema> & {
  demo: DemoData | null;
  /** The offences one may be charged with (law.json); an empty table when the file is absent. */
  law: LawTable;
};
export type DemoData = z.infer<typeof demoSchema>;

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

function parse<T>(schema: z.ZodType<T>, file: string): T {
  const result = schema.safeParse(readJson(file));
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("\n");
    throw new Error(`Invalid jurisdiction configuration in ${file}:\n${problems}`);
  }
  return result.data;
}

/** Loads and validates config/jurisdictions/<code>/, failing at start with a clear message. */
export function loadJurisdiction(code: string, root = configRoot): Jurisdiction {
  const dir = path.join(root, code);
  const jurisdiction = parse(jurisdictionSchema, path.join(dir, "jurisdiction.json"));
  const demoFile = path.join(dir, "demo.json");
  const demo = fs.existsSync(demoFile) ? parse(demoSchema, demoFile) : null;
  if (demo) {
    const codes = new Set(demo.agencies.map((a) => a.code));
    const unknown = demo.users.find((u) => !codes.has(u.agency));
    if (unknown)
      throw new Error(`Invalid demo data in ${demoFile}: user ${unknown.username} names unknown agency`);
  }
  const lawFile = path.join(dir, "law.json");
  const law = fs.existsSync(lawFile) ? parse(lawTableSchema, lawFile) : { statute: "", sections: [] };
  return { ...jurisdiction, demo, law };
}

/** Today's date (YYYY-MM-DD) in the jurisdiction's time zone. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
