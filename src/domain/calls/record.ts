/**
 * A call record: the events of one call folded in time order into what a regulator asks about it.
 *
 * The fold is a pure function of the set of events, whatever order they were stored in, so
 * redelivered or reordered carrier events (and events written by different instances) give the
 * same record. Where two events tell the same moment (the TwiML request and the `answered` status
 * callback both tell the answer), the earliest wins and the record names its source.
 */
import type { CallCarrier, CallEvent, CallEventKind } from './events';

export interface CallRecordDisclosure {
  script: string;
  version: string;
  delivery_window_seconds: number;
  started_at: string | null;
  /** When it had been said in full, or the latest time by which it had been (see `sources`). */
  completed_at: string | null;
  /** Started within `delivery_window_seconds` of the answer; null while either time is unknown. */
  within_window: boolean | null;
}

export interface CallRecordOptOut {
  revocation_id: string | null;
  trigger: string | null;
  at: string;
  /** Seconds from the answer to the opt-out; null when the answer time is unknown. */
  offset_seconds: number | null;
  transcript: string | null;
}

export interface CallRecord {
  id: string;
  org_id: string;
  carrier: CallCarrier;
  carrier_call_id: string;
  decision_id: string | null;
  phone: string;
  entity: string | null;
  gated_at: string | null;
  answered_at: string | null;
  ended_at: string | null;
  /** The carrier's final status word (`completed`, `busy`, `no-answer`, …), or the latest one seen. */
  status: string | null;
  duration_seconds: number | null;
  hangup_cause: string | null;
  disclosure: CallRecordDisclosure | null;
  dtmf: { digit: string; at: string }[];
  opt_outs: CallRecordOptOut[];
  /** Where each time above comes from (the event's source). */
  sources: Partial<Record<'gated_at' | 'answered_at' | 'ended_at' | 'disclosure_started_at' | 'disclosure_completed_at' | 'status', string>>;
  /** Every event, in the order folded. */
  events: { kind: CallEventKind; at: string; source: string }[];
}

/** Statuses after which a call is over: a later non-final status word (a late `ringing`) does not replace one. */
const FINAL_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled', 'hangup']);

/** Within one instant, the order a call's moments happen in. */
const KIND_ORDER: Record<CallEventKind, number> = {
  gated: 0,
  answered: 1,
  disclosure_started: 2,
  disclosure_completed: 3,
  dtmf: 4,
  opt_out: 5,
  status: 6,
  ended: 7,
};

export function eventOrder(a: CallEvent, b: CallEvent): number {
  const t = Date.parse(a.at) - Date.parse(b.at);
  if (t !== 0) return t;
  const k = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (k !== 0) return k;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

const secondsBetween = (from: string, to: string) => Math.round(Date.parse(to) - Date.parse(from)) / 1000;

/** The record of one call from its events (any order, duplicates by key counted once); null without events. */
export function foldCallRecord(events: readonly CallEvent[]): CallRecord | null {
  const byKey = new Map<string, CallEvent>();
  for (const e of events) if (!byKey.has(e.key)) byKey.set(e.key, e);
  const ordered = [...byKey.values()].sort(eventOrder);
  if (ordered.length === 0) return null;
  const first = ordered[0];
  const r: CallRecord = {
    id: first.call_id,
    org_id: first.org_id,
    carrier: first.carrier,
    carrier_call_id: first.carrier_call_id,
    decision_id: null,
    phone: first.phone,
    entity: null,
    gated_at: null,
    answered_at: null,
    ended_at: null,
    status: null,
    duration_seconds: null,
    hangup_cause: null,
    disclosure: null,
    dtmf: [],
    opt_outs: [],
    sources: {},
    events: [],
  };
  let disclosureStarted: CallEvent | null = null;
  let disclosureCompleted: CallEvent | null = null;
  let statusFinal = false;
  for (const e of ordered) {
    r.events.push({ kind: e.kind, at: e.at, source: e.source });
    const d = e.details;
    switch (e.kind) {
      case 'gated':
        if (r.gated_at === null) {
          r.gated_at = e.at;
          r.sources.gated_at = e.source;
          r.decision_id = d.decision_id ?? null;
          r.entity = d.entity ?? null;
          if (d.disclosure) r.disclosure = { ...d.disclosure, started_at: null, completed_at: null, within_window: null };
        }
        break;
      case 'answered':
        if (r.answered_at === null) {
          r.answered_at = e.at;
          r.sources.answered_at = e.source;
        }
        break;
      case 'disclosure_started':
        disclosureStarted ??= e;
        break;
      case 'disclosure_completed':
        disclosureCompleted ??= e;
        break;
      case 'dtmf':
        if (d.digit) r.dtmf.push({ digit: d.digit, at: e.at });
        break;
      case 'opt_out':
        r.opt_outs.push({
          revocation_id: d.revocation_id ?? null,
          trigger: d.trigger ?? null,
          at: e.at,
          offset_seconds: null,
          transcript: d.transcript ?? null,
        });
        break;
      case 'status':
      case 'ended':
        if (d.status && (!statusFinal || FINAL_STATUSES.has(d.status))) {
          r.status = d.status;
          r.sources.status = e.source;
          statusFinal = FINAL_STATUSES.has(d.status);
        }
        if (d.duration_seconds !== undefined) r.duration_seconds = d.duration_seconds;
        if (d.hangup_cause) r.hangup_cause = d.hangup_cause;
        if (e.kind === 'ended') {
          r.ended_at = e.at;
          r.sources.ended_at = e.source;
        }
        break;
    }
  }
  for (const o of r.opt_outs) o.offset_seconds = r.answered_at ? secondsBetween(r.answered_at, o.at) : null;
  if (r.disclosure) {
    const disclosure = r.disclosure;
    if (disclosureStarted) {
      disclosure.started_at = disclosureStarted.at;
      r.sources.disclosure_started_at = disclosureStarted.source;
    }
    if (disclosureCompleted) {
      disclosure.completed_at = disclosureCompleted.at;
      r.sources.disclosure_completed_at = disclosureCompleted.source;
    }
    if (disclosure.started_at && r.answered_at) {
      disclosure.within_window = secondsBetween(r.answered_at, disclosure.started_at) <= disclosure.delivery_window_seconds;
    }
  }
  return r;
}
