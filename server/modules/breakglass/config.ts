import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { configRoot } from "../../platform/jurisdiction";

/**
 * How long emergency access lasts and how many one person may hold at once: a jurisdiction's
 * choice (config/jurisdictions/<code>/breakglass.json), short by default so that it is an
 * emergency measure and never a way around the case team.
 */
const breakGlassConfigSchema = z.strictObject({
  durationHours: z.number().min(0.25).max(24),
  maxActivePerUser: z.number().int().min(1).max(20),
});
export type BreakGlassConfig = z.infer<typeof breakGlassConfigSchema>;

export const defaultBreakGlassConfig: BreakGlassConfig = { durationHours: 4, maxActivePerUser: 3 };

const loaded = new Map<string, BreakGlassConfig>();

export function breakGlassConfigFor(jurisdictionCode: string, root = configRoot): BreakGlassConfig {
  const known = loaded.get(jurisdictionCode);
  if (known) return known;
  const file = path.join(root, jurisdictionCode, "breakglass.json");
  let config = defaultBreakGlassConfig;
  if (fs.existsSync(file)) {
    const result = breakGlassConfigSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!result.success) {
      const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid break-glass configuration in ${file}:\n${problems}`);
    }
    config = result.data;
  }
  loaded.set(jurisdictionCode, config);
  return config;
}
