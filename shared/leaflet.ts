import { type LanguageCode, personRights } from "./vocabulary";

/**
 * The languages the printable rights leaflet is written in (issue 3, item 3): the jurisdiction's
 * own and those of the people most often found (seed 002: Moldova, Romania, Ukraine, Bulgaria,
 * Russia). Each is also a spoken language a case can record.
 */
export const leafletLanguages = [
  "en",
  "sq",
  "sr",
  "ro",
  "ru",
  "uk",
  "bg",
] as const satisfies readonly LanguageCode[];
export type LeafletLanguage = (typeof leafletLanguages)[number];

export const isLeafletLanguage = (code: string | null | undefined): code is LeafletLanguage =>
  (leafletLanguages as readonly string[]).includes(code ?? "");

/** Each language's own name, as a person looks for it on a list. */
export const leafletLanguageNames: Record<LeafletLanguage, string> = {
  en: "English",
  sq: "Shqip",
  sr: "Srpski",
  ro: "Română",
  ru: "Русский",
  uk: "Українська",
  bg: "Български",
};

/**
 * The leaflet's sections in reading order: every right the person is informed of (DOMAIN.md,
 * "Rights information"), with the choice between return and staying before how to complain.
 */
export const leafletSections = [
  "lawyer",
  "interpreter",
  "assistance_regardless_of_cooperation",
  "protection",
  "compensation",
  "reflection_period",
  "non_prosecution",
  "future",
  "complaint",
] as const;
export type LeafletSection = (typeof leafletSections)[number];

// Fails to compile when a right is added to the vocabulary without a section on the leaflet.
const everyRightHasASection: readonly LeafletSection[] = personRights;
void everyRightHasASection;
