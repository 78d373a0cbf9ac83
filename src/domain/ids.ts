/**
 * Prefixed, URL-safe, unguessable ids (SPEC §1): `cst_`, `rev_`, `dec_`,
 * `dec_sms_`, plus `org_` and `key_`. 120 bits of randomness in base62.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomToken(length: number): string {
  // Rejection sampling keeps every character uniformly likely (256 % 62 != 0).
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export type IdPrefix = 'cst' | 'rev' | 'dec' | 'dec_sms' | 'org' | 'key' | 'evt';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken(20)}`;
}

const ID_SHAPE = /^(cst|rev|dec|dec_sms|org|key|evt)_[0-9A-Za-z]{8,64}$/;

export function isWellFormedId(id: string): boolean {
  return ID_SHAPE.test(id);
}
