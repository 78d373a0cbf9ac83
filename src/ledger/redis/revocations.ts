/**
 * Revocations on Redis. The record and its audit entry are one script on the
 * subject's slot; what is not per phone is written around it, in an order
 * that fails closed: the network-wide index and the outbox message *before*
 * (write-ahead, then set to the stored record), the org's id → phone index
 * after, idempotently. A crash in between blocks the number network-wide for
 * an opt-out that was requested but not yet acknowledged, rather than
 * missing one that was.
 */
import type { Revocation } from '../../domain/records';
import { auditText, revocationBody } from '../auditChain';
import { appendChained, readHeads } from './chain';
import { countRevocation } from './dailyCounts';
import type { RedisOutbox } from './outbox';
import { indexRevocation } from './scripts/indexes';
import { insertOnce, REPLY, revocationDocKeys } from './scripts/records';
import type { RedisStore } from './store';
import { scoreOf } from './time';

export async function recordRevocation(store: RedisStore, outbox: RedisOutbox, r: Revocation): Promise<{ revocation: Revocation; created: boolean }> {
  const s = store.keys.subject(r.org_id, r.phone);
  const doc = JSON.stringify(r);
  const network = r.scope === 'all';
  // Only this deployment's own network-wide opt-outs are propagated; a peer's are not echoed back.
  const propagate = network && r.origin === 'local';
  const netKey = store.keys.network(r.phone);
  const netField = `${r.org_id}\t${r.dedupe_key}`;

  // Write-ahead (with the chain head read): the network index and the outbox message.
  const [heads, queued] = await Promise.all([
    readHeads(store, r.org_id, r.phone),
    propagate ? outbox.queueAhead(r) : Promise.resolve(false),
    network ? store.client.hset(netKey, netField, doc) : Promise.resolve(0),
  ]);
  const reply = await appendChained(
    store,
    r.org_id,
    r.phone,
    auditText(revocationBody(r)),
    (step) => insertOnce(store.scripts, revocationDocKeys(s), { id: r.id, dedupeKey: r.dedupe_key, json: doc }, step),
    heads,
  );
  const created = reply[0] === REPLY.written;
  const stored = created ? r : (JSON.parse(reply[1]!) as Revocation);
  const storedDoc = created ? doc : reply[1]!;
  await Promise.all([
    indexRevocation(store.scripts, store.keys.org(r.org_id), { id: stored.id, phone: stored.phone, score: scoreOf(stored.created_at) }),
    network ? store.client.hset(netKey, netField, storedDoc) : null,
    propagate ? outbox.settle(r, stored, created, queued) : null,
    countRevocation(store, stored, created),
  ]);
  return { revocation: stored, created };
}

export async function getRevocation(store: RedisStore, orgId: string, id: string): Promise<Revocation | null> {
  const phone = await store.client.hget(store.keys.org(orgId).revocationPhone, id);
  const raw = await store.byIndex(orgId, phone, (s) => store.client.hget(s.revocations, id));
  return raw ? (JSON.parse(raw) as Revocation) : null;
}
