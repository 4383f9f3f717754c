/**
 * Blocking: a query is compared only with records that share at least one key, never with
 * everyone. Several keys, so that one spelling error does not hide a duplicate:
 *
 *   n:  a family and a given name key in sorted order (a word's skeleton, or the variant group
 *       of a given name: Sasha and Aleksandr meet), so given and family names swapped still
 *       meet; it tolerates any birth date error
 *   f:  any one name key with the birth year (the other name changed: marriage, a typo in its
 *       first letters, an unknown variant; the same key for either field, so swaps meet too)
 *   i:  a family name key with the given name's first letter (a typo later in the given name
 *       and no birth date)
 *   d:  the birth date with day and month in either order, and the sex (both names written
 *       differently)
 */
import { nameGroupsOf, skeleton } from "./normalise";
import {
  addToFrequencies,
  scorePair,
  type NameFrequencies,
  type PairScore,
  type PreparedPerson,
} from "./score";

/** Keys of one name field: each word's skeleton, and the variant groups of given-name words. */
function nameKeys(tokens: readonly string[]): string[] {
  const keys: string[] = [];
  for (const token of tokens) {
    const key = skeleton(token);
    if (key.length > 0 && !keys.includes(key)) keys.push(key);
    for (const g of nameGroupsOf(token)) if (!keys.includes(`#${g}`)) keys.push(`#${g}`);
  }
  return keys;
}

export function blockingKeys(p: PreparedPerson): string[] {
  const keys = new Set<string>();
  const given = nameKeys(p.givenTokens.slice(0, 2));
  const family = nameKeys(p.familyTokens.slice(0, 3));
  const year = p.birth.year;
  for (const f of family) {
    for (const g of given) if (f !== g) keys.add(f < g ? `n:${f}|${g}` : `n:${g}|${f}`);
    if (year !== null) keys.add(`f:${f}|${year}`);
    if (given.length === 0) keys.add(`n:${f}`);
  }
  if (year !== null) for (const g of given) keys.add(`f:${g}|${year}`);
  // A family name with the given name's first letter (a typo later in the given name, no date).
  const initial = p.givenTokens[0]?.[0];
  if (initial !== undefined) for (const f of family) if (!f.startsWith("#")) keys.add(`i:${f}|${initial}`);
  if (family.length === 0) for (const g of given) keys.add(`n:${g}`);
  const { month, day } = p.birth;
  if (year !== null && month !== null && day !== null && !p.birth.estimated) {
    const [lo, hi] = month < day ? [month, day] : [day, month];
    keys.add(`d:${year}-${lo}-${hi}|${p.sex ?? ""}`);
  }
  return [...keys];
}

/** Blocks larger than this are not compared within (a key shared by thousands says nothing). */
const largestBlock = 5_000;

export interface Candidate {
  index: number;
  person: PreparedPerson;
  score: PairScore;
}

/** An in-memory index of blocking keys over prepared records. */
export class MatchIndex {
  readonly people: PreparedPerson[] = [];
  readonly frequencies: NameFrequencies = {
    total: 0,
    family: new Map(),
    given: new Map(),
    givenByCountry: new Map(),
    countries: new Map(),
  };
  private readonly blocks = new Map<string, number[]>();
  private seen = new Int32Array(0);
  private stamp = 0;

  add(p: PreparedPerson): number {
    const index = this.people.length;
    this.people.push(p);
    addToFrequencies(this.frequencies, p);
    for (const key of blockingKeys(p)) {
      const block = this.blocks.get(key);
      if (block) block.push(index);
      else this.blocks.set(key, [index]);
    }
    return index;
  }

  /** Calls `visit` once for each indexed record sharing a block with `p` (other than `self`). */
  private forEachCandidate(
    p: PreparedPerson,
    self: number,
    after: boolean,
    visit: (index: number) => void,
  ): void {
    if (this.seen.length < this.people.length) {
      const grown = new Int32Array(Math.max(this.people.length, this.seen.length * 2, 1024));
      grown.set(this.seen);
      this.seen = grown;
    }
    this.stamp += 1;
    const stamp = this.stamp;
    for (const key of blockingKeys(p)) {
      const block = this.blocks.get(key);
      if (!block || block.length > largestBlock) continue;
      for (const j of block) {
        if (j === self || (after && j <= self) || this.seen[j] === stamp) continue;
        this.seen[j] = stamp;
        visit(j);
      }
    }
  }

  /** Indexed records that may be `p`, best first, with probability at least `minimum`. */
  query(p: PreparedPerson, minimum: number, limit = 20): Candidate[] {
    const found: Candidate[] = [];
    this.forEachCandidate(p, -1, false, (j) => {
      const person = this.people[j];
      if (!person) return;
      const score = scorePair(p, person, this.frequencies);
      if (score.probability >= minimum) found.push({ index: j, person, score });
    });
    found.sort((x, y) => y.score.probability - x.score.probability);
    return found.slice(0, limit);
  }

  /** Every pair of indexed records judged one person (probability at least `minimum`). */
  pairs(minimum: number, visit: (a: PreparedPerson, b: PreparedPerson, score: PairScore) => void): void {
    for (let i = 0; i < this.people.length; i++) {
      const a = this.people[i];
      if (!a) continue;
      this.forEachCandidate(a, i, true, (j) => {
        const b = this.people[j];
        if (!b) return;
        const score = scorePair(a, b, this.frequencies);
        if (score.probability >= minimum) visit(a, b, score);
      });
    }
  }
}
