/**
 * The time-based rules of a covered contact, federal and state together: the
 * federal window in the number's zones, and each jurisdiction's calling hours
 * (a window per weekday; a day without one allows no contact, a Sunday ban)
 * and legal holidays, in that jurisdiction's zones (or the fixed zone its
 * statute names). Every one must allow.
 *
 * The first rule that does not allow is the answer (hours before holidays;
 * federal first, then the jurisdictions in the order they were found), and
 * its `nextAllowedAt` is the first instant at which all of them allow at
 * once: each rule that is closed at `t` can open no earlier than its own next
 * opening, so jumping to the latest of those never skips the answer. The
 * search is bounded (steps and a two-week horizon); past it the answer is
 * null and the caller must not dial (fail closed).
 *
 * Rules are the ones in force on the contact's local date; when the next
 * allowed time found under them falls on a date where other rules are in
 * force (a Sunday ban taking effect on the Sunday), the search goes on
 * under those, so `nextAllowedAt` never names a time a rule then in force
 * forbids.
 */
import { checkCallingWindow, wallClockOf, type DailyWindow, type WallClock } from '../time/callingWindow';
import { holidayOn } from './holidayCalendars';
import { isoDateOfDay, isoTime } from '../time/isoTime';
import type { ConsumerJurisdiction } from './jurisdictions';
import { NO_RULES, type CompiledRuleSet, type RulesInForce } from './ruleSet';
import type { ClockWindow } from './ruleTypes';

export const FEDERAL_JURISDICTION = 'US';
export const FEDERAL_CITATION = '47 CFR 64.1200(c)(1)';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const HORIZON_MS = 14 * DAY_MS;
const MAX_STEPS = 200;
/** How many times the rules in force may change along one search before it gives up (fail closed). */
const MAX_RULE_CHANGES = 4;

export interface TimeRulesInput {
  at: Date;
  /** The federal window in the number's zones; null where only the state rules are asked about. */
  federal: { zones: readonly string[]; window: DailyWindow } | null;
  jurisdictions: readonly ConsumerJurisdiction[];
  ruleSet: CompiledRuleSet;
}

export interface TimeBlock {
  reason: 'quiet_hours' | 'holiday';
  jurisdiction: string;
  citation: string;
  timezone: string;
  /** `HH:mm` in `timezone` at the contact's time; '' when the zone is unknown. */
  localTime: string;
  /** The window of that local day; null on a day the rule allows no contact. */
  window: ClockWindow | null;
  holiday?: { name: string; date: string };
  /** ISO 8601 in `timezone`'s offset; null past the search's bounds or when a zone is unknown. */
  nextAllowedAt: string | null;
}

/** One rule in one zone: `openAt(wall)` is `wall` when it allows then, else the local time it may first allow (Infinity: never). */
interface Constraint {
  reason: 'quiet_hours' | 'holiday';
  jurisdiction: string;
  citation: string;
  clock: WallClock;
  openAt(wallMs: number): number;
  windowOn(wallMs: number): ClockWindow | null;
  holidayOn?(wallMs: number): { name: string; date: string } | null;
}

const dayOf = (wallMs: number) => Math.floor(wallMs / DAY_MS);
// 1970-01-01 was a Thursday (4).
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
const hhmm = (wallMs: number) => isoTime(wallMs).slice(11, 16);

/** The local date (`YYYY-MM-DD`) of a jurisdiction at `atMs`, read in its first zone: the date its rules in force are picked by. */
export function localDateOf(j: ConsumerJurisdiction, atMs: number): string {
  const clock = j.zones.length > 0 ? wallClockOf(j.zones[0]) : undefined;
  return isoDateOfDay(dayOf(clock ? clock.wallAt(atMs) : atMs));
}

export function rulesOf(ruleSet: CompiledRuleSet, j: ConsumerJurisdiction, atMs: number): RulesInForce {
  return ruleSet.has(j.jurisdiction) ? ruleSet.rulesInForce(j.jurisdiction, localDateOf(j, atMs)) : NO_RULES;
}

function federalConstraint(clock: WallClock, window: DailyWindow): Constraint {
  const startMs = (Number(window.start.slice(0, 2)) * 60 + Number(window.start.slice(3, 5))) * MINUTE_MS;
  const endMs = (Number(window.end.slice(0, 2)) * 60 + Number(window.end.slice(3, 5))) * MINUTE_MS;
  return {
    reason: 'quiet_hours',
    jurisdiction: FEDERAL_JURISDICTION,
    citation: FEDERAL_CITATION,
    clock,
    openAt(wall) {
      const day = dayOf(wall);
      const time = wall - day * DAY_MS;
      if (time >= startMs && time < endMs) return wall;
      return (time < startMs ? day : day + 1) * DAY_MS + startMs;
    },
    windowOn: () => ({ start: window.start, end: window.end }),
  };
}

/** The constraints of the contact, or the zone that cannot be read (fail closed). */
function constraintsOf(input: TimeRulesInput): { constraints: Constraint[] } | { unknownZone: { jurisdiction: string; citation: string; zone: string } } {
  const atMs = input.at.getTime();
  const constraints: Constraint[] = [];
  if (input.federal) {
    if (input.federal.zones.length === 0) return { unknownZone: { jurisdiction: FEDERAL_JURISDICTION, citation: FEDERAL_CITATION, zone: 'unknown' } };
    for (const zone of input.federal.zones) {
      const clock = wallClockOf(zone);
      if (!clock) return { unknownZone: { jurisdiction: FEDERAL_JURISDICTION, citation: FEDERAL_CITATION, zone } };
      constraints.push(federalConstraint(clock, input.federal.window));
    }
  }
  for (const j of input.jurisdictions) {
    const rules = rulesOf(input.ruleSet, j, atMs);
    for (const hours of rules.hours) {
      const zones = hours.rule.time_zone === 'recipient' ? j.zones : [hours.rule.time_zone];
      if (zones.length === 0) return { unknownZone: { jurisdiction: j.jurisdiction, citation: hours.rule.citation, zone: 'unknown' } };
      for (const zone of zones) {
        const clock = wallClockOf(zone);
        if (!clock) return { unknownZone: { jurisdiction: j.jurisdiction, citation: hours.rule.citation, zone } };
        constraints.push({
          reason: 'quiet_hours',
          jurisdiction: j.jurisdiction,
          citation: hours.rule.citation,
          clock,
          openAt(wall) {
            const day = dayOf(wall);
            const time = wall - day * DAY_MS;
            const weekday = weekdayOf(day);
            const today = hours.byWeekday[weekday];
            if (today && time >= today.startMs && time < today.endMs) return wall;
            if (today && time < today.startMs) return day * DAY_MS + today.startMs;
            for (let ahead = 1; ahead <= 7; ahead++) {
              const next = hours.byWeekday[(weekday + ahead) % 7];
              if (next) return (day + ahead) * DAY_MS + next.startMs;
            }
            return Infinity;
          },
          windowOn: (wall) => hours.byWeekday[weekdayOf(dayOf(wall))]?.window ?? null,
        });
      }
    }
    for (const rule of rules.holidays) {
      if (j.zones.length === 0) return { unknownZone: { jurisdiction: j.jurisdiction, citation: rule.citation, zone: 'unknown' } };
      for (const zone of j.zones) {
        const clock = wallClockOf(zone);
        if (!clock) return { unknownZone: { jurisdiction: j.jurisdiction, citation: rule.citation, zone } };
        const holidayAt = (wall: number) => {
          const date = isoDateOfDay(dayOf(wall));
          for (const calendar of rule.calendars) {
            const found = holidayOn(calendar, date);
            if (found) return { name: found.name, date };
          }
          return null;
        };
        constraints.push({
          reason: 'holiday',
          jurisdiction: j.jurisdiction,
          citation: rule.citation,
          clock,
          openAt: (wall) => (holidayAt(wall) ? (dayOf(wall) + 1) * DAY_MS : wall),
          windowOn: () => null,
          holidayOn: holidayAt,
        });
      }
    }
  }
  return { constraints };
}

/** The first instant ≥ `fromMs` at which every constraint allows, or null past the bounds. */
function earliestAllowedMs(constraints: readonly Constraint[], fromMs: number): number | null {
  let t = fromMs;
  for (let step = 0; step < MAX_STEPS; step++) {
    let needed = t;
    for (const c of constraints) {
      const wall = c.clock.wallAt(t);
      const opensWall = c.openAt(wall);
      if (opensWall === wall) continue;
      if (!Number.isFinite(opensWall)) return null;
      const opens = c.clock.instantOf(opensWall, t);
      needed = Math.max(needed, opens > t ? opens : t + MINUTE_MS);
    }
    if (needed === t) return t;
    if (needed > fromMs + HORIZON_MS) return null;
    t = needed;
  }
  return null;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether every jurisdiction has the same rules of time in force at both instants. */
function sameRulesInForce(input: TimeRulesInput, aMs: number, bMs: number): boolean {
  return input.jurisdictions.every((j) => {
    const a = rulesOf(input.ruleSet, j, aMs);
    const b = rulesOf(input.ruleSet, j, bMs);
    return (
      a === b ||
      (sameItems(
        a.hours.map((h) => h.rule),
        b.hours.map((h) => h.rule),
      ) &&
        sameItems(a.holidays, b.holidays))
    );
  });
}

/**
 * The first instant ≥ `atMs` at which every rule in force on that instant's
 * own date allows: a time found under the rules of the contact's date is
 * checked again under the rules of its own date, and the search goes on
 * from there when they forbid it.
 */
function nextAllowedMs(input: TimeRulesInput, constraints: readonly Constraint[], atMs: number): number | null {
  let builtAtMs = atMs;
  let current = constraints;
  for (let change = 0; change <= MAX_RULE_CHANGES; change++) {
    const candidate = earliestAllowedMs(current, builtAtMs);
    if (candidate === null || sameRulesInForce(input, builtAtMs, candidate)) return candidate;
    const rebuilt = constraintsOf({ ...input, at: new Date(candidate) });
    if ('unknownZone' in rebuilt) return null;
    current = rebuilt.constraints;
    builtAtMs = candidate;
  }
  return null;
}

/** Whether the input holds any state rule of time at all: when not, the federal window alone decides. */
export function hasTimeRules(input: Pick<TimeRulesInput, 'at' | 'jurisdictions' | 'ruleSet'>): boolean {
  const atMs = input.at.getTime();
  return input.jurisdictions.some((j) => {
    const rules = rulesOf(input.ruleSet, j, atMs);
    return rules.hours.length > 0 || rules.holidays.length > 0;
  });
}

/** The first time-based rule that does not allow the contact at `at`, with the next time all allow; null when all allow. */
export function firstTimeBlock(input: TimeRulesInput): TimeBlock | null {
  const atMs = input.at.getTime();
  const built = constraintsOf(input);
  if ('unknownZone' in built) {
    const { jurisdiction, citation, zone } = built.unknownZone;
    return { reason: 'quiet_hours', jurisdiction, citation, timezone: zone, localTime: '', window: null, nextAllowedAt: null };
  }
  const { constraints } = built;
  const closed = (c: Constraint) => {
    const wall = c.clock.wallAt(atMs);
    return c.openAt(wall) !== wall;
  };
  // Hours before holidays, whichever jurisdiction each belongs to: the chain's order of reasons.
  const blocking = constraints.find((c) => c.reason === 'quiet_hours' && closed(c)) ?? constraints.find((c) => c.reason === 'holiday' && closed(c));
  if (!blocking) return null;
  const nextMs = nextAllowedMs(input, constraints, atMs);
  let reported = blocking;
  // Of the federal zones, the one opening latest is reported, as the federal check alone reports it.
  if (blocking.jurisdiction === FEDERAL_JURISDICTION && input.federal) {
    const federal = checkCallingWindow(input.at, [...input.federal.zones], input.federal.window);
    if (!federal.inside) reported = constraints.find((c) => c.jurisdiction === FEDERAL_JURISDICTION && c.clock.zone === federal.timezone) ?? blocking;
  }
  const wall = reported.clock.wallAt(atMs);
  return {
    reason: reported.reason,
    jurisdiction: reported.jurisdiction,
    citation: reported.citation,
    timezone: reported.clock.zone,
    localTime: hhmm(wall),
    window: reported.windowOn(wall),
    ...(reported.holidayOn ? { holiday: reported.holidayOn(wall) ?? undefined } : {}),
    nextAllowedAt: nextMs === null ? null : reported.clock.isoAt(nextMs),
  };
}
