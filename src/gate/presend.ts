/**
 * POST /v1/sms/pre-send as a use case. The ledger reads the facts (the
 * contact's records, the org, the send counts), the chain decides, and an
 * allowed text is counted as its decision is stored, in one step
 * (Ledger.decideSend): two instances racing for the last send under the cap
 * cannot both win — the loser's decision becomes `frequency_cap` (or
 * `quota_exceeded`).
 */
import type { PresendFacts, PresendOutcome } from '../domain/checks/presend';
import { decidePresend } from '../domain/checks/presend';
import { newId } from '../domain/ids';
import { coveredContactWindow, isCoveredText } from '../domain/stateLaw/coveredContacts';
import { localDate } from '../domain/time/callingWindow';
import { isOutsidePlanRange, PLAN_RANGE_REASON } from '../domain/time/plausibleTimes';
import { isoTime } from '../domain/time/isoTime';
import { timeZonesForNumber } from '../domain/time/timezones';
import { consumerJurisdictions, coveredLimitOf } from './jurisdictions';
import { entityKey, type MessageType } from '../domain/vocabulary';
import { validationError } from '../errors';
import type { PresendResponse } from './answers';
import { blockedAnswer, decisionOf, decisionStored, type DecisionToRecord } from './decisionRecord';
import { isoSeconds, type GateContext } from './context';
import { consentSummary } from './precall';
import { doNotCallVerdict } from './doNotCall';
import { beforeDecision } from './beforeDecision';
import { decideWithReassigned, reassignedVerdict } from './reassignedNumbers';
import type { SendDecider } from '../ledger/ledger';

export interface PresendInput {
  orgId: string;
  phone: string;
  sending_entity: string;
  message_type: MessageType;
  sending_number?: string;
  metadata?: Record<string, unknown>;
  send_at?: Date;
  /** Where the consumer says they are: a two-letter US state or territory code. */
  recipient_state?: string;
}

export type { PresendResponse } from './answers';

export async function presend(ctx: GateContext, input: PresendInput): Promise<PresendResponse> {
  const started = process.hrtime.bigint();
  const now = ctx.clock.now();
  // Refused before anything is read, counted or recorded; a carrier's scheduled send (send_at, SendAt) comes through here.
  if (input.send_at && isOutsidePlanRange(input.send_at, now)) throw validationError({ send_at: PLAN_RANGE_REASON });
  const at = input.send_at ?? now;
  const zones = timeZonesForNumber(input.phone);
  const keys = {
    entity: entityKey(input.sending_entity),
    day: localDate(at, zones[0] ?? 'UTC'),
    month: isoTime(at.getTime()).slice(0, 7),
    covered: isCoveredText(input.message_type) ? coveredContactWindow(at, now) : undefined,
  };
  const decisionId = newId('dec_sms');
  let decided!: DecisionToRecord<PresendResponse>;
  // Waited for only where the stores must be asked (beforeDecision.ts).
  const before = beforeDecision(ctx, input.orgId, input.phone);
  const { dncLists, reassigned } = before instanceof Promise ? await before : before;
  let notes: string[] = [];
  // The ledger reads the facts and, when the text is allowed, counts it and stores the decision in one step.
  // Should racing senders have taken the last unit meanwhile (Redis), it asks again with the count it met.
  const decide: SendDecider = (facts) => {
    // Asked again (a count met, an answer fetched): only this run's notes stand.
    notes = [];
    const monthlyQuota = facts.org?.monthly_quota ?? ctx.policy.defaultMonthlyQuota;
    const presendFacts: PresendFacts = {
      orgId: input.orgId,
      at,
      entity: input.sending_entity,
      messageType: input.message_type,
      recipientZones: zones,
      quietWindow: ctx.policy.smsWindow,
      maxAgeMonths: ctx.policy.maxAgeMonths,
      sentThisMonth: facts.sentThisMonth,
      monthlyQuota,
      sentToday: facts.sentToday,
      dailyCap: ctx.policy.smsDailyCap,
      consents: facts.consents,
      revocations: facts.revocations,
      stateRules: ctx.policy.stateRules,
      // No state rule holds a text that is not a covered one (informational, transactional): where the consumer is is not worked out.
      jurisdictions: keys.covered ? consumerJurisdictions(ctx, input.phone, input.recipient_state, facts.consents, zones) : [],
      coveredContactsInWindow: facts.coveredContactsInWindow,
      emergencies: facts.emergencies,
    };
    let outcome = decidePresend(presendFacts);
    if (outcome.allowed) {
      const dnc = doNotCallVerdict(ctx, dncLists, {
        at,
        entity: input.sending_entity,
        contact: { kind: 'text', messageType: input.message_type },
        consents: facts.consents,
      });
      if (dnc.block) outcome = { allowed: false, reason: dnc.block.reason, fields: dnc.block.fields };
      notes = dnc.notes;
    }
    // Last: whether the number changed hands since the consent the text relies on was given.
    if (outcome.allowed) {
      const renumbered = reassignedVerdict(ctx, reassigned, outcome.consent, at);
      if (renumbered.block) outcome = { allowed: false, reason: renumbered.block.reason, fields: renumbered.block.fields };
      notes = [...notes, ...renumbered.notes];
    }
    decided = toRecord(outcome);
    const limits = outcome.allowed
      ? { dailyCap: ctx.policy.smsDailyCap, monthlyQuota, coveredLimit: keys.covered ? coveredLimitOf(presendFacts) : null }
      : undefined;
    return { decision: decisionOf(ctx, decided), limits };
  };
  // A decision on an old consent may stop to fetch its reassigned-number answer, then run again (reassignedNumbers.ts).
  await decideWithReassigned(ctx, reassigned, () => ctx.ledger.decideSend(input.orgId, input.phone, keys, decide));
  decisionStored(ctx, decided);
  return decided.response;

  function toRecord(o: PresendOutcome): DecisionToRecord<PresendResponse> {
    return {
      id: decisionId,
      orgId: input.orgId,
      kind: 'presend',
      phone: input.phone,
      entity: input.sending_entity,
      reason: o.allowed ? null : o.reason,
      request: {
        phone: input.phone,
        sending_entity: input.sending_entity,
        message_type: input.message_type,
        sending_number: input.sending_number ?? null,
        send_at: isoSeconds(at),
        recipient_state: input.recipient_state ?? null,
        metadata: input.metadata ?? null,
        rules_version: ctx.policy.stateRules.version,
      },
      response: o.allowed
        ? { allowed: true, decision_id: decisionId, consent: consentSummary(ctx, o.consent, false), compliance_notes: notes }
        : blockedAnswer(decisionId, o),
      started,
    };
  }
}
