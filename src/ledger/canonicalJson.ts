/**
 * JSON with object keys sorted at every depth, so equal data always hashes equal.
 * Every write hashes one or two of these; built by concatenation (no
 * intermediate arrays), faster than map/filter/join and byte-identical.
 */
import { boundedMemo } from '../domain/boundedMemo';

// Keys are the same few dozen field names on every write: quoting each anew was ~a quarter of the time.
const quotedKey = boundedMemo((key: string) => JSON.stringify(key), { limit: 1000, maxInput: 64 });

// What JSON.stringify escapes in a string: quote, backslash, control characters, and surrogates
// (a lone one is escaped; a pair is not, so any string with one goes to JSON.stringify to decide).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be found here
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify(s), quoted by hand when nothing needs escaping: names, ids, ISO times, digests.
 * The call into JSON.stringify for each of a body's strings was most of this module's time in a
 * bulk import's parsing thread.
 */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return jsonString(value);
  // The primitives a body holds, written as JSON.stringify writes them without a call into it for each.
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  let out = '{';
  for (const k of sortedKeys(obj)) {
    const v = obj[k];
    if (v === undefined) continue;
    out += (out.length === 1 ? '' : ',') + quotedKey(k) + ':' + canonicalJson(v);
  }
  return out + '}';
}

/**
 * `Object.keys(obj).sort()`: the same order (UTF-16 code units, as `<` compares strings), by
 * insertion for the few keys a record's objects have, where the built-in sort's setup cost more
 * than the sorting.
 */
function sortedKeys(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
