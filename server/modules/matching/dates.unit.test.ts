import { describe, expect, it } from "vitest";
import { birthDateFromAge, compareBirthDates, formatBirthDate, parseBirthDate } from "./dates";

const d = parseBirthDate;

describe("reading a birth date", () => {
  it("reads a full date, a year and month, a year, or nothing", () => {
    expect(d("1995-03-12")).toEqual({ year: 1995, month: 3, day: 12, estimated: false });
    expect(d("1995-03")).toEqual({ year: 1995, month: 3, day: null, estimated: false });
    expect(d("1995")).toEqual({ year: 1995, month: null, day: null, estimated: false });
    expect(d("")).toEqual({ year: null, month: null, day: null, estimated: false });
    expect(d("unknown")).toEqual({ year: null, month: null, day: null, estimated: false });
  });
  it("reads the regional day-first form", () => {
    expect(d("12.03.1995")).toEqual({ year: 1995, month: 3, day: 12, estimated: false });
  });
  it("keeps an impossible date whose day and month swapped make sense, and only the year otherwise", () => {
    expect(d("1995-25-03")).toEqual({ year: 1995, month: 3, day: 25, estimated: false });
    expect(d("1995-02-31")).toEqual({ year: 1995, month: null, day: null, estimated: false });
  });
  it("turns an age estimated on a date into an estimated birth year", () => {
    expect(birthDateFromAge(17, new Date("2026-06-15T10:00:00Z"))).toEqual({
      year: 2009,
      month: null,
      day: null,
      estimated: true,
    });
  });
  it("writes back what it holds", () => {
    expect(formatBirthDate(d("1995-03-12"))).toBe("1995-03-12");
    expect(formatBirthDate(d("1995"))).toBe("1995");
    expect(formatBirthDate(d(""))).toBe("");
  });
});

describe("comparing birth dates", () => {
  it("equal", () => expect(compareBirthDates(d("1995-03-12"), d("1995-03-12"))).toBe("exact"));
  it("day and month swapped", () =>
    expect(compareBirthDates(d("1995-03-12"), d("1995-12-03"))).toBe("day_month_swapped"));
  it("one of day and month differs", () => {
    expect(compareBirthDates(d("1995-03-12"), d("1995-03-21"))).toBe("one_part_differs");
    expect(compareBirthDates(d("1995-03-12"), d("1995-04-12"))).toBe("one_part_differs");
  });
  it("a year mistyped by one digit or two digits swapped, day and month equal", () => {
    expect(compareBirthDates(d("1995-03-12"), d("1985-03-12"))).toBe("year_typo");
    expect(compareBirthDates(d("1989-03-12"), d("1998-03-12"))).toBe("year_typo");
    expect(compareBirthDates(d("1995-03-12"), d("1996-03-12"))).toBe("year_typo");
  });
  it("a decade misread across a century (1993 for 2003) counts as one mistyped digit", () => {
    expect(compareBirthDates(d("1993-01-07"), d("2003-01-07"))).toBe("year_typo");
    expect(compareBirthDates(d("1994"), d("2004-08-16"))).toBe("year_digit");
    expect(compareBirthDates(d("1993-01-07"), d("2004-01-07"))).toBe("differs");
  });
  it("only the year is known on one side and it is equal", () => {
    expect(compareBirthDates(d("1995-03-12"), d("1995"))).toBe("year_only_equal");
    expect(compareBirthDates(d("1995"), d("1995"))).toBe("year_only_equal");
  });
  it("same year, day and month both different", () =>
    expect(compareBirthDates(d("1995-03-12"), d("1995-07-25"))).toBe("year_equal"));
  it("a year one apart where one side is only a year or estimated", () => {
    expect(compareBirthDates(d("1995-03-12"), d("1996"))).toBe("year_near");
    const estimated = birthDateFromAge(30, new Date("2026-01-10T00:00:00Z"));
    expect(compareBirthDates(d("1995-03-12"), estimated)).toBe("year_near");
  });
  it("two years apart counts as near only for an estimated age", () => {
    const estimated = birthDateFromAge(29, new Date("2026-01-10T00:00:00Z"));
    expect(compareBirthDates(d("1995-03-12"), estimated)).toBe("year_near_2");
    expect(compareBirthDates(d("1995-03-12"), d("1997"))).toBe("year_digit");
    expect(compareBirthDates(d("1995-03-12"), d("2003"))).toBe("differs");
  });
  it("a year one digit apart where one side is only a year", () =>
    expect(compareBirthDates(d("1969"), d("1959-10-11"))).toBe("year_digit"));
  it("two full dates a year apart with other days are two birthdays", () =>
    expect(compareBirthDates(d("1995-03-12"), d("1996-07-01"))).toBe("differs"));
  it("nothing to compare when either is unknown", () => {
    expect(compareBirthDates(d(""), d("1995-03-12"))).toBe("missing");
    expect(compareBirthDates(d("1995"), d(""))).toBe("missing");
  });
});
