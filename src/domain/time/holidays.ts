/**
 * US federal holidays (5 U.S.C. 6103) and the business days they leave, for
 * the FCC honor-by deadline.
 *
 * Dates here are plain calendar dates (`YYYY-MM-DD`) with no time zone; the
 * caller decides which calendar a day is read on (see `honorBy.ts`).
 *
 * Observed dates follow 6103(b): a holiday on a Saturday is observed the
 * Friday before, one on a Sunday the Monday after. Only New Year's Day can
 * cross a year end that way: New Year's Day 2028 (a Saturday) is observed on
 * Friday 2027-12-31, so that Friday is not a business day of 2027.
 *
 * The rules are today's law. Juneteenth became a holiday in 2021 and is left
 * out of earlier years, so replaying a 2020 revocation gives 2020's deadline;
 * older changes (Monday holidays 1971, MLK Day 1986) are not modelled, and
 * one-off closures by executive order (e.g. Christmas Eve 2024) are not
 * statutory holidays and are not counted.
 *
 * @example
 * isBusinessDay('2027-12-31') // false: New Year's Day 2028, observed
 * federalHolidays(2026)[5]    // { date: '2026-07-03', actual: '2026-07-04', name: 'Independence Day' }
 */
import { isoDateOfDay } from './isoTime';

export interface FederalHoliday {
  /** The observed date, `YYYY-MM-DD`: the day off. May fall in the previous year. */
  date: string;
  /** The date the statute names, `YYYY-MM-DD`. */
  actual: string;
  name: string;
}

const DAY_MS = 86_400_000;
const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;
const JUNETEENTH_FIRST_YEAR = 2021;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date; `day` may overflow the month. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + THURSDAY) % 7) + 7) % 7;
}

/** The `n`th `weekday` of a month (n = 1 for the first). */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = dayNumber(year, month + 1, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

function observedDay(day: number): number {
  const weekday = weekdayOf(day);
  if (weekday === SATURDAY) return day - 1;
  if (weekday === SUNDAY) return day + 1;
  return day;
}

function assertYear(year: number): void {
  // Four-digit years only: Date.UTC maps 0–99 to 1900–1999 and ISO dates have four digits.
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`federalHolidays: year must be an integer 1000-9999, got ${year}`);
  }
}

/**
 * The US federal holidays of `year` (by the date the statute names), in
 * calendar order, each with its observed date. The observed date of New
 * Year's Day can be 31 December of the previous year.
 */
export function federalHolidays(year: number): FederalHoliday[] {
  assertYear(year);
  const actualDays: [string, number][] = [
    ["New Year's Day", dayNumber(year, 1, 1)],
    ['Birthday of Martin Luther King, Jr.', nthWeekday(year, 1, MONDAY, 3)],
    ["Washington's Birthday", nthWeekday(year, 2, MONDAY, 3)],
    ['Memorial Day', lastWeekday(year, 5, MONDAY)],
    ...(year >= JUNETEENTH_FIRST_YEAR ? [['Juneteenth National Independence Day', dayNumber(year, 6, 19)] as [string, number]] : []),
    ['Independence Day', dayNumber(year, 7, 4)],
    ['Labor Day', nthWeekday(year, 9, MONDAY, 1)],
    ['Columbus Day', nthWeekday(year, 10, MONDAY, 2)],
    ['Veterans Day', dayNumber(year, 11, 11)],
    ['Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)],
    ['Christmas Day', dayNumber(year, 12, 25)],
  ];
  return actualDays.map(([name, day]) => ({
    date: isoDateOfDay(observedDay(day)),
    actual: isoDateOfDay(day),
    name,
  }));
}

/** Observed holiday dates falling in each calendar year, built on first use. */
const observedByYear = new Map<number, Set<string>>();

function observedHolidaysIn(year: number): Set<string> {
  let dates = observedByYear.get(year);
  if (dates) return dates;
  const prefix = `${year}-`;
  dates = new Set<string>();
  // Next year's New Year's Day may be observed on this year's 31 December.
  const candidates = year < 9999 ? [...federalHolidays(year), ...federalHolidays(year + 1)] : federalHolidays(year);
  for (const holiday of candidates) {
    if (holiday.date.startsWith(prefix)) dates.add(holiday.date);
  }
  observedByYear.set(year, dates);
  return dates;
}

/**
 * Whether a calendar date is a US federal business day: not a Saturday or
 * Sunday and not the observed date of a federal holiday.
 * Throws a RangeError for anything but a real `YYYY-MM-DD` date.
 */
export function isBusinessDay(isoDate: string): boolean {
  const match = ISO_DATE.exec(isoDate);
  const day = match ? dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  // The round trip rejects dates that Date.UTC would roll over, like 2026-02-30.
  if (!match || Number.isNaN(day) || isoDateOfDay(day) !== isoDate) {
    throw new RangeError(`isBusinessDay: expected a YYYY-MM-DD date, got ${JSON.stringify(isoDate)}`);
  }
  const weekday = weekdayOf(day);
  if (weekday === SATURDAY || weekday === SUNDAY) return false;
  return !observedHolidaysIn(Number(match[1])).has(isoDate);
}
