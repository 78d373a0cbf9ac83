/**
 * The retention job's part for call records on Redis: each call started before the cutoff has its
 * events anonymised (the domain's rule) and moved from the phone's slot to its suppression key's,
 * in the order the rest of the job keeps (retention.ts): copied into the key's slot, the org's index
 * entry set to name the key, and after the grace period (readers of the old entry still read both
 * slots) removed from the phone's. A call whose entry already names a key is done. The audit entries
 * of its events move with the rest of the subject's chain.
 */
import { anonymiseCallEvent } from '../../domain/retention';
import type { CallEvent } from '../../domain/calls/events';
import { isSuppressionKey, type SuppressionKeying } from '../ledger';
import type { StoredRef } from './calls';
import type { RedisClient } from './connection';
import type { RedisKeys } from './keys';
import type { ScriptRunner } from './scripts';
import { rekeyCall } from './scripts/calls';

/** What the call part of the job needs of the retention job's own (retention.ts, RetentionDeps). */
export interface CallRetentionDeps {
  client: RedisClient;
  keys: RedisKeys;
  run: ScriptRunner;
  keying: SuppressionKeying;
  /** How long moved events stay in both slots (longer than a reader's command timeout). */
  graceMs: number;
}

const CALL_BATCH = 200;

/** @returns how many events were anonymised */
export async function anonymiseCalls(d: CallRetentionDeps, orgId: string, cutoffMs: number): Promise<number> {
  const o = d.keys.org(orgId);
  let anonymised = 0;
  for (let offset = 0; ; ) {
    const raw = await d.client.zrangebyscore(o.callsByTime, '-inf', `(${cutoffMs}`, 'WITHSCORES', 'LIMIT', offset, CALL_BATCH);
    if (!raw.length) return anonymised;
    offset += raw.length / 2;
    const ids = raw.filter((_, i) => i % 2 === 0);
    const refs = await d.client.hmget(o.calls, ...ids);
    const moved: { from: ReturnType<RedisKeys['subject']>; id: string }[] = [];
    for (const [i, id] of ids.entries()) {
      const ref = refs[i] ? (JSON.parse(refs[i]!) as StoredRef) : null;
      if (!ref || isSuppressionKey(ref.phone)) continue;
      const key = d.keying.keyOf(ref.phone);
      const from = d.keys.subject(orgId, ref.phone);
      const to = d.keys.subject(orgId, key);
      const events = (await d.client.hvals(from.callEvents(id))).map((e) => anonymiseCallEvent(JSON.parse(e) as CallEvent, d.keying));
      if (events.length) {
        await d.client.hset(to.callEvents(id), ...events.flatMap((e) => [e.key, JSON.stringify(e)]));
        await d.client.zadd(to.callsByTime, 'LT', raw[i * 2 + 1], id);
      }
      await rekeyCall(d.run, o, { id, ref: JSON.stringify({ ...ref, phone: key }) });
      moved.push({ from, id });
      anonymised += events.length;
    }
    if (moved.length) await new Promise((r) => setTimeout(r, d.graceMs));
    for (const { from, id } of moved) await Promise.all([d.client.del(from.callEvents(id)), d.client.zrem(from.callsByTime, id)]);
  }
}
