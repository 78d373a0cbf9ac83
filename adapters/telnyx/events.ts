/**
 * Telnyx webhook envelopes, parsed once at the edge into the little the
 * gateway reads, and whose traffic each event is.
 *
 * Envelope: `{"data":{"event_type","id","occurred_at","payload",
 * "record_type":"event"},"meta":{…}}`.
 *
 * Whose call: a call placed through the gateway carries its party in the
 * webhook URL's signed token (`CallClaims`). Any other call is looked up by
 * our number (`from` on an outgoing leg, `to` on an incoming one) and the
 * connection; the consumer is the other number. Texts: our number is `to`,
 * then the messaging profile; the consumer is `from`.
 */
import type { Party } from '../../src/gate/optOutSignals';
import { consumerPhone } from '../shared/outboundGate';
import type { CallClaims, TelnyxContext } from './context';

export interface TelnyxEvent {
  id: string | undefined;
  type: string;
  payload: Record<string, unknown>;
}

/** The event, or undefined for a body that is JSON but not an event envelope (relayed untouched). */
export function eventOf(body: unknown): TelnyxEvent | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const data = (body as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const { event_type, id, payload } = data as { event_type?: unknown; id?: unknown; payload?: unknown };
  if (typeof event_type !== 'string') return undefined;
  return {
    id: typeof id === 'string' ? id : undefined,
    type: event_type,
    payload: typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {},
  };
}

export function text(payload: Record<string, unknown>, key: string): string | undefined {
  const v = payload[key];
  return typeof v === 'string' ? v : undefined;
}

export interface CallParty {
  party: Party | undefined;
  /** The gateway placed this call (its webhook URL carries our token). */
  placedByGateway: boolean;
}

export function callPartyOf(t: TelnyxContext, claims: CallClaims | undefined, payload: Record<string, unknown>): CallParty {
  const from = text(payload, 'from');
  const to = text(payload, 'to');
  if (claims) {
    const answered = consumerPhone(to);
    const phone = answered && claims.p.includes(answered) ? answered : claims.p[0];
    return { party: phone ? { orgId: claims.o, entity: claims.e, phone } : undefined, placedByGateway: true };
  }
  const direction = text(payload, 'direction');
  const outgoing = direction ? direction === 'outgoing' : !!t.directory.byNumber(from) && !t.directory.byNumber(to);
  const entry = t.directory.resolve([
    { kind: 'number', value: outgoing ? from : to },
    { kind: 'telnyx_connection', value: text(payload, 'connection_id') },
  ]);
  const phone = consumerPhone(outgoing ? to : from);
  return { party: entry && phone ? { orgId: entry.orgId, entity: entry.name, phone } : undefined, placedByGateway: false };
}

function phoneNumberOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const n = (value as { phone_number?: unknown }).phone_number;
    return typeof n === 'string' ? n : undefined;
  }
  return undefined;
}

/** An inbound text's party: the first of our numbers it was sent to, else its messaging profile. */
export function messagePartyOf(
  t: TelnyxContext,
  payload: Record<string, unknown>,
): { party: Party | undefined; ourNumber: string | undefined; orgId: string; consumer: string | undefined } {
  const recipients = (Array.isArray(payload.to) ? payload.to : [payload.to]).map(phoneNumberOf).filter((n): n is string => !!n);
  const ours = recipients.find((n) => t.directory.byNumber(n)) ?? recipients[0];
  const entry = t.directory.resolve([
    { kind: 'number', value: ours },
    { kind: 'telnyx_messaging_profile', value: text(payload, 'messaging_profile_id') },
  ]);
  const phone = consumerPhone(phoneNumberOf(payload.from));
  const orgId = entry?.orgId ?? t.directory.defaultOrgId;
  return { party: entry && phone ? { orgId, entity: entry.name, phone } : undefined, ourNumber: ours, orgId, consumer: phone };
}
