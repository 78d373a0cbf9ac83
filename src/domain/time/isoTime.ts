/**
 * `new Date(ms).toISOString()` without the Date: V8 formats through a printf
 * of its own, the dearest part of the few date strings every decision writes
 * (its time, its UTC day, the call's time). Same characters for every
 * instant; outside 1970–9999 (never a decision's time) it asks the Date, which
 * also throws the same RangeError for an invalid one.
 */
const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z: the last instant with a four-digit year. */
const LAST_FOUR_DIGIT_MS = 253_402_300_799_999;

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => (i < 10 ? `00${i}` : i < 100 ? `0${i}` : String(i)));

/** `YYYY-MM-DDTHH:mm:ss.sssZ` of an instant in milliseconds since the epoch. */
export function isoTime(ms: number): string {
  if (!(ms >= 0 && ms <= LAST_FOUR_DIGIT_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  return `${isoDay(days)}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${THREE_DIGITS[milli]}Z`;
}

/** `YYYY-MM-DD` of a day counted from 1970-01-01 (day 0): the calendars' and the state rules' dates. */
export function isoDateOfDay(day: number): string {
  return day >= 0 && day * DAY_MS <= LAST_FOUR_DIGIT_MS && Number.isInteger(day) ? isoDay(day) : new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * `YYYY-MM-DD` of a day counted from 1970-01-01 (0 or more): the proleptic Gregorian
 * calendar in 400-year eras of 146,097 days, years counted from March so that the
 * leap day falls last.
 */
function isoDay(days: number): string {
  const z = days + 719_468; // days from 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}
