/**
 * POST /v1/precall as a use case: gather the facts in one ledger read, run
 * the precall chain, store the decision, then answer. The decision is stored
 * before it is returned; if it cannot be stored, the caller gets an error,
 * never an unrecorded "allowed".
 */
import type { PrecallFacts } from '../domain/checks/precall';
import { decidePrecall } from '../domain/checks/precall';
import { renderDisclosure } from '../domain/disclosure';
import { newId } from '../domain/ids';
import { countryOfNumber } from '../domain/phone';
import type { Consent } from '../domain/records';
import { isOutsidePlanRange, PLAN_RANGE_REASON } from '../domain/time/plausibleTimes';
import { timeZonesForNumber } from '../domain/time/timezones';
import { consumerJurisdictions } from './jurisdictions';
import { entityKey, type CallType, type Purpose } from '../domain/vocabulary';
import { validationError } from '../errors';
import type { ConsentSummary, PrecallResponse } from './answers';
import { blockedAnswer, recordDecision } from './decisionRecord';
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
  /** Where the consumer says they are: a two-letter US state or territory code. */
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
  const contact = await ctx.ledger.contactFacts(input.orgId, input.phone);
  const recipientZones = timeZonesForNumber(input.phone);
  const facts: PrecallFacts = {
    orgId: input.orgId,
    at,
    entity: input.calling_entity,
    purpose: input.purpose,
    callType: input.call_type,
    callingCountry: input.calling_number ? countryOfNumber(input.calling_number) : undefined,
    adversaryCountries: ctx.policy.adversaryCountries,
    recipientZones,
    callingWindow: ctx.policy.callingWindow,
    maxAgeMonths: ctx.policy.maxAgeMonths,
    ...contact,
    stateRules: ctx.policy.stateRules,
    jurisdictions: consumerJurisdictions(ctx, input.phone, input.recipient_state, contact.consents),
    coveredContactsInWindow: 0,
    emergencies: [],
  };
  const outcome = decidePrecall(facts);
  const decisionId = newId('dec');
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
      compliance_notes: [],
    };
  } else {
    response = blockedAnswer(decisionId, outcome.reason, outcome.fields);
  }
  await recordDecision(ctx, {
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
  });
  return response;
}
