import type { StatDimension, StatisticsDashboard, StatTable, StatTableId } from "../../../shared/statistics";
import type { PdfBlock, PdfDocumentSpec } from "../../platform/pdf/document";
import { chartHeight, drawChart, type ReportChart } from "./charts";
import { vocabularyLabels } from "./report-labels";
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
    /** Labels of the codes of other dimensions, where the report has them. */
    codes: Partial<Record<StatDimension, Record<string, string>>>;
    figure: (n: number, title: string, year: number) => string;
    /** What each table's figures count, on the value axis. */
    units: Record<StatTableId, string>;
    month: string;
    hidden: string;
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
      prosecution_funnel: "Prosecution: proceedings opened, defendants charged and convicted",
      sentences_range: "Sentences against the statutory range (convicted charges)",
    },
    origin: { domestic: "Domestic", foreign: "Foreign", unknown: "Unknown" },
    codes: {
      prosecutionStage: {
        proceedings: "Proceedings opened",
        charged: "Defendants charged",
        convicted: "Defendants convicted",
      },
      rangeCheck: {
        below_minimum: "Below the minimum",
        within: "Within the range",
        above_maximum: "Above the maximum",
      },
      policeFigure: {
        operations: "Operations",
        people_found: "People found",
        people_identified: "People identified",
        arrests: "Arrests",
      },
      people: { people: "People" },
    },
    figure: (n, title, year) => `Figure ${n}. ${title}, ${year}`,
    units: {
      identified_origin: "People",
      identified_citizenship: "People",
      identified_age: "People",
      identified_gender: "People",
      identified_exploitation: "People",
      identified_source: "People",
      reidentified_origin: "Re-identifications",
      referrals_status: "Referrals",
      assistance_service: "People",
      outcomes: "Closures",
      reflection_extensions: "People",
      shelter_occupancy: "People in shelters",
      police_operations: "Number",
      prosecution_funnel: "Number",
      sentences_range: "Convicted charges",
    },
    month: "Month",
    hidden: `${suppressedMark} hidden`,
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
      prosecution_funnel: "Ndjekja penale: procedura të hapura, të pandehur të akuzuar dhe të dënuar",
      sentences_range: "Dënimet përkundrejt kufijve ligjorë (akuza me dënim)",
    },
    origin: { domestic: "Vendës", foreign: "Të huaj", unknown: "E panjohur" },
    codes: {
      prosecutionStage: {
        proceedings: "Procedura të hapura",
        charged: "Të pandehur të akuzuar",
        convicted: "Të pandehur të dënuar",
      },
      rangeCheck: {
        below_minimum: "Nën minimumin",
        within: "Brenda kufijve",
        above_maximum: "Mbi maksimumin",
      },
      policeFigure: {
        operations: "Operacione",
        people_found: "Persona të gjetur",
        people_identified: "Persona të identifikuar",
        arrests: "Arrestime",
      },
      people: { people: "Persona" },
    },
    figure: (n, title, year) => `Figura ${n}. ${title}, ${year}`,
    units: {
      identified_origin: "Persona",
      identified_citizenship: "Persona",
      identified_age: "Persona",
      identified_gender: "Persona",
      identified_exploitation: "Persona",
      identified_source: "Persona",
      reidentified_origin: "Ri-identifikime",
      referrals_status: "Referime",
      assistance_service: "Persona",
      outcomes: "Mbyllje",
      reflection_extensions: "Persona",
      shelter_occupancy: "Persona në strehimore",
      police_operations: "Numri",
      prosecution_funnel: "Numri",
      sentences_range: "Akuza me dënim",
    },
    month: "Muaji",
    hidden: `${suppressedMark} e fshehur`,
    footer: "Vetëm shifra të përmbledhura: asnjë person nuk mund të identifikohet nga ky raport.",
  },
};

const figure = (v: number | null) => (v === null ? suppressedMark : String(v));

const countryNames = Object.fromEntries(
  reportLanguages.map((l) => [l, new Intl.DisplayNames([l], { type: "region", fallback: "code" })]),
) as Record<ReportLanguage, Intl.DisplayNames>;

function codeLabel(language: ReportLanguage, dimension: StatDimension, code: string): string {
  const t = text[language];
  if (dimension === "origin" || code === "unknown") return t.origin[code] ?? code;
  if (dimension === "citizenship") {
    try {
      return countryNames[language].of(code) ?? code;
    } catch {
      // Not a region code the runtime knows (a legacy value): the code itself.
      return code;
    }
  }
  const vocabulary: Partial<Record<StatDimension, Record<string, string>>> = vocabularyLabels[language];
  return vocabulary[dimension]?.[code] ?? t.codes[dimension]?.[code] ?? code;
}

/**
 * The table as a chart: a line over the months, else bars for its columns, one bar per row (the
 * report's year). Suppressed figures stay null: the chart marks them, never draws them.
 */
export function tableChart(table: StatTable, language: ReportLanguage, n: number, year: number): ReportChart {
  const t = text[language];
  const title = t.figure(n, t.tables[table.id], year);
  const common = { title, valueAxis: t.units[table.id], hiddenMark: t.hidden };
  if (table.rowDimension === "month")
    return {
      ...common,
      kind: "line",
      categoryAxis: t.month,
      categories: table.rows,
      series: table.columns.map((c, j) => ({
        name: codeLabel(language, table.columnDimension, c),
        values: table.cells.map((row) => row[j] ?? null),
      })),
    };
  return {
    ...common,
    kind: "bars",
    categoryAxis: "",
    categories: table.columns.map((c) => codeLabel(language, table.columnDimension, c)),
    series: table.rows.map((row, i) => ({
      name: row,
      values: table.columns.map((_, j) => table.cells[i]?.[j] ?? null),
    })),
  };
}

function tableBlocks(table: StatTable, language: ReportLanguage, chart: ReportChart | null): PdfBlock[] {
  const t = text[language];
  const label = (code: string) => codeLabel(language, table.columnDimension, code);
  const blocks: PdfBlock[] = [{ kind: "heading", text: t.tables[table.id] }];
  if (table.rows.length === 0) return [...blocks, { kind: "paragraph", text: t.none }];
  if (chart)
    blocks.push({
      kind: "drawing",
      height: chartHeight(chart),
      draw: (doc, box) => drawChart(doc, box, chart),
    });
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
  let figures = 0;
  return {
    title: t.title(year),
    language,
    blocks: [
      { kind: "paragraph", text: t.intro(dashboard.k ?? 0) },
      ...dashboard.tables.flatMap((table) =>
        tableBlocks(
          table,
          language,
          table.rows.length > 0 && table.columns.length > 0
            ? tableChart(table, language, ++figures, year)
            : null,
        ),
      ),
    ],
    footer: t.footer,
  };
}
