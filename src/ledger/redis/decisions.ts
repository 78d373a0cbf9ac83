/**
 * Decisions on Redis. The org's indexes (sequence number, id → phone, time
 * index) are written first, beside the read of the chain head; then the
 * decision and its audit entry in one script on the subject's slot. An
 * index entry whose decision was never written is skipped by readers.
 * With a decision retention, documents and index entries expire with it.
 */
import type { Decision } from '../../domain/records';
import { auditText, decisionBody } from '../auditChain';
import type { DecisionQuery, Page } from '../ledger';
import { appendChained, readHeads } from './chain';
import { countDecision } from './dailyCounts';
import { seqMember } from './keys';
import { pageByScore, splitOnce } from './paging';
import { indexDecision } from './scripts/indexes';
import { writeDecision } from './scripts/records';
import type { RedisStore } from './store';
import { ms } from './time';

export async function recordDecision(store: RedisStore, d: Decision): Promise<void> {
  const s = store.keys.subject(d.org_id, d.phone);
  const o = store.keys.org(d.org_id);
  const retentionS = store.decisionRetentionS;
  const at = ms(d.decided_at);
  const cutoff = retentionS ? String(at - retentionS * 1000) : '';
  const [seq, heads] = await Promise.all([
    indexDecision(store.scripts, o, { id: d.id, phone: d.phone, atMs: at, ttlS: retentionS, cutoffMs: cutoff }),
    readHeads(store, d.org_id, d.phone),
  ]);
  const doc = JSON.stringify(d);
  const member = `${seqMember(seq)}|${d.id}`;
  await appendChained(
    store,
    d.org_id,
    d.phone,
    auditText(decisionBody(d)),
    (step) =>
      writeDecision(
        store.scripts,
        { doc: s.decision(d.id), byTime: s.decisionsByTime, audit: s.audit, head: s.head },
        { json: doc, ttlS: retentionS, atMs: at, member, cutoffMs: cutoff },
        step,
      ),
    heads,
  );
  // Counted once stored, but not waited for: no round trip is added before the call is answered. The
  // command is queued ahead of any later read on the connection; a count lost to a failure is one short.
  countDecision(store, d).catch(() => {});
}

export async function getDecision(store: RedisStore, orgId: string, id: string): Promise<Decision | null> {
  const phone = await store.client.get(store.keys.org(orgId).decisionPhone(id));
  const raw = await store.byIndex(orgId, phone, (s) => store.client.get(s.decision(id)));
  return raw ? (JSON.parse(raw) as Decision) : null;
}

export async function listDecisions(store: RedisStore, orgId: string, q: DecisionQuery): Promise<Page<Decision>> {
  const min = q.from ? String(ms(q.from)) : '-inf';
  const max = q.to ? '(' + ms(q.to) : '+inf';
  if (q.phone) {
    // The phone's decisions and, with a keying, its anonymised ones: one order (members are `seq|id` in both).
    const subjects = new Map(store.slotsOf(q.phone).map((p) => [store.keys.subject(orgId, p).decisionsByTime, store.keys.subject(orgId, p)]));
    return pageByScore<Decision>(store.client, [...subjects.keys()], min, max, q.after, q.limit, async (members, key) => {
      if (!members.length) return [];
      const s = subjects.get(key)!;
      const docs = await store.client.mget(...members.map((m) => s.decision(splitOnce(m)[1])));
      return docs.map((d) => (d ? (JSON.parse(d) as Decision) : null));
    });
  }
  return pageByScore<Decision>(store.client, store.keys.org(orgId).decisionsByTime, min, max, q.after, q.limit, (members) =>
    Promise.all(
      members.map(async (m) => {
        const [, rest] = splitOnce(m);
        const [id, phone] = splitOnce(rest);
        const raw = await store.client.get(store.keys.subject(orgId, phone).decision(id));
        return raw ? (JSON.parse(raw) as Decision) : null;
      }),
    ),
  );
}
