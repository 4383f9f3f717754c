import type { LeafletSection } from "../../../../shared/leaflet";

/**
 * Everything the rights leaflet says, in one language. Plain words for a frightened person who may
 * read little: short sentences, "you", no legal terms without an explanation. Every language must
 * give every part (the type check enforces it). Placeholders: {days} and {phone}.
 */
export interface LeafletTexts {
  title: string;
  intro: string[];
  /** A leaflet found on the person by the traffickers could put them in danger. */
  keepSafe: string;
  /** With {phone}: the jurisdiction's emergency number. */
  emergency: string;
  sections: Record<LeafletSection, { heading: string; body: string[] }>;
  /** The word for "day(s)" by plural category (Intl.PluralRules) after the number, "other" required. */
  days: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  /** Labels of a complaint contact's details. */
  contact: { phone: string; email: string; web: string };
  /** Blank lines the worker fills in by hand when handing the leaflet over. */
  handwritten: { contactPerson: string; phone: string };
  footer: string;
  /** Followed by the list of languages the leaflet exists in. */
  availableIn: string;
}
