/** States of emergency on Redis: ending one is read-modify-write of its record, in one step so the first end stays. */
import type { RunScript } from './runner';

export const EMERGENCY_SCRIPTS = {
  /** KEYS: the org's emergencies HASH. ARGV: id, ended_at. → the record's JSON (ended at the first end), or nil when absent. */
  cgEndEmergency: {
    numberOfKeys: 1,
    lua: `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local e = cjson.decode(raw)
if e.ended_at == nil or e.ended_at == cjson.null then
  e.ended_at = ARGV[2]
  raw = cjson.encode(e)
  redis.call('HSET', KEYS[1], ARGV[1], raw)
end
return raw
`,
  },
};

type Run = RunScript<keyof typeof EMERGENCY_SCRIPTS>;

/** The record as ended (or as it was, when already ended); null when there is none. */
export async function endEmergencyRecord(run: Run, key: string, id: string, at: string): Promise<string | null> {
  return (await run<string | null>('cgEndEmergency', [key], [id, at])) ?? null;
}
