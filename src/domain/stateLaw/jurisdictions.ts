/**
 * Where the consumer is, for the state rules: the state of the number's area
 * code, the `recipient_state` the request gave, the `address_state` of a
 * consent on file. Every one applies (the strictest wins), each with the
 * zones its rules are read in:
 * - the area code's state: the number's own zones;
 * - a state named some other way: every zone of that state (the union of the
 *   zones of its area codes), since we do not know where in it the consumer
 *   is, so a window must hold in all of them.
 *
 * A NANP number whose area code places it in no state (toll-free, 5XX, 555,
 * an unassigned code) is held to every state that has rules. A number of
 * another country, Canada and the Caribbean included, is in no state by its
 * area code.
 *
 * The area codes come from reference/area-code-states.json, generated from
 * libphonenumber's geocoding data by `npm run data:area-codes`; read once at
 * module load, as the zone table is.
 *
 * @example
 * jurisdictionsFor('+13055550123', undefined, [], ['FL'])
 * // [{ jurisdiction: 'US-FL', source: 'area_code', zones: ['America/New_York'] }]
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../../packageFile';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { boundedMemo } from '../boundedMemo';
import { timeZonesForNumber } from '../time/timezones';
import type { Jurisdiction } from './ruleTypes';
import { jurisdictionOf } from './stateCodes';

export type JurisdictionSource = 'area_code' | 'recipient_state' | 'address_state' | 'non_geographic';

export interface ConsumerJurisdiction {
  jurisdiction: Jurisdiction;
  /** Why it applies: the first of the inputs that named it. */
  source: JurisdictionSource;
  /** The zones its `recipient` rules are read in; every one must allow. Never empty unless the data knows no zone. */
  zones: readonly string[];
}

const AREA_CODE_FILE = packageFile('reference/area-code-states.json');
const stateByAreaCode = loadAreaCodes();
const statesByCode = new Map<string, string[]>();
for (const [areaCode, state] of stateByAreaCode) statesByCode.set(state, [...(statesByCode.get(state) ?? []), areaCode]);
const zonesOfStates = new Map<string, readonly string[]>();

function loadAreaCodes(): Map<string, string> {
  const file = JSON.parse(readFileSync(AREA_CODE_FILE, 'utf8')) as { area_codes: Record<string, string> };
  return new Map(Object.entries(file.area_codes));
}

/** The state or territory code of a NANP area code, or null when the data places it in none. */
export function stateOfAreaCode(areaCode: string): string | null {
  return stateByAreaCode.get(areaCode) ?? null;
}

/** Every zone a state's numbers ring in: the union of its area codes' zones (memoised per state). */
export function zonesOfState(state: string): readonly string[] {
  let zones = zonesOfStates.get(state);
  if (!zones) {
    const all = new Set<string>();
    // '2345678' completes the area code into a number the zone table places by its area code.
    for (const areaCode of statesByCode.get(state) ?? []) for (const zone of timeZonesForNumber(`+1${areaCode}2345678`)) all.add(zone);
    zones = [...all].sort();
    zonesOfStates.set(state, zones);
  }
  return zones;
}

type AreaCodePlace = { kind: 'state'; state: string } | { kind: 'non_geographic' } | { kind: 'elsewhere' };

/** What a number's area code says of where it is: a state, nowhere in particular, or another country. */
const placeOfNumberPrefix = boundedMemo(
  (prefix: string): AreaCodePlace => {
    if (!prefix.startsWith('+1')) return { kind: 'elsewhere' };
    const state = stateOfAreaCode(prefix.slice(2, 5));
    if (state) return { kind: 'state', state };
    // Canada and the Caribbean share +1 but are countries of their own in libphonenumber; the rest of +1 is non-geographic.
    const region = parsePhoneNumberFromString(`${prefix}2345678`)?.country;
    return region && region !== 'US' ? { kind: 'elsewhere' } : { kind: 'non_geographic' };
  },
  { limit: 2_000, maxInput: 5 },
);

/** How a number's area code places it: in a state, in none (`non_geographic`), or in another country (`elsewhere`). */
export function areaCodePlace(phone: string): AreaCodePlace {
  return placeOfNumberPrefix(phone.slice(0, 5));
}

/**
 * The jurisdictions holding a contact with `phone` (E.164): its area code's
 * state, `recipientState`, each of `addressStates`, or, for a non-geographic
 * number, every one of `statesWithRules`. One entry per jurisdiction; a state
 * named twice keeps its first source and the union of its zones.
 *
 * @param numberZones the number's own zones when the caller has them already (`timeZonesForNumber(phone)`), so
 *   a decision looks them up once
 */
export function jurisdictionsFor(
  phone: string,
  recipientState: string | undefined,
  addressStates: readonly string[],
  statesWithRules: readonly string[],
  numberZones?: readonly string[],
): ConsumerJurisdiction[] {
  const place = areaCodePlace(phone);
  // Most contacts: placed by the area code alone, with no state named otherwise.
  if (!recipientState && addressStates.length === 0) {
    if (place.kind === 'state') return [{ jurisdiction: jurisdictionOf(place.state), source: 'area_code', zones: numberZones ?? timeZonesForNumber(phone) }];
    if (place.kind === 'elsewhere') return [];
  }
  const found = new Map<string, ConsumerJurisdiction>();
  const add = (state: string, source: JurisdictionSource, zones: readonly string[]) => {
    const known = found.get(state);
    if (!known) found.set(state, { jurisdiction: jurisdictionOf(state), source, zones });
    else if (zones.some((z) => !known.zones.includes(z))) known.zones = [...new Set([...known.zones, ...zones])].sort();
  };
  if (place.kind === 'state') add(place.state, 'area_code', numberZones ?? timeZonesForNumber(phone));
  else if (place.kind === 'non_geographic') for (const state of statesWithRules) add(state, 'non_geographic', zonesOfState(state));
  if (recipientState) add(recipientState, 'recipient_state', zonesOfState(recipientState));
  for (const state of addressStates) add(state, 'address_state', zonesOfState(state));
  return [...found.values()];
}
