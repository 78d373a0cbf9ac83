/** Reading audit chains on Redis: one subject's trail, and every chain of the store for verification. */
import type { AuditEntry } from '../../domain/records';
import type { AuditBody } from '../auditChain';
import { decodeCursor, encodeCursor, isSubjectPosition } from '../cursor';
import type { AuditSubject, Page } from '../ledger';
import type { RedisStore } from './store';

/**
 * With a keying: the entries under the key (a prefix of the chain, moved
 * there by the retention job) then those under the phone; seq numbers run
 * over both, so they are the ones the entries had before they moved. An
 * entry seen in both (read while being moved, see contactFacts.ts) is kept
 * once.
 */
export function trailFromLists(store: RedisStore, orgId: string, phone: string, lists: string[][]): AuditEntry[] {
  const out: AuditEntry[] = [];
  const seen = new Set<string>();
  store.slotsOf(phone).forEach((subject, i) => {
    for (const line of lists[i]) {
      const { p, h, b } = JSON.parse(line) as { p: string; h: string; b: AuditBody };
      if (seen.has(h)) continue;
      seen.add(h);
      out.push({ seq: out.length + 1, org_id: orgId, phone: subject, kind: b.kind, ref_id: b.ref_id, at: b.at, prev_hash: p, hash: h, body: b });
    }
  });
  return out;
}

/** The audit lists of `phone`'s slots, in the order `trailFromLists` takes them. */
export function readAuditLists(store: RedisStore, orgId: string, phone: string): Promise<string[][]> {
  return Promise.all(store.slotsOf(phone).map((p) => store.client.lrange(store.keys.subject(orgId, p).audit, 0, -1)));
}

/**
 * Every chain of the store: the orgs of the store's org set, in order, and
 * each org's chain list by lex (phones, and keys of subjects anonymised in
 * full). A listed subject whose head is gone (it moved on meanwhile) is
 * skipped.
 */
export async function auditSubjects(store: RedisStore, query: { after?: string; limit: number }): Promise<Page<AuditSubject>> {
  const cursor = decodeCursor(query.after, isSubjectPosition);
  const orgs = (await store.client.smembers(store.keys.store().orgs)).sort();
  const items: AuditSubject[] = [];
  const batch = Math.max(query.limit + 1, 100);
  for (const orgId of orgs) {
    if (cursor && orgId < cursor[0]) continue;
    let from = cursor && orgId === cursor[0] ? '(' + cursor[1] : '-';
    while (items.length <= query.limit) {
      const names = await store.client.zrangebylex(store.keys.org(orgId).chains, from, '+', 'LIMIT', 0, batch);
      const heads = await Promise.all(names.map((n) => store.client.get(store.keys.subject(orgId, n).head)));
      names.forEach((phone, i) => {
        if (heads[i]) items.push({ org_id: orgId, phone, head: heads[i]! });
      });
      if (names.length < batch) break;
      from = '(' + names[names.length - 1];
    }
    if (items.length > query.limit) break;
  }
  const last = items[query.limit - 1];
  return { items: items.slice(0, query.limit), next_cursor: items.length > query.limit ? encodeCursor([last.org_id, last.phone]) : null };
}
