/**
 * Charts of the annual report drawn with pdfkit's own lines, rectangles and text (DejaVu, as every
 * printed document): bars for a year's figures by category, a line for figures by month. A
 * suppressed figure is never drawn as a number, nor as a bar whose length would give it away: its
 * place shows the suppression mark instead.
 */
import type { DrawingBox } from "../../platform/pdf/document";

type Doc = PDFKit.PDFDocument;

export interface ChartSeries {
  name: string;
  /** One figure per category; null when suppressed. */
  values: (number | null)[];
}

export interface ReportChart {
  /** Bars for categories (one group per category, one bar per series); a line for months. */
  kind: "bars" | "line";
  title: string;
  /** What the figures count, written along the value axis. */
  valueAxis: string;
  /** The category axis's name (line charts). */
  categoryAxis: string;
  categories: string[];
  series: ChartSeries[];
  /** Written where a suppressed figure would be. */
  hiddenMark: string;
}

const palette = ["#1c7ed6", "#f08c00", "#2f9e44", "#ae3ec9", "#e03131", "#0c8599", "#5c940d", "#862e9c"];
const ink = { text: "#111111", muted: "#555555", grid: "#dddddd", axis: "#888888", hidden: "#999999" };
const font = { title: 10, label: 8, tick: 7 };
const bar = { height: 9, gap: 2, groupGap: 6 };
const line = { plotHeight: 150, top: 8 };
const titleHeight = 18;
const legendHeight = 14;
const axisHeight = 30;

const colorOf = (i: number) => palette[i % palette.length] ?? "#1c7ed6";

/** Round steps (1, 2 or 5 times a power of ten) from zero to at least the largest figure. */
export function valueTicks(max: number, count = 5): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < max + whole; v += whole) ticks.push(v);
  return ticks;
}

const published = (chart: ReportChart) =>
  chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));

/**
 * The title's lines: a long one wraps once. The height of a drawing is fixed before it is drawn,
 * so the count comes from the title's length (DejaVu Sans Bold at 10 pt averages under 6.5 pt a
 * letter; a box narrower than 450 pt is not used).
 */
const titleLines = (chart: ReportChart) => (chart.title.length * 6.5 > 450 ? 2 : 1);
const titleRoom = (chart: ReportChart) => titleHeight + (titleLines(chart) - 1) * (font.title + 3);

/** The height the chart needs in points. */
export function chartHeight(chart: ReportChart): number {
  const legend = chart.series.length > 1 ? legendHeight : 0;
  const title = titleRoom(chart);
  if (chart.kind === "line") return title + legend + line.top + line.plotHeight + axisHeight;
  const group = chart.series.length * (bar.height + bar.gap) - bar.gap + bar.groupGap;
  return title + legend + chart.categories.length * group + axisHeight;
}

/** Text cut to a width with an ellipsis, drawn on one line. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function label(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  align: "left" | "right" | "center",
) {
  doc.text(fit(doc, text, width), x, y, { width, align, lineBreak: false });
}

function legend(doc: Doc, chart: ReportChart, x: number, y: number, width: number): void {
  if (chart.series.length < 2) return;
  doc.font("regular").fontSize(font.label);
  let at = x;
  chart.series.forEach((s, i) => {
    const w = Math.min(doc.widthOfString(s.name) + 4, width / chart.series.length - 14);
    doc.rect(at, y + 1, 7, 7).fill(colorOf(i));
    doc.fillColor(ink.text);
    label(doc, s.name, at + 10, y, w, "left");
    at += w + 18;
  });
}

function drawBars(doc: Doc, box: DrawingBox, chart: ReportChart, top: number): void {
  doc.font("regular").fontSize(font.label);
  const widest = Math.max(0, ...chart.categories.map((c) => doc.widthOfString(c)));
  const labelWidth = Math.min(box.width * 0.38, widest + 6);
  const valueRoom = Math.max(doc.widthOfString(chart.hiddenMark), doc.widthOfString("000000")) + 6;
  const left = box.x + labelWidth + 6;
  const plotWidth = box.width - labelWidth - 6 - valueRoom;
  const ticks = valueTicks(Math.max(0, ...published(chart)));
  const scale = plotWidth / (ticks[ticks.length - 1] ?? 1);
  const groupHeight = chart.series.length * (bar.height + bar.gap) - bar.gap;
  const plotHeight = chart.categories.length * (groupHeight + bar.groupGap);

  // Grid lines and the value axis under the bars.
  doc.lineWidth(0.4);
  for (const tick of ticks) {
    const x = left + tick * scale;
    doc
      .moveTo(x, top)
      .lineTo(x, top + plotHeight)
      .stroke(tick === 0 ? ink.axis : ink.grid);
  }
  doc.font("regular").fontSize(font.tick).fillColor(ink.muted);
  for (const tick of ticks)
    label(doc, String(tick), left + tick * scale - 20, top + plotHeight + 3, 40, "center");
  doc.fontSize(font.label).fillColor(ink.text);
  label(doc, chart.valueAxis, left, top + plotHeight + 15, plotWidth, "center");

  chart.categories.forEach((category, c) => {
    const groupTop = top + c * (groupHeight + bar.groupGap) + bar.groupGap / 2;
    doc.font("regular").fontSize(font.label).fillColor(ink.text);
    label(doc, category, box.x, groupTop + groupHeight / 2 - font.label / 2 - 1, labelWidth, "right");
    chart.series.forEach((s, i) => {
      const y = groupTop + i * (bar.height + bar.gap);
      const v = s.values[c] ?? null;
      if (v === null) {
        // No bar: its length would show the hidden figure. A dashed frame and the mark instead.
        doc
          .lineWidth(0.5)
          .dash(2, { space: 2 })
          .rect(left, y, Math.min(24, plotWidth), bar.height)
          .stroke(ink.hidden)
          .undash();
        doc.fontSize(font.tick).fillColor(ink.hidden);
        label(doc, chart.hiddenMark, left + 28, y + 1, valueRoom + 40, "left");
        return;
      }
      const w = v * scale;
      if (w > 0) doc.rect(left, y, w, bar.height).fill(colorOf(i));
      doc.fontSize(font.tick).fillColor(ink.text);
      label(doc, String(v), left + w + 3, y + 1, valueRoom, "left");
    });
  });
}

function drawLine(doc: Doc, box: DrawingBox, chart: ReportChart, top: number): void {
  doc.font("regular").fontSize(font.tick);
  const ticks = valueTicks(Math.max(0, ...published(chart)), 4);
  const tickWidth = Math.max(...ticks.map((t) => doc.widthOfString(String(t)))) + 4;
  const left = box.x + tickWidth + 4;
  const plotTop = top + line.top;
  const plotWidth = box.width - tickWidth - 12;
  const plotHeight = line.plotHeight;
  const bottom = plotTop + plotHeight;
  const max = ticks[ticks.length - 1] ?? 1;
  const n = chart.categories.length;
  const xOf = (i: number) => left + (n <= 1 ? plotWidth / 2 : (i * plotWidth) / (n - 1));
  const yOf = (v: number) => bottom - (v / max) * plotHeight;

  doc.fontSize(font.label).fillColor(ink.text);
  label(doc, chart.valueAxis, box.x, top - 4, box.width, "left");
  doc.lineWidth(0.4);
  for (const tick of ticks) {
    doc
      .moveTo(left, yOf(tick))
      .lineTo(left + plotWidth, yOf(tick))
      .stroke(tick === 0 ? ink.axis : ink.grid);
    doc.fontSize(font.tick).fillColor(ink.muted);
    label(doc, String(tick), box.x, yOf(tick) - font.tick / 2, tickWidth, "right");
  }
  // Months of one year are labelled by their number (the year is in the title); every label
  // when they fit, else every second, third...
  const oneYear = new Set(chart.categories.map((c) => c.slice(0, 5))).size === 1;
  const short = (c: string) => (oneYear && /^\d{4}-\d{2}$/.test(c) ? c.slice(5) : c);
  const every = Math.max(1, Math.ceil((n * (oneYear ? 18 : 40)) / plotWidth));
  chart.categories.forEach((category, i) => {
    if (i % every !== 0) return;
    doc.fontSize(font.tick).fillColor(ink.muted);
    label(doc, short(category), xOf(i) - 20, bottom + 3, 40, "center");
  });
  doc.fontSize(font.label).fillColor(ink.text);
  label(doc, chart.categoryAxis, left, bottom + 15, plotWidth, "center");

  chart.series.forEach((s, si) => {
    const color = colorOf(si);
    // The line is broken at a suppressed month: no segment may point at the hidden figure.
    let drawing = false;
    doc.lineWidth(1.2);
    s.values.forEach((v, i) => {
      if (v === null) {
        if (drawing) doc.stroke(color);
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xOf(i), yOf(v));
      else doc.moveTo(xOf(i), yOf(v));
      drawing = true;
    });
    if (drawing) doc.stroke(color);
    s.values.forEach((v, i) => {
      if (v === null) {
        doc.fontSize(font.tick).fillColor(ink.hidden);
        label(doc, chart.hiddenMark, xOf(i) - 25, bottom - 10 - si * 8, 50, "center");
        return;
      }
      doc.circle(xOf(i), yOf(v), 1.8).fill(color);
      if (n <= 24) {
        doc.fontSize(font.tick).fillColor(ink.text);
        label(doc, String(v), xOf(i) - 15, yOf(v) - 10, 30, "center");
      }
    });
  });
}

/** Draws the chart in the box (of chartHeight's height). */
export function drawChart(doc: Doc, box: DrawingBox, chart: ReportChart): void {
  doc.font("bold").fontSize(font.title).fillColor(ink.text);
  if (titleLines(chart) === 1) label(doc, chart.title, box.x, box.y, box.width, "left");
  else
    doc.text(chart.title, box.x, box.y, {
      width: box.width,
      height: 2 * (font.title + 3),
      lineGap: 1,
      ellipsis: true,
    });
  const legendTop = box.y + titleRoom(chart) - 2;
  legend(doc, chart, box.x, legendTop, box.width);
  const top = legendTop + (chart.series.length > 1 ? legendHeight : 0);
  if (chart.kind === "line") drawLine(doc, box, chart, top + 6);
  else drawBars(doc, box, chart, top);
}
