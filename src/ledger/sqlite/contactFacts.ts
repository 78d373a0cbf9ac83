/**
 * What a gate decision reads about one phone: the org's consents for it, and the revocations that
 * bind the org (its own, and every network-wide one), under the phone and, once anonymised, its key.
 */
import type { Consent, Revocation } from '../../domain/records';
import type { ContactFacts } from '../ledger';
import { parseData } from './rows';
import type { SqliteStore } from './store';

/** Runs before every call and text, inside the caller's read or the turn's transaction. */
export function readContactFacts(store: SqliteStore, orgId: string, phone: string): ContactFacts {
  const { stmt } = store;
  const key = store.altKey(phone);
  // With no second key, one index probe in seq order (IN (?, ?) sorts).
  const [consents, revocations] =
    key === phone
      ? [stmt.consentsOfPhone.all(orgId, phone), stmt.revocationsOfPhone.all(phone, orgId)]
      : [stmt.consentsOfSubject.all(orgId, phone, key), stmt.revocationsOfSubject.all(phone, key, orgId)];
  return { consents: consents.map(parseData<Consent>), revocations: revocations.map(parseData<Revocation>) };
}
