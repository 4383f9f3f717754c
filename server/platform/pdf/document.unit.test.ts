import { describe, expect, it } from "vitest";
import { type PdfBlock, renderPdf } from "./document";
import { flattenText, readPdf } from "./inspect";

/** Text in each script a leaflet is printed in, with the letters that other fonts lack. */
const scripts: Record<string, string> = {
  sq: "Të drejtat tuaja: çdo njeri ka të drejtë për ndihmë. Ë Ç ë ç",
  ro: "Aveți dreptul la un avocat și la un interpret în țară. Ă Â Î Ș Ț ă â î ș ț",
  sr: "Imate pravo na zaštitu, pomoć i naknadu štete. Č Ć Š Ž Đ č ć š ž đ",
  ru: "Вы имеете право на защиту, помощь и компенсацию. Ёё Ъъ Ыы Ээ",
  uk: "Ви маєте право на захист і допомогу. Ґґ Єє Іі Її ’",
  bg: "Имате право на защита, помощ и обезщетение. Щщ Ъъ Юю Яя",
};

describe("renderPdf", () => {
  it("writes an A4 PDF whose text reads back exactly, in every script of the leaflet", async () => {
    for (const [language, text] of Object.entries(scripts)) {
      const pdf = await renderPdf({
        title: `${language}: ${text.slice(0, 20)}`,
        language,
        blocks: [
          { kind: "heading", text },
          { kind: "paragraph", text },
          { kind: "list", items: [text, "2"] },
          { kind: "fields", rows: [[text, text]] },
        ],
      });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
      const contents = readPdf(pdf);
      expect(contents.language).toBe(language);
      expect(contents.missingGlyphs).toBe(0);
      expect(contents.fonts.sort()).toEqual(["DejaVuSans", "DejaVuSans-Bold"]);
      expect(contents.pages).toHaveLength(1);
      expect(flattenText(contents.pages[0] ?? "")).toBe(
        flattenText(`${language}: ${text.slice(0, 20)} ${text} ${text} • ${text} • 2 ${text} ${text} 1 / 1`),
      );
    }
  });

  it("shows a character the font cannot draw as a missing glyph, so the check above can fail", async () => {
    const pdf = await renderPdf({
      title: "x",
      language: "zh",
      blocks: [{ kind: "paragraph", text: "漢字" }],
    });
    expect(readPdf(pdf).missingGlyphs).toBe(2);
  });

  it("wraps long text, breaks pages, and puts the footer with page numbers on every page", async () => {
    const sentence = "Ви маєте право на безкоштовну допомогу адвоката та перекладача. ";
    const blocks: PdfBlock[] = [];
    for (let i = 1; i <= 40; i += 1) {
      blocks.push({ kind: "heading", text: `Розділ ${i}` });
      blocks.push({ kind: "paragraph", text: sentence.repeat(4).trim() });
    }
    const footer = "Ця пам’ятка безкоштовна.";
    const pdf = await renderPdf({ title: "Ваші права", language: "uk", blocks, footer });
    const { pages, missingGlyphs } = readPdf(pdf);
    expect(missingGlyphs).toBe(0);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      const lines = page.split("\n");
      expect(lines.slice(-2)).toEqual([footer, `${index + 1} / ${pages.length}`]);
      // Wrapped: no line is a whole paragraph of four sentences.
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(sentence.length * 2);
    });
    const body = pages.map((page) => page.split("\n").slice(0, -2).join("\n")).join("\n");
    const expected = [
      "Ваші права",
      ...blocks.map((block) => (block.kind === "heading" || block.kind === "paragraph" ? block.text : "")),
    ].join(" ");
    expect(flattenText(body)).toBe(flattenText(expected));
  });

  it("flows label-value rows over pages, even a value longer than a page, keeping their order", async () => {
    const value = "Ndihmë juridike falas, strehim i sigurt dhe kujdes mjekësor. ";
    const rows: Array<[string, string]> = [];
    for (let i = 1; i <= 60; i += 1) rows.push([`Fusha ${i}`, value.repeat(i % 7 === 0 ? 3 : 1).trim()]);
    rows.push(["Shënime", value.repeat(120).trim()]);
    const pdf = await renderPdf({ title: "Dorëzimi", language: "sq", blocks: [{ kind: "fields", rows }] });
    const { pages, missingGlyphs } = readPdf(pdf);
    expect(missingGlyphs).toBe(0);
    expect(pages.length).toBeGreaterThan(4);
    const body = pages.map((page) => page.split("\n").slice(0, -1).join("\n")).join("\n");
    expect(flattenText(body)).toBe(
      flattenText(`Dorëzimi ${rows.map(([label, text]) => `${label} ${text}`).join(" ")}`),
    );
  });

  it("embeds the font as a subset and gives the same bytes for the same document", async () => {
    const spec = {
      title: "Вашите права",
      language: "bg",
      blocks: [{ kind: "paragraph" as const, text: "Щ" }],
    };
    const first = await renderPdf(spec);
    expect(first.equals(await renderPdf(spec))).toBe(true);
    // DejaVu Sans is about 750 kB; a subset of a few glyphs is far smaller.
    expect(first.length).toBeLessThan(60_000);
  });
});
