/** What the gate needs to know about one number: its consents and every revocation that applies to it. */
import type { Consent, Revocation } from '../../domain/records';
import type { ContactFacts } from '../ledger';
import { splitOnce } from './paging';
import { docsInOrder } from './scripts/records';
import type { RedisStore } from './store';

/**
 * With a keying, the phone's slots and its key's slots (`{org:…}` and
 * `{net:…}`) are read in parallel. A record the retention job is moving
 * stays in both for longer than a command can take (retention.ts), so a
 * read of both never misses it; a copy seen twice is kept once, by id.
 */
export async function contactFacts(store: RedisStore, orgId: string, phone: string): Promise<ContactFacts> {
  const read = await Promise.all(
    store.slotsOf(phone).map((p) => {
      const s = store.keys.subject(orgId, p);
      return Promise.all([
        docsInOrder(store.scripts, s.consents, s.consentOrder),
        docsInOrder(store.scripts, s.revocations, s.revocationOrder),
        store.client.hgetall(store.keys.network(p)),
      ]);
    }),
  );
  const consents = new Map<string, Consent>();
  const own = new Map<string, Revocation>();
  for (const [c, r] of read) {
    // Later slots (the phone's) win: a consent that changed while being moved is the phone's.
    for (const d of c) {
      const consent = JSON.parse(d) as Consent;
      consents.set(consent.id, consent);
    }
    for (const d of r) {
      const revocation = JSON.parse(d) as Revocation;
      own.set(revocation.id, revocation);
    }
  }
  const revocations = [...own.values()];
  const seen = new Set(revocations.map((r) => r.dedupe_key));
  for (const [, , network] of read) {
    for (const [field, d] of Object.entries(network)) {
      const [org, dedupe] = splitOnce(field, '\t');
      // The org's own network-wide opt-outs are already in its list (the stored record wins).
      if (org === orgId && seen.has(dedupe)) continue;
      const r = JSON.parse(d) as Revocation;
      if (own.has(r.id)) continue;
      own.set(r.id, r);
      revocations.push(r);
    }
  }
  return { consents: [...consents.values()], revocations };
}
