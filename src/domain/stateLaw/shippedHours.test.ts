/**
 * Every state in the shipped rule data, on each day type: just inside and
 * just outside its calling window, Saturday and Sunday, decided by the
 * precall chain under reference/state-rules.json for a real number of that
 * state. The expected windows and citations are typed here from the statutes
 * (docs/state-rules.md), not read from the data file, so a wrong value there
 * fails here.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { MessageType, Purpose } from '../vocabulary';
import { callAnswer, FEDERAL, instantOf, localInstant, NUMBER_OF, textAnswer } from '../../../test/support/shippedRuleFacts';

interface Window {
  start: string;
  end: string;
}

interface StateHours {
  state: string;
  /** Monday to Friday. */
  weekday: Window;
  saturday: Window;
  /** null: no contact on a Sunday. */
  sunday: Window | null;
  citation: string;
  /** The rule that closes the morning, when it is another than `citation`'s. */
  morningCitation?: string;
}

const every = (start: string, end: string) => ({ weekday: { start, end }, saturday: { start, end }, sunday: { start, end } });
const monToSat = (start: string, end: string) => ({ weekday: { start, end }, saturday: { start, end }, sunday: null });

// Local hours as the statutes say them (start inclusive, end exclusive); in summer for Mississippi (see below).
const HOURS: StateHours[] = [
  { state: 'FL', ...every('08:00', '20:00'), citation: 'Fla. Stat. § 501.616(6)(a)' },
  // § 775C.4's 8 p.m. end and § 755.1's 9 a.m. start for automated calls: 09:00–20:00 together.
  { state: 'OK', ...every('09:00', '20:00'), citation: '15 O.S. § 775C.4', morningCitation: '15 O.S. § 755.1(C)(2)(a)' },
  { state: 'MD', ...every('08:00', '20:00'), citation: 'Md. Code, Com. Law § 14-4502' },
  {
    state: 'TX',
    weekday: { start: '09:00', end: '21:00' },
    saturday: { start: '09:00', end: '21:00' },
    sunday: { start: '12:00', end: '21:00' },
    citation: 'Tex. Bus. & Com. Code § 301.051',
  },
  { state: 'WA', ...every('08:00', '20:00'), citation: 'RCW 19.158.040(2)' },
  { state: 'CT', ...every('09:00', '20:00'), citation: 'Conn. Gen. Stat. § 42-288a(c)' },
  {
    state: 'RI',
    weekday: { start: '09:00', end: '18:00' },
    saturday: { start: '10:00', end: '17:00' },
    sunday: null,
    citation: 'R.I. Gen. Laws §§ 5-61-3.6, 5-61-2',
  },
  { state: 'LA', ...monToSat('08:00', '20:00'), citation: 'LPSC General Order R-29617 § V(A)(2)' },
  { state: 'AL', ...monToSat('08:00', '20:00'), citation: 'Ala. Admin. Code r. 770-X-5-.17(1)(b)' },
  // 08:00–20:00 Central Standard Time and 08:00–20:00 local both hold: 09:00–20:00 CDT in summer.
  { state: 'MS', ...monToSat('09:00', '20:00'), citation: 'Miss. Code Ann. § 77-3-723(1)' },
  // From 18 October 2026 (Act 47 of 2026 as reported): no Sundays, 09:00–19:00 on other days.
  { state: 'PA', ...monToSat('09:00', '19:00'), citation: '73 P.S. § 2245(a)(1), as reportedly amended by Act 47 of 2026 (SB 992)' },
  { state: 'UT', ...monToSat('08:00', '21:00'), citation: 'Utah Code § 13-25a-103(3)' },
  { state: 'MA', ...every('08:00', '20:00'), citation: '201 CMR 12.02(2) (under M.G.L. c. 159C)' },
];

// A week in summer time with no holiday of any calendar in it.
const DAYS = { weekday: '2027-04-14', saturday: '2027-04-17', sunday: '2027-04-18', monday: '2027-04-19' } as const;
const WEEKDAYS: [label: string, date: string][] = [
  ['Monday', '2027-04-12'],
  ['Tuesday', '2027-04-13'],
  ['Wednesday', '2027-04-14'],
  ['Thursday', '2027-04-15'],
  ['Friday', '2027-04-16'],
];

/** The federal window (08:00–21:00 local) closes first where a state shares its boundary; the state otherwise. */
function closer(s: StateHours, boundary: 'morning' | 'evening', clock: string): { jurisdiction: string; citation: string } {
  if ((boundary === 'morning' && clock === '08:00') || (boundary === 'evening' && clock === '21:00')) return FEDERAL;
  return { jurisdiction: `US-${s.state}`, citation: boundary === 'morning' ? (s.morningCitation ?? s.citation) : s.citation };
}

const minuteBefore = (hhmm: string) => DateTime.fromISO(`2000-01-01T${hhmm}`).minus({ minutes: 1 }).toFormat('HH:mm');

interface Row {
  name: string;
  state: string;
  local: string;
  expected: { reason: 'allowed' } | { reason: 'quiet_hours'; jurisdiction: string; citation: string; next: string; windowNull?: true };
}

function rowsOf(s: StateHours): Row[] {
  const rows: Row[] = [];
  const day = (label: string, date: string, w: Window, opensNext: string) => {
    rows.push({ name: `${label} ${w.start} opens`, state: s.state, local: `${date}T${w.start}`, expected: { reason: 'allowed' } });
    rows.push({ name: `${label} ${minuteBefore(w.end)} still open`, state: s.state, local: `${date}T${minuteBefore(w.end)}`, expected: { reason: 'allowed' } });
    rows.push({
      name: `${label} ${minuteBefore(w.start)} is before the opening`,
      state: s.state,
      local: `${date}T${minuteBefore(w.start)}`,
      expected: { reason: 'quiet_hours', ...closer(s, 'morning', w.start), next: `${date}T${w.start}` },
    });
    rows.push({
      name: `${label} ${w.end} is closed, next opening ${opensNext}`,
      state: s.state,
      local: `${date}T${w.end}`,
      expected: { reason: 'quiet_hours', ...closer(s, 'evening', w.end), next: opensNext },
    });
  };
  WEEKDAYS.forEach(([label, date], i) => {
    const next = i + 1 < WEEKDAYS.length ? `${WEEKDAYS[i + 1][1]}T${s.weekday.start}` : `${DAYS.saturday}T${s.saturday.start}`;
    day(label, date, s.weekday, next);
  });
  day('Saturday', DAYS.saturday, s.saturday, s.sunday ? `${DAYS.sunday}T${s.sunday.start}` : `${DAYS.monday}T${s.weekday.start}`);
  if (s.sunday) day('Sunday', DAYS.sunday, s.sunday, `${DAYS.monday}T${s.weekday.start}`);
  else {
    rows.push({
      name: `Sunday 12:00 is banned, next opening Monday ${s.weekday.start}`,
      state: s.state,
      local: `${DAYS.sunday}T12:00`,
      expected: { reason: 'quiet_hours', jurisdiction: `US-${s.state}`, citation: s.citation, next: `${DAYS.monday}T${s.weekday.start}`, windowNull: true },
    });
  }
  return rows;
}

const ROWS = HOURS.flatMap(rowsOf);

describe('the calling hours of every state in the rule data', () => {
  it('covers every state the data file has rules for', () => {
    expect(HOURS.map((s) => s.state).sort()).toEqual(['AL', 'CT', 'FL', 'LA', 'MA', 'MD', 'MS', 'OK', 'PA', 'RI', 'TX', 'UT', 'WA']);
  });

  it.each(ROWS.map((r) => [`${r.state} ${r.name}`, r] as const))('%s', (_name, row) => {
    const { phone, zone } = NUMBER_OF[row.state];
    const got = callAnswer(phone, localInstant(row.local, zone));
    if (row.expected.reason === 'allowed') {
      expect(got).toEqual({ reason: 'allowed' });
      return;
    }
    expect(got).toMatchObject({ reason: 'quiet_hours', jurisdiction: row.expected.jurisdiction, citation: row.expected.citation });
    expect(instantOf(got.next_allowed_at as string), `next_allowed_at ${got.next_allowed_at}`).toBe(localInstant(row.expected.next, zone).getTime());
    if (row.expected.windowNull) expect(got.calling_window).toBeNull();
    // Mississippi's morning rule is read on Central Standard Time all year; everyone else on the number's clock.
    if (row.state !== 'MS') expect(got.recipient_timezone).toBe(zone);
  });
});

describe("Mississippi's Central Standard Time", () => {
  const { phone } = NUMBER_OF.MS;
  it.each<[string, string, Record<string, unknown>]>([
    [
      'summer 08:30 CDT is 07:30 CST: closed until 09:00 CDT',
      '2027-07-14T08:30',
      { reason: 'quiet_hours', jurisdiction: 'US-MS', recipient_timezone: 'Etc/GMT+6', recipient_local_time: '07:30' },
    ],
    ['summer 09:00 CDT is 08:00 CST: open', '2027-07-14T09:00', { reason: 'allowed' }],
    [
      'summer 20:00 CDT is 19:00 CST, but 20:00 local ends the day',
      '2027-07-14T20:00',
      { reason: 'quiet_hours', jurisdiction: 'US-MS', recipient_timezone: 'America/Chicago' },
    ],
    ['winter 07:59 CST: the federal window is closed too', '2027-01-13T07:59', { reason: 'quiet_hours', ...FEDERAL }],
    ['winter 08:00 CST: open', '2027-01-13T08:00', { reason: 'allowed' }],
    ['winter 19:59 CST: open', '2027-01-13T19:59', { reason: 'allowed' }],
    ['winter 20:00 CST: closed', '2027-01-13T20:00', { reason: 'quiet_hours', jurisdiction: 'US-MS', citation: 'Miss. Code Ann. § 77-3-723(1)' }],
  ])('%s', (_name, local, expected) => {
    const got = callAnswer(phone, localInstant(local, 'America/Chicago'));
    expect(got).toMatchObject(expected);
    if (expected.reason === 'allowed') expect(got).toEqual({ reason: 'allowed' });
  });

  it('summer 08:30 CDT is next allowed at 09:00 CDT', () => {
    const got = callAnswer(phone, localInstant('2027-07-14T08:30', 'America/Chicago'));
    expect(instantOf(got.next_allowed_at as string)).toBe(localInstant('2027-07-14T09:00', 'America/Chicago').getTime());
  });
});

describe("Pennsylvania's 2026 change", () => {
  const { phone, zone } = NUMBER_OF.PA;
  it.each<[string, string, string]>([
    ['Saturday 2026-10-17 at 20:00: the 2019 window (08:00–21:00) still holds', '2026-10-17T20:00', 'allowed'],
    ['Saturday 2026-10-17 at 08:30: the 2019 window opens at 08:00', '2026-10-17T08:30', 'allowed'],
    ['Sunday 2026-10-11 at 12:00: no Sunday ban yet', '2026-10-11T12:00', 'allowed'],
    ['Sunday 2026-10-18 at 12:00: the Sunday ban is in force', '2026-10-18T12:00', 'quiet_hours'],
    ['Monday 2026-10-19 at 19:00: the new 19:00 end', '2026-10-19T19:00', 'quiet_hours'],
    ['Monday 2026-10-19 at 08:30: the new 09:00 start', '2026-10-19T08:30', 'quiet_hours'],
    ['Monday 2026-10-19 at 09:00: open', '2026-10-19T09:00', 'allowed'],
  ])('%s', (_name, local, reason) => {
    const got = callAnswer(phone, localInstant(local, zone));
    expect(got.reason).toBe(reason);
    if (reason !== 'allowed') expect(got).toMatchObject({ jurisdiction: 'US-PA', citation: HOURS.find((s) => s.state === 'PA')!.citation });
  });

  it("Saturday 2026-10-17 at 21:00 is next allowed on Monday at 09:00: the Sunday after is under the new rule's ban", () => {
    const got = callAnswer(phone, localInstant('2026-10-17T21:00', zone));
    expect(got).toMatchObject({ reason: 'quiet_hours' });
    expect(got.next_allowed_at).toBe('2026-10-19T09:00:00-04:00');
  });

  it('the first Sunday under the new rule is next allowed on Monday at 09:00', () => {
    const got = callAnswer(phone, localInstant('2026-10-18T12:00', zone));
    expect(instantOf(got.next_allowed_at as string)).toBe(localInstant('2026-10-19T09:00', zone).getTime());
  });
});

describe('what the state rules cover', () => {
  // 22:00 local on a Wednesday is closed in every state and federally: a covered contact is quiet_hours.
  const night = (state: string) => localInstant(`${DAYS.weekday}T22:00`, NUMBER_OF[state].zone);
  const STATES = HOURS.map((s) => s.state);

  it.each(STATES)('%s: informational, transactional and debt collection calls at 22:00 are held to the federal window only', (state) => {
    for (const purpose of ['informational', 'transactional', 'debt_collection'] as Purpose[]) {
      expect(callAnswer(NUMBER_OF[state].phone, night(state), { purpose }), purpose).toEqual({ reason: 'allowed' });
    }
  });

  it.each(STATES)("%s: marketing and mixed texts are held to the state's hours; transactional and informational texts are not", (state) => {
    const s = HOURS.find((h) => h.state === state)!;
    // A minute past the state's weekday end, inside the federal window where the state ends earlier.
    const at = localInstant(`${DAYS.weekday}T${s.weekday.end === '21:00' ? minuteBefore(s.weekday.start) : s.weekday.end}`, NUMBER_OF[state].zone);
    const expected = s.weekday.end === '21:00' && s.weekday.start === '08:00' ? FEDERAL : { jurisdiction: `US-${state}` };
    for (const messageType of ['marketing', 'mixed'] as MessageType[]) {
      expect(textAnswer(NUMBER_OF[state].phone, at, messageType), messageType).toMatchObject({ reason: 'quiet_hours', ...expected });
    }
    for (const messageType of ['transactional', 'informational'] as MessageType[]) {
      expect(textAnswer(NUMBER_OF[state].phone, at, messageType), messageType).toEqual({ reason: 'allowed' });
    }
  });

  it.each(HOURS.filter((s) => s.sunday === null).map((s) => s.state))('%s: a marketing text on Sunday at 12:00 is banned as a call is', (state) => {
    const at = localInstant(`${DAYS.sunday}T12:00`, NUMBER_OF[state].zone);
    expect(textAnswer(NUMBER_OF[state].phone, at, 'marketing')).toMatchObject({ reason: 'quiet_hours', jurisdiction: `US-${state}`, quiet_hours: null });
    expect(textAnswer(NUMBER_OF[state].phone, at, 'transactional')).toEqual({ reason: 'allowed' });
  });
});
