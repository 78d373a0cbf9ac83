/** Deleting a value only if it is still the one the caller means. */
import type { RunScript } from './runner';

export const CONDITIONAL_DELETE_SCRIPTS = {
  /**
   * Deletes a value only if it is still the one the caller means: a chain
   * head that moved back to the phone, a network revocation moved to the key
   * (not one a later write put in the same field).
   * KEYS: key. ARGV: value, hash field ('' or absent = the key is a string).
   */
  cgDelIfEqual: {
    numberOfKeys: 1,
    lua: `
if ARGV[2] and ARGV[2] ~= '' then
  if redis.call('HGET', KEYS[1], ARGV[2]) == ARGV[1] then return redis.call('HDEL', KEYS[1], ARGV[2]) end
  return 0
end
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`,
  },
};

type Run = RunScript<keyof typeof CONDITIONAL_DELETE_SCRIPTS>;

/** Deletes the string `key` (or, given `field`, that field of the hash) only if it still holds `value`. */
export async function delIfEqual(run: Run, key: string, value: string, field = ''): Promise<void> {
  await run('cgDelIfEqual', [key], [value, field]);
}
