/**
 * Spreadsheet files leave the system's access control and are opened in Excel or LibreOffice: a
 * text cell beginning with = + - @, a tab or a carriage return may be run as a formula there
 * (CSV injection, OWASP). Every CSV and XLSX writer of the server passes its text cells through
 * `safeCell`, which prefixes such a cell with a single quote, as OWASP recommends. Numbers written
 * as numbers (a negative figure included) are not text and are left alone.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): neutralised, then quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = safeCell(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: readonly (string | number)[]) => cells.map(csvField).join(",");
