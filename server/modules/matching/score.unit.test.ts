import { describe, expect, it } from "vitest";
import { MatchIndex } from "./blocking";
import { parseBirthDate } from "./dates";
import { countDistinctPeople, matchRecords, readRecords } from "./file";
import { countNames, describeReasons, preparePerson, scorePair, type PersonRecord } from "./score";

const person = (
  id: string,
  givenName: string,
  familyName: string,
  birth: string,
  sex: "F" | "M" | null,
  citizenship: string | null,
): PersonRecord => ({
  id,
  givenName,
  familyName,
  birthDate: parseBirthDate(birth),
  sex,
  citizenship,
});

const background = Array.from({ length: 200 }, (_, i) =>
  preparePerson(
    person(
      `b${i}`,
      ["Maria", "Elena", "Ana", "Olga"][i % 4] ?? "",
      `Family${i}`,
      `19${70 + (i % 30)}`,
      "F",
      "MD",
    ),
  ),
);

function score(a: PersonRecord, b: PersonRecord) {
  const pa = preparePerson(a);
  const pb = preparePerson(b);
  return scorePair(pa, pb, countNames([...background, pa, pb]));
}

describe("scoring a pair", () => {
  it("finds one person across scripts with day and month swapped, and says why", () => {
    const s = score(
      person("1", "Iuliia", "Kovalenko", "1995-03-12", "F", "UA"),
      person("2", "Юлія", "Коваленко", "1995-12-03", "F", "UA"),
    );
    expect(s.probability).toBeGreaterThan(0.9);
    expect(s.reasons).toEqual([
      "family.exact",
      "given.phonetic",
      "birth.day_month_swapped",
      "sex.equal",
      "citizenship.equal",
    ]);
    expect(describeReasons(s.reasons)).toBe(
      "family name equal; given name matches across scripts or spellings; birth year equal; day and month swapped; sex equal; citizenship equal",
    );
  });
  it("finds given and family names swapped", () => {
    const s = score(
      person("1", "Ivan", "Petrović", "1988-07-20", "M", "RS"),
      person("2", "Petroviq", "Ivan", "1988-07-20", "M", "XK"),
    );
    expect(s.reasons).toContain("names.swapped");
    expect(s.probability).toBeGreaterThan(0.9);
  });
  it("finds a short form of the given name", () => {
    const s = score(
      person("1", "Sasha", "Rusu", "1990", "M", "MD"),
      person("2", "Alexandru", "Rusu", "1990-05-01", "M", "MD"),
    );
    expect(s.reasons.slice(0, 2)).toEqual(["family.exact", "given.variant"]);
    expect(s.probability).toBeGreaterThan(0.5);
  });
  it("keeps apart different people with the same family name", () => {
    const s = score(
      person("1", "Maria", "Rusu", "1990-05-01", "F", "MD"),
      person("2", "Elena", "Rusu", "1972-11-20", "F", "MD"),
    );
    expect(s.probability).toBeLessThan(0.01);
  });
  it("gives a rare shared name more weight than a common one", () => {
    const common = score(
      person("1", "Maria", "Family1", "", "F", "MD"),
      person("2", "Maria", "Family1", "", "F", "MD"),
    );
    const rare = score(
      person("1", "Zoreslava", "Family1", "", "F", "MD"),
      person("2", "Zoreslava", "Family1", "", "F", "MD"),
    );
    expect(rare.weight).toBeGreaterThan(common.weight);
  });
});

describe("the blocking index", () => {
  it("finds a record by a swapped name and by a short form, but not everyone", () => {
    const index = new MatchIndex();
    for (const b of background) index.add(b);
    index.add(preparePerson(person("target", "Oleksandr", "Zghurskyi", "1991-04-02", "M", "UA")));
    const swapped = index.query(
      preparePerson(person("q1", "Згурський", "Олександр", "1991", "M", "UA")),
      0.5,
    );
    expect(swapped.map((c) => c.person.id)).toEqual(["target"]);
    const short = index.query(preparePerson(person("q2", "Sasha", "Zgurskii", "1991-04-02", "M", "UA")), 0.5);
    expect(short.map((c) => c.person.id)).toEqual(["target"]);
  });
});

describe("matching a file", () => {
  it("reads the CSV by column names and reports each pair once, lower id first", () => {
    const csv = [
      "id,given_name,family_name,birth_date,sex,citizenship",
      "b,Юлия,Иванова,1999-02-02,F,RU",
      "a,Iuliia,Ivanova,1999,F,RU",
      'c,"Maria, Ana",Popescu,1980-01-01,F,RO',
      "d,Ion,Rusu,1970-01-01,M,MD",
    ].join("\n");
    const records = readRecords(csv);
    expect(records.map((r) => r.givenName)).toEqual(["Юлия", "Iuliia", "Maria, Ana", "Ion"]);
    const pairs = matchRecords(records);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([["a", "b"]]);
    expect(pairs[0]?.score).toBeGreaterThan(0.5);
  });
});

describe("evidence that is not counted twice, and rare names", () => {
  it("a shared given name already says the sex, a shared family name the country", () => {
    const a = person("a", "Tatiana", "Ciobanu", "", "F", "MD");
    const withBoth = score(a, person("b", "Tatiana", "Ciobanu", "", "F", "MD"));
    const withNeither = score(a, person("b", "Tatiana", "Ciobanu", "", null, null));
    expect(withBoth.reasons).toContain("sex.equal");
    expect(withBoth.weight - withNeither.weight).toBeGreaterThan(0);
    expect(withBoth.weight - withNeither.weight).toBeLessThan(0.2);
    // Without the given name's help, a sex agreeing is worth about a bit.
    const other = score(
      person("a", "Tatiana", "Ciobanu", "", "F", "MD"),
      person("b", "Tanea", "Ciobanu", "", "F", "MD"),
    );
    const otherNoSex = score(
      person("a", "Tatiana", "Ciobanu", "", "F", "MD"),
      person("b", "Tanea", "Ciobanu", "", null, "MD"),
    );
    expect(other.weight - otherNoSex.weight).toBeGreaterThan(0.9);
  });
  it("a rare family name one letter off says more than a common one one letter off", () => {
    const common = Array.from({ length: 60 }, (_, i) =>
      preparePerson(person(`c${i}`, "Elena", "Popescu", `19${70 + (i % 30)}`, "F", "MD")),
    );
    // Among 10,000 records, where a name borne once is rare indeed.
    const large = Array.from({ length: 10_000 }, (_, i) =>
      preparePerson(person(`l${i}`, "Ana", `Family${i}`, "", "F", "MD")),
    );
    const scoreIn = (a: PersonRecord, b: PersonRecord) => {
      const pa = preparePerson(a);
      const pb = preparePerson(b);
      return scorePair(pa, pb, countNames([...large, ...common, pa, pb]));
    };
    const rare = scoreIn(
      person("a", "Klea", "Vlorilurushi", "", "F", "AL"),
      person("b", "Klea", "Vlorilurushu", "", "F", "AL"),
    );
    const frequent = scoreIn(
      person("a", "Klea", "Popescu", "", "F", "AL"),
      person("b", "Klea", "Popescy", "", "F", "AL"),
    );
    expect(rare.reasons).toContain("family.close");
    expect(frequent.reasons).toContain("family.close");
    expect(rare.weight - frequent.weight).toBeGreaterThan(1);
  });
});

describe("grouping records into persons", () => {
  // A file of some size, so that "Natalia" is as common as in the region and "Popa" is not rare.
  const file = Array.from({ length: 2000 }, (_, i) =>
    person(
      `f${i}`,
      ["Maria", "Elena", "Natalia", "Olga", "Ana"][i % 5] ?? "",
      `Family${i}`,
      `19${70 + (i % 30)}`,
      "F",
      "MD",
    ),
  );
  const popa = (id: string, birth: string) => person(id, "Natalia", "Popa", birth, "F", "MD");
  const pairsAmong = (records: PersonRecord[]) =>
    matchRecords([...file, ...records])
      .filter((p) => !p.a.startsWith("f") && !p.b.startsWith("f"))
      .map((p) => [p.a, p.b]);

  it("does not chain two namesakes born years apart through a record without a date", () => {
    const pairs = pairsAmong([popa("a", "1981-06-28"), popa("b", "1970-02-10"), popa("m", "")]);
    expect(pairs).not.toContainEqual(["a", "b"]);
    expect(pairs.length).toBeLessThanOrEqual(1);
  });
  it("places a record without a date with nobody when it fits many namesakes", () => {
    const namesakes = [
      popa("a", "1981-06-28"),
      popa("b", "1970-02-10"),
      popa("c", "1990-09-01"),
      popa("d", "1975-11-23"),
    ];
    expect(pairsAmong([...namesakes, popa("m", "")])).toEqual([]);
  });
  it("places a record without a date with the one person of that name", () => {
    expect(
      pairsAmong([
        popa("a", "1981-06-28"),
        person("b", "Наталья", "Попа", "1981-06-28", "F", "MD"),
        popa("m", ""),
      ]),
    ).toEqual([
      ["a", "b"],
      ["a", "m"],
      ["b", "m"],
    ]);
  });
});

describe("counting distinct people", () => {
  it("counts records of one person once, however they are written", () => {
    const records = [
      person("1", "Iuliia", "Kovalenko", "1995-03-12", "F", "UA"),
      person("2", "Юлія", "Коваленко", "1995-12-03", "F", "UA"),
      person("3", "Kovalenko", "Yulia", "1995", "F", "UA"),
      person("4", "Maria", "Popescu", "1990-05-01", "F", "MD"),
      person("5", "Ion", "Rusu", "1970-01-01", "M", "MD"),
    ];
    expect(countDistinctPeople(records)).toBe(3);
    expect(countDistinctPeople(records.slice(3))).toBe(2);
  });
});
