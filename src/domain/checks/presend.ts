/**
 * The pre-send chain: may this text be sent? Checks
 * in the contract's order; the first that blocks is the reason.
 */
import type { Consent, Revocation } from '../records';
import type { MessageType } from '../vocabulary';
import type { DailyWindow } from '../time/callingWindow';
import { isCoveredText } from '../stateLaw/contactRules';
import type { PresendBlock } from './blocks';
import { timeBlockFields, timeOfContact } from './timeOfContact';
import { type CoveredContact, emergencyCheck, holidayCheck, stateCapFields, type StateRuleFacts } from './stateRuleChecks';
import type { Check } from './chain';
import { runChain } from './chain';
import { coversText, isExpired, isForEntity, isStrongEnough, newestFirst, requiredStrengthForText, type MaxAgeMonths } from './consentRules';
import { blockingRevocation } from './revocationRules';

export interface PresendFacts extends StateRuleFacts {
  orgId: string;
  at: Date;
  entity: string;
  messageType: MessageType;
  recipientZones: string[];
  quietWindow: DailyWindow;
  maxAgeMonths: MaxAgeMonths;
  /** Allowed sends this org has made this calendar month; null quota = unlimited. */
  sentThisMonth: number;
  monthlyQuota: number | null;
  /** Allowed sends to this phone from this entity in the recipient's local day. */
  sentToday: number;
  dailyCap: number;
  consents: Consent[];
  revocations: Revocation[];
}

export type PresendOutcome = { allowed: true; consent: Consent } | ({ allowed: false } & PresendBlock);

const covering = (f: PresendFacts) =>
  f.consents.filter(
    (c) =>
      c.status !== 'opted_out' &&
      isForEntity(c, f.entity) &&
      coversText(c, f.messageType) &&
      isStrongEnough(c.type, requiredStrengthForText(f.messageType)) &&
      !isExpired(c, f.at, f.maxAgeMonths),
  );
const active = (f: PresendFacts) => covering(f).filter((c) => c.status === 'active');

/** What the state rules hold: a marketing or mixed text, held to the sending window. */
const COVERED: CoveredContact<PresendFacts> = { isCovered: (f) => isCoveredText(f.messageType), window: (f) => f.quietWindow };

export const PRESEND_CHECKS: readonly Check<PresendFacts, PresendBlock>[] = [
  {
    name: 'quota_exceeded',
    run: (f) => (f.monthlyQuota !== null && f.sentThisMonth >= f.monthlyQuota ? { reason: 'quota_exceeded', fields: { monthly_quota: f.monthlyQuota } } : null),
  },
  {
    // Federal quiet hours and every state's hours and days.
    name: 'quiet_hours',
    run: (f) => {
      if (!COVERED.isCovered(f)) return null;
      const block = timeOfContact(f, COVERED.window(f));
      if (block?.reason !== 'quiet_hours') return null;
      const { next_allowed_at, ...fields } = timeBlockFields(block);
      // Quiet hours are the complement of the sending window; null on a day that allows no text at all.
      const quietHours = block.window ? { start: block.window.end, end: block.window.start } : null;
      return { reason: 'quiet_hours', fields: { ...fields, quiet_hours: quietHours, next_allowed_at } };
    },
  },
  holidayCheck(COVERED),
  emergencyCheck(COVERED),
  {
    // The gate's daily cap on every text, then the state cap on covered ones.
    name: 'frequency_cap',
    run: (f) => {
      if (f.sentToday >= f.dailyCap) return { reason: 'frequency_cap', fields: { daily_cap: f.dailyCap, sent_today: f.sentToday } };
      if (!COVERED.isCovered(f)) return null;
      const fields = stateCapFields(f);
      return fields ? { reason: 'frequency_cap', fields } : null;
    },
  },
  {
    name: 'consumer_revoked',
    run: (f) => {
      const hit = blockingRevocation(f.orgId, f.entity, f.revocations, f.consents);
      return hit
        ? {
            reason: 'consumer_revoked',
            fields: { revoked_at: hit.revocation.captured_at, honor_by_date: hit.revocation.honor_by_date, revocation_id: hit.revocation.id },
          }
        : null;
    },
  },
  {
    name: 'pending_double_optin',
    run: (f) => (active(f).length === 0 && covering(f).some((c) => c.status === 'pending') ? { reason: 'pending_double_optin', fields: {} } : null),
  },
  { name: 'no_consent_on_file', run: (f) => (active(f).length === 0 ? { reason: 'no_consent_on_file', fields: {} } : null) },
];

export function decidePresend(facts: PresendFacts): PresendOutcome {
  const block = runChain(PRESEND_CHECKS, facts);
  if (block) return { allowed: false, ...block };
  return { allowed: true, consent: newestFirst(active(facts))[0] };
}
