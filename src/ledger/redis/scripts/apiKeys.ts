/**
 * The Lua side of API keys, including keys made from keys (see
 * ../../keyFamily.ts). An org's keys live in one hash on the org's slot, so
 * the check of a parent and the insert of its child are one atomic step
 * there, ordered against the parent's revocation (cgRevokeKey, on the same
 * hash).
 */
import type { RedisKeys } from '../keys';
import type { RunScript } from './runner';

type OrgKeys = ReturnType<RedisKeys['org']>;

/** What cgCreateKey answers. */
export const CREATE_KEY = { refused: 0, added: 1 } as const;

export const KEY_SCRIPTS = {
  /**
   * Adds a key to its org unless it names a parent that is missing or revoked.
   * KEYS: org keys hash, org key order list. ARGV: key id, key JSON, parent id ('' = none). → 1 added, 0 refused
   */
  cgCreateKey: {
    numberOfKeys: 2,
    lua: `
if ARGV[3] ~= '' then
  local raw = redis.call('HGET', KEYS[1], ARGV[3])
  if not raw then return 0 end
  local parent = cjson.decode(raw)
  if parent.revoked_at ~= nil and parent.revoked_at ~= cjson.null then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1
`,
  },

  /**
   * Revoke an api key in its org, keeping the first time.
   * KEYS: org keys hash. ARGV: key id, at. → key JSON after, or false
   */
  cgRevokeKey: {
    numberOfKeys: 1,
    lua: `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local k = cjson.decode(raw)
if k.revoked_at == nil or k.revoked_at == cjson.null then
  local at = string.gsub(cjson.encode(ARGV[2]), '%%', '%%%%')
  raw = string.gsub(raw, '"revoked_at":null', '"revoked_at":' .. at, 1)
  redis.call('HSET', KEYS[1], ARGV[1], raw)
end
return raw
`,
  },
};

type Run = RunScript<keyof typeof KEY_SCRIPTS>;

/** Adds the key record to its org unless its parent (`parentId`, '' = none) is missing or revoked; true when added. */
export async function addKeyRecord(run: Run, o: OrgKeys, key: { id: string; json: string; parentId: string }): Promise<boolean> {
  return Number(await run<number>('cgCreateKey', [o.keys, o.keyOrder], [key.id, key.json, key.parentId])) === CREATE_KEY.added;
}

/** Revokes the key record at `at` (a revoked key keeps its first time); answers its JSON after, null when there is no such key. */
export async function revokeKeyRecord(run: Run, o: OrgKeys, keyId: string, at: string): Promise<string | null> {
  return (await run<string | null>('cgRevokeKey', [o.keys], [keyId, at])) ?? null;
}
