/**
 * Whose traffic an inbound Twilio webhook is: the org and entity by our own
 * number (`To` for an inbound text or call, `From` for a call we placed),
 * then the Messaging Service, then the account; the consumer is the other
 * number. A webhook whose entity cannot be found still belongs to an org
 * (the account's, else the default one) but has no entity — the caller
 * decides what that means.
 */
import { parsePhone } from '../../src/domain/phone';
import type { Party } from '../../src/gate/optOutSignals';
import { first, type FormParams } from '../shared/form';
import { stripChannel, type EntityLookup } from '../shared/entityDirectory';
import type { TwilioContext } from './context';

export interface WebhookParty {
  orgId: string;
  entity: string | undefined;
  /** The consumer, E.164; undefined when not a phone number (a SIP or client leg). */
  phone: string | undefined;
  ourNumber: string | undefined;
}

/** Outbound legs (`outbound-api`, `outbound-dial`) were placed by us: the consumer is `To`. */
export function isOutbound(params: FormParams): boolean {
  return (first(params, 'Direction') ?? '').startsWith('outbound');
}

export function webhookParty(t: TwilioContext, params: FormParams): WebhookParty {
  const outbound = isOutbound(params);
  const ours = outbound ? (first(params, 'From') ?? first(params, 'Caller')) : (first(params, 'To') ?? first(params, 'Called'));
  const theirs = outbound ? (first(params, 'To') ?? first(params, 'Called')) : (first(params, 'From') ?? first(params, 'Caller'));
  const lookups: EntityLookup[] = [
    { kind: 'number', value: ours },
    { kind: 'twilio_messaging_service', value: first(params, 'MessagingServiceSid') },
    { kind: 'twilio_account', value: first(params, 'AccountSid') },
  ];
  const entry = t.directory.resolve(lookups);
  const phone = theirs ? parsePhone(stripChannel(theirs)) : undefined;
  return { orgId: entry?.orgId ?? t.directory.defaultOrgId, entity: entry?.name, phone: phone?.ok ? phone.e164 : undefined, ourNumber: ours };
}

export function asParty(p: WebhookParty): Party | undefined {
  return p.entity && p.phone ? { orgId: p.orgId, entity: p.entity, phone: p.phone } : undefined;
}
