/**
 * The retention job's removals of reassigned-number answers on Redis. Each
 * touches one key, and decides by the time that key itself holds, so a result
 * imported again or an answer given again after the job read its index is kept.
 */
import type { ScriptDef } from '../redis/scripts/runner';

export const REASSIGNED_RETENTION_SCRIPTS: Record<'cgRndDropImportedBefore' | 'cgAnswerDropCheckedBefore' | 'cgZremIfBefore', ScriptDef> = {
  /**
   * Removes one imported result if it was last imported before the cutoff.
   * KEYS: the number's results hash. ARGV: date field, its import-time field, cutoff (ms).
   */
  cgRndDropImportedBefore: {
    numberOfKeys: 1,
    lua: `
local at = tonumber(redis.call('HGET', KEYS[1], ARGV[2]))
if at and at < tonumber(ARGV[3]) then
  redis.call('HDEL', KEYS[1], ARGV[1], ARGV[2])
  return 1
end
return 0
`,
  },
  /**
   * Removes a cached answer if the source gave it before the cutoff (or it cannot be read:
   * the gateway would not use it, and one left would stop every later run here).
   * KEYS: the answer key. ARGV: cutoff (ISO instant: checked_at is one, so text order is time order).
   */
  cgAnswerDropCheckedBefore: {
    numberOfKeys: 1,
    lua: `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local ok, answer = pcall(cjson.decode, raw)
local checked = ok and type(answer) == 'table' and answer.checked_at
if not ok or (type(checked) == 'string' and checked < ARGV[1]) then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`,
  },
  /**
   * Drops an index entry if its time is still before the cutoff (one written again since stays).
   * KEYS: the index. ARGV: member, cutoff (ms).
   */
  cgZremIfBefore: {
    numberOfKeys: 1,
    lua: `
local score = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]))
if score and score < tonumber(ARGV[2]) then return redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0
`,
  },
};
