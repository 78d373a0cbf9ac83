/**
 * The precall chain: may this call be dialed? Checks run in the
 * contract's order; the first that blocks is the reason.
 */
import type { Consent, Revocation } from '../records';
import type { CallType, Purpose } from '../vocabulary';
import type { DailyWindow } from '../time/callingWindow';
import { isCoveredCall } from '../stateLaw/contactRules';
import type { PrecallBlock } from './blocks';
import { timeBlockFields, timeOfContact } from './timeOfContact';
import { type CoveredContact, emergencyCheck, holidayCheck, stateCapFields, type StateRuleFacts } from './stateRuleChecks';
import type { Check } from './chain';
import { runChain } from './chain';
import { coversCall, isExpired, isForEntity, isStrongEnough, newestFirst, requiredStrengthForCall, type MaxAgeMonths } from './consentRules';
import { blockingRevocation } from './revocationRules';

export interface PrecallFacts extends StateRuleFacts {
  orgId: string;
  at: Date;
  entity: string;
  purpose: Purpose;
  callType: CallType;
  /** Country of `calling_number`, when one was given. */
  callingCountry: string | undefined;
  adversaryCountries: ReadonlySet<string>;
  recipientZones: string[];
  callingWindow: DailyWindow;
  maxAgeMonths: MaxAgeMonths;
  /** Every consent of this org for this phone, any entity. */
  consents: Consent[];
  /** This org's revocations for this phone plus network-wide (`all`) ones. */
  revocations: Revocation[];
}

export type PrecallOutcome = { allowed: true; consent: Consent } | ({ allowed: false } & PrecallBlock);

const usable = (f: PrecallFacts) => f.consents.filter((c) => c.status === 'active');
const forEntity = (f: PrecallFacts) => usable(f).filter((c) => isForEntity(c, f.entity));
const covering = (f: PrecallFacts) =>
  forEntity(f).filter((c) => coversCall(c, f.purpose, f.callType) && isStrongEnough(c.type, requiredStrengthForCall(f.purpose, f.callType)));
const fresh = (f: PrecallFacts) => covering(f).filter((c) => !isExpired(c, f.at, f.maxAgeMonths));
const qualifying = (f: PrecallFacts) => fresh(f).filter((c) => f.callType !== 'ai_voice' || c.ai_specific_consent);

/** What the state rules hold: a telemarketing call, held to the calling window. */
const COVERED: CoveredContact<PrecallFacts> = { isCovered: (f) => isCoveredCall(f.purpose), window: (f) => f.callingWindow };

export const PRECALL_CHECKS: readonly Check<PrecallFacts, PrecallBlock>[] = [
  {
    name: 'adversary_nation',
    run: (f) =>
      f.callingCountry && f.adversaryCountries.has(f.callingCountry) ? { reason: 'adversary_nation', fields: { calling_country: f.callingCountry } } : null,
  },
  {
    // Reported as honor_window_active instead when the revocation came from the network.
    name: 'consumer_revoked',
    run: (f) => {
      const hit = blockingRevocation(f.orgId, f.entity, f.revocations, f.consents);
      if (!hit) return null;
      return {
        reason: hit.fromNetwork ? 'honor_window_active' : 'consumer_revoked',
        fields: { revoked_at: hit.revocation.captured_at, honor_by_date: hit.revocation.honor_by_date, revocation_id: hit.revocation.id },
      };
    },
  },
  {
    // The federal window and every state's hours and days (a Sunday ban is quiet hours too).
    name: 'quiet_hours',
    run: (f) => {
      if (!COVERED.isCovered(f)) return null;
      const block = timeOfContact(f, COVERED.window(f));
      if (block?.reason !== 'quiet_hours') return null;
      const { next_allowed_at, ...fields } = timeBlockFields(block);
      return { reason: 'quiet_hours', fields: { ...fields, calling_window: block.window, next_allowed_at } };
    },
  },
  holidayCheck(COVERED),
  emergencyCheck(COVERED),
  {
    name: 'frequency_cap',
    run: (f) => {
      if (!COVERED.isCovered(f)) return null;
      const fields = stateCapFields(f);
      return fields ? { reason: 'frequency_cap', fields } : null;
    },
  },
  { name: 'no_consent_on_file', run: (f) => (usable(f).length === 0 ? { reason: 'no_consent_on_file', fields: {} } : null) },
  { name: 'scope_mismatch', run: (f) => (covering(f).length === 0 ? { reason: 'scope_mismatch', fields: {} } : null) },
  { name: 'consent_expired', run: (f) => (fresh(f).length === 0 ? { reason: 'consent_expired', fields: {} } : null) },
  { name: 'ai_consent_missing', run: (f) => (qualifying(f).length === 0 ? { reason: 'ai_consent_missing', fields: {} } : null) },
];

export function decidePrecall(facts: PrecallFacts): PrecallOutcome {
  const block = runChain(PRECALL_CHECKS, facts);
  if (block) return { allowed: false, ...block };
  return { allowed: true, consent: newestFirst(qualifying(facts))[0] };
}
