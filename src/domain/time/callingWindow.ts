/**
 * Calling hours: may a call or text reach the recipient now, in local time?
 * (The precall's calling-hours check and the pre-send's `quiet_hours`.)
 *
 * A number can map to several zones (see `timezones.ts`); the window must hold
 * in every one of them. When it does not, the answer names the most
 * restrictive zone, its local time, and the first instant at which the window
 * is open in all zones at once, in that zone's offset — the fields of a
 * `quiet_hours` block.
 *
 * Local times come from luxon's IANA zones, so DST nights are exact: 08:00 in
 * New York is 12:00Z on 2026-03-08 and 13:00Z the day before. This runs
 * before every call, and a luxon offset lookup is an Intl.DateTimeFormat
 * round trip, costly beside the rest of the check, so each zone's offset is memoised per
 * 15-minute slice of time and the wall-clock arithmetic is done here; the
 * tests hold it to luxon's `DateTime.setZone` across DST nights.
 *
 * Fail-closed choices:
 * - no zones (the data knows nothing of the number) → outside, timezone
 *   `'unknown'`, no local time, `nextAllowedAt: null`: we cannot show the
 *   window holds, so the caller must not dial;
 * - a zone name the runtime does not know as an IANA zone → outside in that
 *   zone, no local time, `nextAllowedAt: null`.
 *
 * @example
 * checkCallingWindow(new Date('2026-04-18T01:45:00Z'), ['America/New_York'])
 * // { inside: false, timezone: 'America/New_York', localTime: '21:45',
 * //   nextAllowedAt: '2026-04-18T08:00:00-04:00' }
 */
import { IANAZone } from 'luxon';
import { isoTime } from './isoTime';

export interface DailyWindow {
  /** `HH:mm`, the first minute calls are allowed, local time. */
  start: string;
  /** `HH:mm`, exclusive: at this minute calls are no longer allowed. Must be after `start`. */
  end: string;
}

export const FEDERAL_WINDOW: DailyWindow = Object.freeze({ start: '08:00', end: '21:00' });

export type WindowCheck =
  | { inside: true }
  | {
      inside: false;
      timezone: string;
      /** `HH:mm` in `timezone` at the instant checked. */
      localTime: string;
      /** ISO 8601 in `timezone`'s offset, e.g. `2026-04-18T08:00:00-04:00`; null if the window does not open in all zones within 7 days. */
      nextAllowedAt: string | null;
    };

interface ParsedWindow {
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

/** A zone with its memoised UTC offsets (minutes) per 15-minute slice of time. */
interface ZoneClock {
  zone: IANAZone;
  offsets: Map<number, number>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const SLICE_MS = 15 * MINUTE_MS;
// 4096 slices is six weeks of one zone; a scheduler checking far ahead just refills it.
const MAX_SLICES_PER_ZONE = 4096;
const SEARCH_HORIZON_MS = 7 * DAY_MS;
// Four-digit years only, so every ISO string we write has the usual shape.
const EARLIEST_MS = Date.UTC(1000, 0, 2);
const LATEST_MS = Date.UTC(9999, 11, 1);
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const INSIDE: WindowCheck = Object.freeze({ inside: true });
const UNKNOWN_ZONE: WindowCheck = Object.freeze({
  inside: false,
  timezone: 'unknown',
  localTime: '',
  nextAllowedAt: null,
});

/** Parsed once per window object; re-parsed only if its strings were changed. */
const parsedWindows = new WeakMap<DailyWindow, ParsedWindow>();
/** Valid zones only, so a caller passing made-up names cannot grow it. */
const clocks = new Map<string, ZoneClock>();

function parseWindow(window: DailyWindow): ParsedWindow {
  const cached = parsedWindows.get(window);
  if (cached && cached.start === window.start && cached.end === window.end) return cached;
  const start = CLOCK_TIME.exec(window.start);
  const end = CLOCK_TIME.exec(window.end);
  if (!start || !end) {
    throw new RangeError(`calling window: expected HH:mm times, got ${JSON.stringify(window)}`);
  }
  const parsed: ParsedWindow = {
    start: window.start,
    end: window.end,
    startMs: (Number(start[1]) * 60 + Number(start[2])) * MINUTE_MS,
    endMs: (Number(end[1]) * 60 + Number(end[2])) * MINUTE_MS,
  };
  if (parsed.startMs >= parsed.endMs) {
    throw new RangeError(`calling window: start must be before end, got ${JSON.stringify(window)}`);
  }
  parsedWindows.set(window, parsed);
  return parsed;
}

function clockFor(name: string): ZoneClock | undefined {
  let clock = clocks.get(name);
  if (!clock && IANAZone.isValidZone(name)) {
    clock = { zone: IANAZone.create(name), offsets: new Map() };
    clocks.set(name, clock);
  }
  return clock;
}

/**
 * The zone's UTC offset in minutes at `ms`. A slice whose two ends agree holds
 * no transition (zones change offset at most every few months), so its offset
 * is memoised; a slice holding a transition is asked of luxon every time.
 */
function offsetMinutes(clock: ZoneClock, ms: number): number {
  const slice = Math.floor(ms / SLICE_MS);
  const memoised = clock.offsets.get(slice);
  if (memoised !== undefined) return memoised;
  const first = clock.zone.offset(slice * SLICE_MS);
  if (first !== clock.zone.offset((slice + 1) * SLICE_MS - 1)) return clock.zone.offset(ms);
  if (clock.offsets.size >= MAX_SLICES_PER_ZONE) clock.offsets.clear();
  clock.offsets.set(slice, first);
  return first;
}

/** Local wall-clock time as milliseconds since 1970-01-01T00:00 local. */
function wallClockMs(clock: ZoneClock, ms: number): number {
  return ms + offsetMinutes(clock, ms) * MINUTE_MS;
}

function msOfDay(wallMs: number): number {
  return ((wallMs % DAY_MS) + DAY_MS) % DAY_MS;
}

function isOpen(wallMs: number, window: ParsedWindow): boolean {
  const timeOfDayMs = msOfDay(wallMs);
  return timeOfDayMs >= window.startMs && timeOfDayMs < window.endMs;
}

/**
 * The instant a local wall-clock time happens in the zone, guessing the
 * offset from `offsetGuess` first. In a fall-back overlap it keeps the guess
 * when that fits; a wall time inside a spring-forward gap does not exist, and
 * we take the later reading (as luxon does): later than the true opening,
 * never earlier.
 */
function instantOfWallClock(clock: ZoneClock, wallMs: number, offsetGuess: number): number {
  const byGuess = wallMs - offsetGuess * MINUTE_MS;
  const offsetThere = offsetMinutes(clock, byGuess);
  if (offsetThere === offsetGuess) return byGuess;
  const byThere = wallMs - offsetThere * MINUTE_MS;
  if (offsetMinutes(clock, byThere) === offsetThere) return byThere;
  return Math.max(byGuess, byThere);
}

/** The next local `start` after `ms`, for a zone that is closed at `ms`. */
function nextOpeningMs(clock: ZoneClock, ms: number, window: ParsedWindow): number {
  const offset = offsetMinutes(clock, ms);
  const wallMs = ms + offset * MINUTE_MS;
  const localMidnight = wallMs - msOfDay(wallMs);
  const openingDay = msOfDay(wallMs) < window.startMs ? localMidnight : localMidnight + DAY_MS;
  return instantOfWallClock(clock, openingDay + window.startMs, offset);
}

/**
 * The earliest instant ≥ `fromMs` at which every zone is open, or null past
 * the horizon. Every zone closed at `t` needs at least its own next opening,
 * so jumping to the latest of those never skips the answer; each jump lands on
 * some zone's local start, and it stops once no zone is closed.
 */
function earliestAllOpenMs(fromMs: number, clocksToHold: ZoneClock[], window: ParsedWindow): number | null {
  const horizonMs = fromMs + SEARCH_HORIZON_MS;
  let t = fromMs;
  for (;;) {
    let needed = t;
    for (const clock of clocksToHold) {
      if (!isOpen(wallClockMs(clock, t), window)) needed = Math.max(needed, nextOpeningMs(clock, t, window));
    }
    if (needed === t) return t;
    if (needed > horizonMs) return null;
    t = needed;
  }
}

function validInstantMs(at: Date, caller: string): number {
  const ms = at.getTime();
  if (!(ms >= EARLIEST_MS && ms <= LATEST_MS)) {
    throw new RangeError(`${caller}: at must be a valid date between the years 1000 and 9999`);
  }
  return ms;
}

/** `YYYY-MM-DDTHH:mm:ss` of a wall-clock time (read as if it were UTC). */
function wallClockIso(wallMs: number): string {
  return isoTime(wallMs).slice(0, 19);
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Always a numeric offset (luxon's toISO writes `Z` for UTC), with seconds, no milliseconds. */
function isoWithOffset(clock: ZoneClock, ms: number): string {
  const offset = offsetMinutes(clock, ms);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wallClockIso(ms + offset * MINUTE_MS)}${sign}${twoDigits(Math.floor(abs / 60))}:${twoDigits(abs % 60)}`;
}

/**
 * Whether `at` is inside `window` (local time ≥ start and < end) in every one
 * of `zones`. When it is not, reports the most restrictive zone: of the zones
 * closed at `at`, the one whose window opens latest (ties: the first listed).
 */
export function checkCallingWindow(at: Date, zones: string[], window: DailyWindow = FEDERAL_WINDOW): WindowCheck {
  const atMs = validInstantMs(at, 'checkCallingWindow');
  const parsed = parseWindow(window);
  if (zones.length === 0) return UNKNOWN_ZONE;

  const clocksToHold: ZoneClock[] = [];
  let reportedZone: string | undefined;
  let reportedClock: ZoneClock | undefined;
  let reportedWallMs = 0;
  let reportedOpeningMs = -Infinity;
  for (const zone of zones) {
    const clock = clockFor(zone);
    if (!clock) return { inside: false, timezone: zone, localTime: '', nextAllowedAt: null };
    clocksToHold.push(clock);
    const wallMs = wallClockMs(clock, atMs);
    if (isOpen(wallMs, parsed)) continue;
    const openingMs = nextOpeningMs(clock, atMs, parsed);
    if (openingMs > reportedOpeningMs) {
      reportedZone = zone;
      reportedClock = clock;
      reportedWallMs = wallMs;
      reportedOpeningMs = openingMs;
    }
  }
  if (reportedZone === undefined || reportedClock === undefined) return INSIDE;

  const allowedMs = earliestAllOpenMs(atMs, clocksToHold, parsed);
  return {
    inside: false,
    timezone: reportedZone,
    localTime: wallClockIso(reportedWallMs).slice(11, 16),
    nextAllowedAt: allowedMs === null ? null : isoWithOffset(reportedClock, allowedMs),
  };
}

/** The calendar date (`YYYY-MM-DD`) at `at` in `zone`: the day a per-day frequency cap counts in. */
export function localDate(at: Date, zone: string): string {
  const atMs = validInstantMs(at, 'localDate');
  const clock = clockFor(zone);
  if (!clock) throw new RangeError(`localDate: unknown time zone ${JSON.stringify(zone)}`);
  return wallClockIso(wallClockMs(clock, atMs)).slice(0, 10);
}

/**
 * A zone's wall clock for rules that need more than one daily window (the
 * state rules: a window per weekday, holidays), on the same memoised offsets
 * as the window check. Undefined for a name the runtime does not know.
 */
export interface WallClock {
  zone: string;
  /** Local wall-clock time at the instant `ms`, as milliseconds since 1970-01-01T00:00 local. */
  wallAt(ms: number): number;
  /** The instant the local wall-clock time `wallMs` happens, read near the instant `nearMs` (DST as `nextAllowedAt`). */
  instantOf(wallMs: number, nearMs: number): number;
  /** ISO 8601 in the zone's offset at `ms`, with seconds. */
  isoAt(ms: number): string;
}

const wallClocks = new Map<string, WallClock>();

export function wallClockOf(zone: string): WallClock | undefined {
  const known = wallClocks.get(zone);
  if (known) return known;
  const clock = clockFor(zone);
  if (!clock) return undefined;
  const made: WallClock = {
    zone,
    wallAt: (ms) => wallClockMs(clock, ms),
    instantOf: (wallMs, nearMs) => instantOfWallClock(clock, wallMs, offsetMinutes(clock, nearMs)),
    isoAt: (ms) => isoWithOffset(clock, ms),
  };
  wallClocks.set(zone, made);
  return made;
}
