import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type AdmissionType, type ShelterKind, shelterKinds } from "../../../shared/shelters";
import { configRoot } from "../../platform/jurisdiction";

/**
 * The criteria a shelter applies at admission, from the agreements between the ministry and the
 * shelters (seed 002: "procedures to be undertaken and criteria to be applied in cases of
 * emergency and planned admissions"). They differ by jurisdiction and by kind of shelter, so they
 * are configuration: config/jurisdictions/<code>/shelters.json.
 */
const criterion = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  kinds: z.array(z.enum(shelterKinds)).min(1),
  label: z.strictObject({ en: z.string().min(1), sq: z.string().min(1), sr: z.string().min(1) }),
});
const shelterConfigSchema = z.strictObject({
  admissionCriteria: z
    .array(criterion)
    .refine(
      (list) => new Set(list.map((c) => c.code)).size === list.length,
      "criterion codes must be unique",
    ),
});
export type AdmissionCriterion = z.infer<typeof criterion>;
export type ShelterConfig = z.infer<typeof shelterConfigSchema>;

export function parseShelterConfig(json: unknown, source: string): ShelterConfig {
  const result = shelterConfigSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid shelter configuration in ${source}:\n${problems}`);
  }
  return result.data;
}

const loaded = new Map<string, ShelterConfig>();

/** The jurisdiction's shelter configuration, read and validated once per process. */
export function shelterConfigFor(jurisdictionCode: string, root = configRoot): ShelterConfig {
  const known = loaded.get(jurisdictionCode);
  if (known) return known;
  const file = path.join(root, jurisdictionCode, "shelters.json");
  // A jurisdiction without the file applies no admission criteria.
  const config = fs.existsSync(file)
    ? parseShelterConfig(JSON.parse(fs.readFileSync(file, "utf8")), file)
    : { admissionCriteria: [] };
  loaded.set(jurisdictionCode, config);
  return config;
}

export const criteriaFor = (config: ShelterConfig, kind: ShelterKind) =>
  config.admissionCriteria.filter((c) => c.kinds.includes(kind));

/**
 * Checks the criteria found met at an admission: an unknown code names its position; a planned
 * admission must meet them all (else refused), while an emergency admission takes the person in
 * at once and the criteria not yet met stay open on the stay, to be confirmed later.
 */
export function admissionCriteriaCheck(
  config: ShelterConfig,
  kind: ShelterKind,
  type: AdmissionType,
  met: readonly string[],
): { unknownAt: number | null; open: string[]; refused: boolean } {
  const applicable = criteriaFor(config, kind).map((c) => c.code);
  const unknownAt = met.findIndex((code) => !applicable.includes(code));
  const open = applicable.filter((code) => !met.includes(code));
  return {
    unknownAt: unknownAt === -1 ? null : unknownAt,
    open,
    refused: type === "planned" && open.length > 0,
  };
}
