/**
 * Holiday calendars the state rules name: `US` (the federal holidays,
 * observed) and, per state, that state's legal holidays, computed for any
 * year from their rules (nth weekday, fixed date with its observance, Easter
 * offsets), never typed in as dates.
 *
 * A calendar this module does not know is an error, not an empty calendar:
 * a rule that names one must not silently allow every day.
 */
import { federalHolidays } from '../time/holidays';
import { alabamaHolidays } from './calendars/alabama';
import type { CalendarHoliday } from './calendars/calendarDates';
import { louisianaHolidays } from './calendars/louisiana';
import { pennsylvaniaHolidays } from './calendars/pennsylvania';
import { rhodeIslandHolidays } from './calendars/rhodeIsland';
import { utahHolidays } from './calendars/utah';

export type { CalendarHoliday } from './calendars/calendarDates';

/**
 * Each calendar's rules, by the name the rule data uses. A state's file under
 * `calendars/` cites its holiday statute and says what it leaves out
 * (parish- or county-only days, days proclaimed each year).
 */
const CALENDARS: ReadonlyMap<string, (year: number) => CalendarHoliday[]> = new Map([
  ['US', (year: number) => federalHolidays(year).map((h) => ({ date: h.date, name: h.name }))],
  ['US-AL', alabamaHolidays],
  ['US-LA', louisianaHolidays],
  ['US-PA', pennsylvaniaHolidays],
  ['US-RI', rhodeIslandHolidays],
  ['US-UT', utahHolidays],
]);

const byYear = new Map<string, readonly CalendarHoliday[]>();

function compute(calendar: string, year: number): CalendarHoliday[] {
  const rules = CALENDARS.get(calendar);
  if (!rules) throw new Error(`unknown holiday calendar: ${calendar}`);
  return rules(year);
}

/** The days of `calendar` that fall in `year` (memoised per calendar and year). */
export function holidaysOf(calendar: string, year: number): readonly CalendarHoliday[] {
  const key = `${calendar}:${year}`;
  let days = byYear.get(key);
  if (!days) {
    // A day observed in the year before (New Year's Day on a Saturday) belongs to that year's list too.
    days = [...compute(calendar, year), ...compute(calendar, year + 1)].filter((h) => h.date.startsWith(`${year}-`));
    byYear.set(key, days);
  }
  return days;
}

/** The holiday of `calendar` on the local date `isoDate` (`YYYY-MM-DD`), or null. */
export function holidayOn(calendar: string, isoDate: string): CalendarHoliday | null {
  return holidaysOf(calendar, Number(isoDate.slice(0, 4))).find((h) => h.date === isoDate) ?? null;
}

/** The calendars this module can compute, for the rule data's validation. */
export const KNOWN_CALENDARS: ReadonlySet<string> = new Set(CALENDARS.keys());
