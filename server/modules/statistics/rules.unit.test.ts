import { describe, expect, it } from "vitest";
import {
  ageBand,
  type CountTable,
  gridOf,
  type Grid,
  identityKeyInput,
  kAnonymise,
  laplaceNoise,
  noisyCells,
  originOf,
  parseCsv,
  publishTable,
  recoverableCells,
  suppress,
  suppressedMark,
  suppressedValue,
  tableCsv,
} from "./rules";

/** Seed 001 note 119: TPIU database, victims identified per year, Kosovo and foreign. */
const tpiu: CountTable = {
  cells: [
    [5, 167],
    [3, 86],
    [0, 34],
    [12, 35],
    [18, 31],
  ],
  rowTotals: true,
  columnTotals: true,
};

/** Exact rank over the rationals (fraction-free elimination on BigInt): independent of rules.ts. */
function rank(rows: bigint[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p === -1) continue;
    [m[r], m[p]] = [m[p] as bigint[], m[r] as bigint[]];
    const pivot = m[r] as bigint[];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const row = m[i] as bigint[];
      const f = row[c] as bigint;
      if (f === 0n) continue;
      const pv = pivot[c] as bigint;
      for (let j = 0; j < cols; j++) row[j] = (row[j] as bigint) * pv - f * (pivot[j] as bigint);
    }
    r++;
  }
  return r;
}

/**
 * A suppressed entry is recoverable from the published figures exactly when its unit vector lies
 * in the row space of the relations restricted to the suppressed entries.
 */
function independentlyRecoverable(grid: Grid, suppressed: boolean[][]): [number, number][] {
  const unknowns: [number, number][] = [];
  suppressed.forEach((row, i) => row.forEach((s, j) => s && unknowns.push([i, j])));
  const system = grid.relations
    .map((rel) =>
      unknowns.map(([ui, uj]) =>
        BigInt(rel.filter(([i, j]) => i === ui && j === uj).reduce((a, [, , c]) => a + c, 0)),
      ),
    )
    .filter((row) => row.some((v) => v !== 0n));
  if (system.length === 0) return [];
  const base = rank(system);
  return unknowns.filter((_, n) => rank([...system, unknowns.map((__, m) => (m === n ? 1n : 0n))]) === base);
}

/** Every feasible non-negative value of each suppressed entry, by enumeration (small tables only). */
function feasibleValues(grid: Grid, suppressed: boolean[][], bound: number): Map<string, Set<number>> {
  const unknowns: [number, number][] = [];
  suppressed.forEach((row, i) => row.forEach((s, j) => s && unknowns.push([i, j])));
  const found = new Map<string, Set<number>>(unknowns.map(([i, j]) => [`${i},${j}`, new Set()]));
  const trial = grid.values.map((r) => [...r]);
  const holds = () =>
    grid.relations.every((rel) => rel.reduce((a, [i, j, c]) => a + c * (trial[i]?.[j] ?? 0), 0) === 0);
  const walk = (n: number) => {
    if (n === unknowns.length) {
      if (holds()) unknowns.forEach(([i, j]) => found.get(`${i},${j}`)?.add(trial[i]?.[j] ?? -1));
      return;
    }
    const [i, j] = unknowns[n] as [number, number];
    for (let v = 0; v <= bound; v++) {
      (trial[i] as number[])[j] = v;
      walk(n + 1);
    }
  };
  walk(0);
  return found;
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("small-cell suppression", () => {
  it("suppresses the seed's small cells and their complements, and nothing can be computed back", () => {
    const published = publishTable(
      {
        id: "identified_origin",
        rowDimension: "year",
        columnDimension: "origin",
        rows: ["2001", "2002", "2003", "2004", "2005"],
        columns: ["domestic", "foreign"],
      },
      tpiu,
      11,
    );
    // 5 and 3 are small; each row then holds one hidden cell, so its other cell is hidden too.
    expect(published.cells).toEqual([
      [null, null],
      [null, null],
      [0, 34],
      [12, 35],
      [18, 31],
    ]);
    expect(published.rowTotals).toEqual([172, 89, 34, 47, 49]);
    expect(published.columnTotals).toEqual([38, 353]);
    expect(published.total).toBe(391);
    const { grid, suppressed } = suppress(tpiu, 11);
    expect(recoverableCells(grid, suppressed)).toEqual([]);
    expect(independentlyRecoverable(grid, suppressed)).toEqual([]);
  });

  it("gives a row with exactly one small cell a second suppressed cell", () => {
    const { grid, suppressed } = suppress({ cells: [[4, 20, 30]], rowTotals: true, columnTotals: false }, 11);
    expect(suppressed[0]).toEqual([true, true, false, false]);
    // Published: 30 and the total 54; the hidden pair sums to 24 and either could be 0..24.
    expect(independentlyRecoverable(grid, suppressed)).toEqual([]);
    const values = feasibleValues(grid, suppressed, 24);
    expect(values.get("0,0")?.size).toBe(25);
  });

  it("suppresses a small margin, and a complement for it", () => {
    const { suppressed } = suppress(
      {
        cells: [
          [3, 4],
          [40, 50],
        ],
        rowTotals: true,
        columnTotals: true,
      },
      11,
    );
    // Row 0's total (7) is small too; the column cells under 3 and 4 are hidden with them.
    expect(suppressed[0]).toEqual([true, true, true]);
    expect(suppressed[1]?.slice(0, 2)).toEqual([true, true]);
  });

  it("shows exact figures when no threshold applies", () => {
    const published = publishTable(
      {
        id: "identified_origin",
        rowDimension: "year",
        columnDimension: "origin",
        rows: ["a", "b", "c", "d", "e"],
        columns: ["x", "y"],
      },
      tpiu,
      null,
    );
    expect(published.cells[0]).toEqual([5, 167]);
    expect(published.suppressedCount).toBe(0);
  });

  it("proves on 400 random tables that no suppressed entry is recoverable from the totals", () => {
    const next = random(20260615);
    for (let t = 0; t < 400; t++) {
      const rows = 1 + Math.floor(next() * 4);
      const cols = 1 + Math.floor(next() * 4);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () =>
          next() < 0.2 ? 0 : Math.floor(next() * (next() < 0.5 ? 12 : 60)),
        ),
      );
      const table: CountTable = { cells, rowTotals: next() < 0.8, columnTotals: next() < 0.8 };
      const k = 11;
      const { grid, suppressed } = suppress(table, k);
      // Every entry below k (and above zero) is suppressed.
      grid.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v > 0 && v < k) expect(suppressed[i]?.[j]).toBe(true);
        }),
      );
      // No sum holds exactly one suppressed entry.
      for (const relation of grid.relations)
        expect(relation.filter(([i, j]) => suppressed[i]?.[j]).length).not.toBe(1);
      // And the linear system leaves every suppressed entry undetermined (exact rank test).
      expect(independentlyRecoverable(grid, suppressed)).toEqual([]);
    }
  });

  it("leaves each suppressed cell of small tables at least two possible non-negative values", () => {
    const next = random(7);
    let checked = 0;
    for (let t = 0; t < 60; t++) {
      const cells = Array.from({ length: 2 }, () => Array.from({ length: 2 }, () => Math.floor(next() * 14)));
      const table: CountTable = { cells, rowTotals: true, columnTotals: true };
      const { grid, suppressed } = suppress(table, 11);
      const bound = Math.max(...grid.values.flat());
      const onlyCells = suppressed.map((row, i) => row.map((s, j) => s && i < 2 && j < 2));
      const marginsHidden =
        suppressed.flat().filter(Boolean).length > onlyCells.flat().filter(Boolean).length;
      if (marginsHidden || bound > 40 || !onlyCells.flat().some(Boolean)) continue;
      checked++;
      for (const [cell, values] of feasibleValues(grid, onlyCells, bound))
        expect(values.size, `table ${JSON.stringify(cells)} cell ${cell}`).toBeGreaterThan(1);
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("identity key input", () => {
  it("folds names, ignores their order and needs a birth date", () => {
    expect(identityKeyInput("Marína", "Testová", "1999-04-02")).toBe("marina testova|1999-04-02");
    expect(identityKeyInput("Testova", "MARINA", "1999-04-02")).toBe("marina testova|1999-04-02");
    expect(identityKeyInput("Đurđa", null, "2001-01-01")).toBe("durda|2001-01-01");
    expect(identityKeyInput("Marina", "Testova", null)).toBeNull();
    expect(identityKeyInput("Marina", "Testova", "1999-04-03")).not.toBe(
      identityKeyInput("Marina", "Testova", "1999-04-02"),
    );
  });
});

describe("bands and origin", () => {
  it("bands ages as published, minors apart", () => {
    expect([ageBand(null), ageBand(8), ageBand(17), ageBand(18), ageBand(50)]).toEqual([
      "unknown",
      "0-8",
      "15-17",
      "18-24",
      "50+",
    ]);
  });
  it("reads origin from citizenship and the home countries", () => {
    expect(originOf(["XK"], ["XK"])).toBe("domestic");
    expect(originOf(["AL", "XK"], ["XK"])).toBe("domestic");
    expect(originOf(["MD"], ["XK"])).toBe("foreign");
    expect(originOf([], ["XK"])).toBe("unknown");
  });
});

describe("CSV", () => {
  it("marks suppressed figures and reads back", () => {
    const published = publishTable(
      {
        id: "identified_origin",
        rowDimension: "year",
        columnDimension: "origin",
        rows: ["2001", "2002", "2003", "2004", "2005"],
        columns: ["domestic", "foreign"],
      },
      tpiu,
      11,
    );
    const csv = tableCsv(published, "year", "total");
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(["year", "domestic", "foreign", "total"]);
    expect(rows[1]).toEqual(["2001", suppressedMark, suppressedMark, "172"]);
    expect(rows[6]).toEqual(["total", "38", "353", "391"]);
  });
  it("parses quotes, doubled quotes and CRLF, and neutralises formulas on export", () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n1,2,3\n')).toEqual([
      ["a", "b, c", 'd "e"'],
      ["1", "2", "3"],
    ]);
    const grid = gridOf({ cells: [[1]], rowTotals: false, columnTotals: false });
    expect(grid.relations).toEqual([]);
  });
});

describe("k-anonymity of the record-level export", () => {
  it("makes every combination of quasi-identifiers occur at least k times, and reports what it took", () => {
    const next = random(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
    const records = Array.from({ length: 3000 }, () => ({
      year: pick(["2001", "2002", "2003", "2004", "2005"]),
      gender: pick(["Feminine", "Feminine", "Feminine", "Masculine"]),
      citizenship: pick(["MD", "MD", "RO", "UA", "BG", "AL", "XK", "RS", "RU"]),
      age: pick(["12-14", "15-17", "18-24", "18-24", "25-34", "35-49", "50+"]),
      exploitation: pick([
        "SexualExploitation",
        "SexualExploitation",
        "ForcedLabour",
        "ForcedBegging",
        "Servitude",
      ]),
    }));
    const order = ["exploitation", "citizenship", "age", "gender", "year"] as const;
    for (const k of [5, 11, 25]) {
      const result = kAnonymise(records, order, k);
      const sizes = new Map<string, number>();
      for (const r of result.records) {
        const key = order.map((f) => r[f]).join("|");
        sizes.set(key, (sizes.get(key) ?? 0) + 1);
      }
      expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(k);
      expect(result.records.length + result.droppedRecords).toBe(records.length);
      const suppressed = result.records.reduce(
        (n, r) => n + order.filter((f) => r[f] === suppressedValue).length,
        0,
      );
      // The report counts every suppressed value of the records that remain (and of those dropped).
      expect(Object.values(result.suppressedValues).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
        suppressed,
      );
      expect(result.suppressedValues.exploitation).toBeGreaterThan(0);
    }
  });
  it("drops what cannot be hidden in a crowd", () => {
    const result = kAnonymise([{ a: "x" }, { a: "y" }], ["a"], 3);
    expect(result).toEqual({ records: [], suppressedValues: { a: 2 }, droppedRecords: 2 });
  });
});

describe("differential privacy", () => {
  it("draws Laplace noise of scale 1/ε: mean absolute value, variance and tails match ε", () => {
    const next = random(42);
    for (const epsilon of [0.1, 0.5, 1]) {
      const scale = 1 / epsilon;
      const n = 200_000;
      const samples = Array.from({ length: n }, () => laplaceNoise(epsilon, next));
      const mean = samples.reduce((a, b) => a + b, 0) / n;
      const meanAbs = samples.reduce((a, b) => a + Math.abs(b), 0) / n;
      const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
      expect(Math.abs(mean)).toBeLessThan(0.02 * scale);
      expect(meanAbs / scale).toBeGreaterThan(0.98);
      expect(meanAbs / scale).toBeLessThan(1.02);
      expect(variance / (2 * scale * scale)).toBeGreaterThan(0.96);
      expect(variance / (2 * scale * scale)).toBeLessThan(1.04);
      // P(|X| > t) = exp(−t/b), and the ε-DP ratio of densities one count apart: e^ε.
      for (const t of [0.5, 1, 2]) {
        const tail = samples.filter((x) => Math.abs(x) > t * scale).length / n;
        expect(Math.abs(tail - Math.exp(-t))).toBeLessThan(0.01);
      }
      const near = samples.filter((x) => x >= 0 && x < 1).length;
      const oneAway = samples.filter((x) => x >= 1 && x < 2).length;
      expect(Math.log(near / oneAway)).toBeCloseTo(epsilon, 1);
    }
  });
  it("rounds, never goes below zero, and keeps the table's shape", () => {
    const cells = noisyCells(
      [
        [0, 5],
        [100, 3],
      ],
      0.5,
      random(3),
    );
    expect(cells).toHaveLength(2);
    for (const v of cells.flat()) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
  });
});
