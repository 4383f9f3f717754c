/**
 * The printable rights leaflet (issue 3, item 3): every right of DOMAIN.md "Rights information" in
 * the person's language, to take away after being informed. It holds nothing about the person or
 * the case: the same language gives the same document for every case, so a leaflet that falls into
 * the traffickers' hands reveals nobody. What differs by jurisdiction (the reflection period from
 * the SOP, whom to call, where to complain) comes from configuration.
 */
import {
  type LeafletLanguage,
  leafletLanguageNames,
  leafletLanguages,
  leafletSections,
} from "../../../shared/leaflet";
import type { Jurisdiction } from "../../platform/jurisdiction";
import type { PdfBlock, PdfDocumentSpec } from "../../platform/pdf/document";
import { type LeafletTexts, leafletTexts } from "./texts";

/** "90 days", "90 de zile", "90 дней": the number with the word in the language's plural form. */
export function daysIn(language: LeafletLanguage, days: number): string {
  const forms = leafletTexts[language].days;
  const category = new Intl.PluralRules(language).select(days);
  return `${days} ${forms[category] ?? forms.other}`;
}

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

type Contact = Jurisdiction["leaflet"]["complaintContacts"][number];

function contactLine(contact: Contact, language: LeafletLanguage, texts: LeafletTexts): string {
  const details = [
    contact.phone ? `${texts.contact.phone}: ${contact.phone}` : null,
    contact.email ? `${texts.contact.email}: ${contact.email}` : null,
    contact.web ? `${texts.contact.web}: ${contact.web}` : null,
  ].filter((detail): detail is string => detail !== null);
  // One detail a line: an address that starts a line is not broken at its hyphen.
  return [contact.name[language] ?? contact.name.en, ...details].join("\n");
}

/** A blank line to write on by hand. */
const blank = "_".repeat(34);

export interface LeafletSettings {
  reflectionPeriodDays: number;
  leaflet: Jurisdiction["leaflet"];
}

export function leafletDocument(language: LeafletLanguage, settings: LeafletSettings): PdfDocumentSpec {
  const texts = leafletTexts[language];
  const values = {
    days: daysIn(language, settings.reflectionPeriodDays),
    phone: settings.leaflet.emergencyPhone,
  };
  const blocks: PdfBlock[] = [
    { kind: "paragraph", text: texts.intro.join(" ") },
    { kind: "heading", text: fill(texts.emergency, values) },
    { kind: "paragraph", text: texts.keepSafe },
  ];
  for (const section of leafletSections) {
    const { heading, body } = texts.sections[section];
    blocks.push({ kind: "heading", text: heading });
    blocks.push({ kind: "paragraph", text: fill(body.join(" "), values) });
    if (section === "complaint") {
      blocks.push({
        kind: "list",
        items: settings.leaflet.complaintContacts.map((contact) => contactLine(contact, language, texts)),
      });
    }
  }
  blocks.push({
    kind: "fields",
    rows: [
      [texts.handwritten.contactPerson, blank],
      [texts.handwritten.phone, blank],
    ],
  });
  const others = leafletLanguages.map((code) => leafletLanguageNames[code]).join(", ");
  return {
    title: texts.title,
    language,
    blocks,
    footer: `${texts.footer} ${texts.availableIn} ${others}.`,
  };
}
