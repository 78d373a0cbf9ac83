/**
 * API keys on Redis: the org's hash (`{org}:k`) is the record, the by-hash
 * string (`{kh:…}`) the copy authentication reads. They are on different
 * slots, so every change writes the record first and the copy after; see
 * each step for why a key can never work longer than its record says.
 */
import { descendantsOf, isRevoked } from '../keyFamily';
import type { ApiKey } from '../ledger';
import { addKeyRecord, revokeKeyRecord } from './scripts/apiKeys';
import type { RedisStore } from './store';

/**
 * Org side first, then the by-hash entry auth reads: a crash in between
 * leaves a listed key that cannot authenticate, never a usable key that
 * cannot be listed or revoked. A second key with the same hash (two
 * instances bootstrapping the same configured secret) is dropped.
 */
export async function createApiKey(store: RedisStore, key: ApiKey): Promise<boolean> {
  const o = store.keys.org(key.org_id);
  const json = JSON.stringify(key);
  if (!(await addKeyRecord(store.scripts, o, { id: key.id, json, parentId: key.parent_key_id ?? '' }))) return false;
  const byHash = store.keys.apiKeyByHash(key.hash);
  if ((await store.client.set(byHash, json, 'NX')) === null) {
    await store.client.hdel(o.keys, key.id);
    await store.client.lrem(o.keyOrder, -1, key.id);
    return false;
  }
  // The parent may have been revoked between the record and this copy, its cascade finding the
  // record but no copy yet to revoke: read the record again and copy what it says now.
  if (key.parent_key_id) {
    const now = await store.client.hget(o.keys, key.id);
    if (now !== null && now !== json) await store.client.set(byHash, now, 'XX');
  }
  return true;
}

/** Revokes the key, then every key made from it (the record, then the copy, of each). */
export async function revokeApiKey(store: RedisStore, orgId: string, keyId: string, at: string): Promise<ApiKey | null> {
  const o = store.keys.org(orgId);
  const raw = await revokeKeyRecord(store.scripts, o, keyId, at);
  if (!raw) return null;
  const key = JSON.parse(raw) as ApiKey;
  // Auth reads the by-hash copy; it gets the org's (first) revocation time, also on a repeat.
  await store.client.set(store.keys.apiKeyByHash(key.hash), raw, 'XX');
  // Listed after the parent is revoked: a child made before that is in the list; one made after is refused (cgCreateKey).
  const docs = Object.values(await store.client.hgetall(o.keys)).map((d) => JSON.parse(d) as ApiKey);
  for (const child of descendantsOf(docs, keyId)) {
    if (isRevoked(child)) continue;
    const revoked = await revokeKeyRecord(store.scripts, o, child.id, at);
    if (revoked) await store.client.set(store.keys.apiKeyByHash(child.hash), revoked, 'XX');
  }
  return key;
}

/** The org's key by id, from its record (which revocation writes before the copy auth reads by hash). */
export async function getApiKey(store: RedisStore, orgId: string, keyId: string): Promise<ApiKey | null> {
  const raw = await store.client.hget(store.keys.org(orgId).keys, keyId);
  return raw === null ? null : (JSON.parse(raw) as ApiKey);
}

/** The org's keys in the order they were made. */
export async function listApiKeys(store: RedisStore, orgId: string): Promise<ApiKey[]> {
  const o = store.keys.org(orgId);
  const ids = await store.client.lrange(o.keyOrder, 0, -1);
  if (!ids.length) return [];
  const docs = await store.client.hmget(o.keys, ...ids);
  return docs.filter((d): d is string => d !== null).map((d) => JSON.parse(d) as ApiKey);
}
