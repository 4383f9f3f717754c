/**
 * Matching a whole file of records (the command-line contract, scripts/match.ts): the header
 * `id,given_name,family_name,birth_date,sex,citizenship` in, every pair judged one person out.
 */
import { parseCsv } from "./csv";
import { parseBirthDate } from "./dates";
import { MatchIndex } from "./blocking";
import { preparePerson, scorePair, type PersonRecord, type PreparedPerson, type Sex } from "./score";

export const inputColumns = ["id", "given_name", "family_name", "birth_date", "sex", "citizenship"] as const;

/** Pairs at or above this probability are reported as one person. */
export const samePersonThreshold = 0.5;

export function parseSex(text: string | undefined): Sex | null {
  const value = (text ?? "").trim().toUpperCase();
  if (value === "F" || value === "FEMALE" || value === "W") return "F";
  if (value === "M" || value === "MALE") return "M";
  return null;
}

/** Reads the records of a CSV text; columns are found by name, so their order may differ. */
export function readRecords(text: string): PersonRecord[] {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const column = (name: (typeof inputColumns)[number]) => header.indexOf(name);
  const at = inputColumns.map(column);
  if (at[0] === -1) throw new Error("the CSV has no id column");
  const [id, given, family, birth, sex, citizenship] = at as [number, number, number, number, number, number];
  const cell = (row: string[], index: number) => (index === -1 ? "" : (row[index] ?? "").trim());
  const records: PersonRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const recordId = cell(row, id);
    if (recordId === "") continue;
    records.push({
      id: recordId,
      givenName: cell(row, given),
      familyName: cell(row, family),
      birthDate: parseBirthDate(cell(row, birth)),
      sex: parseSex(cell(row, sex)),
      citizenship: cell(row, citizenship) || null,
    });
  }
  return records;
}

export interface MatchedPair {
  a: string;
  b: string;
  score: number;
}

/** Largest group of records completed by transitivity; beyond it chains are not trusted. */
const largestGroup = 6;
/** An implied pair must have at least this much direct support of its own. */
const impliedMinimum = 0.05;

/**
 * Every pair of records judged one person, id_a before id_b, in a stable order. Pairs at or above
 * the threshold join records into groups; within a small group, a pair that is weak directly (two
 * later records, each written differently from the first) is also one person when its own score
 * leaves room for it. Its score is then the weakest link of the group.
 */
export function matchRecords(
  records: readonly PersonRecord[],
  threshold = samePersonThreshold,
): MatchedPair[] {
  const index = new MatchIndex();
  const positions = new Map<PreparedPerson, number>();
  for (const record of records) {
    const prepared = preparePerson(record);
    positions.set(prepared, index.add(prepared));
  }
  const parent = Int32Array.from({ length: index.people.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const up = parent[parent[x] ?? x] ?? x;
      parent[x] = up;
      x = up;
    }
    return x;
  };
  const weakest = new Map<number, number>();
  const pairs: MatchedPair[] = [];
  const direct = new Set<string>();
  index.pairs(threshold, (x, y, score) => {
    if (x.id === y.id) return;
    const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
    pairs.push({ a, b, score: score.probability });
    direct.add(`${a}\u0000${b}`);
    const rx = find(positions.get(x) ?? 0);
    const ry = find(positions.get(y) ?? 0);
    const link = Math.min(weakest.get(rx) ?? 1, weakest.get(ry) ?? 1, score.probability);
    if (rx !== ry) parent[rx] = ry;
    weakest.set(ry, link);
  });
  const groups = new Map<number, number[]>();
  for (let i = 0; i < index.people.length; i++) {
    const root = find(i);
    if (root === i && !weakest.has(i)) continue;
    const members = groups.get(root);
    if (members) members.push(i);
    else groups.set(root, [i]);
  }
  for (const [root, members] of groups) {
    if (members.length < 3 || members.length > largestGroup) continue;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const x = index.people[members[i] ?? 0];
        const y = index.people[members[j] ?? 0];
        if (!x || !y || x.id === y.id) continue;
        const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
        if (direct.has(`${a}\u0000${b}`)) continue;
        const own = scorePair(x, y, index.frequencies).probability;
        if (own >= impliedMinimum) pairs.push({ a, b, score: Math.max(own, weakest.get(root) ?? threshold) });
      }
    }
  }
  pairs.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
  const unique: MatchedPair[] = [];
  for (const p of pairs) {
    const last = unique[unique.length - 1];
    if (last && last.a === p.a && last.b === p.b) last.score = Math.max(last.score, p.score);
    else unique.push(p);
  }
  return unique;
}

/**
 * How many distinct people the records stand for (seed 001: each person counted once in the
 * statistics, however many agencies registered her): records judged one person, directly or
 * through others, count once.
 */
export function countDistinctPeople(
  records: readonly PersonRecord[],
  threshold = samePersonThreshold,
): number {
  const at = new Map(records.map((r, i) => [r.id, i]));
  const parent = Int32Array.from({ length: records.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] ?? x;
    return x;
  };
  let groups = new Set(records.map((r) => r.id)).size;
  for (const pair of matchRecords(records, threshold)) {
    const a = find(at.get(pair.a) ?? 0);
    const b = find(at.get(pair.b) ?? 0);
    if (a !== b) {
      parent[a] = b;
      groups -= 1;
    }
  }
  return groups;
}
