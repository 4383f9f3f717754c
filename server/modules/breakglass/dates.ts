import { addDaysToDate, fromWallTime } from "../pathway/calendar";

/** Midnight at the start of a local date (YYYY-MM-DD), plus some days, in the jurisdiction's zone. */
export function localDayStart(date: string, timeZone: string, plusDays = 0): Date {
  const [year, month, day] = addDaysToDate(date, plusDays).split("-").map(Number);
  return fromWallTime(
    { year: year ?? 0, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0, millisecond: 0 },
    timeZone,
  );
}
