import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import { checkCallingWindow, localDate, FEDERAL_WINDOW, type DailyWindow, type WindowCheck } from './callingWindow';

const NY = 'America/New_York';
const US_ZONES = [
  'America/Adak',
  'America/Anchorage',
  'America/Boise',
  'America/Chicago',
  'America/Denver',
  'America/Juneau',
  'America/Los_Angeles',
  'America/New_York',
  'America/North_Dakota/Center',
  'America/Phoenix',
  'Pacific/Honolulu',
];
// What the prefix data lists for the bare +1 calling code: Guam to Pago Pago.
const ALL_NANP_ZONES = [
  'America/Adak',
  'America/Anchorage',
  'America/Anguilla',
  'America/Antigua',
  'America/Barbados',
  'America/Boise',
  'America/Cayman',
  'America/Chicago',
  'America/Denver',
  'America/Dominica',
  'America/Edmonton',
  'America/Fort_Nelson',
  'America/Grand_Turk',
  'America/Grenada',
  'America/Halifax',
  'America/Jamaica',
  'America/Juneau',
  'America/Los_Angeles',
  'America/Lower_Princes',
  'America/Montserrat',
  'America/Nassau',
  'America/New_York',
  'America/North_Dakota/Center',
  'America/Phoenix',
  'America/Port_of_Spain',
  'America/Puerto_Rico',
  'America/Regina',
  'America/Santo_Domingo',
  'America/St_Johns',
  'America/St_Kitts',
  'America/St_Lucia',
  'America/St_Thomas',
  'America/St_Vincent',
  'America/Toronto',
  'America/Tortola',
  'America/Vancouver',
  'America/Winnipeg',
  'Atlantic/Bermuda',
  'Pacific/Guam',
  'Pacific/Honolulu',
  'Pacific/Pago_Pago',
  'Pacific/Saipan',
];

function outside(timezone: string, localTime: string, nextAllowedAt: string | null): WindowCheck {
  return { inside: false, timezone, localTime, nextAllowedAt };
}
const INSIDE: WindowCheck = { inside: true };

type Case = [rule: string, at: string, zones: string[], expected: WindowCheck];

function runCases(cases: Case[], window?: DailyWindow): void {
  for (const [rule, at, zones, expected] of cases) {
    it(`checkCallingWindow ${rule}`, () => {
      expect(checkCallingWindow(new Date(at), zones, window)).toEqual(expected);
    });
  }
}

describe('calling window boundaries: 08:00 inclusive, 21:00 exclusive (New York, EDT)', () => {
  runCases([
    ['is outside at 07:59:59', '2026-04-17T11:59:59Z', [NY], outside(NY, '07:59', '2026-04-17T08:00:00-04:00')],
    ['is outside at 07:59:59.999', '2026-04-17T11:59:59.999Z', [NY], outside(NY, '07:59', '2026-04-17T08:00:00-04:00')],
    ['is inside at 08:00:00', '2026-04-17T12:00:00Z', [NY], INSIDE],
    ['is inside at 20:59', '2026-04-18T00:59:00Z', [NY], INSIDE],
    ['is inside at 20:59:59', '2026-04-18T00:59:59Z', [NY], INSIDE],
    ['is outside at 21:00 and rolls to 08:00 the next day', '2026-04-18T01:00:00Z', [NY], outside(NY, '21:00', '2026-04-18T08:00:00-04:00')],
    ['gives the contract example: 21:45 → next day 08:00-04:00', '2026-04-18T01:45:00Z', [NY], outside(NY, '21:45', '2026-04-18T08:00:00-04:00')],
    ['rolls past midnight local time to 08:00 the same day', '2026-04-18T04:30:00Z', [NY], outside(NY, '00:30', '2026-04-18T08:00:00-04:00')],
    ['ignores weekends: Saturday morning opens at 08:00 Saturday', '2026-04-18T11:00:00Z', [NY], outside(NY, '07:00', '2026-04-18T08:00:00-04:00')],
  ]);
});

describe('calling window across DST in New York', () => {
  runCases([
    // Spring forward 2026-03-08 02:00 EST → 03:00 EDT.
    ['opens at 08:00 EST the day before spring-forward', '2026-03-07T12:00:00Z', [NY], outside(NY, '07:00', '2026-03-07T08:00:00-05:00')],
    [
      'reports the EDT offset for next_allowed_at across the spring-forward night',
      '2026-03-08T04:00:00Z',
      [NY],
      outside(NY, '23:00', '2026-03-08T08:00:00-04:00'),
    ],
    ['is outside at 07:30 EDT on spring-forward day (06:30 in EST)', '2026-03-08T11:30:00Z', [NY], outside(NY, '07:30', '2026-03-08T08:00:00-04:00')],
    ['is inside at 08:00 EDT on spring-forward day (07:00 in EST)', '2026-03-08T12:00:00Z', [NY], INSIDE],
    ['closes at 21:00 EDT on spring-forward day', '2026-03-09T01:00:00Z', [NY], outside(NY, '21:00', '2026-03-09T08:00:00-04:00')],
    // Fall back 2026-11-01 02:00 EDT → 01:00 EST.
    ['reports the EST offset for next_allowed_at across the fall-back night', '2026-11-01T01:30:00Z', [NY], outside(NY, '21:30', '2026-11-01T08:00:00-05:00')],
    ['is outside at 07:30 EST on fall-back day (08:30 in EDT)', '2026-11-01T12:30:00Z', [NY], outside(NY, '07:30', '2026-11-01T08:00:00-05:00')],
    ['is inside at 08:00 EST on fall-back day', '2026-11-01T13:00:00Z', [NY], INSIDE],
    ['is inside at 20:59:59 EST on fall-back day', '2026-11-02T01:59:59Z', [NY], INSIDE],
    ['closes at 21:00 EST on fall-back day', '2026-11-02T02:00:00Z', [NY], outside(NY, '21:00', '2026-11-02T08:00:00-05:00')],
  ]);
});

describe('calling window in zones without DST', () => {
  runCases([
    [
      'keeps Phoenix on MST in summer (07:30 while Denver is 08:30)',
      '2026-07-15T14:30:00Z',
      ['America/Phoenix'],
      outside('America/Phoenix', '07:30', '2026-07-15T08:00:00-07:00'),
    ],
    ['has Denver inside at the same summer instant', '2026-07-15T14:30:00Z', ['America/Denver'], INSIDE],
    ['has Phoenix and Denver agree in winter', '2026-01-15T14:30:00Z', ['America/Denver'], outside('America/Denver', '07:30', '2026-01-15T08:00:00-07:00')],
    [
      'keeps Honolulu on HST across the mainland spring-forward',
      '2026-03-08T17:59:59Z',
      ['Pacific/Honolulu'],
      outside('Pacific/Honolulu', '07:59', '2026-03-08T08:00:00-10:00'),
    ],
    ['opens Honolulu at 08:00 HST', '2026-03-08T18:00:00Z', ['Pacific/Honolulu'], INSIDE],
    ['writes UTC as +00:00, not Z', '2026-04-17T22:00:00Z', ['UTC'], outside('UTC', '22:00', '2026-04-18T08:00:00+00:00')],
    ['writes half-hour offsets (Kolkata)', '2026-04-17T00:00:00Z', ['Asia/Kolkata'], outside('Asia/Kolkata', '05:30', '2026-04-17T08:00:00+05:30')],
    [
      'writes negative half-hour offsets (St Johns, NDT)',
      '2026-04-17T10:00:00Z',
      ['America/St_Johns'],
      outside('America/St_Johns', '07:30', '2026-04-17T08:00:00-02:30'),
    ],
  ]);
});

describe('calling window must hold in every zone of a number', () => {
  const DENVER_PHOENIX = ['America/Denver', 'America/Phoenix'];
  const NY_HONOLULU = [NY, 'Pacific/Honolulu'];
  runCases([
    [
      'reports Phoenix, the zone still closed, when Denver is open',
      '2026-07-15T14:30:00Z',
      DENVER_PHOENIX,
      outside('America/Phoenix', '07:30', '2026-07-15T08:00:00-07:00'),
    ],
    ['is inside once both Denver and Phoenix are open', '2026-07-15T15:00:00Z', DENVER_PHOENIX, INSIDE],
    // Denver 21:30 (closed), Phoenix 20:30 (open). Denver reopens 14:00Z, but Phoenix only at 15:00Z.
    [
      "waits for the last zone to open, in the reported zone's offset",
      '2026-07-16T03:30:00Z',
      DENVER_PHOENIX,
      outside('America/Denver', '21:30', '2026-07-16T09:00:00-06:00'),
    ],
    [
      'reports Honolulu at 04:00 while New York is open',
      '2026-04-17T14:00:00Z',
      NY_HONOLULU,
      outside('Pacific/Honolulu', '04:00', '2026-04-17T08:00:00-10:00'),
    ],
    // New York 21:45 (closed), Honolulu 15:45 (open): both open together from 18:00Z.
    ['reports New York closed and next_allowed_at when Honolulu opens', '2026-04-18T01:45:00Z', NY_HONOLULU, outside(NY, '21:45', '2026-04-18T14:00:00-04:00')],
    // Both closed: New York 04:00 (opens 12:00Z), Honolulu 22:00 (opens 18:00Z) → Honolulu is more restrictive.
    [
      'reports the zone that opens latest when several are closed',
      '2026-04-18T08:00:00Z',
      NY_HONOLULU,
      outside('Pacific/Honolulu', '22:00', '2026-04-18T08:00:00-10:00'),
    ],
    [
      'reports the same zone whatever the order of the list',
      '2026-04-18T08:00:00Z',
      [...NY_HONOLULU].reverse(),
      outside('Pacific/Honolulu', '22:00', '2026-04-18T08:00:00-10:00'),
    ],
    [
      'breaks ties by list order (same offset, same opening)',
      '2026-01-15T14:30:00Z',
      DENVER_PHOENIX,
      outside('America/Denver', '07:30', '2026-01-15T08:00:00-07:00'),
    ],
    // A non-geographic US number: all eleven US zones. Only New York is closed at 21:45.
    [
      'holds a toll-free number to every US zone (the contract example instant)',
      '2026-04-18T01:45:00Z',
      US_ZONES,
      outside(NY, '21:45', '2026-04-18T14:00:00-04:00'),
    ],
    // 13:00Z: New York and Chicago open; Honolulu (03:00) opens last, at 18:00Z.
    [
      'reports Honolulu as the most restrictive US zone in the morning',
      '2026-04-17T13:00:00Z',
      US_ZONES,
      outside('Pacific/Honolulu', '03:00', '2026-04-17T08:00:00-10:00'),
    ],
    ['is inside for all US zones in the afternoon Eastern time', '2026-04-17T18:00:00Z', US_ZONES, INSIDE],
    // Guam (UTC+10) is open 22:00Z–11:00Z, New York (EDT) 12:00Z–01:00Z: together only 22:00Z–01:00Z.
    ['finds the three hours New York and Guam share', '2026-04-18T01:45:00Z', [NY, 'Pacific/Guam'], outside(NY, '21:45', '2026-04-18T18:00:00-04:00')],
    // Open in UTC 08–21Z, in Shanghai 00–13Z, in Pitcairn (UTC-8) 16–05Z: no instant in all three.
    [
      'gives no next_allowed_at when the zones never share an open hour',
      '2026-04-17T12:00:00Z',
      ['UTC', 'Asia/Shanghai', 'Pacific/Pitcairn'],
      outside('Pacific/Pitcairn', '04:00', null),
    ],
  ]);

  // All 42 zones of the bare +1 calling code (EDT/NDT season) are open together only
  // 22:00Z–23:30Z: Guam opens at 22:00Z, St Johns closes at 23:30Z. This is why
  // timeZonesForNumber narrows a calling-code-only match to the US zones.
  runCases([
    [
      'squeezes all 42 NANP zones into 22:00Z–23:30Z: Guam is the last to open',
      '2026-04-17T18:00:00Z',
      ALL_NANP_ZONES,
      outside('Pacific/Guam', '04:00', '2026-04-18T08:00:00+10:00'),
    ],
    ['is inside for all 42 NANP zones at 22:00Z', '2026-04-17T22:00:00Z', ALL_NANP_ZONES, INSIDE],
    ['is inside for all 42 NANP zones at 23:29:59Z', '2026-04-17T23:29:59Z', ALL_NANP_ZONES, INSIDE],
    // St Johns closes at 23:30Z; reopening it (10:30Z) closes Pago Pago until 19:00Z, which closes Guam until 22:00Z.
    ['chases every zone to the next shared opening', '2026-04-17T23:30:00Z', ALL_NANP_ZONES, outside('America/St_Johns', '21:00', '2026-04-18T19:30:00-02:30')],
  ]);
});

describe('calling window fails closed', () => {
  runCases([
    ['treats a number without zones as outside, zone unknown', '2026-04-17T18:00:00Z', [], outside('unknown', '', null)],
    ['treats a zone the runtime does not know as outside', '2026-04-17T18:00:00Z', [NY, 'Mars/Olympus_Mons'], outside('Mars/Olympus_Mons', '', null)],
  ]);

  it('checkCallingWindow rejects an invalid instant', () => {
    expect(() => checkCallingWindow(new Date('nope'), [NY])).toThrow(RangeError);
  });

  it('checkCallingWindow rejects malformed or empty windows', () => {
    const at = new Date('2026-04-17T18:00:00Z');
    for (const window of [
      { start: '8:00', end: '21:00' },
      { start: '08:00', end: '24:00' },
      { start: '21:00', end: '08:00' },
      { start: '09:00', end: '09:00' },
    ]) {
      expect(() => checkCallingWindow(at, [NY], window)).toThrow(RangeError);
    }
  });
});

describe('calling window with a stricter state window', () => {
  const STATE_WINDOW: DailyWindow = { start: '09:00', end: '20:00' };
  runCases(
    [
      ['opens at the state start', '2026-04-17T12:30:00Z', [NY], outside(NY, '08:30', '2026-04-17T09:00:00-04:00')],
      ['is inside at the state start', '2026-04-17T13:00:00Z', [NY], INSIDE],
      ['closes at the state end', '2026-04-18T00:00:00Z', [NY], outside(NY, '20:00', '2026-04-18T09:00:00-04:00')],
    ],
    STATE_WINDOW,
  );

  it('checkCallingWindow defaults to the federal 08:00-21:00 window', () => {
    expect(FEDERAL_WINDOW).toEqual({ start: '08:00', end: '21:00' });
    expect(checkCallingWindow(new Date('2026-04-17T12:30:00Z'), [NY])).toEqual(INSIDE);
  });

  it('checkCallingWindow notices a window object changed after first use', () => {
    const window: DailyWindow = { start: '08:00', end: '21:00' };
    const at = new Date('2026-04-17T12:30:00Z');
    expect(checkCallingWindow(at, [NY], window)).toEqual(INSIDE);
    window.start = '09:00';
    expect(checkCallingWindow(at, [NY], window)).toEqual(outside(NY, '08:30', '2026-04-17T09:00:00-04:00'));
  });
});

describe('localDate is the calendar day in the recipient zone', () => {
  const cases: [rule: string, at: string, zone: string, date: string][] = [
    ['is still the previous day in New York late evening', '2026-04-18T01:45:00Z', NY, '2026-04-17'],
    ['is the UTC day in UTC', '2026-04-18T01:45:00Z', 'UTC', '2026-04-18'],
    ['is earlier in Honolulu', '2026-04-18T01:45:00Z', 'Pacific/Honolulu', '2026-04-17'],
    ['is already tomorrow in Tokyo', '2026-04-17T15:00:00Z', 'Asia/Tokyo', '2026-04-18'],
    ['turns at local midnight on fall-back day (EDT)', '2026-11-01T04:00:00Z', NY, '2026-11-01'],
    ['is the day before one second earlier', '2026-11-01T03:59:59Z', NY, '2026-10-31'],
  ];
  for (const [rule, at, zone, date] of cases) {
    it(`localDate ${rule}`, () => {
      expect(localDate(new Date(at), zone)).toBe(date);
    });
  }

  it('localDate rejects an unknown zone', () => {
    expect(() => localDate(new Date('2026-04-17T15:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

// The module does its own wall-clock arithmetic on memoised offsets; luxon's
// DateTime.setZone is the reference it must match, minute by minute, through
// the 2026 DST nights of both hemispheres (and odd offsets and rules).
const ORACLE_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Adak',
  'Pacific/Honolulu',
  'America/St_Johns',
  'America/Havana',
  'America/Santiago',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'UTC',
];
const DST_DAYS_2026 = ['2026-03-08', '2026-03-15', '2026-03-29', '2026-04-05', '2026-09-06', '2026-10-04', '2026-10-25', '2026-11-01'];
const ORACLE_WINDOWS: DailyWindow[] = [FEDERAL_WINDOW, { start: '00:30', end: '02:45' }, { start: '02:30', end: '23:00' }];
// 37 minutes and 11 seconds: steps across every minute of the hour and off whole minutes.
const STEP_MS = (37 * 60 + 11) * 1000;

function expectedByLuxon(at: Date, zone: string, window: DailyWindow): WindowCheck {
  const local = DateTime.fromJSDate(at).setZone(zone);
  const clock = local.toFormat('HH:mm:ss');
  if (clock >= `${window.start}:00` && clock < `${window.end}:00`) return INSIDE;
  const [hour, minute] = window.start.split(':').map(Number);
  const today = local.set({ hour, minute, second: 0, millisecond: 0 });
  let opening = today > local ? today : local.plus({ days: 1 }).set({ hour, minute, second: 0, millisecond: 0 });
  // A wall time repeated by a fall-back night happens twice; luxon's set() picks the later
  // reading, while the window first opens at the earlier one (DST shifts are 30 or 60 minutes).
  for (const shiftMinutes of [60, 30]) {
    const earlier = opening.minus({ milliseconds: shiftMinutes * 60_000 });
    if (earlier > local && earlier.toFormat('yyyy-MM-dd HH:mm') === opening.toFormat('yyyy-MM-dd HH:mm')) opening = earlier;
  }
  return outside(zone, local.toFormat('HH:mm'), opening.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"));
}

describe('calling window agrees with luxon DateTime.setZone through the DST nights of 2026', () => {
  for (const zone of ORACLE_ZONES) {
    it(`checkCallingWindow and localDate match luxon in ${zone}`, () => {
      let compared = 0;
      for (const day of DST_DAYS_2026) {
        const from = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let ms = from; ms < from + 2 * 86_400_000; ms += STEP_MS) {
          const at = new Date(ms);
          expect(localDate(at, zone), at.toISOString()).toBe(DateTime.fromJSDate(at).setZone(zone).toISODate());
          for (const window of ORACLE_WINDOWS) {
            expect(checkCallingWindow(at, [zone], window), `${at.toISOString()} ${window.start}-${window.end}`).toEqual(expectedByLuxon(at, zone, window));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(1800);
    });
  }
});
