import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvField, csvLine, safeCell } from "./spreadsheet";
import { readXlsxTable, UnreadableWorkbook, xlsxFile } from "./spreadsheet-xlsx";

describe("safeCell", () => {
  it("prefixes a quote to text that a spreadsheet would run as a formula", () => {
    expect(safeCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(safeCell("+1+1")).toBe("'+1+1");
    expect(safeCell("-2+3")).toBe("'-2+3");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("\t=1")).toBe("'\t=1");
    expect(safeCell("\r=1")).toBe("'\r=1");
  });
  it("leaves other text alone", () => {
    for (const text of ["", "Bar Luna", "2004", "a=b", " =1", "[c]", "'quoted"])
      expect(safeCell(text)).toBe(text);
  });
});

describe("CSV fields", () => {
  it("neutralises, then quotes", () => {
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField("\r\n")).toBe(`"'\r\n"`);
  });
  it("writes numbers as numbers, a negative one included", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvLine(["year", -1, "-1"])).toBe("year,-1,'-1");
  });
});

describe("XLSX", () => {
  it("writes neutralised text cells and number cells, and reads them back", async () => {
    const bytes = await xlsxFile(
      [
        {
          name: "a/b:c",
          rows: [
            ["name", "count"],
            ["=1+1", -3],
            ["@x", null],
            ["plain", 4],
          ],
        },
      ],
      new Date("2026-01-01T00:00:00Z"),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe("a_b_c");
    expect(sheet?.getCell("A2").value).toBe("'=1+1");
    expect(sheet?.getCell("A2").formula).toBeUndefined();
    expect(sheet?.getCell("B2").value).toBe(-3);
    expect(sheet?.getCell("A3").value).toBe("'@x");
    expect(sheet?.getCell("B4").value).toBe(4);
    const read = await readXlsxTable(bytes, 100);
    expect(read.rows).toEqual([["name", "count"], ["'=1+1", "-3"], ["'@x"], ["plain", "4"]]);
  });
  it("reads dates as YYYY-MM-DD, formulas by their result, rich text as its text; refuses too many rows", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("s");
    sheet.addRow(["date", "sum", "rich"]);
    sheet.addRow([
      new Date(Date.UTC(2004, 1, 29)),
      { formula: "1+1", result: 2 },
      { richText: [{ text: "Dri" }, { text: "ta" }] },
    ]);
    sheet.addRow([]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect((await readXlsxTable(bytes, 100)).rows).toEqual([
      ["date", "sum", "rich"],
      ["2004-02-29", "2", "Drita"],
    ]);
    expect(await readXlsxTable(bytes, 1)).toEqual({ rows: [], tooMany: true });
    await expect(readXlsxTable(Buffer.from("plain text"), 10)).rejects.toBeInstanceOf(UnreadableWorkbook);
  });
});
