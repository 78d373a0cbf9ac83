/**
 * States of emergency on Redis: declaring and ending move the org's emergency version in the
 * same step, so an instance holding the org's emergencies learns in one small reply, on its next
 * covered decision, whether they are still what it holds (../emergencyCache.ts). Ending one is
 * read-modify-write of its record, in one step so the first end stays.
 */
import type { RunScript } from './runner';

export const EMERGENCY_SCRIPTS = {
  /** KEYS: the org's emergencies HASH, its version. ARGV: id, record JSON. */
  cgDeclareEmergency: {
    numberOfKeys: 2,
    lua: `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('INCR', KEYS[2])
return 1
`,
  },

  /** KEYS: the org's emergencies HASH, its version. ARGV: id, ended_at. → the record's JSON (ended at the first end), or nil when absent. */
  cgEndEmergency: {
    numberOfKeys: 2,
    lua: `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local e = cjson.decode(raw)
if e.ended_at == nil or e.ended_at == cjson.null then
  e.ended_at = ARGV[2]
  raw = cjson.encode(e)
  redis.call('HSET', KEYS[1], ARGV[1], raw)
  redis.call('INCR', KEYS[2])
end
return raw
`,
  },

  /**
   * KEYS: the org's emergencies HASH, its version. ARGV: the version the caller holds ('' none).
   * → {version} when it is that one, else {version, record JSON…}.
   */
  cgEmergenciesSince: {
    numberOfKeys: 2,
    lua: `
local v = redis.call('GET', KEYS[2]) or '0'
if v == ARGV[1] then return {v} end
local out = redis.call('HVALS', KEYS[1])
table.insert(out, 1, v)
return out
`,
  },
};

type Run = RunScript<keyof typeof EMERGENCY_SCRIPTS>;
type Keys = { emergencies: string; emergencyVersion: string };

export async function declareEmergencyRecord(run: Run, k: Keys, id: string, json: string): Promise<void> {
  await run('cgDeclareEmergency', [k.emergencies, k.emergencyVersion], [id, json]);
}

/** The record as ended (or as it was, when already ended); null when there is none. */
export async function endEmergencyRecord(run: Run, k: Keys, id: string, at: string): Promise<string | null> {
  return (await run<string | null>('cgEndEmergency', [k.emergencies, k.emergencyVersion], [id, at])) ?? null;
}

/** The org's emergency version, and its records unless `known` is that version still (then null). */
export async function emergenciesSince(run: Run, k: Keys, known: string): Promise<{ version: string; records: string[] | null }> {
  const [version, ...records] = await run<string[]>('cgEmergenciesSince', [k.emergencies, k.emergencyVersion], [known]);
  return { version: String(version), records: String(version) === known ? null : records };
}
