/**
 * Console sessions on Redis: each session a string on its own slot (`{cs:hash}`), expiring with it,
 * and each API key's sessions listed in a ZSET on the key's slot (`{csk:org:key}`), so all of them
 * can be ended at once. The two are on different slots: the session is written after its index
 * entry and deleted before it, so an index may name a session that is gone, never miss one that
 * lives — except one signed in while its key's sessions are being ended, which is refused at its
 * first request anyway, as every request reads its key again.
 *
 * A touch is `SET … XX`: it rewrites a session only while it exists, so a touch racing a sign-out on
 * another instance never brings the session back. The TTLs are relative to the caller's clock,
 * which also decides, at each lookup, whether a session has expired.
 */
import type { ConsoleSessionRecord, ConsoleSessionTouch } from '../consoleSessions';
import { delIfEqual } from './scripts/conditionalDelete';
import { indexConsoleSession } from './scripts/consoleSessions';
import type { RedisStore } from './store';
import { ms } from './time';

const ttlMs = (s: ConsoleSessionRecord, nowMs: number) => Math.max(1, ms(s.expires_at) - nowMs);

export async function createConsoleSession(store: RedisStore, s: ConsoleSessionRecord): Promise<void> {
  const now = ms(s.created_at);
  await indexConsoleSession(store.scripts, store.keys.consoleSessionsOfKey(s.org_id, s.key_id), s.id_hash, ms(s.expires_at), now);
  await store.client.set(store.keys.consoleSession(s.id_hash), JSON.stringify(s), 'PX', ttlMs(s, now));
}

export async function findConsoleSession(store: RedisStore, idHash: string, at: string, touch: ConsoleSessionTouch): Promise<ConsoleSessionRecord | null> {
  const key = store.keys.consoleSession(idHash);
  const raw = await store.client.get(key);
  if (raw === null) return null;
  const session = JSON.parse(raw) as ConsoleSessionRecord;
  const now = ms(at);
  if (ms(session.expires_at) <= now) {
    // Only the record as read: one touched meanwhile by another instance lives on.
    await delIfEqual(store.scripts, key, raw);
    return null;
  }
  const times = touch(session);
  if (!times) return session;
  const touched = { ...session, ...times };
  if ((await store.client.set(key, JSON.stringify(touched), 'PX', ttlMs(touched, now), 'XX')) !== 'OK') return null;
  await indexConsoleSession(store.scripts, store.keys.consoleSessionsOfKey(touched.org_id, touched.key_id), idHash, ms(touched.expires_at), now);
  return touched;
}

export async function endConsoleSession(store: RedisStore, idHash: string): Promise<void> {
  const key = store.keys.consoleSession(idHash);
  const raw = await store.client.get(key);
  if (raw === null) return;
  await store.client.del(key);
  const { org_id, key_id } = JSON.parse(raw) as ConsoleSessionRecord;
  await store.client.zrem(store.keys.consoleSessionsOfKey(org_id, key_id), idHash);
}

export async function endConsoleSessionsOfKey(store: RedisStore, orgId: string, keyId: string): Promise<number> {
  const index = store.keys.consoleSessionsOfKey(orgId, keyId);
  const idHashes = await store.client.zrange(index, 0, -1);
  // One DEL per session: each is on a slot of its own (a cluster refuses a DEL across slots).
  const ended = await Promise.all(idHashes.map((h) => store.client.del(store.keys.consoleSession(h))));
  // Only the entries read: a session signed in meanwhile stays listed.
  if (idHashes.length) await store.client.zrem(index, ...idHashes);
  return ended.reduce((n, d) => n + d, 0);
}
