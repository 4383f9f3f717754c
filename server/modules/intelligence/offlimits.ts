import type { OffLimitsLanguage, PremisesKind, PremisesStatus } from "../../../shared/intelligence";
import type { PdfDocumentSpec } from "../../platform/pdf/document";
import { csvLine, listChanges, type OffLimitsEntry } from "./rules";

interface Texts {
  title: string;
  intro: string;
  version: string;
  date: string;
  count: string;
  changes: string;
  added: string;
  removed: string;
  none: string;
  columns: [string, string, string, string, string, string];
  kinds: Record<PremisesKind, string>;
  statuses: Record<PremisesStatus, string>;
  footer: string;
}

/** The list as issued to international personnel (seed 002), in English and Albanian. */
export const offLimitsTexts: Record<OffLimitsLanguage, Texts> = {
  en: {
    title: "Off-limits premises",
    intro:
      "International personnel must not enter or use the premises below. The list replaces every earlier version.",
    version: "Version",
    date: "Date",
    count: "Premises",
    changes: "Changes since the previous version",
    added: "Added",
    removed: "Removed",
    none: "No changes",
    columns: ["Name", "Kind", "Address", "Municipality", "Region", "Status"],
    kinds: {
      night_bar: "Night bar",
      club: "Club",
      motel: "Motel",
      hotel: "Hotel",
      restaurant: "Restaurant",
      cafe: "Café",
      private_flat: "Private flat",
      private_house: "Private house",
    },
    statuses: {
      suspected: "Suspected",
      off_limits: "Off limits",
      closed_by_order: "Closed by court order",
      reopened: "Reopened",
      cleared: "Cleared",
    },
    footer: "Restricted: for international personnel only. Do not post or copy.",
  },
  sq: {
    title: "Lokalet e ndaluara",
    intro:
      "Personeli ndërkombëtar nuk duhet të hyjë apo të përdorë lokalet më poshtë. Lista zëvendëson çdo version të mëparshëm.",
    version: "Versioni",
    date: "Data",
    count: "Lokale",
    changes: "Ndryshimet nga versioni i mëparshëm",
    added: "Të shtuara",
    removed: "Të hequra",
    none: "Asnjë ndryshim",
    columns: ["Emri", "Lloji", "Adresa", "Komuna", "Rajoni", "Statusi"],
    kinds: {
      night_bar: "Bar nate",
      club: "Klub",
      motel: "Motel",
      hotel: "Hotel",
      restaurant: "Restorant",
      cafe: "Kafene",
      private_flat: "Banesë private",
      private_house: "Shtëpi private",
    },
    statuses: {
      suspected: "I dyshuar",
      off_limits: "I ndaluar",
      closed_by_order: "I mbyllur me urdhër gjykate",
      reopened: "I rihapur",
      cleared: "I liruar",
    },
    footer: "E kufizuar: vetëm për personelin ndërkombëtar. Mos e shpallni e mos e kopjoni.",
  },
};

export interface OffLimitsVersion {
  version: number;
  publishedOn: string;
  entries: OffLimitsEntry[];
  previous: OffLimitsEntry[];
}

const describe = (t: Texts, e: OffLimitsEntry) =>
  `${e.name} — ${t.kinds[e.kind]}, ${e.address}, ${e.municipality}`;

export function offLimitsPdf(
  language: OffLimitsLanguage,
  v: OffLimitsVersion,
  regionName: (code: string) => string,
): PdfDocumentSpec {
  const t = offLimitsTexts[language];
  const { added, removed } = listChanges(v.previous, v.entries);
  return {
    title: t.title,
    language,
    blocks: [
      {
        kind: "fields",
        rows: [
          [t.version, String(v.version)],
          [t.date, v.publishedOn],
          [t.count, String(v.entries.length)],
        ],
      },
      { kind: "paragraph", text: t.intro },
      ...v.entries.flatMap((e) => [
        { kind: "heading" as const, text: e.name },
        {
          kind: "fields" as const,
          rows: [
            [t.columns[1], t.kinds[e.kind]],
            [t.columns[2], e.address],
            [t.columns[3], e.municipality],
            [t.columns[4], regionName(e.region)],
            [t.columns[5], t.statuses[e.status]],
          ] as Array<[string, string]>,
        },
      ]),
      { kind: "heading", text: t.changes },
      ...(added.length + removed.length === 0
        ? [{ kind: "paragraph" as const, text: t.none }]
        : [
            ...(added.length > 0
              ? [
                  { kind: "paragraph" as const, text: `${t.added}:` },
                  { kind: "list" as const, items: added.map((e) => describe(t, e)) },
                ]
              : []),
            ...(removed.length > 0
              ? [
                  { kind: "paragraph" as const, text: `${t.removed}:` },
                  { kind: "list" as const, items: removed.map((e) => describe(t, e)) },
                ]
              : []),
          ]),
    ],
    footer: `${t.title} · ${t.version} ${v.version} · ${v.publishedOn} · ${t.footer}`,
  };
}

/** The CSV: one line per premises, then the premises removed since the previous version. */
export function offLimitsCsv(
  language: OffLimitsLanguage,
  v: OffLimitsVersion,
  regionName: (code: string) => string,
): string {
  const t = offLimitsTexts[language];
  const { added, removed } = listChanges(v.previous, v.entries);
  const addedIds = new Set(added.map((e) => e.id));
  const change = language === "sq" ? "Ndryshimi" : "Change";
  const lines = [csvLine([t.version, t.date, ...t.columns, change])];
  const row = (e: OffLimitsEntry, what: string) =>
    csvLine([
      String(v.version),
      v.publishedOn,
      e.name,
      t.kinds[e.kind],
      e.address,
      e.municipality,
      regionName(e.region),
      t.statuses[e.status],
      what,
    ]);
  for (const e of v.entries) lines.push(row(e, addedIds.has(e.id) ? t.added : ""));
  for (const e of removed) lines.push(row(e, t.removed));
  return `${lines.join("\r\n")}\r\n`;
}
