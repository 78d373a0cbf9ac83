/**
 * Prefixed, URL-safe, unguessable ids: `cst_`, `rev_`, `dec_`,
 * `dec_sms_`, plus `org_` and `key_`: the creation time, then 95 bits of
 * randomness, in base62 (see newId).
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

export type IdPrefix = 'cst' | 'rev' | 'dec' | 'dec_sms' | 'org' | 'key' | 'evt' | 'emg';

/**
 * Milliseconds since 1970 in 8 base62 characters, which sort as the time does
 * (the alphabet is in ASCII order) until the year 8888.
 */
function timeToken(ms: number): string {
  let out = '';
  for (let i = 0, n = ms; i < 8; i++, n = Math.floor(n / 62)) out = ALPHABET[n % 62] + out;
  return out;
}

/**
 * `prefix_` + the creation time (8 characters) + 16 random characters (95 bits).
 *
 * Why time first: every id is a key of a unique index (and decisions are
 * written before every call). Random keys land on random pages of a big
 * index, so each insert dirtied a page of its own for the checkpoint to copy
 * and fsync; ids that follow the clock append to the index's last pages. The
 * random part keeps ids unguessable; an id tells when its record was made,
 * which the record says anyway.
 */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${timeToken(Date.now())}${randomToken(16)}`;
}

const ID_SHAPE = /^(cst|rev|dec|dec_sms|org|key|evt|emg)_[0-9A-Za-z]{8,64}$/;

export function isWellFormedId(id: string): boolean {
  return ID_SHAPE.test(id);
}
