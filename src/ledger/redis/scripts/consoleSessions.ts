/** The index of one API key's console sessions (a ZSET on its own slot), kept bounded by the sessions' expiry. */
import type { RunScript } from './runner';

export const CONSOLE_SESSION_SCRIPTS = {
  /**
   * Notes a session's expiry in its key's index, drops the entries already expired, and lets the
   * index expire with the last session in it, so an index of a key no one signs in with is not kept.
   * KEYS: the key's sessions ZSET. ARGV: session id hash, its expires_at (ms), now (ms). → entries left
   */
  cgIndexConsoleSession: {
    numberOfKeys: 1,
    lua: `
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then
  redis.call('PEXPIRE', KEYS[1], string.format('%d', math.max(1, tonumber(last[2]) - tonumber(ARGV[3]))))
end
return redis.call('ZCARD', KEYS[1])
`,
  },
};

type Run = RunScript<keyof typeof CONSOLE_SESSION_SCRIPTS>;

/** Notes the session (its id hash, expiring at `expiresMs`) in the index `keySessions`, as of `nowMs`. */
export async function indexConsoleSession(run: Run, keySessions: string, idHash: string, expiresMs: number, nowMs: number): Promise<void> {
  await run('cgIndexConsoleSession', [keySessions], [idHash, expiresMs, nowMs]);
}
