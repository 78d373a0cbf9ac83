/**
 * A consent's status change (a confirmation of a double opt-in, or an opt-out of the consent
 * record): what the record becomes, written once for every engine.
 */
import type { Consent, ConsentHistoryEntry } from './records';

export interface ConsentStatusChange {
  to: 'active' | 'opted_out';
  at: string;
  source: string;
  event: 'confirmed' | 'opted_out';
}

/**
 * The consent after the change and the history entry it gained; null when it already has that
 * status, so a repeated change (a retried request, a second STOP) records nothing again. An
 * opt-out keeps when and how it came; a confirmation keeps when. The input is not modified.
 */
export function withConsentStatus(consent: Consent, change: ConsentStatusChange): { consent: Consent; entry: ConsentHistoryEntry } | null {
  if (consent.status === change.to) return null;
  const entry: ConsentHistoryEntry = { event: change.event, at: change.at, source: change.source };
  const stamped = change.to === 'opted_out' ? { opted_out_at: change.at, opt_out_source: change.source } : { confirmed_at: change.at };
  return { consent: { ...consent, ...stamped, status: change.to, updated_at: change.at, history: [...consent.history, entry] }, entry };
}
