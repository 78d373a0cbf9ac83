/**
 * When does a revocation block? (SPEC §2.1 check 2.) An active revocation for
 * this phone and entity, or one with scope `all`, blocks unless the consumer
 * gave a fresh consent to this entity after it.
 */
import type { Consent, Revocation } from '../records';
import { entityKey } from '../vocabulary';
import { isForEntity } from './consentRules';

export interface BlockingRevocation {
  revocation: Revocation;
  /** From the network (another org or deployment) rather than this org. */
  fromNetwork: boolean;
}

export function blockingRevocation(
  orgId: string,
  entity: string,
  revocations: Revocation[],
  consents: Consent[],
): BlockingRevocation | null {
  const key = entityKey(entity);
  const newestConsentAt = consents
    .filter((c) => c.status !== 'opted_out' && isForEntity(c, entity))
    .reduce((max, c) => (c.captured_at > max ? c.captured_at : max), '');
  let found: BlockingRevocation | null = null;
  for (const r of revocations) {
    const applies = r.scope === 'all' || (r.calling_entity !== null && entityKey(r.calling_entity) === key);
    if (!applies || r.captured_at <= newestConsentAt) continue;
    const fromNetwork = r.scope === 'all' && (r.org_id !== orgId || r.origin !== 'local');
    // The org's own revocation is the stronger statement; prefer it, then the newest.
    if (
      !found ||
      (found.fromNetwork && !fromNetwork) ||
      (found.fromNetwork === fromNetwork && r.captured_at > found.revocation.captured_at)
    ) {
      found = { revocation: r, fromNetwork };
    }
  }
  return found;
}
