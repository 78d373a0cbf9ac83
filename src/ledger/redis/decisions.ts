/**
 * Decisions on Redis. The org's indexes (sequence number, id → phone, time
 * index) are written first, beside the read of the chain head; then the
 * decision and its audit entry in one script on the subject's slot. An
 * index entry whose decision was never written is skipped by readers.
 * With a decision retention, documents and index entries expire with it.
 *
 * A covered precall's decision is written by the script that counts its
 * contact (recordCountedDecision): refused there, nothing is written and
 * its index entry is taken back, so the decision asked again in its place
 * is listed once.
 */
import { decisionJson } from '../../domain/decisionJson';
import type { Decision } from '../../domain/records';
import { auditText, decisionBody } from '../auditChain';
import type { DecisionQuery, Page } from '../ledger';
import { appendChained, readHeads } from './chain';
import { countDecision } from './dailyCounts';
import { seqMember } from './keys';
import { pageByScore, splitOnce } from './paging';
import type { BoundedCount } from '../coveredDecision';
import { writeCountedDecision, type CoveredCount } from './scripts/coveredContacts';
import { indexDecision } from './scripts/indexes';
import { REPLY, writeDecision, type ChainReply, type ChainStep } from './scripts/records';
import type { RedisStore } from './store';
import { ms } from './time';

type SubjectKeys = ReturnType<RedisStore['keys']['subject']>;
type DecisionArgs = { json: string; ttlS: number; atMs: number; member: string; cutoffMs: string };
type DecisionWrite = (s: SubjectKeys, args: DecisionArgs, step: ChainStep) => Promise<ChainReply>;

export async function recordDecision(store: RedisStore, d: Decision): Promise<void> {
  await recordWith(store, d, (s, args, step) =>
    writeDecision(store.scripts, { doc: s.decision(d.id), byTime: s.decisionsByTime, audit: s.audit, head: s.head }, args, step),
  );
}

/**
 * An allowed covered precall: its decision is written only if its contact is counted under
 * `count.limit` in the set `coveredKey` (the subject's slot). Refused, nothing is written and
 * the count met is answered, for the caller to decide again and record that decision instead.
 */
export async function recordCountedDecision(store: RedisStore, d: Decision, coveredKey: string, count: CoveredCount): Promise<BoundedCount> {
  const { reply, seq } = await recordWith(store, d, (s, args, step) =>
    writeCountedDecision(
      store.scripts,
      { doc: s.decision(d.id), byTime: s.decisionsByTime, audit: s.audit, head: s.head, covered: coveredKey },
      args,
      step,
      count,
    ),
  );
  if (reply[0] !== REPLY.capMet) return { counted: true };
  const o = store.keys.org(d.org_id);
  // The index entry of a decision that will not be written; the one recorded in its place gets its own.
  await Promise.all([store.client.zrem(o.decisionsByTime, `${seqMember(seq)}|${d.id}|${d.phone}`), store.client.del(o.decisionPhone(d.id))]);
  return { counted: false, count: Number(reply[1]) };
}

async function recordWith(store: RedisStore, d: Decision, write: DecisionWrite): Promise<{ reply: ChainReply; seq: number }> {
  const s = store.keys.subject(d.org_id, d.phone);
  const o = store.keys.org(d.org_id);
  const retentionS = store.decisionRetentionS;
  const at = ms(d.decided_at);
  const cutoff = retentionS ? String(at - retentionS * 1000) : '';
  const [seq, heads] = await Promise.all([
    indexDecision(store.scripts, o, { id: d.id, phone: d.phone, atMs: at, ttlS: retentionS, cutoffMs: cutoff }),
    readHeads(store, d.org_id, d.phone),
  ]);
  const args = { json: decisionJson(d), ttlS: retentionS, atMs: at, member: `${seqMember(seq)}|${d.id}`, cutoffMs: cutoff };
  const reply = await appendChained(store, d.org_id, d.phone, auditText(decisionBody(d)), (step) => write(s, args, step), heads);
  // Counted once stored (a decision refused by its cap was not), but not waited for: no round trip is added
  // before the call is answered. The command is queued ahead of any later read on the connection; a count
  // lost to a failure is one short.
  if (reply[0] === REPLY.written) countDecision(store, d).catch(() => {});
  return { reply, seq };
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
