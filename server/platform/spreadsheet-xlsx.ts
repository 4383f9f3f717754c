import ExcelJS from "exceljs";
import { safeCell } from "./spreadsheet";

/** A sheet's cells: text, a number, or an empty cell. */
export type SheetCell = string | number | null;

export interface Sheet {
  /** At most 31 characters, without : \ / ? * [ ] (Excel's rule). */
  name: string;
  rows: readonly (readonly SheetCell[])[];
}

/** An XLSX workbook: the first row of each sheet is its header (bold); text cells neutralised. */
export async function xlsxFile(sheets: readonly Sheet[], created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "OpenNRM";
  workbook.created = created;
  workbook.modified = created;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.replace(/[:\\/?*[\]]/g, "_").slice(0, 31));
    for (const row of sheet.rows)
      worksheet.addRow(row.map((cell) => (typeof cell === "string" ? safeCell(cell) : cell)));
    worksheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The text of one cell as a person reading the sheet sees it; dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return "result" in value && value.result !== undefined ? cellText(value.result) : "";
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : "";
  return "";
}

/** Thrown when the bytes are not a readable XLSX workbook, or it has no sheet. */
export class UnreadableWorkbook extends Error {}

/**
 * The first sheet of an XLSX workbook as rows of text (the shape `parseCsv` returns), empty rows
 * left out. Refuses a sheet of more than `maxRows` rows before converting any cell.
 */
export async function readXlsxTable(
  bytes: Buffer,
  maxRows: number,
): Promise<{ rows: string[][]; tooMany: boolean }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableWorkbook();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableWorkbook();
  if (sheet.actualRowCount > maxRows) return { rows: [], tooMany: true };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((cell) => cell.trim() !== "")) rows.push(cells);
  });
  return { rows, tooMany: false };
}
