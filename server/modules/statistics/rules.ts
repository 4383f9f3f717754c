/**
 * Pure rules behind the statistics: age bands, origin, the person identity key's input, small-cell
 * suppression that cannot be undone from totals, CSV writing and reading.
 */
import type { StatTable } from "../../../shared/statistics";
import { csvField, csvLine } from "../../platform/spreadsheet";

export { csvField };

/** The k that the global CTDC dataset uses: a published count below it could point at a person. */
export const defaultSmallCellThreshold = 11;

/** Age bands as the seeds and CTDC publish them; minors are the first three. */
export const ageBands = [
  "0-8",
  "9-11",
  "12-14",
  "15-17",
  "18-24",
  "25-34",
  "35-49",
  "50+",
  "unknown",
] as const;
export type AgeBand = (typeof ageBands)[number];
export const minorBands: readonly AgeBand[] = ["0-8", "9-11", "12-14", "15-17"];

export function ageBand(age: number | null): AgeBand {
  if (age === null) return "unknown";
  if (age <= 8) return "0-8";
  if (age <= 11) return "9-11";
  if (age <= 14) return "12-14";
  if (age <= 17) return "15-17";
  if (age <= 24) return "18-24";
  if (age <= 34) return "25-34";
  if (age <= 49) return "35-49";
  return "50+";
}

export type Origin = "domestic" | "foreign" | "unknown";

/** Domestic when any citizenship is one of the jurisdiction's home countries (as the pathway). */
export function originOf(citizenship: readonly string[], homeCountries: readonly string[]): Origin {
  if (citizenship.length === 0) return "unknown";
  return citizenship.some((c) => homeCountries.includes(c)) ? "domestic" : "foreign";
}

/**
 * What the exact identity key is computed from: folded name tokens in sorted order (so that a
 * swapped given and family name still match) and the birth date. Null without a birth date or a
 * name: such a record counts as its own person. Only the keyed hash of this text is stored.
 */
export function identityKeyInput(
  givenName: string,
  familyName: string | null | undefined,
  birthDate: string | null | undefined,
): string | null {
  if (!birthDate) return null;
  const tokens = `${givenName} ${familyName ?? ""}`
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[đ]/g, "d")
    .replace(/[ł]/g, "l")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .sort();
  if (tokens.length === 0) return null;
  return `${tokens.join(" ")}|${birthDate}`;
}

// ---------------------------------------------------------------------------------------------
// Small cells

/**
 * A table of counts and which of its margins are published. Margins are sums of the cells (a
 * person counted in one row and one column only); a table whose columns overlap (one person under
 * several exploitation types) publishes no row totals.
 */
export interface CountTable {
  cells: number[][];
  rowTotals: boolean;
  columnTotals: boolean;
}

/** The table with its margins as one grid: rows × columns, then the totals column and row. */
export interface Grid {
  values: number[][];
  /** Linear relations that hold between grid entries: each is a list of [row, col, coefficient]. */
  relations: [number, number, number][][];
}

/** Array access that fails loudly: the indexes below always come from the arrays' own bounds. */
function at<T>(xs: readonly T[], i: number): T {
  const v = xs[i];
  if (v === undefined) throw new RangeError(`index ${i} out of range`);
  return v;
}
const value = (m: readonly (readonly number[])[], i: number, j: number) => at(at(m, i), j);

type Relation = [number, number, number][];

export function gridOf(table: CountTable): Grid {
  const rows = table.cells.length;
  const cols = rows === 0 ? 0 : at(table.cells, 0).length;
  const values = table.cells.map((r) => [...r]);
  const relations: Relation[] = [];
  const line = (length: number, entry: (n: number) => [number, number]): Relation =>
    Array.from({ length }, (_, n) => [...entry(n), 1] as [number, number, number]);
  const rowSum = (i: number) => at(table.cells, i).reduce((a, b) => a + b, 0);
  const colSum = (j: number) => table.cells.reduce((a, r) => a + at(r, j), 0);
  if (table.rowTotals) {
    values.forEach((row, i) => row.push(rowSum(i)));
    for (let i = 0; i < rows; i++) relations.push([...line(cols, (j) => [i, j]), [i, cols, -1]]);
  }
  if (table.columnTotals) {
    const totalsRow = Array.from({ length: cols }, (_, j) => colSum(j));
    if (table.rowTotals) totalsRow.push(totalsRow.reduce((a, b) => a + b, 0));
    values.push(totalsRow);
    for (let j = 0; j < cols; j++) relations.push([...line(rows, (i) => [i, j]), [rows, j, -1]]);
    if (table.rowTotals) {
      // The grand total is the sum of the row totals and of the column totals.
      relations.push([...line(rows, (i) => [i, cols]), [rows, cols, -1]]);
      relations.push([...line(cols, (j) => [rows, j]), [rows, cols, -1]]);
    }
  }
  return { values, relations };
}

/**
 * Which suppressed entries an attacker could compute exactly from the published ones through the
 * table's sums: solves the linear system of relations restricted to the suppressed unknowns (row
 * reduction); an unknown is determined exactly when the reduced system holds a row naming it alone.
 */
export function recoverableCells(
  grid: Grid,
  suppressed: readonly (readonly boolean[])[],
): [number, number][] {
  const unknowns: [number, number][] = [];
  const indexOf = new Map<string, number>();
  grid.values.forEach((row, i) =>
    row.forEach((_, j) => {
      if (suppressed[i]?.[j]) {
        indexOf.set(`${i},${j}`, unknowns.length);
        unknowns.push([i, j]);
      }
    }),
  );
  const n = unknowns.length;
  if (n === 0) return [];
  const matrix: number[][] = [];
  for (const relation of grid.relations) {
    const row = new Array<number>(n).fill(0);
    let any = false;
    for (const [i, j, c] of relation) {
      const k = indexOf.get(`${i},${j}`);
      if (k !== undefined) {
        row[k] = at(row, k) + c;
        any = true;
      }
    }
    if (any) matrix.push(row);
  }
  // Reduced row echelon form (entries are small integers and their ratios: a tolerance suffices).
  const eps = 1e-9;
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let col = 0; col < n && pivotRow < matrix.length; col++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < matrix.length; r++)
      if (Math.abs(value(matrix, r, col)) > Math.abs(value(matrix, best, col))) best = r;
    if (Math.abs(value(matrix, best, col)) < eps) continue;
    const p = at(matrix, best);
    matrix[best] = at(matrix, pivotRow);
    matrix[pivotRow] = p;
    const pv = at(p, col);
    for (let c = 0; c < n; c++) p[c] = at(p, c) / pv;
    matrix.forEach((other, r) => {
      if (r === pivotRow) return;
      const f = at(other, col);
      if (Math.abs(f) < eps) return;
      for (let c = 0; c < n; c++) other[c] = at(other, c) - f * at(p, c);
    });
    pivots.push(col);
    pivotRow++;
  }
  const determined: [number, number][] = [];
  pivots.forEach((col, r) => {
    const others = at(matrix, r).some((v, c) => c !== col && Math.abs(v) > eps);
    if (!others) determined.push(at(unknowns, col));
  });
  return determined;
}

/**
 * Primary suppression of every entry (cell or margin) from 1 to k−1, then complementary
 * suppression until no suppressed entry can be computed from the published ones: first, in every
 * sum with exactly one suppressed entry, the smallest other entry (non-zero first) is suppressed
 * too; then, while the linear system still determines an entry, the smallest published entry of a
 * relation holding it. Zeros are published: a zero count names nobody.
 */
export function suppress(table: CountTable, k: number): { grid: Grid; suppressed: boolean[][] } {
  const grid = gridOf(table);
  const suppressed = grid.values.map((row) => row.map((v) => v > 0 && v < k));
  const published = (i: number, j: number) => !at(at(suppressed, i), j);
  const hide = ([i, j]: [number, number]) => {
    at(suppressed, i)[j] = true;
  };
  const pickIn = (relation: Relation): [number, number] | null => {
    const candidates = relation.filter(([i, j]) => published(i, j));
    // Non-zero first, then the smallest: the least information lost.
    candidates.sort(([ai, aj], [bi, bj]) => {
      const a = value(grid.values, ai, aj);
      const b = value(grid.values, bi, bj);
      if ((a === 0) !== (b === 0)) return a === 0 ? 1 : -1;
      return a - b;
    });
    const first = candidates[0];
    return first ? [first[0], first[1]] : null;
  };
  for (let guard = 0; guard < 100_000; guard++) {
    let changed = false;
    for (const relation of grid.relations) {
      if (relation.filter(([i, j]) => !published(i, j)).length !== 1) continue;
      const pick = pickIn(relation);
      if (pick) {
        hide(pick);
        changed = true;
      }
    }
    if (changed) continue;
    const [recoverable] = recoverableCells(grid, suppressed);
    if (!recoverable) break;
    const [ri, rj] = recoverable;
    const pick = grid.relations
      .filter((rel) => rel.some(([i, j]) => i === ri && j === rj))
      .map(pickIn)
      .find((p) => p !== null);
    if (!pick) break;
    hide(pick);
  }
  return { grid, suppressed };
}

/** The published table: suppressed entries become null. */
export function publishTable(
  meta: Omit<StatTable, "cells" | "rowTotals" | "columnTotals" | "total" | "suppressedCount" | "k">,
  table: CountTable,
  k: number | null,
): StatTable {
  const rows = table.cells.length;
  const cols = meta.columns.length;
  const { grid, suppressed } =
    k === null
      ? (() => {
          const g = gridOf(table);
          return { grid: g, suppressed: g.values.map((r) => r.map(() => false)) };
        })()
      : suppress(table, k);
  const figure = (i: number, j: number) => (at(at(suppressed, i), j) ? null : value(grid.values, i, j));
  const cells = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => figure(i, j)));
  const rowTotals = table.rowTotals ? Array.from({ length: rows }, (_, i) => figure(i, cols)) : null;
  const columnTotals = table.columnTotals ? Array.from({ length: cols }, (_, j) => figure(rows, j)) : null;
  const total = table.columnTotals && table.rowTotals ? figure(rows, cols) : null;
  const suppressedCount = suppressed.flat().filter(Boolean).length;
  return { ...meta, k, cells, rowTotals, columnTotals, total, suppressedCount };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** The mark of a suppressed figure in exports ("[c]", confidential, as national statistics offices write it). */
export const suppressedMark = "[c]";

/** The cells of a table as exported (CSV and XLSX alike): header, rows, totals; "[c]" for a suppressed figure. */
export function tableGrid(table: StatTable, rowHeader: string, totalLabel: string): (string | number)[][] {
  const figure = (v: number | null): string | number => (v === null ? suppressedMark : v);
  const grid: (string | number)[][] = [
    [rowHeader, ...table.columns, ...(table.rowTotals ? [totalLabel] : [])],
  ];
  table.rows.forEach((row, i) => {
    grid.push([
      row,
      ...(table.cells[i] ?? []).map(figure),
      ...(table.rowTotals ? [figure(table.rowTotals[i] ?? null)] : []),
    ]);
  });
  if (table.columnTotals)
    grid.push([
      totalLabel,
      ...table.columnTotals.map(figure),
      ...(table.rowTotals ? [figure(table.total)] : []),
    ]);
  return grid;
}

export function tableCsv(table: StatTable, rowHeader: string, totalLabel: string): string {
  return `${tableGrid(table, rowHeader, totalLabel).map(csvLine).join("\r\n")}\r\n`;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

// ---------------------------------------------------------------------------------------------
// Record-level export: k-anonymity

export const suppressedValue = "Suppressed";

/**
 * k-anonymity by local suppression: while some records share their combination of
 * quasi-identifiers with fewer than k−1 others, the next quasi-identifier in `order` is replaced by
 * "Suppressed" in those records only; records still in a class below k at the end are left out.
 * The report counts every value suppressed, by field, and every record left out.
 */
export function kAnonymise<R extends Record<string, string>>(
  records: readonly R[],
  order: readonly (keyof R & string)[],
  k: number,
): { records: R[]; suppressedValues: Record<string, number>; droppedRecords: number } {
  const out = records.map((r) => ({ ...r }));
  const suppressedValues: Record<string, number> = Object.fromEntries(order.map((f) => [f, 0]));
  const classKey = (r: R) => order.map((f) => r[f]).join("\u0000");
  const rare = () => {
    const sizes = new Map<string, number>();
    for (const r of out) sizes.set(classKey(r), (sizes.get(classKey(r)) ?? 0) + 1);
    return out.filter((r) => (sizes.get(classKey(r)) ?? 0) < k);
  };
  for (const field of order) {
    const small = rare();
    if (small.length === 0) break;
    for (const r of small) {
      if (r[field] !== suppressedValue) {
        (r as Record<string, string>)[field] = suppressedValue;
        suppressedValues[field] = (suppressedValues[field] ?? 0) + 1;
      }
    }
  }
  const left = new Set(rare());
  return { records: out.filter((r) => !left.has(r)), suppressedValues, droppedRecords: left.size };
}

// ---------------------------------------------------------------------------------------------
// Differential privacy

/**
 * Laplace noise of scale 1/ε for counts of sensitivity 1 (one person adds or removes one from one
 * cell of a table whose cells partition people). `uniform` returns values in [0, 1).
 */
export function laplaceNoise(epsilon: number, uniform: () => number): number {
  const scale = 1 / epsilon;
  let u = uniform() - 0.5;
  while (u === -0.5) u = uniform() - 0.5;
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

/**
 * A differentially private table: noise on every cell (ε-DP, each person in one cell), then
 * post-processing that spends no budget: rounding, no negative counts, margins as sums.
 */
export function noisyCells(
  cells: readonly (readonly number[])[],
  epsilon: number,
  uniform: () => number,
): number[][] {
  return cells.map((row) => row.map((v) => Math.max(0, Math.round(v + laplaceNoise(epsilon, uniform)))));
}
