/**
 * The retention job on Redis (the same promise as every engine's
 * `anonymiseBefore`, see ledger.ts): records older than the cutoff lose their
 * personal data and move from the phone's slot `{org:phone}` to the slot of
 * its suppression key `{org:hmac:…}` — key names name the number, so the
 * records cannot stay under it — and network-wide revocations from
 * `{net:phone}` to `{net:hmac:…}`. Readers opened with the keying read both.
 *
 * Finding the work: every subject write puts the phone in its org's
 * retention list (`{org}:sp`, score = the time from which it may hold
 * something to anonymise, lowered with ZADD LT) and the org in the store's
 * org set. The job walks the orgs, and in each the phones scored before the
 * cutoff; each visit sets the phone's score to when it next may have work
 * (capped at the visit, so a record written during the visit is seen by a
 * later run) or drops the phone once nothing is left under it.
 *
 * Moving one subject touches three slots, so it is three scripts
 * (scripts/moves.ts), ordered so that every crash or race fails closed
 * (nothing is ever in neither place):
 *
 * 1. key slot (cgMoveIn): add the anonymised records and append the audit
 *    prefix that is moving, compare-and-set on the key's last entry (two
 *    gateways running the job: one wins, the other skips the subject);
 *    network-wide revocations are added under `{net:hmac:…}`.
 * 2. after a grace period longer than any command can take, phone slot
 *    (cgMoveOut): remove them. Readers (contactFacts, auditTrail) read the
 *    phone's and the key's slot in parallel; a reader whose key read ran
 *    before step 1 sent its phone read at the same time, and a read that
 *    succeeds ran within its command timeout (twice that for a script
 *    re-sent after NOSCRIPT) — before step 2 — so it sees the record in one
 *    place or both, never in neither. (Reading one after the other would
 *    cost every precall a round trip; the job can wait instead.) A consent
 *    that changed meanwhile (reconfirmed) stays under the phone and its copy
 *    is removed again. The chain head moves only if nothing was appended
 *    meanwhile; otherwise the phone keeps it.
 * 3. org slot (cgMoveIndex): id → subject indexes and listings name the key;
 *    the retention score is set (compare-and-set, so a writer that lowered
 *    it wins) or the phone dropped when its slot is empty — and if a write
 *    landed there meanwhile, the phone is listed again.
 *
 * Not moved: daily send counters name the phone in their key and expire
 * within three days anyway. The outbox keeps the phone of undelivered
 * network messages (peers need it) but loses transcripts and audio URLs.
 */
import type { Consent, Decision, Revocation } from '../../domain/records';
import { anonymiseConsent, anonymiseDecision, anonymiseRevocation, consentEndedAt } from '../../domain/retention';
import { entityKey } from '../../domain/vocabulary';
import type { AuditBody } from '../auditChain';
import { isSuppressionKey, type AnonymiseResult, type SuppressionKeying } from '../ledger';
import type { RedisClient } from './connection';
import type { RedisKeys } from './keys';
import type { RedisOutbox } from './outbox';
import type { ScriptRunner } from './scripts';
import { delIfEqual } from './scripts/conditionalDelete';
import { AUDIT_MOVED, moveIn, moveIndex, moveOut } from './scripts/moves';
import { dumpSubject, getWithTtl } from './scripts/subjectReads';
import { indexSubject } from './scripts/indexes';
import { anonymiseCalls } from './callRetention';

export interface RetentionDeps {
  client: RedisClient;
  keys: RedisKeys;
  run: ScriptRunner;
  keying: SuppressionKeying;
  /** How long moved records stay in both slots (longer than a reader's command timeout). */
  graceMs: number;
  /** Decision retention in seconds (0 = kept): the key's decision index is trimmed to it as the phone's is. */
  decisionRetentionS: number;
  outbox: RedisOutbox;
}

/** Subjects per step: all of a batch share one grace period. */
const SUBJECT_BATCH = 200;
const CONCURRENCY = 16;

export async function anonymiseBefore(d: RetentionDeps, cutoffMs: number): Promise<AnonymiseResult> {
  const result: AnonymiseResult = { consents: 0, revocations: 0, decisions: 0, audit_entries: 0, call_events: 0 };
  // Recorded before the first record is keyed: from now on the store refuses to open without this keying.
  const store = d.keys.store();
  await d.client.set(store.keyId, d.keying.keyId, 'NX');
  if ((await d.client.get(store.keyId)) !== d.keying.keyId) throw new Error('the Redis ledger was anonymised under a different RETENTION_SECRET');
  for (const orgId of (await d.client.smembers(store.orgs)).sort()) {
    await anonymiseOrg(d, orgId, cutoffMs, result);
    result.call_events += await anonymiseCalls(d, orgId, cutoffMs);
  }
  await d.outbox.scrubBefore(cutoffMs);
  return result;
}

async function anonymiseOrg(d: RetentionDeps, orgId: string, cutoffMs: number, result: AnonymiseResult): Promise<void> {
  const list = d.keys.org(orgId).retention;
  const visited = new Set<string>();
  // Visited phones leave the range (their score moves past the cutoff) or stay
  // at its start (a visit that could not finish); `offset` skips the latter.
  let offset = 0;
  for (;;) {
    const raw = await d.client.zrangebyscore(list, '-inf', `(${cutoffMs}`, 'WITHSCORES', 'LIMIT', offset, SUBJECT_BATCH);
    if (!raw.length) return;
    const batch: { phone: string; score: string }[] = [];
    for (let i = 0; i < raw.length; i += 2) if (!visited.has(raw[i])) batch.push({ phone: raw[i], score: raw[i + 1] });
    for (const { phone } of batch) visited.add(phone);
    const moves = await inParallel(batch, ({ phone, score }) => copySubject(d, orgId, phone, score, cutoffMs));
    if (moves.some((m) => m?.copied)) await new Promise((r) => setTimeout(r, d.graceMs));
    await inParallel(moves, (m) => (m ? finishSubject(d, m, result) : Promise.resolve()));
    const phones = raw.filter((_, i) => i % 2 === 0);
    const scores = await d.client.zmscore(list, ...phones);
    const stuck = scores.filter((s) => s !== null && Number(s) < cutoffMs).length;
    offset += batch.length ? stuck : phones.length;
  }
}

/** What step 1 copied, for steps 2 and 3. */
interface Move {
  orgId: string;
  phone: string;
  key: string;
  /** The retention score the visit started from (compare-and-set in step 3). */
  score: string;
  visitedAt: number;
  copied: boolean;
  consents: { before: string; after: Consent }[];
  revocations: { before: Revocation; raw: string; after: Revocation }[];
  /** Old decision members (`seq|id`); `doc` null when the decision already expired (only its index entry goes). */
  decisions: { member: string; doc: Decision | null }[];
  /** Entries appended to the key's list, and the moved prefix of the phone's list. */
  appended: number;
  prefix: number;
  lastMoved: string;
  /** The phone's head when the whole chain moves, else ''. */
  fullHead: string;
  /** Earliest time at which what stays under the phone may be anonymised. */
  nextDue: number;
}

async function copySubject(d: RetentionDeps, orgId: string, phone: string, score: string, cutoffMs: number): Promise<Move | null> {
  const o = d.keys.org(orgId);
  if (isSuppressionKey(phone)) {
    // Never listed on purpose (a key names no phone to anonymise).
    await d.client.zrem(o.retention, phone);
    return null;
  }
  const key = d.keying.keyOf(phone);
  const ps = d.keys.subject(orgId, phone);
  const ks = d.keys.subject(orgId, key);
  const visitedAt = Date.now();
  const [{ consents: consentDocs, revocations: revocationDocs, audit, head, decisions: decisionIndex }, keyTail] = await Promise.all([
    dumpSubject(d.run, ps),
    d.client.lindex(ks.audit, -1),
  ]);
  const old = (iso: string | null | undefined) => !!iso && Date.parse(iso) < cutoffMs;
  let nextDue = Infinity;
  const due = (t: number) => (nextDue = Math.min(nextDue, t));
  const now = new Date(visitedAt).toISOString();

  const consents: Move['consents'] = [];
  for (const raw of consentDocs) {
    const c = JSON.parse(raw) as Consent;
    // Ended before the cutoff (the domain's retention rule, as every engine): a consent in force keeps its phone until it ends.
    const endedAt = consentEndedAt(c);
    if (endedAt < cutoffMs) consents.push({ before: raw, after: anonymiseConsent(c, d.keying, now) });
    else due(endedAt);
  }
  const revocations: Move['revocations'] = [];
  for (const raw of revocationDocs) {
    const r = JSON.parse(raw) as Revocation;
    if (!old(r.created_at)) {
      due(Date.parse(r.created_at));
      continue;
    }
    revocations.push({ before: r, raw, after: anonymiseRevocation(r, d.keying) });
  }
  const oldMembers: string[] = [];
  for (const { member, score } of decisionIndex) {
    if (score < cutoffMs) oldMembers.push(member);
    else due(score);
  }
  const decisions: Move['decisions'] = [];
  const decisionTtls: number[] = [];
  if (oldMembers.length) {
    const got = await getWithTtl(
      d.run,
      oldMembers.map((m) => ps.decision(memberId(m))),
    );
    oldMembers.forEach((member, i) => {
      const doc = got[i].value ? (JSON.parse(got[i].value) as Decision) : null;
      decisions.push({ member, doc: doc && anonymiseDecision(doc, d.keying) });
      decisionTtls.push(got[i].pttl);
    });
  }

  // The chain prefix up to the last entry older than the cutoff (what stays continues it).
  const entries = audit.map((line) => JSON.parse(line) as { h: string; b: AuditBody });
  let prefix = 0;
  entries.forEach((e, i) => {
    if (old(e.b.at)) prefix = i + 1;
  });
  for (const e of entries.slice(prefix)) due(Date.parse(e.b.at));
  // Entries a crashed earlier run already appended to the key are not appended again.
  const tailHash = keyTail ? (JSON.parse(keyTail) as { h: string }).h : null;
  const already = tailHash ? entries.slice(0, prefix).findIndex((e) => e.h === tailHash) + 1 : 0;
  const append = audit.slice(already, prefix);
  const fullHead = prefix > 0 && prefix === audit.length ? head : '';

  const move: Move = {
    orgId,
    phone,
    key,
    score,
    visitedAt,
    copied: false,
    consents,
    revocations,
    decisions,
    appended: append.length,
    prefix,
    lastMoved: prefix ? audit[prefix - 1] : '',
    fullHead,
    nextDue,
  };
  const moved = decisions.filter((x) => x.doc);
  if (!consents.length && !revocations.length && !moved.length && !prefix) return move;

  const copied = await moveIn(d.run, ks, {
    expectedTail: keyTail ?? '',
    // The whole chain moves: the key gets the head. Part of it: the phone keeps the head (a stale one under the key goes).
    head: fullHead || (prefix ? '-' : ''),
    decisionCutoffMs: d.decisionRetentionS ? String(visitedAt - d.decisionRetentionS * 1000) : '',
    consents: consents.map((c) => ({ id: c.after.id, dedupe: c.after.dedupe_key, json: JSON.stringify(c.after) })),
    revocations: revocations.map((r) => ({ id: r.after.id, dedupe: r.after.dedupe_key, json: JSON.stringify(r.after) })),
    decisions: moved.map((x) => ({
      id: x.doc!.id,
      member: x.member,
      scoreMs: Date.parse(x.doc!.decided_at),
      json: JSON.stringify(x.doc),
      pttl: decisionTtls[decisions.indexOf(x)],
    })),
    entries: append,
  });
  // Another run appended to the key since it was read: it is moving this subject; leave it.
  if (!copied) return null;
  const network = revocations.filter((r) => r.before.scope === 'all');
  await Promise.all(network.map((r) => d.client.hset(d.keys.network(key), `${orgId}\t${r.after.dedupe_key}`, JSON.stringify(r.after))));
  move.copied = true;
  return move;
}

async function finishSubject(d: RetentionDeps, m: Move, result: AnonymiseResult): Promise<void> {
  const ps = d.keys.subject(m.orgId, m.phone);
  const ks = d.keys.subject(m.orgId, m.key);
  const o = d.keys.org(m.orgId);
  const decisionIds = m.decisions.map((x) => ({ id: memberId(x.member), member: x.member }));
  const { audit, empty, removed, changed } = await moveOut(d.run, ps, {
    consents: m.consents.map((c) => ({ id: c.after.id, dedupe: c.after.dedupe_key, json: c.before })),
    revocations: m.revocations.map((r) => ({ id: r.before.id, dedupe: r.before.dedupe_key })),
    decisions: decisionIds,
    auditMoved: m.prefix,
    lastMoved: m.lastMoved,
    fullHead: m.fullHead,
  });
  const stayed = new Set(changed);
  const consents = m.consents.filter((c) => !stayed.has(c.after.id));
  await Promise.all([
    // Consents that changed while being moved stay under the phone: remove their anonymised copy.
    stayed.size
      ? moveOut(d.run, ks, {
          consents: m.consents
            .filter((c) => stayed.has(c.after.id))
            .map((c) => ({ id: c.after.id, dedupe: c.after.dedupe_key, json: JSON.stringify(c.after) })),
          revocations: [],
          decisions: [],
          auditMoved: 0,
          lastMoved: '',
          fullHead: '',
        })
      : null,
    // A whole-chain move that lost to an append: the phone keeps the head, the key's copy goes.
    // (Not when the prefix is gone: another run moved it, head included.)
    m.fullHead && audit === AUDIT_MOVED.trimmed ? delIfEqual(d.run, ks.head, m.fullHead) : null,
    ...m.revocations
      .filter((r) => r.before.scope === 'all')
      .map((r) => delIfEqual(d.run, d.keys.network(m.phone), r.raw, `${m.orgId}\t${r.before.dedupe_key}`)),
  ]);
  // A consent that stayed is looked at again by the next run (it may have ended again by then).
  if (stayed.size) m.nextDue = 0;
  const nextScore = empty ? '' : String(Math.min(m.nextDue, m.visitedAt));
  await moveIndex(d.run, o, {
    phone: m.phone,
    key: m.key,
    consents: consents.map((c) => ({ id: c.after.id, entityKey: entityKey(c.after.calling_entity) })),
    revocationIds: m.revocations.map((r) => r.after.id),
    decisions: decisionIds,
    headMoved: audit === AUDIT_MOVED.gone,
    expectedScore: m.score,
    newScore: nextScore,
  });
  if (empty) {
    // Dropped from the lists: list it again if a write landed under the phone meanwhile (its own re-listing may have run before the drop).
    const [hasHead, hasRecords] = await Promise.all([d.client.exists(ps.head), d.client.exists(ps.consents, ps.revocations, ps.audit, ps.decisionsByTime)]);
    if (hasHead) await indexSubject(d.run, o, { phone: m.phone, score: String(m.visitedAt), droppedKey: '' });
    else if (hasRecords) await d.client.zadd(o.retention, 'LT', m.visitedAt, m.phone);
  }
  // What this run removed from the phone (two runs at once count each record once).
  result.consents += removed.consents;
  result.revocations += removed.revocations;
  result.decisions += Math.min(removed.decisions, m.decisions.filter((x) => x.doc).length);
  result.audit_entries += m.appended;
}

/** `seq|id` → id */
const memberId = (member: string) => member.slice(member.indexOf('|') + 1);

async function inParallel<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}
