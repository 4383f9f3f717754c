import type { StatisticsDashboard, StatTable, StatTableId } from "../../../shared/statistics";
import type { PdfBlock, PdfDocumentSpec } from "../../platform/pdf/document";
import { suppressedMark } from "./rules";

export const reportLanguages = ["en", "sq"] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

const text: Record<
  ReportLanguage,
  {
    title: (year: number) => string;
    intro: (k: number) => string;
    total: string;
    none: string;
    tables: Record<StatTableId, string>;
    origin: Record<string, string>;
    footer: string;
  }
> = {
  en: {
    title: (year) => `National Referral Mechanism: annual statistics ${year}`,
    intro: (k) =>
      `Counts of distinct people, each counted once, in the year of their first identification; re-identifications apart. Figures below ${k}, and those that would reveal them from the totals, are hidden (${suppressedMark}).`,
    total: "Total",
    none: "No figures.",
    tables: {
      identified_origin: "People identified, by origin",
      identified_citizenship: "People identified, by citizenship",
      identified_age: "People identified, by age",
      identified_gender: "People identified, by gender",
      identified_exploitation: "People identified, by form of exploitation",
      identified_source: "People identified, by how they came to notice",
      reidentified_origin: "Re-identifications of people already counted",
      referrals_status: "Referrals",
      assistance_service: "People who took up assistance, by service",
      outcomes: "Case outcomes (approved closures)",
      reflection_extensions: "People whose reflection period was extended, by origin",
      shelter_occupancy: "People in shelters, by month",
      police_operations: "Police operations, people identified in them and arrests",
    },
    origin: { domestic: "Domestic", foreign: "Foreign", unknown: "Unknown" },
    footer: "Aggregate figures only: no person can be identified from this report.",
  },
  sq: {
    title: (year) => `Mekanizmi Kombëtar i Referimit: statistikat vjetore ${year}`,
    intro: (k) =>
      `Numri i personave të ndryshëm, secili i numëruar një herë, në vitin e identifikimit të parë; ri-identifikimet veçmas. Shifrat nën ${k}, dhe ato që do t'i zbulonin nga totalet, janë të fshehura (${suppressedMark}).`,
    total: "Gjithsej",
    none: "Nuk ka shifra.",
    tables: {
      identified_origin: "Persona të identifikuar, sipas origjinës",
      identified_citizenship: "Persona të identifikuar, sipas shtetësisë",
      identified_age: "Persona të identifikuar, sipas moshës",
      identified_gender: "Persona të identifikuar, sipas gjinisë",
      identified_exploitation: "Persona të identifikuar, sipas formës së shfrytëzimit",
      identified_source: "Persona të identifikuar, sipas mënyrës së zbulimit",
      reidentified_origin: "Ri-identifikime të personave të numëruar më parë",
      referrals_status: "Referimet",
      assistance_service: "Persona që pranuan ndihmë, sipas shërbimit",
      outcomes: "Përfundimet e rasteve (mbyllje të miratuara)",
      reflection_extensions: "Persona të cilëve iu zgjat periudha e reflektimit, sipas origjinës",
      shelter_occupancy: "Persona në strehimore, sipas muajit",
      police_operations: "Operacione policore, persona të identifikuar në to dhe arrestime",
    },
    origin: { domestic: "Vendës", foreign: "Të huaj", unknown: "E panjohur" },
    footer: "Vetëm shifra të përmbledhura: asnjë person nuk mund të identifikohet nga ky raport.",
  },
};

const figure = (v: number | null) => (v === null ? suppressedMark : String(v));

function tableBlocks(table: StatTable, language: ReportLanguage): PdfBlock[] {
  const t = text[language];
  const label = (code: string) => (table.columnDimension === "origin" ? (t.origin[code] ?? code) : code);
  const blocks: PdfBlock[] = [{ kind: "heading", text: t.tables[table.id] }];
  if (table.rows.length === 0) return [...blocks, { kind: "paragraph", text: t.none }];
  const rows: [string, string][] = table.rows.map((row, i) => [
    row,
    [
      ...table.columns.map((c, j) => `${label(c)} ${figure(table.cells[i]?.[j] ?? null)}`),
      ...(table.rowTotals ? [`${t.total} ${figure(table.rowTotals[i] ?? null)}`] : []),
    ].join(" · "),
  ]);
  if (table.columnTotals)
    rows.push([
      t.total,
      [
        ...table.columns.map((c, j) => `${label(c)} ${figure(table.columnTotals?.[j] ?? null)}`),
        ...(table.rowTotals ? [`${t.total} ${figure(table.total)}`] : []),
      ].join(" · "),
    ]);
  return [...blocks, { kind: "fields", rows }];
}

/** The annual report: the dashboard's tables for one year, suppressed as every export is. */
export function annualReport(
  dashboard: StatisticsDashboard,
  year: number,
  language: ReportLanguage,
): PdfDocumentSpec {
  const t = text[language];
  return {
    title: t.title(year),
    language,
    blocks: [
      { kind: "paragraph", text: t.intro(dashboard.k ?? 0) },
      ...dashboard.tables.flatMap((table) => tableBlocks(table, language)),
    ],
    footer: t.footer,
  };
}
