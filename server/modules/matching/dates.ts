/**
 * Birth dates as victims and officials actually record them (DOMAIN.md, identification): often
 * without documents, so a full date, only a year, or an age estimated on the day of the interview;
 * written day-first in the region and month-first in some foreign forms, so day and month swap.
 */

export interface BirthDate {
  year: number | null;
  month: number | null;
  day: number | null;
  /** The year was derived from an estimated age, so it may be one or two years off. */
  estimated: boolean;
}

export const unknownBirthDate: BirthDate = { year: null, month: null, day: null, estimated: false };

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "YYYY-MM-DD", "YYYY-MM", "YYYY", "DD.MM.YYYY" or empty; anything else counts as unknown. */
export function parseBirthDate(text: string | null | undefined): BirthDate {
  const value = (text ?? "").trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDay(year, month, day)) return { year, month, day, estimated: false };
    // An impossible date whose day and month, swapped, make sense (1990-25-03) keeps both.
    if (validDay(year, day, month)) return { year, month: day, day: month, estimated: false };
    return { year, month: null, day: null, estimated: false };
  }
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  if (m) return parseBirthDate(`${m[3]}-${m[2]}-${m[1]}`);
  m = /^(\d{4})-(\d{1,2})$/.exec(value);
  if (m) {
    const month = Number(m[2]);
    return {
      year: Number(m[1]),
      month: month >= 1 && month <= 12 ? month : null,
      day: null,
      estimated: false,
    };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { year: Number(m[1]), month: null, day: null, estimated: false };
  return unknownBirthDate;
}

/** An age estimated on a date ("about 17" at the interview) as a birth year, marked estimated. */
export function birthDateFromAge(age: number, estimatedAt: Date): BirthDate {
  return { year: estimatedAt.getUTCFullYear() - Math.round(age), month: null, day: null, estimated: true };
}

export type DateAgreement =
  | "exact"
  | "day_month_swapped"
  | "one_part_differs"
  | "year_typo"
  | "year_equal"
  | "year_only_equal"
  | "year_near"
  | "year_near_2"
  | "year_digit"
  | "differs"
  | "missing";

/** How two birth dates agree, from strongest to weakest evidence. */
export function compareBirthDates(a: BirthDate, b: BirthDate): DateAgreement {
  if (a.year === null || b.year === null) return "missing";
  const full = a.month !== null && a.day !== null && b.month !== null && b.day !== null;
  const gap = Math.abs(a.year - b.year);
  const estimated = a.estimated || b.estimated;
  if (full && !estimated) {
    if (gap === 0) {
      if (a.month === b.month && a.day === b.day) return "exact";
      if (a.month === b.day && a.day === b.month) return "day_month_swapped";
      if (a.month === b.month || a.day === b.day) return "one_part_differs";
      return "year_equal";
    }
    // One wrong digit in the year with day and month equal (1989 for 1998, 1990 for 1991).
    if (a.month === b.month && a.day === b.day && (gap <= 1 || oneDigitApart(a.year, b.year)))
      return "year_typo";
    // Two full dates a year apart with another day or month are two birthdays, not an estimate.
    return "differs";
  }
  if (gap === 0) {
    if (a.month !== null && b.month !== null && a.month !== b.month && !estimated) return "year_equal";
    return "year_only_equal";
  }
  if (gap === 1) return "year_near";
  if (gap === 2 && estimated) return "year_near_2";
  // A mistyped digit (1969 for 1959) where one side holds only a year.
  if (oneDigitApart(a.year, b.year)) return "year_digit";
  return "differs";
}

function oneDigitApart(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length) return false;
  let differences = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differences += 1;
  if (differences === 1) return true;
  // The decade misread or mistyped (1993 for 2003: an age of 23 heard as 33), which across a
  // century changes two digits.
  if (Math.abs(a - b) === 10) return true;
  // Two adjacent digits transposed (1989, 1998).
  for (let i = 0; i + 1 < x.length; i++) {
    if (
      x[i] !== y[i] &&
      x[i] === y[i + 1] &&
      x[i + 1] === y[i] &&
      x.slice(i + 2) === y.slice(i + 2) &&
      x.slice(0, i) === y.slice(0, i)
    )
      return true;
  }
  return false;
}

export function formatBirthDate(date: BirthDate): string {
  if (date.year === null) return "";
  if (date.month === null) return String(date.year);
  const mm = String(date.month).padStart(2, "0");
  if (date.day === null) return `${date.year}-${mm}`;
  return `${date.year}-${mm}-${String(date.day).padStart(2, "0")}`;
}
