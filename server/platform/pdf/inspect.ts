/**
 * Reads back what a PDF made by renderPdf shows, for tests: the text of each page as its embedded
 * fonts' ToUnicode maps spell it, the glyphs drawn with no shape in the font (.notdef, a box on
 * paper), the fonts embedded and the document language. Only the subset of PDF that pdfkit writes
 * (uncompressed object headers, Flate streams, hex-string TJ operators) is understood.
 */
import zlib from "node:zlib";

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

export interface PdfContents {
  /** Each page's text in drawing order, one line per text operator. */
  pages: string[];
  /** Names of the embedded font programs (BaseFont without the subset tag). */
  fonts: string[];
  /** Glyphs drawn as .notdef: characters the font has no glyph for. */
  missingGlyphs: number;
  /** The catalog's /Lang. */
  language: string | null;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const id = Number(match[1]);
    const start = match.index + match[0].length;
    const end = text.indexOf("endobj", start);
    const body = text.slice(start, end);
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt < 0) {
      objects.set(id, { dictionary: body, stream: null });
      continue;
    }
    const dictionary = body.slice(0, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1] ?? "0");
    const dataStart = start + streamAt + (/\bstream\r?\n/.exec(body)?.[0].length ?? 0);
    const raw = pdf.subarray(dataStart, dataStart + length);
    const stream = dictionary.includes("/FlateDecode") ? zlib.inflateSync(raw) : Buffer.from(raw);
    objects.set(id, { dictionary, stream });
    header.lastIndex = end;
  }
  return objects;
}

const refTo = (dictionary: string, key: string): number | null => {
  const found = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  return found ? Number(found[1]) : null;
};

/** A ToUnicode CMap (pdfkit writes bfrange arrays) as glyph id → text. */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const range = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g;
  for (let match = range.exec(cmap); match; match = range.exec(cmap)) {
    const first = parseInt(match[1] ?? "0", 16);
    const entries = [...(match[3] ?? "").matchAll(/<([^>]*)>/g)].map((entry) => entry[1] ?? "");
    entries.forEach((hex, offset) => {
      const units = (hex.replace(/\s+/g, "").match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16));
      map.set(first + offset, String.fromCharCode(...units));
    });
  }
  const single = /<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4,})>/g;
  const chars = /beginbfchar([\s\S]*?)endbfchar/g;
  for (let block = chars.exec(cmap); block; block = chars.exec(cmap)) {
    for (let match = single.exec(block[1] ?? ""); match; match = single.exec(block[1] ?? "")) {
      const units = (match[2]?.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16));
      map.set(parseInt(match[1] ?? "0", 16), String.fromCharCode(...units));
    }
  }
  return map;
}

export function readPdf(pdf: Buffer): PdfContents {
  const objects = objectsOf(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  const fonts: string[] = [];
  for (const [id, object] of objects) {
    if (!/\/Type \/Font\b/.test(object.dictionary) || !/\/Subtype \/Type0\b/.test(object.dictionary))
      continue;
    const toUnicode = refTo(object.dictionary, "ToUnicode");
    const cmap = toUnicode === null ? undefined : objects.get(toUnicode)?.stream;
    if (cmap) cmaps.set(id, parseCmap(cmap.toString("latin1")));
  }
  for (const object of objects.values()) {
    const descriptor = /\/Type \/FontDescriptor\b/.test(object.dictionary);
    const name = /\/FontName \/(?:[A-Z]{6}\+)?([^\s/>]+)/.exec(object.dictionary)?.[1];
    const embedded = /\/FontFile[23]? \d+ 0 R/.test(object.dictionary);
    if (descriptor && name && embedded) fonts.push(name);
  }

  // Page order follows the Kids of the page tree.
  const root = [...objects.values()].find((object) => /\/Type \/Catalog\b/.test(object.dictionary));
  const language = root ? (/\/Lang \(([^)]*)\)/.exec(root.dictionary)?.[1] ?? null) : null;
  const treeId = root ? refTo(root.dictionary, "Pages") : null;
  const tree = treeId === null ? undefined : objects.get(treeId);
  const kids = [
    ...(/\/Kids \[([^\]]*)\]/.exec(tree?.dictionary ?? "")?.[1] ?? "").matchAll(/(\d+) 0 R/g),
  ].map((match) => Number(match[1]));

  let missingGlyphs = 0;
  const pages = kids.map((pageId) => {
    const page = objects.get(pageId);
    const resourcesId = page ? refTo(page.dictionary, "Resources") : null;
    const resources = resourcesId === null ? "" : (objects.get(resourcesId)?.dictionary ?? "");
    const fontBlock = /\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? "";
    const fontByName = new Map(
      [...fontBlock.matchAll(/\/([^\s/]+) (\d+) 0 R/g)].map((m) => [m[1] ?? "", Number(m[2])]),
    );
    const contentsId = page ? refTo(page.dictionary, "Contents") : null;
    const content =
      (contentsId === null ? undefined : objects.get(contentsId)?.stream)?.toString("latin1") ?? "";
    const lines: string[] = [];
    let cmap = new Map<number, string>();
    const operators = /\/([^\s/]+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)*)\] TJ/g;
    for (let match = operators.exec(content); match; match = operators.exec(content)) {
      if (match[1] !== undefined) {
        cmap = cmaps.get(fontByName.get(match[1]) ?? -1) ?? new Map<number, string>();
        continue;
      }
      let line = "";
      for (const hex of (match[2] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (const code of hex[1]?.match(/.{4}/g) ?? []) {
          const glyph = parseInt(code, 16);
          if (glyph === 0) missingGlyphs += 1;
          line += cmap.get(glyph) ?? "\uFFFD";
        }
      }
      lines.push(line);
    }
    return lines.join("\n");
  });

  return { pages, fonts, missingGlyphs, language };
}

/** Runs of white space as one space, for comparing text that was wrapped into lines. */
export const flattenText = (text: string): string => text.replace(/\s+/g, " ").trim();
