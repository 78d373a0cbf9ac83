/**
 * Prefixed, URL-safe, unguessable ids (SPEC §1): `cst_`, `rev_`, `dec_`,
 * `dec_sms_`, plus `org_` and `key_`. 120 bits of randomness in base62.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn 4 KiB at a time: one system call per ~100 ids
// instead of one per id (each request makes two or three).
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

function nextRandomByte(): number {
  if (poolOffset === POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  return pool[poolOffset++];
}

export function randomToken(length: number): string {
  // Rejection sampling keeps every character uniformly likely (256 % 62 != 0).
  let out = '';
  while (out.length < length) {
    const byte = nextRandomByte();
    if (byte < 248) out += ALPHABET[byte % 62];
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
