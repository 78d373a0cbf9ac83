/**
 * Call records on Redis. The call's index entries (id → subject, carrier id → id, by start time)
 * live in the org slot and are written first, idempotently, beside the read of the chain head;
 * then the event and its audit entry in one script on the subject's slot. An instance that sees
 * any event of a call writes both, so events of one call spread over instances make one record:
 * the index names the same subject, and the events share one hash keyed by their idempotency keys.
 */
import type { CallEvent } from '../../domain/calls/events';
import { auditText, callEventBody } from '../auditChain';
import type { CallQuery, CallRef, Page } from '../ledger';
import { appendChained, readHeads } from './chain';
import { pageByScore } from './paging';
import { indexCall, writeCallEvent } from './scripts/calls';
import { REPLY } from './scripts/records';
import type { RedisStore } from './store';
import { ms } from './time';

/** What the org's `calls` hash keeps of a call; its start is the score of the time index. */
export type StoredRef = Omit<CallRef, 'started_at'>;

export async function recordCallEvent(store: RedisStore, e: CallEvent): Promise<{ created: boolean }> {
  const o = store.keys.org(e.org_id);
  const s = store.keys.subject(e.org_id, e.phone);
  const at = ms(e.at);
  const ref: StoredRef = { call_id: e.call_id, org_id: e.org_id, carrier: e.carrier, carrier_call_id: e.carrier_call_id, phone: e.phone };
  const [, heads] = await Promise.all([
    indexCall(store.scripts, o, { id: e.call_id, ref: JSON.stringify(ref), carrierId: e.carrier_call_id, startMs: at, phone: e.phone }),
    readHeads(store, e.org_id, e.phone),
  ]);
  const doc = JSON.stringify(e);
  const reply = await appendChained(
    store,
    e.org_id,
    e.phone,
    auditText(callEventBody(e)),
    (step) =>
      writeCallEvent(
        store.scripts,
        { events: s.callEvents(e.call_id), byTime: s.callsByTime, audit: s.audit, head: s.head },
        { key: e.key, doc, startMs: at, callId: e.call_id },
        step,
      ),
    heads,
  );
  return { created: reply[0] === REPLY.written };
}

export async function findCall(store: RedisStore, orgId: string, id: string): Promise<CallRef | null> {
  const o = store.keys.org(orgId);
  let raw = await store.client.hget(o.calls, id);
  let callId = id;
  if (raw === null) {
    const byCarrier = await store.client.hget(o.callByCarrierId, id);
    if (byCarrier === null) return null;
    callId = byCarrier;
    raw = await store.client.hget(o.calls, callId);
    if (raw === null) return null;
  }
  const start = await store.client.zscore(o.callsByTime, callId);
  return withStart(JSON.parse(raw) as StoredRef, start);
}

const withStart = (ref: StoredRef, startMs: string | null): CallRef => ({ ...ref, started_at: new Date(Number(startMs ?? 0)).toISOString() });

/** With a keying, the events under the phone and under its key (the retention job moves old calls there), each key once. */
export async function callEvents(store: RedisStore, orgId: string, id: string): Promise<{ call: CallRef; events: CallEvent[] } | null> {
  const call = await findCall(store, orgId, id);
  if (!call) return null;
  const slots = store.slotsOf(call.phone);
  const hashes = await Promise.all(slots.map((p) => store.client.hvals(store.keys.subject(orgId, p).callEvents(call.call_id))));
  const byKey = new Map<string, CallEvent>();
  for (const raw of hashes.flat()) {
    const e = JSON.parse(raw) as CallEvent;
    if (!byKey.has(e.key)) byKey.set(e.key, e);
  }
  return { call, events: [...byKey.values()] };
}

export async function listCalls(store: RedisStore, orgId: string, q: CallQuery): Promise<Page<CallRef>> {
  const o = store.keys.org(orgId);
  const min = q.from ? String(ms(q.from)) : '-inf';
  const max = q.to ? '(' + ms(q.to) : '+inf';
  const keys = q.phone ? store.slotsOf(q.phone).map((p) => store.keys.subject(orgId, p).callsByTime) : o.callsByTime;
  return pageByScore<CallRef>(store.client, keys, min, max, q.after, q.limit, async (members) => {
    if (!members.length) return [];
    const [refs, starts] = await Promise.all([store.client.hmget(o.calls, ...members), store.client.zmscore(o.callsByTime, ...members)]);
    return refs.map((raw, i) => (raw ? withStart(JSON.parse(raw) as StoredRef, starts[i]) : null));
  });
}
