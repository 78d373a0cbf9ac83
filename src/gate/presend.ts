/**
 * POST /v1/sms/pre-send as a use case. The chain reads the send counters;
 * an allowed answer then reserves one send atomically in the ledger, so two
 * instances racing for the last send under the cap cannot both win — the
 * loser's decision becomes `frequency_cap` (or `quota_exceeded`).
 */
import type { PresendFacts, PresendOutcome } from '../domain/checks/presend';
import { decidePresend } from '../domain/checks/presend';
import { newId } from '../domain/ids';
import { localDate } from '../domain/time/callingWindow';
import { timeZonesForNumber } from '../domain/time/timezones';
import { entityKey, type MessageType } from '../domain/vocabulary';
import { blockedAnswer, decisionOf, decisionStored, recordDecision, type DecisionToRecord } from './decisionRecord';
import { isoSeconds, type GateContext } from './context';
import { consentSummary } from './precall';

export interface PresendInput {
  orgId: string;
  phone: string;
  sending_entity: string;
  message_type: MessageType;
  sending_number?: string;
  metadata?: Record<string, unknown>;
  send_at?: Date;
}

export type PresendResponse = Record<string, unknown> & { allowed: boolean; decision_id: string; reason?: string };

export async function presend(ctx: GateContext, input: PresendInput): Promise<PresendResponse> {
  const started = process.hrtime.bigint();
  const at = input.send_at ?? ctx.clock.now();
  const zones = timeZonesForNumber(input.phone);
  const keys = { entity: entityKey(input.sending_entity), day: localDate(at, zones[0] ?? 'UTC'), month: at.toISOString().slice(0, 7) };
  // Three independent reads at once: on Redis, one round trip of waiting instead of two.
  const [org, contact, counts] = await Promise.all([
    ctx.ledger.getOrg(input.orgId),
    ctx.ledger.contactFacts(input.orgId, input.phone),
    ctx.ledger.sendCounts(input.orgId, input.phone, keys),
  ]);
  const monthlyQuota = org?.monthly_quota ?? ctx.policy.defaultMonthlyQuota;
  const facts: PresendFacts = {
    orgId: input.orgId,
    at,
    entity: input.sending_entity,
    messageType: input.message_type,
    recipientZones: zones,
    quietWindow: ctx.policy.smsWindow,
    maxAgeMonths: ctx.policy.maxAgeMonths,
    sentThisMonth: counts.sentThisMonth,
    monthlyQuota,
    sentToday: counts.sentToday,
    dailyCap: ctx.policy.smsDailyCap,
    ...contact,
  };
  const outcome = decidePresend(facts);
  const decisionId = newId('dec_sms');
  const toRecord = (o: PresendOutcome): DecisionToRecord => ({
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
      metadata: input.metadata ?? null,
    },
    response: o.allowed
      ? { allowed: true, decision_id: decisionId, consent: consentSummary(ctx, o.consent, false), compliance_notes: [] }
      : blockedAnswer(decisionId, o.reason, o.fields),
    started,
  });
  if (!outcome.allowed) {
    const blocked = toRecord(outcome);
    await recordDecision(ctx, blocked);
    return blocked.response as PresendResponse;
  }
  // Allowed so far: the send is counted and the decision stored in one step. Had racing
  // senders taken the last unit meanwhile, the decision becomes frequency_cap / quota_exceeded.
  let decided!: DecisionToRecord;
  await ctx.ledger.reserveAndRecord(input.orgId, input.phone, { ...keys, dailyCap: ctx.policy.smsDailyCap, monthlyQuota }, (result) => {
    decided = toRecord(result === 'reserved' ? outcome : { allowed: false, reason: result, fields: {} });
    return decisionOf(ctx, decided);
  });
  decisionStored(ctx, decided);
  return decided.response as PresendResponse;
}
