/**
 * Date arithmetic for the state holiday calendars: the rules holiday
 * statutes are written in (a fixed date, the nth or last weekday of a month,
 * a day counted from Easter, a weekend day moved to a weekday), so each
 * state's calendar can be computed for any year instead of typed in.
 *
 * Days are counted as whole days since 1970-01-01 (UTC, no time zone): a
 * holiday is a local calendar date in whichever zone the caller reads it.
 */
import { isoDateOfDay } from '../../time/isoTime';

export interface CalendarHoliday {
  /** `YYYY-MM-DD`, the day no covered contact is allowed. */
  date: string;
  name: string;
}

const DAY_MS = 86_400_000;
const THURSDAY_EPOCH_OFFSET = 4;

export const SUNDAY = 0;
export const MONDAY = 1;
export const TUESDAY = 2;
export const THURSDAY = 4;
export const FRIDAY = 5;
export const SATURDAY = 6;

/** Days since 1970-01-01 of a Gregorian date; `day` may overflow the month. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + THURSDAY_EPOCH_OFFSET) % 7) + 7) % 7;
}

/** The day's `YYYY-MM-DD` (the one formatter the federal calendar uses too). */
export const formatDay = isoDateOfDay;

/** The `n`th `weekday` of a month (n = 1 for the first). */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
}

/** The last `weekday` of a month. */
export function lastWeekday(year: number, month: number, weekday: number): number {
  const last = dayNumber(year, month + 1, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** The first `weekday` strictly after `day`. */
export function weekdayAfter(day: number, weekday: number): number {
  return day + 1 + ((weekday - weekdayOf(day + 1) + 7) % 7);
}

/**
 * Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher), valid for every Gregorian year. Mardi Gras is 47 days
 * before it, Good Friday 2 days before.
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, dayOfMonth);
}

/** The weekday a Saturday holiday moves back to and a Sunday holiday moves on to; null on a weekday. */
export function fridayOrMondayFor(day: number): number | null {
  const weekday = weekdayOf(day);
  if (weekday === SATURDAY) return day - 1;
  if (weekday === SUNDAY) return day + 1;
  return null;
}

/** The Monday a weekend holiday moves on to; null on a weekday. */
export function mondayAfterWeekend(day: number): number | null {
  const weekday = weekdayOf(day);
  if (weekday === SATURDAY) return day + 2;
  if (weekday === SUNDAY) return day + 1;
  return null;
}

/** The Monday a Sunday holiday moves on to; null otherwise. */
export function mondayAfterSunday(day: number): number | null {
  return weekdayOf(day) === SUNDAY ? day + 1 : null;
}

/**
 * The list a calendar returns: by date, one entry a date (two holidays on one
 * day share it, their names joined), so `holidayOn` finds every reason.
 */
export function calendarOf(entries: readonly [name: string, day: number | null][]): CalendarHoliday[] {
  const byDate = new Map<string, string[]>();
  for (const [name, day] of entries) {
    if (day === null) continue;
    const date = formatDay(day);
    const names = byDate.get(date);
    if (names) names.push(name);
    else byDate.set(date, [name]);
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, names]) => ({ date, name: names.join(' / ') }));
}
