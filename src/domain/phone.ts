/**
 * Phone numbers in, E.164 out.
 *
 * Accepts E.164 (`+15551234567`) or 10–11 US digits with any punctuation
 * (`(555) 123-4567`, `1-555-123-4567`). A number must be *possible* for its
 * country (right length), not necessarily assigned: `+15551234567` is valid,
 * because consent records and test traffic use the 555 range all the time.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { boundedMemo } from './boundedMemo';

export type PhoneParse = { ok: true; e164: string; country: string | undefined } | { ok: false; error: string };

const PHONE_ERROR = 'must be E.164 or 10-11 digits';
const ALLOWED_CHARS = /^[+\d\s().-]+$/;

// Parsing is the costly part of a phone check and every request parses two or three numbers, the
// caller's own few sending numbers above all: the last answers are kept. No
// real phone number, however punctuated, is longer than 32 characters.
const parseRemembered = boundedMemo((input) => Object.freeze(parseUncached(input)), { limit: 10_000, maxInput: 32 });

export function parsePhone(input: unknown): PhoneParse {
  if (typeof input !== 'string') return { ok: false, error: PHONE_ERROR };
  return parseRemembered(input);
}

function parseUncached(input: string): PhoneParse {
  const trimmed = input.trim();
  if (!trimmed || !ALLOWED_CHARS.test(trimmed)) return { ok: false, error: PHONE_ERROR };
  const digits = trimmed.replace(/\D/g, '');
  let candidate: string;
  if (trimmed.startsWith('+')) candidate = '+' + digits;
  else if (digits.length === 10) candidate = '+1' + digits;
  else if (digits.length === 11 && digits.startsWith('1')) candidate = '+' + digits;
  else return { ok: false, error: PHONE_ERROR };
  const parsed = parsePhoneNumberFromString(candidate);
  if (!parsed?.isPossible()) return { ok: false, error: PHONE_ERROR };
  return { ok: true, e164: parsed.number, country: parsed.country };
}

/**
 * `+1`, an area code that starts with 2–9, seven more digits: a number
 * already in NANP E.164 form, which parsePhone accepts as it is (every NANP
 * number of ten digits is possible). Checked against libphonenumber for
 * every area code and exchange (phone.fastPath.test.ts); `+10…`/`+11…` are
 * left to the parser, which may strip a leading 1 as a national prefix.
 */
const NANP_E164 = /^\+1[2-9]\d{9}$/;

/**
 * parsePhone without the country: the same acceptance, the same E.164 and
 * the same error, answered without parsing for numbers already in NANP
 * E.164 form (a full parse otherwise; a CSV import parses one per row).
 */
export function normalizePhone(input: unknown): { ok: true; e164: string } | { ok: false; error: string } {
  if (typeof input === 'string' && NANP_E164.test(input)) return { ok: true, e164: input };
  const parsed = parsePhone(input);
  return parsed.ok ? { ok: true, e164: parsed.e164 } : parsed;
}

/** The country (ISO 3166 alpha-2) a number belongs to, when the numbering plan says. */
export function countryOfNumber(e164: string): string | undefined {
  const parsed = parsePhone(e164);
  return parsed.ok ? parsed.country : parsePhoneNumberFromString(e164)?.country;
}

/** `+12125551243` → `+1212*****43`: enough to correlate log lines, not enough to call. */
export function maskPhone(e164: string): string {
  if (e164.length <= 7) return '*'.repeat(e164.length);
  return e164.slice(0, 5) + '*'.repeat(e164.length - 7) + e164.slice(-2);
}
