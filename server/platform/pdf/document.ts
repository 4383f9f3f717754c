/**
 * Printable documents (a rights leaflet, a return hand-over file) as a plain list of blocks, rendered
 * to an A4 PDF. The font is DejaVu Sans from the npm package `dejavu-fonts-ttf`, embedded (as a
 * subset) so that every script a person may read renders on any machine: Latin with diacritics
 * (Albanian, Romanian, Serbian Latin) and Cyrillic (Russian, Ukrainian, Bulgarian). DOMAIN.md:
 * rights information is given in the person's own language, which a box instead of a letter is not.
 */
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "fields"; rows: Array<[label: string, value: string]> }
  /**
   * A figure drawn by `draw` in a box of the content width and `height` points, kept on one page.
   * The fonts "regular" and "bold" are registered.
   */
  | { kind: "drawing"; height: number; draw: (doc: PDFKit.PDFDocument, box: DrawingBox) => void };

export interface DrawingBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfDocumentSpec {
  title: string;
  /** BCP-47-ish language code, written into the PDF's metadata. */
  language: string;
  blocks: PdfBlock[];
  footer?: string;
  /**
   * A file that carries a person's data out of the system opens only with this password
   * (AES-256, PDF 1.7 extension level 3); printing is allowed, changing and copying are not.
   */
  password?: string;
}

const require = createRequire(import.meta.url);
export const pdfFonts = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
} as const;

/**
 * A fixed creation date: the same spec always gives the same bytes, so a printed document carries no
 * trace of when (and so for which case) it was made.
 */
const creationDate = new Date(Date.UTC(2000, 0, 1));

const margin = { top: 56, bottom: 64, left: 56, right: 56 };
const size = { title: 18, heading: 13, body: 11, footer: 8.5 };
const color = { text: "#111111", muted: "#555555", rule: "#999999" };
const gap = { afterTitle: 14, beforeHeading: 10, afterHeading: 4, afterBlock: 8, listIndent: 16 };

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points still fit on this one. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc) && doc.y > doc.page.margins.top) doc.addPage();
}

function heading(doc: Doc, text: string, keepWith = size.body * 2.5): void {
  doc.font("bold").fontSize(size.heading);
  const width = contentWidth(doc);
  const height = doc.heightOfString(text, { width });
  // A heading is never left alone at the foot of a page: keep room for a line (or the drawing) after it.
  ensureRoom(doc, gap.beforeHeading + height + gap.afterHeading + keepWith);
  if (doc.y > doc.page.margins.top) doc.y += gap.beforeHeading;
  doc.fillColor(color.text).text(text, doc.page.margins.left, doc.y, { width });
  doc.y += gap.afterHeading;
}

function paragraph(doc: Doc, text: string): void {
  doc.font("regular").fontSize(size.body).fillColor(color.text);
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.y += gap.afterBlock;
}

function list(doc: Doc, items: readonly string[]): void {
  doc.font("regular").fontSize(size.body).fillColor(color.text);
  const left = doc.page.margins.left;
  const width = contentWidth(doc) - gap.listIndent;
  for (const item of items) {
    ensureRoom(doc, doc.currentLineHeight(true) + 2);
    const top = doc.y;
    doc.text("•", left + 4, top, { width: gap.listIndent, lineBreak: false });
    doc.text(item, left + gap.listIndent, top, { width, lineGap: 2 });
    doc.y += 3;
  }
  doc.y += gap.afterBlock - 3;
}

function fields(doc: Doc, rows: ReadonlyArray<readonly [string, string]>): void {
  const left = doc.page.margins.left;
  const total = contentWidth(doc);
  const labelWidth = Math.round(total * 0.36);
  const valueWidth = total - labelWidth - 10;
  doc.y += gap.afterBlock;
  for (const [label, value] of rows) {
    doc.font("bold").fontSize(size.body);
    const labelHeight = doc.heightOfString(label, { width: labelWidth, lineGap: 2 });
    doc.font("regular");
    const valueHeight = doc.heightOfString(value || " ", { width: valueWidth, lineGap: 2 });
    // A row that fits on one page is kept together; a longer one flows on from a fresh page.
    ensureRoom(doc, Math.max(labelHeight, Math.min(valueHeight, bottomLimit(doc) - doc.page.margins.top)));
    const top = doc.y;
    const page = doc.page;
    doc.font("bold").fillColor(color.text).text(label, left, top, { width: labelWidth, lineGap: 2 });
    const afterLabel = doc.y;
    doc.font("regular").text(value, left + labelWidth + 10, top, { width: valueWidth, lineGap: 2 });
    // When the value flowed onto another page, it alone decides where the next row starts.
    if (doc.page === page) doc.y = Math.max(doc.y, afterLabel);
    doc.y += 4;
  }
  doc.y += gap.afterBlock - 4;
}

function drawing(doc: Doc, height: number, draw: (doc: Doc, box: DrawingBox) => void): void {
  const room = Math.min(height, bottomLimit(doc) - doc.page.margins.top);
  ensureRoom(doc, room);
  const box = { x: doc.page.margins.left, y: doc.y, width: contentWidth(doc), height: room };
  doc.save();
  draw(doc, box);
  doc.restore();
  doc.font("regular").fontSize(size.body).fillColor(color.text);
  doc.x = box.x;
  doc.y = box.y + box.height + gap.afterBlock;
}

/** The footer and "page n / N" on every page, drawn inside the bottom margin. */
function footers(doc: Doc, footer: string | undefined): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Text below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    const y = doc.page.height - bottom + 18;
    doc
      .strokeColor(color.rule)
      .lineWidth(0.5)
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .stroke();
    doc.font("regular").fontSize(size.footer).fillColor(color.muted);
    const pageLabel = `${i - range.start + 1} / ${range.count}`;
    const pageLabelWidth = doc.widthOfString(pageLabel) + 4;
    if (footer) doc.text(footer, left, y, { width: width - pageLabelWidth - 12, lineGap: 1 });
    doc.text(pageLabel, left + width - pageLabelWidth, y, {
      width: pageLabelWidth,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** Renders the document: A4, text wrapped to the page width, new pages as the text needs them. */
export async function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: margin,
    lang: spec.language,
    displayTitle: true,
    bufferPages: true,
    info: { Title: spec.title, CreationDate: creationDate, Producer: "OpenNRM", Creator: "OpenNRM" },
    ...(spec.password
      ? {
          pdfVersion: "1.7ext3" as const,
          userPassword: spec.password,
          ownerPassword: randomBytes(32).toString("hex"),
          permissions: { printing: "highResolution" as const },
        }
      : {}),
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.registerFont("regular", pdfFonts.regular);
  doc.registerFont("bold", pdfFonts.bold);

  doc.font("bold").fontSize(size.title).fillColor(color.text);
  doc.text(spec.title, doc.page.margins.left, doc.page.margins.top, { width: contentWidth(doc) });
  doc.y += gap.afterTitle;

  for (const [i, block] of spec.blocks.entries()) {
    switch (block.kind) {
      case "heading": {
        const next = spec.blocks[i + 1];
        heading(doc, block.text, next?.kind === "drawing" ? Math.min(next.height, 400) : undefined);
        break;
      }
      case "paragraph":
        paragraph(doc, block.text);
        break;
      case "list":
        list(doc, block.items);
        break;
      case "fields":
        fields(doc, block.rows);
        break;
      case "drawing":
        drawing(doc, block.height, block.draw);
        break;
    }
  }

  footers(doc, spec.footer);
  doc.end();
  return finished;
}
