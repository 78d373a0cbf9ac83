/**
 * The state rule set: the rule data (reference/state-rules.json) validated whole,
 * then grouped by jurisdiction once, so a decision only picks the rules in
 * force on the contact's local date.
 *
 * Validation is strict because a rule read wrong allows calls the law
 * forbids: every field's shape, `HH:mm` times with start before end, a fixed
 * zone the runtime knows, calendars the holiday module can compute, ids
 * unique, effective dates real and in order, caps over 24 hours (the only
 * window the ledger counts). A bad file is refused with one line per problem,
 * each naming the rule and the field; the gateway does not start on it.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { KNOWN_CALENDARS } from './holidayCalendars';
import type { CallingHoursRule, ClockWindow, EmergencyRule, FrequencyCapRule, HolidayRule, StateRule, StateRuleSet, Weekday } from './ruleTypes';
import { WEEKDAYS } from './ruleTypes';
import { stateOfJurisdiction } from './stateCodes';

const MINUTE_MS = 60_000;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isoDate = z.string().refine((s) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date YYYY-MM-DD');
const clockTime = z.string().regex(CLOCK_TIME, 'must be HH:mm');
const windowSchema = z
  .strictObject({ start: clockTime, end: clockTime })
  .refine((w) => !(CLOCK_TIME.test(w.start) && CLOCK_TIME.test(w.end)) || w.start < w.end, { message: 'must be after start', path: ['end'] });
const basis = z.enum(['statute', 'policy']);

const common = {
  id: z.string().min(1),
  jurisdiction: z.string().refine((j) => stateOfJurisdiction(j) !== null, 'must be US- and a US state or territory code'),
  citation: z.string().min(1),
  effective_from: isoDate,
  effective_until: isoDate.optional(),
  source: z.url(),
  verified: z.enum(['primary', 'secondary']),
  applies_to: z.strictObject({ telemarketing_call: basis, marketing_text: basis }),
  note: z.string().optional(),
};

const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('calling_hours'),
    time_zone: z.string().refine((tz) => tz === 'recipient' || IANAZone.isValidZone(tz), 'must be "recipient" or an IANA time zone'),
    windows: z.strictObject(
      Object.fromEntries(WEEKDAYS.map((d) => [d, windowSchema.nullable().optional()])) as Record<Weekday, z.ZodOptional<z.ZodNullable<typeof windowSchema>>>,
    ),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('holiday'),
    calendars: z.array(z.string().refine((c) => KNOWN_CALENDARS.has(c), 'is not a holiday calendar this gateway can compute')).min(1),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('frequency_cap'),
    limit: z.number().int().positive(),
    window_hours: z.literal(24, 'must be 24: the window the ledger counts'),
  }),
  z.strictObject({ ...common, kind: z.literal('state_of_emergency') }),
]);

const ruleSetSchema = z.strictObject({ version: z.string().min(1), rules: z.array(z.unknown()) });

/** A calling-hours rule with its windows read once: by JavaScript weekday (0 = Sunday), in ms of the local day. */
export interface CompiledHours {
  rule: CallingHoursRule;
  byWeekday: readonly ({ window: ClockWindow; startMs: number; endMs: number } | null)[];
}

/** The rules of one jurisdiction in force on one date, by kind. */
export interface RulesInForce {
  hours: readonly CompiledHours[];
  holidays: readonly HolidayRule[];
  caps: readonly FrequencyCapRule[];
  emergencies: readonly EmergencyRule[];
}

export interface CompiledRuleSet {
  version: string;
  rules: readonly StateRule[];
  /** The state codes with at least one rule: a non-geographic number is held to all of them. */
  states: readonly string[];
  /** Whether `jurisdiction` has any rule at all, in force or not: most numbers' states have none. */
  has(jurisdiction: string): boolean;
  /** The rules of `jurisdiction` in force on the local date `isoDate` (`YYYY-MM-DD`). */
  rulesInForce(jurisdiction: string, isoDate: string): RulesInForce;
}

export type RuleSetParse = { ok: true; ruleSet: CompiledRuleSet } | { ok: false; problems: string[] };

export const NO_RULES: RulesInForce = Object.freeze({ hours: [], holidays: [], caps: [], emergencies: [] });
const JS_WEEKDAY: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

function minutesMs(hhmm: string): number {
  return (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MINUTE_MS;
}

function compileHours(rule: CallingHoursRule): CompiledHours {
  const byWeekday: CompiledHours['byWeekday'][number][] = [null, null, null, null, null, null, null];
  for (const day of WEEKDAYS) {
    const window = rule.windows[day];
    if (window) byWeekday[JS_WEEKDAY[day]] = { window, startMs: minutesMs(window.start), endMs: minutesMs(window.end) };
  }
  return { rule, byWeekday };
}

function group(rules: readonly StateRule[]): RulesInForce {
  return {
    hours: rules.filter((r): r is CallingHoursRule => r.kind === 'calling_hours').map(compileHours),
    holidays: rules.filter((r): r is HolidayRule => r.kind === 'holiday'),
    caps: rules.filter((r): r is FrequencyCapRule => r.kind === 'frequency_cap'),
    emergencies: rules.filter((r): r is EmergencyRule => r.kind === 'state_of_emergency'),
  };
}

const inForce = (r: StateRule, date: string) => r.effective_from <= date && (r.effective_until === undefined || date <= r.effective_until);

/** One jurisdiction's rules, grouped once; a date some rule does not cover is grouped once per date. */
function jurisdictionRules(rules: readonly StateRule[]): (date: string) => RulesInForce {
  const all = group(rules);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as strings; Math.max would make them NaN
  const latestStart = rules.reduce((max, r) => (r.effective_from > max ? r.effective_from : max), '');
  const permanent = rules.every((r) => r.effective_until === undefined);
  const byDate = new Map<string, RulesInForce>();
  return (date) => {
    if (permanent && date >= latestStart) return all;
    let found = byDate.get(date);
    if (!found) {
      if (byDate.size >= 64) byDate.clear();
      found = group(rules.filter((r) => inForce(r, date)));
      byDate.set(date, found);
    }
    return found;
  };
}

function problemOf(ruleLabel: string, issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : '(rule)';
  return `${ruleLabel}: ${field}: ${issue.message}`;
}

/** The rule data validated and grouped, or every problem found, one line each naming the rule and the field. */
export function parseRuleSet(raw: unknown): RuleSetParse {
  const top = ruleSetSchema.safeParse(raw);
  if (!top.success) return { ok: false, problems: top.error.issues.map((i) => problemOf('rule set', i)) };
  const problems: string[] = [];
  const rules: StateRule[] = [];
  const seen = new Set<string>();
  top.data.rules.forEach((entry, index) => {
    const id = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : undefined;
    const label = `rule ${index}${id ? ` (${id})` : ''}`;
    if (id !== undefined && seen.has(id)) problems.push(`${label}: id: is not unique`);
    if (id !== undefined) seen.add(id);
    const parsed = ruleSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(problemOf(label, issue));
      return;
    }
    const rule = parsed.data as StateRule;
    if (rule.effective_until !== undefined && rule.effective_until < rule.effective_from)
      problems.push(`${label}: effective_until: must not be before effective_from`);
    rules.push(rule);
  });
  if (problems.length > 0) return { ok: false, problems };

  const byJurisdiction = new Map<string, (date: string) => RulesInForce>();
  const grouped = new Map<string, StateRule[]>();
  for (const rule of rules) grouped.set(rule.jurisdiction, [...(grouped.get(rule.jurisdiction) ?? []), rule]);
  for (const [jurisdiction, its] of grouped) byJurisdiction.set(jurisdiction, jurisdictionRules(its));
  const ruleSet: CompiledRuleSet = {
    version: top.data.version,
    rules,
    states: [...grouped.keys()].map((j) => stateOfJurisdiction(j)!).sort(),
    has: (jurisdiction) => byJurisdiction.has(jurisdiction),
    rulesInForce: (jurisdiction, date) => byJurisdiction.get(jurisdiction)?.(date) ?? NO_RULES,
  };
  return { ok: true, ruleSet };
}

/** A rule set from data known to be good (tests, the empty set); throws with the problems otherwise. */
export function ruleSetOf(raw: StateRuleSet | unknown): CompiledRuleSet {
  const parsed = parseRuleSet(raw);
  if (!parsed.ok) throw new RangeError(`state rules:\n${parsed.problems.join('\n')}`);
  return parsed.ruleSet;
}

export const EMPTY_RULE_SET: CompiledRuleSet = ruleSetOf({ version: 'none', rules: [] });
