/**
 * Call records as a use case: adapters and the agent stream report what they saw on a call
 * (`recordCallEvent`); the API and the CLI read a call's record back (`callRecord`, `listCallRecords`).
 *
 * Recording never blocks or fails a call: a store error while recording is counted and handed back
 * for the caller to log, and the call goes on. (An opt-out's revocation is committed on its own path
 * before it is acknowledged; its call event only tells the record about it.)
 */
import { callEventKey, callIdFor, type CallCarrier, type CallEvent, type CallEventDetails, type CallEventKind } from '../domain/calls/events';
import { foldCallRecord, type CallRecord } from '../domain/calls/record';
import { notFound } from '../errors';
import type { CallQuery, CallRef, Ledger, Page } from '../ledger/ledger';
import type { RevocationTrigger } from '../domain/vocabulary';
import { evidenceUrl, type GateContext } from './context';
import type { OptOutOutcome } from './optOutSignals';

/** What a carrier adapter knows of a gated call when it first records it: the party and decision its webhook token carries. */
export interface GatedCall {
  orgId: string;
  carrier: CallCarrier;
  carrierCallId: string;
  decisionId: string;
  entity: string;
  phone: string;
  /** Where the decision's time comes from, e.g. the API the call was placed through. */
  source: string;
}

/**
 * Records a carrier call as gated (at its precall decision's time, with the disclosure that decision
 * required), once per instance: whichever instance the carrier reaches first, the record starts with
 * its decision. Throws the store's error for the adapter to log.
 */
export async function recordGatedOnce(ctx: GateContext, call: GatedCall): Promise<void> {
  // A call this instance already recorded or found has its gated event: the decision is not read again.
  if (knownCallsOf(ctx.ledger).has(knownCallKey(call.orgId, callIdFor(call.orgId, call.carrier, call.carrierCallId)))) return;
  const decision = await ctx.ledger.getDecision(call.orgId, call.decisionId);
  const disclosure = decision?.response.disclosure as { required?: boolean; script?: string; version?: string; delivery_window_seconds?: number } | undefined;
  const outcome = await recordCallEvent(ctx, {
    orgId: call.orgId,
    carrier: call.carrier,
    carrierCallId: call.carrierCallId,
    kind: 'gated',
    at: decision ? new Date(decision.decided_at) : undefined,
    source: call.source,
    distinct: call.decisionId,
    phone: call.phone,
    details: {
      decision_id: call.decisionId,
      entity: call.entity,
      disclosure:
        disclosure?.required && disclosure.script
          ? { script: disclosure.script, version: disclosure.version ?? '', delivery_window_seconds: disclosure.delivery_window_seconds ?? 0 }
          : null,
    },
  });
  if (outcome.error) throw outcome.error;
}

/** How calls are listed (by phone and start time, paged). */
export type { CallQuery } from '../ledger/ledger';

/** What an adapter saw: the event without what the gate fills in (ids, key, when it was recorded). */
export interface SeenCallEvent {
  orgId: string;
  carrier: CallCarrier;
  carrierCallId: string;
  kind: CallEventKind;
  /** When it happened; default now. */
  at?: Date;
  /** Where the time comes from (see CallEvent.source). */
  source: string;
  /** What tells this event from another of its kind on the call (a sequence number, an event id); default the source. */
  distinct?: string;
  details?: CallEventDetails;
  /** The consumer: given with the call's first event (`gated`); later events find it from the call. */
  phone?: string;
}

/**
 * The consumer of each call this process has recorded or found, per ledger: a call's webhooks mostly
 * reach the instance that saw it begin, and each would otherwise read the call's index first. A
 * call's consumer does not change; forgetting one (the table is cleared when full) costs a read.
 */
const knownCalls = new WeakMap<Ledger, Map<string, string>>();
const KNOWN_CALLS_MAX = 10_000;

const knownCallKey = (orgId: string, callId: string) => `${orgId}\n${callId}`;

function knownCallsOf(ledger: Ledger): Map<string, string> {
  let known = knownCalls.get(ledger);
  if (!known) knownCalls.set(ledger, (known = new Map()));
  return known;
}

export type CallEventOutcome = { recorded: boolean; unknownCall?: true; error?: Error };

/**
 * Records one event of a call. Only a `gated` event starts a call: an event of a call the gateway
 * never gated (a carrier callback for someone else's call) is not recorded (`unknownCall`). Never
 * rejects.
 */
export async function recordCallEvent(ctx: GateContext, seen: SeenCallEvent): Promise<CallEventOutcome> {
  try {
    const callId = callIdFor(seen.orgId, seen.carrier, seen.carrierCallId);
    const known = knownCallsOf(ctx.ledger);
    const memoKey = knownCallKey(seen.orgId, callId);
    const phone = seen.kind === 'gated' ? seen.phone : (known.get(memoKey) ?? (await ctx.ledger.findCall(seen.orgId, callId))?.phone);
    if (!phone) return { recorded: false, unknownCall: true };
    if (known.size >= KNOWN_CALLS_MAX) known.clear();
    known.set(memoKey, phone);
    const at = (seen.at ?? ctx.clock.now()).toISOString();
    const event: CallEvent = {
      call_id: callId,
      org_id: seen.orgId,
      phone,
      carrier: seen.carrier,
      carrier_call_id: seen.carrierCallId,
      kind: seen.kind,
      at,
      source: seen.source,
      key: callEventKey(seen.carrier, seen.carrierCallId, seen.kind, seen.distinct ?? seen.source),
      recorded_at: ctx.clock.now().toISOString(),
      details: seen.details ?? {},
    };
    return { recorded: (await ctx.ledger.recordCallEvent(event)).created };
  } catch (err) {
    ctx.observer.ledgerError?.('recordCallEvent');
    return { recorded: false, error: err as Error };
  }
}

/** What an opt-out's call event says: the revocation (null while it waits in the fallback queue), how, and the words. */
export function optOutDetails(outcome: OptOutOutcome, trigger: RevocationTrigger, transcript: string | null): CallEventDetails {
  return { revocation_id: outcome.revocation?.revocation_id ?? undefined, trigger, transcript };
}

/** A call record as the API answers it: the folded record and where its evidence is. */
export type CallRecordView = CallRecord & { evidence_url: string };

function viewOf(ctx: GateContext, record: CallRecord): CallRecordView {
  return { ...record, evidence_url: evidenceUrl(ctx, record.id, record.org_id) };
}

/** The record of a call by our id or the carrier's; NOT_FOUND when it is not the org's. */
export async function callRecord(ctx: GateContext, orgId: string, id: string): Promise<CallRecordView> {
  const found = await ctx.ledger.callEvents(orgId, id);
  const record = found && foldCallRecord(found.events);
  if (!record) throw notFound();
  return viewOf(ctx, record);
}

/** The org's call records by start, paged. */
export async function listCallRecords(ctx: GateContext, orgId: string, query: CallQuery): Promise<Page<CallRecordView>> {
  const page = await ctx.ledger.listCalls(orgId, query);
  const records = await Promise.all(page.items.map((c: CallRef) => ctx.ledger.callEvents(orgId, c.call_id)));
  const items = records.flatMap((found) => {
    const record = found && foldCallRecord(found.events);
    return record ? [viewOf(ctx, record)] : [];
  });
  return { items, next_cursor: page.next_cursor };
}
