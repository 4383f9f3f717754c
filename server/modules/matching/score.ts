/**
 * Whether two records are one person: Fellegi–Sunter record linkage. Each field is compared into
 * an agreement level; each level has m = P(level | same person) and u = P(level | different
 * people); the evidence is the sum of log2(m/u) over the fields, added to the prior log-odds that
 * two records taken at random are one person, and turned into a probability.
 *
 * Calibration (documented, not estimated at run time): m comes from the error rates observed in
 * registrations made without documents (DOMAIN.md, identification) and reproduced by the
 * benchmark's generator (bench/matching.ts): about one name in ten spelled differently, one date in
 * three incomplete, a few per cent swapped or mistyped. u for an exact name is the frequency of
 * that name among the records compared (a shared "Ivanova" says less than a shared "Zghurska"),
 * smoothed towards 1 in 500 for small files; u for dates is the chance that two random birth dates
 * in a 45-year span agree that way. For a family name one letter off, or one part of a double
 * name shared, u is also the name's own frequency (a long-tail name nearly equal is strong
 * evidence, a common one nearly equal is not). Sex and citizenship: disagreeing is strong evidence
 * against; agreeing adds almost nothing when the given name already says the sex (Tatiana) or the
 * family name the country (Ciobanu), so that the same evidence is not counted twice.
 */
import { compareBirthDates, type BirthDate, type DateAgreement } from "./dates";
import { jaroWinkler, withinOneEdit } from "./jaro";
import { nameTokens, phoneticWord, sameNameGroup } from "./normalise";

export type Sex = "F" | "M";

export interface PersonRecord {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: BirthDate;
  sex: Sex | null;
  citizenship: string | null;
}

/** A record with its keys computed once. */
export interface PreparedPerson {
  id: string;
  givenFold: string;
  familyFold: string;
  givenPhon: string;
  familyPhon: string;
  givenTokens: string[];
  familyTokens: string[];
  birth: BirthDate;
  sex: Sex | null;
  citizenship: string | null;
}

export function preparePerson(record: PersonRecord): PreparedPerson {
  const citizenship = record.citizenship?.trim().toUpperCase() || null;
  const given = nameTokens(record.givenName, citizenship);
  const family = nameTokens(record.familyName, citizenship);
  const givenTokens = given.map(phoneticWord).filter((t) => t.length > 0);
  const familyTokens = family.map(phoneticWord).filter((t) => t.length > 0);
  return {
    id: record.id,
    givenFold: given.join(" "),
    familyFold: family.join(" "),
    givenPhon: givenTokens.join(""),
    familyPhon: familyTokens.join(""),
    givenTokens,
    familyTokens,
    birth: record.birthDate,
    sex: record.sex,
    citizenship,
  };
}

export type NameAgreement =
  "exact" | "phonetic" | "variant" | "token" | "close" | "similar" | "differs" | "missing";

function tokenAgreement(a: string[], b: string[], given: boolean): "phonetic" | "variant" | "close" | null {
  let variant = false;
  let close = false;
  for (const x of a) {
    for (const y of b) {
      if (x === y) return "phonetic";
      if (given && !variant && sameNameGroup(x, y)) variant = true;
      if (!close && x.length >= 4 && y.length >= 4 && (withinOneEdit(x, y) || jaroWinkler(x, y) >= 0.94))
        close = true;
    }
  }
  return variant ? "variant" : close ? "close" : null;
}

/** How two names agree; given names also by variant (nickname) groups. */
export function compareNames(
  aFold: string,
  aPhon: string,
  aTokens: string[],
  bFold: string,
  bPhon: string,
  bTokens: string[],
  given: boolean,
): NameAgreement {
  if (aPhon.length === 0 || bPhon.length === 0) return "missing";
  if (aFold === bFold) return "exact";
  if (aPhon === bPhon) return "phonetic";
  const single = aTokens.length === 1 && bTokens.length === 1;
  if (given && single && sameNameGroup(aPhon, bPhon)) return "variant";
  // One typing error (a letter left out, added, changed or two swapped) in a name of some length.
  if (Math.min(aPhon.length, bPhon.length) >= 4 && withinOneEdit(aPhon, bPhon)) return "close";
  const jw = jaroWinkler(aPhon, bPhon);
  if (jw >= 0.92) return "close";
  if (!single) {
    const byToken = tokenAgreement(aTokens, bTokens, given);
    if (byToken === "phonetic") return "token";
    if (byToken === "variant") return "variant";
    if (byToken === "close") return "similar";
  }
  if (jw >= 0.85) return "similar";
  return "differs";
}

/**
 * Counts of name keys among the records compared, for the u of an exact agreement. Given names are
 * also counted per citizenship: a shared family name already says the country (Ivanenko is
 * Ukrainian), and "Tetiana" is common among Ukrainian women though rare among all records.
 */
export interface NameFrequencies {
  total: number;
  family: Map<string, number>;
  given: Map<string, number>;
  givenByCountry?: Map<string, number>;
  countries?: Map<string, number>;
}

export function countNames(people: Iterable<PreparedPerson>): NameFrequencies {
  const frequencies: NameFrequencies = {
    total: 0,
    family: new Map(),
    given: new Map(),
    givenByCountry: new Map(),
    countries: new Map(),
  };
  for (const p of people) addToFrequencies(frequencies, p);
  return frequencies;
}

const increment = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export function addToFrequencies(frequencies: NameFrequencies, p: PreparedPerson): void {
  frequencies.total += 1;
  increment(frequencies.family, p.familyPhon);
  increment(frequencies.given, p.givenPhon);
  if (p.citizenship && frequencies.givenByCountry && frequencies.countries) {
    increment(frequencies.givenByCountry, `${p.citizenship}|${p.givenPhon}`);
    increment(frequencies.countries, p.citizenship);
  }
}

const log2 = Math.log2;

/** Smoothed share of records bearing a name: toward 1 in 500 when few records are known. */
function nameShare(count: number, total: number): number {
  const prior = 0.002;
  const strength = 2_000;
  return (count + prior * strength) / (total + strength);
}

/** m and u of each name level except exact agreement, whose u is the name's frequency. */
const nameLevels: Record<Exclude<NameAgreement, "missing">, { m: number; u: number | null }> = {
  // Equal once transliterated counts as equal: the same name is written in several scripts by
  // matches and non-matches alike, so the spelling difference is no evidence either way.
  exact: { m: 0.93, u: null },
  phonetic: { m: 0.93, u: null },
  variant: { m: 0.04, u: 0.004 },
  token: { m: 0.04, u: 0.0005 },
  close: { m: 0.06, u: 0.0015 },
  similar: { m: 0.03, u: 0.01 },
  // Entirely different for one person: scripts, variants, nicknames and typos are the other levels.
  differs: { m: 0.002, u: 0.98 },
};

const dateLevels: Record<DateAgreement, { m: number; u: number }> = {
  exact: { m: 0.55, u: 1 / (365.25 * 45) },
  day_month_swapped: { m: 0.04, u: 1 / (365.25 * 45) },
  one_part_differs: { m: 0.09, u: (1 / 45) * (1 / 12 + 1 / 30) },
  year_typo: { m: 0.02, u: (1 / 365.25) * (4 / 45) },
  year_equal: { m: 0.003, u: 1 / 45 },
  year_only_equal: { m: 0.17, u: 1 / 45 },
  year_near: { m: 0.06, u: 2 / 45 },
  year_near_2: { m: 0.02, u: 2 / 45 },
  year_digit: { m: 0.01, u: 0.1 },
  differs: { m: 0.004, u: 0.9 },
  missing: { m: 1, u: 1 },
};

/**
 * Names written in each other's field: a clerk's error in about one record in 25. The crosswise
 * agreement is scored with the direct fields' frequencies, which overstate how often a family name
 * is someone's given name, so the penalty is smaller than log2(1/25).
 */
const swapPenalty = -2;

export type Reason =
  | `family.${NameAgreement}`
  | `given.${NameAgreement}`
  | "names.swapped"
  | `birth.${DateAgreement}`
  | "sex.equal"
  | "sex.differs"
  | "citizenship.equal"
  | "citizenship.differs";

export interface PairScore {
  /** Probability that the two records are one person, 0 to 1. */
  probability: number;
  /** Evidence in bits (log2 likelihood ratio), before the prior. */
  weight: number;
  reasons: Reason[];
}

function nameWeight(level: NameAgreement, share: () => number, nearShare?: () => number): number {
  if (level === "missing") return 0;
  const { m, u } = nameLevels[level];
  if (u === null) return log2(m / share());
  // A family name from the long tail nearly equal, or one part of a double name equal: as rare as
  // the name itself (a random record is seldom one letter from "Vlorilurushi"), never rarer.
  if (nearShare && (level === "close" || level === "token")) return log2(m / Math.min(u, nearShare()));
  return log2(m / u);
}

/**
 * How often a random record's family name is near these: for one part of a double name, that
 * part's share; for a name one letter apart, one and a half times the commoner's share (the name
 * itself and its few misspellings).
 */
function nearFamilyShare(frequencies: NameFrequencies, a: PreparedPerson, b: PreparedPerson): number {
  const shared = a.familyTokens.filter((t) => b.familyTokens.includes(t));
  if (shared.length > 0) return Math.max(...shared.map((t) => familyShare(frequencies, t)));
  return 1.5 * Math.max(familyShare(frequencies, a.familyPhon), familyShare(frequencies, b.familyPhon));
}

/** Below this many records of a citizenship, its given-name counts say too little. */
const countryMinimum = 200;

function familyShare(frequencies: NameFrequencies, key: string): number {
  return nameShare(frequencies.family.get(key) ?? 0, frequencies.total);
}

function givenShare(frequencies: NameFrequencies, key: string, citizenship: string | null): number {
  const inCountry = citizenship ? frequencies.countries?.get(citizenship) : undefined;
  if (citizenship && inCountry !== undefined && inCountry >= countryMinimum)
    return nameShare(frequencies.givenByCountry?.get(`${citizenship}|${key}`) ?? 0, inCountry);
  return nameShare(frequencies.given.get(key) ?? 0, frequencies.total);
}

/** A name written in the other field: as rare as the rarer reading of it. */
function eitherShare(frequencies: NameFrequencies, key: string): number {
  return Math.max(familyShare(frequencies, key), givenShare(frequencies, key, null));
}

/**
 * Prior log-odds that two records are one person, among `population` records: about three other
 * records of the same person per record. The benchmark's population holds about one; the larger
 * figure calibrates the probabilities, which the independence of the fields otherwise makes too
 * cautious: on the benchmark, pairs scored about 0.5 are one person about half the time.
 */
export function priorBits(population: number): number {
  return log2(3 / Math.max(population, 1));
}

export function scorePair(a: PreparedPerson, b: PreparedPerson, frequencies: NameFrequencies): PairScore {
  const family = compareNames(
    a.familyFold,
    a.familyPhon,
    a.familyTokens,
    b.familyFold,
    b.familyPhon,
    b.familyTokens,
    false,
  );
  const given = compareNames(
    a.givenFold,
    a.givenPhon,
    a.givenTokens,
    b.givenFold,
    b.givenPhon,
    b.givenTokens,
    true,
  );
  const sameCountry = a.citizenship !== null && a.citizenship === b.citizenship ? a.citizenship : null;
  let nameBits =
    nameWeight(
      family,
      () => familyShare(frequencies, a.familyPhon),
      () => nearFamilyShare(frequencies, a, b),
    ) + nameWeight(given, () => givenShare(frequencies, a.givenPhon, sameCountry));
  let familyLevel = family;
  let givenLevel = given;
  let swapped = false;
  if (family !== "exact" && family !== "phonetic") {
    const f2 = compareNames(
      a.familyFold,
      a.familyPhon,
      a.familyTokens,
      b.givenFold,
      b.givenPhon,
      b.givenTokens,
      false,
    );
    const g2 = compareNames(
      a.givenFold,
      a.givenPhon,
      a.givenTokens,
      b.familyFold,
      b.familyPhon,
      b.familyTokens,
      true,
    );
    // Names swapped are both found in the other field; one crosswise agreement alone is chance.
    const bothAgree = f2 !== "differs" && f2 !== "missing" && g2 !== "differs" && g2 !== "missing";
    if (bothAgree) {
      const swappedBits =
        nameWeight(f2, () => eitherShare(frequencies, a.familyPhon)) +
        nameWeight(g2, () => eitherShare(frequencies, a.givenPhon)) +
        swapPenalty;
      if (swappedBits > nameBits) {
        nameBits = swappedBits;
        familyLevel = f2;
        givenLevel = g2;
        swapped = true;
      }
    }
  }
  const dateLevel = compareBirthDates(a.birth, b.birth);
  const date = dateLevels[dateLevel];
  let weight = nameBits + log2(date.m / date.u);
  const reasons: Reason[] = [`family.${familyLevel}`, `given.${givenLevel}`];
  if (swapped) reasons.push("names.swapped");
  reasons.push(`birth.${dateLevel}`);
  const givenAgrees = givenLevel === "exact" || givenLevel === "phonetic" || givenLevel === "variant";
  const familyAgrees = familyLevel === "exact" || familyLevel === "phonetic";
  if (a.sex && b.sex) {
    if (a.sex === b.sex) {
      // A given name already says the sex (Tatiana is a woman): agreeing then adds almost nothing.
      weight += givenAgrees ? log2(0.98 / 0.95) : log2(0.98 / 0.5);
      reasons.push("sex.equal");
    } else {
      weight += log2(0.01 / 0.5);
      reasons.push("sex.differs");
    }
  }
  if (a.citizenship && b.citizenship) {
    if (a.citizenship === b.citizenship) {
      // Names already say much of the country (Krasniqi is Kosovar), so agreeing adds little.
      weight += familyAgrees ? log2(0.93 / 0.9) : log2(0.93 / 0.5);
      reasons.push("citizenship.equal");
    } else {
      weight += log2(0.07 / 0.85);
      reasons.push("citizenship.differs");
    }
  }
  const logOdds = weight + priorBits(frequencies.total);
  return { probability: 1 / (1 + 2 ** -logOdds), weight, reasons };
}

const reasonText: Record<string, string> = {
  "family.exact": "family name equal",
  "family.phonetic": "family name matches across scripts or spellings",
  "family.token": "one part of a double family name matches",
  "family.close": "family name nearly equal",
  "family.similar": "family name similar",
  "family.differs": "family name differs",
  "family.missing": "family name missing",
  "family.variant": "family name is a variant",
  "given.exact": "given name equal",
  "given.phonetic": "given name matches across scripts or spellings",
  "given.variant": "given name is a variant or short form of the other",
  "given.token": "one of the given names matches",
  "given.close": "given name nearly equal",
  "given.similar": "given name similar",
  "given.differs": "given name differs",
  "given.missing": "given name missing",
  "names.swapped": "given and family names swapped",
  "birth.exact": "birth date equal",
  "birth.day_month_swapped": "birth year equal; day and month swapped",
  "birth.one_part_differs": "birth year equal; day or month differs",
  "birth.year_typo": "birth day and month equal; year one digit apart",
  "birth.year_equal": "birth year equal; day and month differ",
  "birth.year_only_equal": "birth year equal",
  "birth.year_near": "birth year one year apart",
  "birth.year_near_2": "birth year two years apart (age estimated)",
  "birth.year_digit": "birth years one digit apart",
  "birth.differs": "birth dates differ",
  "birth.missing": "birth date missing",
  "sex.equal": "sex equal",
  "sex.differs": "sex differs",
  "citizenship.equal": "citizenship equal",
  "citizenship.differs": "citizenship differs",
};

/** The reasons as one English sentence ("family name matches across scripts; birth year equal"). */
export function describeReasons(reasons: readonly Reason[]): string {
  return reasons.map((r) => reasonText[r] ?? r).join("; ");
}
