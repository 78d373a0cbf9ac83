import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IANAZone } from 'luxon';
import { timezones } from 'libphonenumber-geo-carrier';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { timeZonesForNumber } from './timezones';

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

describe('timeZonesForNumber maps a number to its zones by longest prefix', () => {
  const cases: [rule: string, e164: string, zones: string[]][] = [
    ['New York City 212', '+12125550123', ['America/New_York']],
    ['Chicago 312', '+13125550123', ['America/Chicago']],
    ['Los Angeles 213', '+12135550123', ['America/Los_Angeles']],
    ['Phoenix 602 (no DST)', '+16025550123', ['America/Phoenix']],
    ['Honolulu 808', '+18085550123', ['Pacific/Honolulu']],
    ['Anchorage 907 spans Alaska and the Aleutians', '+19075550123', ['America/Adak', 'America/Anchorage']],
    ['Idaho 208, a southern exchange spanning Boise and Los Angeles', '+12083305555', ['America/Boise', 'America/Los_Angeles']],
    ['Idaho 208, an exchange in Mountain time', '+12082345678', ['America/Denver']],
    ['Florida panhandle 850, Tallahassee', '+18505550123', ['America/New_York']],
    ['Florida panhandle 850, Pensacola exchange on Central time', '+18504345678', ['America/Chicago']],
    ['El Paso 915 on Mountain time', '+19155550123', ['America/Denver']],
    ['North Dakota 701 spans two zones', '+17015550123', ['America/Denver', 'America/North_Dakota/Center']],
    ['northern Arizona 928, Navajo Nation exchange', '+19282835555', ['America/Denver', 'America/Phoenix']],
    ['Toronto 416', '+14165550123', ['America/Toronto']],
    ['London 20', '+442079460123', ['Europe/London']],
    ['accepts digits without the plus', '12125550123', ['America/New_York']],
  ];
  for (const [rule, e164, zones] of cases) {
    it(`timeZonesForNumber: ${rule}`, () => {
      expect(timeZonesForNumber(e164)).toEqual(zones);
    });
  }
});

describe('timeZonesForNumber narrows a calling-code-only match to the main country', () => {
  const cases: [rule: string, e164: string][] = [
    ['area code 555 (not geographic)', '+15551234567'],
    ['toll-free 800', '+18005550100'],
    ['an Idaho exchange the data does not list', '+12081234567'],
  ];
  for (const [rule, e164] of cases) {
    it(`timeZonesForNumber: ${rule} → every US zone`, () => {
      expect(timeZonesForNumber(e164)).toEqual(US_ZONES);
    });
  }

  it('timeZonesForNumber keeps only US zones where the library answers with all 42 NANP zones', async () => {
    const library = await timezones(parsePhoneNumberFromString('+18005550100')!);
    expect(library).toHaveLength(42);
    expect(library).toEqual(expect.arrayContaining(['Pacific/Guam', 'Pacific/Pago_Pago', 'America/Toronto']));
    const ours = timeZonesForNumber('+18005550100');
    expect(library).toEqual(expect.arrayContaining(ours));
    expect(ours).not.toContain('Pacific/Guam');
    expect(ours).not.toContain('America/Toronto');
  });

  it('timeZonesForNumber keeps the calling code zones when no longer prefix exists (Germany)', () => {
    expect(timeZonesForNumber('+493012345678')).toEqual(['Europe/Berlin']);
  });
});

describe('timeZonesForNumber without data fails closed', () => {
  const cases: [rule: string, input: string][] = [
    ['an unassigned calling code', '+99912345'],
    ['an empty string', ''],
    ['letters', '+1212abc0123'],
    ['more than 15 digits', '+1212555012345678'],
  ];
  for (const [rule, input] of cases) {
    it(`timeZonesForNumber returns [] for ${rule}`, () => {
      expect(timeZonesForNumber(input)).toEqual([]);
    });
  }

  it('timeZonesForNumber returns a fresh array each time (the memo cannot be changed by a caller)', () => {
    const first = timeZonesForNumber('+15551234567');
    first.length = 0;
    expect(timeZonesForNumber('+15551234567')).toEqual(US_ZONES);
  });
});

// Numbers with an area-level match in the data, where our table lookup must
// give exactly what the library's own (slow) `timezones()` gives.
const AGREEMENT_NUMBERS = [
  // United States
  '+12125550123',
  '+13125550123',
  '+12135550123',
  '+16025550123',
  '+18085550123',
  '+19075550123',
  '+14155550123',
  '+16175550123',
  '+13055550123',
  '+17135550123',
  '+12065550123',
  '+13035550123',
  '+14045550123',
  '+17025550123',
  '+15035550123',
  '+16125550123',
  '+18013550123',
  '+15055550123',
  '+19155550123',
  '+18505550123',
  '+18504345678',
  '+12083305555',
  '+17015550123',
  '+16055550123',
  '+19282835555',
  '+17755550123',
  '+19065550123',
  // Canada
  '+14165550123',
  '+15145550123',
  '+16045550123',
  '+14035550123',
  '+12045550123',
  '+13065550123',
  '+19025550123',
  '+17095550123',
  // United Kingdom and Crown Dependencies
  '+442079460123',
  '+441614960123',
  '+441314960123',
  '+442890460123',
  '+441481256789',
  '+441534123456',
  '+441624123456',
  // Australia (and the Cocos Islands inside +61)
  '+61291234567',
  '+61391234567',
  '+61731234567',
  '+61881234567',
  '+61891623456',
  // Brazil
  '+551123456789',
  '+552123456789',
  '+559232345678',
  '+556832345678',
  '+558134567890',
  // Mexico
  '+525512345678',
  '+523312345678',
  '+526641234567',
  '+529981234567',
  '+528112345678',
  // Germany: the data has only the calling code, a single zone
  '+493012345678',
  '+498912345678',
];

describe('timeZonesForNumber agrees with libphonenumber-geo-carrier timezones()', () => {
  for (const e164 of AGREEMENT_NUMBERS) {
    it(`timeZonesForNumber(${e164}) equals the library's answer`, async () => {
      const library = await timezones(parsePhoneNumberFromString(e164)!);
      expect(library).not.toBeNull();
      expect(timeZonesForNumber(e164)).toEqual(library);
    });
  }
});

describe('the prefix data only names zones this runtime knows', () => {
  it('every zone in timezones.bson is a valid IANA zone for luxon (else the window check fails closed)', () => {
    const entry = createRequire(import.meta.url).resolve('libphonenumber-geo-carrier');
    const { deserialize } = createRequire(entry)('bson') as { deserialize: (b: Uint8Array) => Record<string, string> };
    const table = deserialize(readFileSync(join(dirname(entry), '../resources/timezones.bson')));
    const zones = new Set(Object.values(table).flatMap((joined) => joined.split('&')));
    expect(zones.size).toBeGreaterThan(250);
    expect([...zones].filter((zone) => !IANAZone.isValidZone(zone))).toEqual([]);
  });
});
