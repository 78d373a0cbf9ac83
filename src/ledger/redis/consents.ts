/**
 * Consents on Redis: the record and its audit entry in one script on the
 * subject's slot, then the org's indexes (another slot), idempotently and
 * also after a duplicate capture, so a client's retry of an unacknowledged
 * write heals them.
 */
import { withConsentStatus } from '../../domain/consentStatus';
import type { Consent } from '../../domain/records';
import { entityKey } from '../../domain/vocabulary';
import { auditText, chainHashOf, consentEventBody } from '../auditChain';
import type { ConsentWrite } from '../consentWrite';
import { decodeCursor, encodeCursor, isPosition } from '../cursor';
import { LedgerUnavailableError, type ConsentQuery, type ConsentStatusChange, type Page } from '../ledger';
import { appendChained, headCreated, MAX_CAS_ATTEMPTS, movedHead, storedEntry } from './chain';
import { pageByScore, splitOnce } from './paging';
import { indexConsent } from './scripts/indexes';
import { consentDocKeys, docAndHead, insertOnce, REPLY, replaceDoc } from './scripts/records';
import type { RedisStore } from './store';
import { scoreOf } from './time';

/** Subjects written at once by a bulk import. */
const BULK_CONCURRENCY = 32;

/** What the org indexes of a consent are written from. */
const indexFieldsOf = (c: Consent) => ({ id: c.id, phone: c.phone, entity_key: entityKey(c.calling_entity), created_at: c.created_at });

/** Null when this consent was created; else the document of the one with its content, which stands. */
export async function insertConsent(store: RedisStore, c: ConsentWrite): Promise<string | null> {
  const s = store.keys.subject(c.org_id, c.phone);
  const reply = await appendChained(store, c.org_id, c.phone, c.audit, (step) =>
    insertOnce(store.scripts, consentDocKeys(s), { id: c.id, dedupeKey: c.dedupe_key, json: c.doc }, step),
  );
  const existing = reply[0] === REPLY.written ? null : reply[1]!;
  // The indexes are (re)written for the consent that stands, so a capture interrupted between the two scripts is completed by its retry.
  const stored = existing === null ? c : indexFieldsOf(JSON.parse(existing) as Consent);
  const o = store.keys.org(c.org_id);
  await indexConsent(store.scripts, o, { id: stored.id, phone: stored.phone, entityKey: stored.entity_key, score: scoreOf(stored.created_at) });
  return existing;
}

/**
 * Bulk import: each consent is its own atomic step (Redis has no
 * transaction across slots). Phones are written in parallel, each phone's
 * rows in order, so duplicates within a batch are seen as duplicates.
 */
export async function insertConsents(store: RedisStore, consents: ConsentWrite[]): Promise<{ created: number; duplicates: number }> {
  const bySubject = new Map<string, ConsentWrite[]>();
  for (const c of consents) {
    const k = c.org_id + '\u0000' + c.phone;
    const list = bySubject.get(k);
    if (list) list.push(c);
    else bySubject.set(k, [c]);
  }
  const groups = [...bySubject.values()];
  let created = 0;
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++];
      for (const c of group) if ((await insertConsent(store, c)) === null) created++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, groups.length) }, worker));
  return { created, duplicates: consents.length - created };
}

export async function getConsent(store: RedisStore, orgId: string, id: string): Promise<Consent | null> {
  const phone = await store.client.hget(store.keys.org(orgId).consentPhone, id);
  const raw = await store.byIndex(orgId, phone, (s) => store.client.hget(s.consents, id));
  return raw ? (JSON.parse(raw) as Consent) : null;
}

export async function listConsents(store: RedisStore, orgId: string, q: ConsentQuery): Promise<Page<Consent>> {
  const entity = q.calling_entity !== undefined ? entityKey(q.calling_entity) : undefined;
  if (q.phone) return listConsentsOfPhone(store, orgId, q.phone, entity, q);
  const o = store.keys.org(orgId);
  const key = entity !== undefined ? o.consentsOfEntity(entity) : o.consentList;
  return pageByScore<Consent>(store.client, key, '-inf', '+inf', q.after, q.limit, (members) =>
    Promise.all(
      members.map(async (m) => {
        const [id, phone] = splitOnce(m);
        const raw = await store.client.hget(store.keys.subject(orgId, phone).consents, id);
        return raw ? (JSON.parse(raw) as Consent) : null;
      }),
    ),
  );
}

/**
 * One phone: its own ordered list, filtered by entity here (a phone has few
 * consents). With a keying, positions run over the key's list (anonymised,
 * older) and then the phone's.
 */
async function listConsentsOfPhone(store: RedisStore, orgId: string, phone: string, entity: string | undefined, q: ConsentQuery): Promise<Page<Consent>> {
  const lists = store.slotsOf(phone).map((p) => store.keys.subject(orgId, p));
  const firstLength = lists.length > 1 ? await store.client.llen(lists[0].consentOrder) : Infinity;
  let pos = decodeCursor(q.after, isPosition) ?? 0;
  const out: { item: Consent; next: number }[] = [];
  const batch = Math.max(q.limit + 1, 50);
  while (out.length <= q.limit) {
    const inFirst = pos < firstLength;
    const s = inFirst ? lists[0] : lists[1];
    const from = inFirst ? pos : pos - firstLength;
    const ids = await store.client.lrange(s.consentOrder, from, from + batch - 1);
    if (!ids.length && inFirst && lists.length > 1) {
      pos = firstLength;
      continue;
    }
    if (!ids.length) break;
    const docs = await store.client.hmget(s.consents, ...ids);
    docs.forEach((d, i) => {
      if (!d) return;
      const c = JSON.parse(d) as Consent;
      if (entity === undefined || entityKey(c.calling_entity) === entity) out.push({ item: c, next: pos + i + 1 });
    });
    pos += ids.length;
    if (ids.length < batch && !(inFirst && lists.length > 1)) break;
  }
  return {
    items: out.slice(0, q.limit).map((x) => x.item),
    next_cursor: out.length > q.limit ? encodeCursor(out[q.limit - 1].next) : null,
  };
}

/** Compare-and-set on both the document and the chain head: a change computed from a stale read is recomputed. */
export async function changeConsentStatus(
  store: RedisStore,
  orgId: string,
  id: string,
  change: ConsentStatusChange,
): Promise<{ consent: Consent; changed: boolean } | null> {
  const indexed = await store.client.hget(store.keys.org(orgId).consentPhone, id);
  if (!indexed) return null;
  // Where the consent is now (the index may still name the phone of a consent just moved to the key).
  const key = store.altKey(indexed);
  const phone = key && !(await store.client.hexists(store.keys.subject(orgId, indexed).consents, id)) ? key : indexed;
  const s = store.keys.subject(orgId, phone);
  for (let i = 0; i < MAX_CAS_ATTEMPTS; i++) {
    const { doc: raw, head } = await docAndHead(store.scripts, { docs: s.consents, head: s.head }, id);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Consent;
    const changed = withConsentStatus(stored, change);
    if (!changed) return { consent: stored, changed: false };
    const { consent } = changed;
    const text = auditText(consentEventBody(consent, change.event, change.at, change.source));
    // No head under the phone: the chain may continue from its key (see appendChained).
    const moved = head ? '' : await movedHead(store, orgId, phone);
    const chainPrev = head || moved;
    const hash = chainHashOf(chainPrev, text.canonical);
    const [code] = await replaceDoc(
      store.scripts,
      { docs: s.consents, audit: s.audit, head: s.head },
      { id, expectedJson: raw, json: JSON.stringify(consent) },
      { expected: head, hash, entry: storedEntry(chainPrev, hash, text) },
    );
    if (code === REPLY.written && !head) await headCreated(store, orgId, phone, change.at, moved);
    if (code === REPLY.written) return { consent, changed: true };
    if (code === REPLY.notFound) return null;
    // The head moved or the document changed: read again and recompute.
  }
  throw new LedgerUnavailableError('consent kept changing under a status change; giving up');
}
