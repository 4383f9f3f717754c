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
