/**
 * POST /v1/precall as a use case: the ledger gathers the facts in one read,
 * the precall chain decides, and the ledger stores the decision (counting an
 * allowed telemarketing call under the state caps) in one step
 * (Ledger.decideCall), then the gate answers. The decision is stored before
 * it is returned; if it cannot be stored, the caller gets an error, never an
 * unrecorded "allowed".
 */
import type { PrecallFacts, PrecallOutcome } from '../domain/checks/precall';
import { decidePrecall } from '../domain/checks/precall';
import { renderDisclosure } from '../domain/disclosure';
import { newId } from '../domain/ids';
import { countryOfNumber } from '../domain/phone';
import type { Consent } from '../domain/records';
import { coveredContactWindow, isCoveredCall } from '../domain/stateLaw/coveredContacts';
import { isOutsidePlanRange, PLAN_RANGE_REASON } from '../domain/time/plausibleTimes';
import { timeZonesForNumber } from '../domain/time/timezones';
import { entityKey, type CallType, type Purpose } from '../domain/vocabulary';
import { validationError } from '../errors';
import type { ConsentSummary, PrecallResponse } from './answers';
import { blockedAnswer, decisionOf, decisionStored, type DecisionToRecord } from './decisionRecord';
import { doNotCallVerdict } from './doNotCall';
import { beforeDecision } from './beforeDecision';
import { decideWithReassigned, reassignedVerdict } from './reassignedNumbers';
import type { CallDecider } from '../ledger/ledger';
import { consumerJurisdictions, coveredLimitOf } from './jurisdictions';
import { evidenceUrl, isoSeconds, type GateContext } from './context';

export interface PrecallInput {
  orgId: string;
  phone: string;
  calling_entity: string;
  purpose: Purpose;
  call_type: CallType;
  calling_number?: string;
  metadata?: Record<string, unknown>;
  call_at?: Date;
  /** Where the consumer is, when the caller knows: a two-letter US state or territory code. */
  recipient_state?: string;
}

export type { PrecallResponse } from './answers';

export function consentSummary(ctx: GateContext, c: Consent, withAi: boolean): ConsentSummary {
  return {
    consent_id: c.id,
    type: c.type,
    ...(withAi ? { ai_specific_consent: c.ai_specific_consent } : {}),
    captured_at: c.captured_at,
    scope: c.scope,
    evidence_url: evidenceUrl(ctx, c.id, c.org_id),
  };
}

export async function precall(ctx: GateContext, input: PrecallInput): Promise<PrecallResponse> {
  const started = process.hrtime.bigint();
  const now = ctx.clock.now();
  // Refused before anything is read or recorded; every carrier path that plans a call comes through here.
  if (input.call_at && isOutsidePlanRange(input.call_at, now)) throw validationError({ call_at: PLAN_RANGE_REASON });
  const at = input.call_at ?? now;
  const decisionId = newId('dec');
  // What the do-not-call lists say of the number is read before the ledger's step, whose decider cannot wait;
  // waited for only where the stores must be asked (beforeDecision.ts).
  const before = beforeDecision(ctx, input.orgId, input.phone);
  const { dncLists, reassigned } = before instanceof Promise ? await before : before;
  let decided!: DecisionToRecord<PrecallResponse>;
  // The ledger reads the facts, decides, counts an allowed covered call and stores the decision in one step;
  // the decision names the state cap the call is counted under; should racing contacts have taken its last unit
  // meanwhile (Redis), the ledger asks again with the count it met.
  const keys = { entity: entityKey(input.calling_entity), covered: isCoveredCall(input.purpose) ? coveredContactWindow(at, now) : undefined };
  // Looked up once: the decider may be asked more than once, and the jurisdictions read the same zones.
  const zones = timeZonesForNumber(input.phone);
  const callingCountry = input.calling_number ? countryOfNumber(input.calling_number) : undefined;
  const decide: CallDecider = (contact) => {
    const facts: PrecallFacts = {
      orgId: input.orgId,
      at,
      entity: input.calling_entity,
      purpose: input.purpose,
      callType: input.call_type,
      callingCountry,
      adversaryCountries: ctx.policy.adversaryCountries,
      recipientZones: zones,
      callingWindow: ctx.policy.callingWindow,
      maxAgeMonths: ctx.policy.maxAgeMonths,
      ...contact,
      stateRules: ctx.policy.stateRules,
      // No state rule holds a call that is not a covered one (informational): where the consumer is is not worked out.
      jurisdictions: keys.covered ? consumerJurisdictions(ctx, input.phone, input.recipient_state, contact.consents, zones) : [],
    };
    let outcome = decidePrecall(facts);
    // After the consent checks: a consent decides whether a listing is overridden.
    const dnc = outcome.allowed
      ? doNotCallVerdict(ctx, dncLists, {
          at,
          entity: input.calling_entity,
          contact: { kind: 'call', purpose: input.purpose, callType: input.call_type },
          consents: contact.consents,
        })
      : null;
    if (dnc?.block) outcome = { allowed: false, reason: dnc.block.reason, fields: dnc.block.fields };
    // Last: whether the number changed hands since the consent the call relies on was given.
    const renumbered = outcome.allowed ? reassignedVerdict(ctx, reassigned, outcome.consent, at) : null;
    if (renumbered?.block) outcome = { allowed: false, reason: renumbered.block.reason, fields: renumbered.block.fields };
    decided = toRecord(outcome, [...(dnc?.notes ?? []), ...(renumbered?.notes ?? [])]);
    return { decision: decisionOf(ctx, decided), coveredLimit: keys.covered ? coveredLimitOf(facts) : null };
  };
  // A decision on an old consent may stop to fetch its reassigned-number answer, then run again (reassignedNumbers.ts).
  await decideWithReassigned(ctx, reassigned, () => ctx.ledger.decideCall(input.orgId, input.phone, keys, decide));
  decisionStored(ctx, decided);
  return decided.response;

  function toRecord(outcome: PrecallOutcome, complianceNotes: string[]): DecisionToRecord<PrecallResponse> {
    let response: PrecallResponse;
    if (outcome.allowed) {
      const disclosure = renderDisclosure(
        input.call_type,
        input.calling_entity,
        input.calling_number,
        ctx.policy.disclosures.get(entityKey(input.calling_entity)),
      );
      response = {
        allowed: true,
        decision_id: decisionId,
        consent: consentSummary(ctx, outcome.consent, true),
        honor_by_date: null,
        disclosure: disclosure ?? { required: false, script: null, version: null, delivery_window_seconds: null },
        compliance_notes: complianceNotes,
      };
    } else {
      response = blockedAnswer(decisionId, outcome);
    }
    return {
      id: decisionId,
      orgId: input.orgId,
      kind: 'precall',
      phone: input.phone,
      entity: input.calling_entity,
      reason: outcome.allowed ? null : outcome.reason,
      request: {
        phone: input.phone,
        calling_entity: input.calling_entity,
        purpose: input.purpose,
        call_type: input.call_type,
        calling_number: input.calling_number ?? null,
        call_at: isoSeconds(at),
        recipient_state: input.recipient_state ?? null,
        metadata: input.metadata ?? null,
        rules_version: ctx.policy.stateRules.version,
      },
      response,
      started,
    };
  }
}
