/**
 * Matching a whole file of records (the command-line contract, scripts/match.ts): the header
 * `id,given_name,family_name,birth_date,sex,citizenship` in, every pair judged one person out.
 */
import { parseCsv } from "./csv";
import { parseBirthDate } from "./dates";
import { MatchIndex } from "./blocking";
import { preparePerson, scorePair, type PersonRecord, type PreparedPerson, type Sex } from "./score";

export const inputColumns = ["id", "given_name", "family_name", "birth_date", "sex", "citizenship"] as const;

/**
 * Pairs at or above this probability are candidates to be one person; they are reported when the
 * grouping below keeps them together (and so are pairs implied by a group). Chosen on the
 * benchmark with the grouping (bench/matching.ts); the probabilities stay a documented calibration.
 */
export const samePersonThreshold = 0.3;

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

/** Largest group of records joined into one person; beyond it chains are not trusted. */
const largestGroup = 8;
/** Below this probability a record is no candidate, nor a rival namesake, for a person. */
const rivalMinimum = 0.05;
/** Two groups join only when their crosswise pairs agree on average at least this much. */
const groupAgreement = 0.15;
/** A record without a full birth date joins a person whose share of its odds is at least this. */
const placementShare = 0.3;

const logit = (p: number) => {
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  return Math.log(q / (1 - q));
};

/**
 * Every pair of records judged one person, id_a before id_b, in a stable order. Records are
 * grouped into persons, and every pair within a person is reported (a pair weak on its own, two
 * later records each written differently from the first, is scored as the person's weakest link).
 *
 * 1. Records with a full birth date, strongest pair first (at or above the threshold). Two groups
 *    join only when they agree on the whole: the mean log-odds of all their crosswise pairs is at
 *    least that of `groupAgreement`; so A~B and B~C do not chain A and C when A and C disagree.
 * 2. Records with only a year or no birth date (the errors that remain are mostly these, with
 *    common names): each joins the person whose records together fit it best, weighed against
 *    every namesake it also fits and against being someone not in the file. The evidence for a
 *    person is the pair odds summed over the person's records: a person registered several
 *    times is more likely to be the one registered again (seeds 000 and 002: re-trafficking), and
 *    a "Natalia Popa, no date" that fits two Natalia Popas born years apart joins neither.
 * 3. Records with only a year or none that found no person: with each other.
 */
export function matchRecords(
  records: readonly PersonRecord[],
  threshold = samePersonThreshold,
): MatchedPair[] {
  const index = new MatchIndex();
  for (const record of records) index.add(preparePerson(record));
  const people = index.people;
  const positions = new Map<PreparedPerson, number>();
  people.forEach((p, i) => positions.set(p, i));
  const scored = new Map<number, number>();
  const pairKey = (i: number, j: number) => (i < j ? i * people.length + j : j * people.length + i);
  const edges: { i: number; j: number; p: number }[] = [];
  const neighbours: number[][] = [];
  const best = new Float64Array(people.length);
  const floor = Math.min(rivalMinimum, threshold);
  index.pairs(floor, (x, y, score) => {
    if (x.id === y.id) return;
    const i = positions.get(x) ?? 0;
    const j = positions.get(y) ?? 0;
    scored.set(pairKey(i, j), score.probability);
    (neighbours[i] ??= []).push(j);
    (neighbours[j] ??= []).push(i);
    best[i] = Math.max(best[i] ?? 0, score.probability);
    best[j] = Math.max(best[j] ?? 0, score.probability);
    if (score.probability >= threshold) edges.push({ i, j, p: score.probability });
  });
  const own = (i: number, j: number): number => {
    const known = scored.get(pairKey(i, j));
    if (known !== undefined) return known;
    const x = people[i];
    const y = people[j];
    if (!x || !y) return 0;
    const p = scorePair(x, y, index.frequencies).probability;
    scored.set(pairKey(i, j), p);
    return p;
  };
  edges.sort((e, f) => f.p - e.p || e.i - f.i || e.j - f.j);
  const groupOf = Int32Array.from({ length: people.length }, (_, i) => i);
  const members = new Map<number, number[]>();
  const weakest = new Map<number, number>();
  const cut = logit(groupAgreement);
  const membersOf = (g: number) => members.get(g) ?? [g];
  /** Mean log-odds of the crosswise pairs of two groups. */
  const linkage = (g: number[], h: number[]) => {
    let sum = 0;
    for (const x of g) for (const y of h) sum += logit(own(x, y));
    return sum / (g.length * h.length);
  };
  const join = (gi: number, gj: number, p: number) => {
    const a = membersOf(gi);
    const b = membersOf(gj);
    const [keep, gone, joined] = a.length >= b.length ? [gi, gj, a.concat(b)] : [gj, gi, b.concat(a)];
    for (const x of membersOf(gone)) groupOf[x] = keep;
    members.delete(gone);
    members.set(keep, joined);
    weakest.set(keep, Math.min(weakest.get(gi) ?? 1, weakest.get(gj) ?? 1, p));
  };
  const weak = people.map((q) => q.birth.month === null || q.birth.day === null || q.birth.estimated);

  // 1. Records with a full birth date, strongest pair first, groups agreeing on the whole.
  for (const { i, j, p } of edges) {
    if (weak[i] || weak[j]) continue;
    const gi = groupOf[i] ?? i;
    const gj = groupOf[j] ?? j;
    if (gi === gj) continue;
    const a = membersOf(gi);
    const b = membersOf(gj);
    if (a.length + b.length > largestGroup || linkage(a, b) < cut) continue;
    join(gi, gj, p);
  }

  // 2. Records with only a year or no birth date, each to the one person it fits best, when no
  //    namesake fits nearly as well: it may be either Natalia Popa born in 1981, so neither.
  const pending = people.map((_, i) => i).filter((i) => weak[i] && (best[i] ?? 0) >= floor);
  /** Log of the odds summed over the person's records, per record placed. */
  const evidence = (g: number[], h: number[]) => {
    let odds = 0;
    for (const x of g)
      for (const y of h) {
        const q = Math.min(own(x, y), 1 - 1e-9);
        odds += q / (1 - q);
      }
    return Math.log(odds / g.length);
  };
  pending.sort((x, y) => (best[y] ?? 0) - (best[x] ?? 0) || x - y);
  const placed = new Uint8Array(people.length);
  for (const w of pending) {
    placed[w] = 1;
    const self = groupOf[w] ?? w;
    const candidates = new Set<number>();
    for (const n of neighbours[w] ?? []) {
      // A record not placed yet is no namesake of its own yet: it is placed after this one.
      if (weak[n] && !placed[n] && (groupOf[n] ?? n) === n && !members.has(n)) continue;
      const g = groupOf[n] ?? n;
      if (g !== self) candidates.add(g);
    }
    const mine = membersOf(self);
    let total = 1;
    let chosen = -1;
    let chosenLink = -Infinity;
    for (const g of candidates) {
      const link = evidence(mine, membersOf(g));
      total += Math.exp(Math.min(link, 50));
      if (link > chosenLink && mine.length + membersOf(g).length <= largestGroup) {
        chosen = g;
        chosenLink = link;
      }
    }
    if (chosen === -1 || chosenLink < cut) continue;
    const share = Math.exp(Math.min(chosenLink, 50)) / total;
    if (share < placementShare) continue;
    let strongest = 0;
    for (const x of mine) for (const y of membersOf(chosen)) strongest = Math.max(strongest, own(x, y));
    join(self, chosen, strongest);
  }

  // 3. Records with only a year or none that found no person: with each other.
  for (const { i, j, p } of edges) {
    if (!weak[i] || !weak[j]) continue;
    const gi = groupOf[i] ?? i;
    const gj = groupOf[j] ?? j;
    if (gi === gj || members.has(gi) || members.has(gj)) continue;
    if (linkage([i], [j]) < cut) continue;
    join(gi, gj, p);
  }
  const pairs: MatchedPair[] = [];
  for (const [group, list] of members) {
    const link = weakest.get(group) ?? threshold;
    for (let s = 0; s < list.length; s++) {
      for (let t = s + 1; t < list.length; t++) {
        const x = people[list[s] ?? 0];
        const y = people[list[t] ?? 0];
        if (!x || !y || x.id === y.id) continue;
        const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
        const direct = own(list[s] ?? 0, list[t] ?? 0);
        pairs.push({ a, b, score: direct >= threshold ? direct : Math.max(direct, link) });
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
