/**
 * The Lua side of keys made from keys (see ../keyFamily.ts). An org's keys
 * live in one hash on the org's slot, so the check of a parent and the
 * insert of its child are one atomic step there, ordered against the
 * parent's revocation (cgRevokeKey, on the same hash).
 */
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
};
