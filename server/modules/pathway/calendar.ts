/**
 * Date arithmetic in a jurisdiction's IANA time zone, with the platform's Intl API only.
 *
 * Why: a social worker told "due tomorrow" at 22:00 expects 22:00 tomorrow on the office clock, also
 * on the night the clocks change; a deadline counted in fixed 24-hour days would move by an hour
 * twice a year. Hours, by contrast, are elapsed time: "a child may not be held at a police station
 * for more than 6 hours" (seed 002) means six real hours whatever the clock says.
 */
import type { Duration } from "./vocabulary";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** A local calendar date and clock time, as people in the time zone read it. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("invalid date");
  const parts = formatter(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new RangeError(`no ${type} in the formatted date`);
    return Number(part.value);
  };
  return {
    year: field("year"),
    month: field("month"),
    day: field("day"),
    hour: field("hour"),
    minute: field("minute"),
    second: field("second"),
    millisecond: ms - Math.floor(ms / 1000) * 1000,
  };
}

/** The wall time read as if it were UTC: a number to compare and step wall times with. */
function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  return wallAsUtc(wallTime(new Date(ms), timeZone)) - ms;
}

/**
 * The instant at which clocks in the zone show the wall time. A time skipped when clocks spring
 * forward is read with the offset before the change (02:30 becomes 03:30); a time that occurs twice
 * when clocks fall back is the first of the two. These are the choices of JavaScript's Temporal
 * ("compatible"), so a later move to Temporal keeps every stored deadline.
 */
export function fromWallTime(w: WallTime, timeZone: string): Date {
  const local = wallAsUtc(w);
  const before = offsetAt(local - dayMs, timeZone);
  const after = offsetAt(local + dayMs, timeZone);
  const candidates = [local - before, local - after].filter((ms) => offsetAt(ms, timeZone) === local - ms);
  if (candidates.length === 0) return new Date(local - before);
  return new Date(Math.min(...candidates));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Steps a wall time by whole days or months; months clamp the day (31 January + 1 month = 28/29 February). */
function stepWallTime(w: WallTime, unit: "days" | "months", amount: number): WallTime {
  switch (unit) {
    case "days": {
      const date = new Date(Date.UTC(w.year, w.month - 1, w.day + amount));
      return { ...w, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    }
    case "months": {
      const index = w.year * 12 + (w.month - 1) + amount;
      const year = Math.floor(index / 12);
      const month = index - year * 12 + 1;
      return { ...w, year, month, day: Math.min(w.day, daysInMonth(year, month)) };
    }
  }
}

/** `from` plus a duration, reckoned in the time zone (see the note at the top of this file). */
export function addDuration(from: Date, duration: Duration, timeZone: string): Date {
  if (!Number.isInteger(duration.amount))
    throw new RangeError(`a duration is a whole number of ${duration.unit}`);
  if (Number.isNaN(from.getTime())) throw new RangeError("invalid date");
  switch (duration.unit) {
    case "hours":
      return new Date(from.getTime() + duration.amount * hourMs);
    case "days":
    case "months":
      return fromWallTime(stepWallTime(wallTime(from, timeZone), duration.unit, duration.amount), timeZone);
  }
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Adds whole days to an ISO calendar date (YYYY-MM-DD); no time zone is involved in a date alone. */
export function addDaysToDate(date: string, days: number): string {
  const match = isoDatePattern.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(Date.UTC(year, month - 1, day));
  if (start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day)
    throw new RangeError(`not a real date: ${date}`);
  if (!Number.isInteger(days)) throw new RangeError("days must be a whole number");
  return new Date(start.getTime() + days * dayMs).toISOString().slice(0, 10);
}
