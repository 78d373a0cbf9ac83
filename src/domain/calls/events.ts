/**
 * What the gateway saw on a call, as events: each a moment (`at`), what kind of moment, and where
 * that time comes from (`source`: the carrier event or the request the gateway served), so a record
 * assembled from them can say why it believes each time.
 *
 * Events of one call may reach different gateway instances and be redelivered or reordered by the
 * carrier. Two rules make them add up to one record wherever they land:
 * - a call's id is derived from the carrier's id (`callIdFor`), so every instance names the call
 *   the same without asking anyone;
 * - each event has an idempotency key (`callEventKey`): the same carrier event twice is one event.
 */
import { hash } from 'node:crypto';
import type { RevocationTrigger } from '../vocabulary';

/** Who carried the call: a carrier the gateway proxies, or the agent stream (the client's own call id). */
export const CALL_CARRIERS = ['twilio', 'telnyx', 'stream'] as const;
export type CallCarrier = (typeof CALL_CARRIERS)[number];

export const CALL_EVENT_KINDS = ['gated', 'answered', 'disclosure_started', 'disclosure_completed', 'dtmf', 'opt_out', 'status', 'ended'] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

/** The disclosure the call was gated with (what the precall answered). */
export interface GatedDisclosure {
  script: string;
  version: string;
  delivery_window_seconds: number;
}

/** What an event says beyond its kind and time; each kind fills its own fields. */
export interface CallEventDetails {
  /** gated: the precall decision and what it required. */
  decision_id?: string;
  entity?: string;
  disclosure?: GatedDisclosure | null;
  /** dtmf: the key pressed. */
  digit?: string;
  /** opt_out: the revocation it recorded, how, and the words that triggered it. */
  revocation_id?: string;
  trigger?: RevocationTrigger;
  transcript?: string | null;
  /** status / ended: the carrier's status word, the call's duration, why it ended. */
  status?: string;
  duration_seconds?: number;
  hangup_cause?: string;
}

export interface CallEvent {
  /** Our id (`call_…`), from `callIdFor`. */
  call_id: string;
  org_id: string;
  /** The consumer. */
  phone: string;
  carrier: CallCarrier;
  /** Twilio CallSid, Telnyx call_control_id, or the agent stream client's call_id. */
  carrier_call_id: string;
  kind: CallEventKind;
  /** When it happened, as its source tells it. */
  at: string;
  /** Where `at` comes from, e.g. `twilio status callback: answered` or `gateway: TwiML request`. */
  source: string;
  /** Same carrier event → same key → one event (see callEventKey). */
  key: string;
  /** When the gateway recorded it. */
  recorded_at: string;
  details: CallEventDetails;
}

/**
 * Our id of a carrier's call: a digest of the org, carrier and the carrier's id, so any instance
 * that sees an event of the call names it alike. It reveals nothing the carrier id would not, and
 * is looked up only within its org.
 */
export function callIdFor(orgId: string, carrier: CallCarrier, carrierCallId: string): string {
  return 'call_' + hash('sha256', `${orgId}\n${carrier}\n${carrierCallId}`, 'base64url').slice(0, 24);
}

const CALL_ID_SHAPE = /^call_[A-Za-z0-9_-]{24}$/;

export function isCallId(id: string): boolean {
  return CALL_ID_SHAPE.test(id);
}

/**
 * The idempotency key of an event: its carrier call, its kind, and what tells two events of that
 * kind apart (a carrier sequence number or event id; for a moment that happens once a call, like
 * `answered`, its source).
 */
export function callEventKey(carrier: CallCarrier, carrierCallId: string, kind: CallEventKind, distinct: string): string {
  return `${carrier}:${carrierCallId}:${kind}:${distinct}`;
}
