/**
 * `message.received`: an inbound text. Opt-outs (STOP and plain language)
 * revoke with trigger `sms_stop` — for calls as well as texts, since a
 * revocation is per entity, not per channel; START/UNSTOP/YES record a fresh
 * consent; HELP is only relayed.
 *
 * No confirmation text is sent by the gateway: Telnyx's own opt-out handling
 * on the messaging profile answers the STOP keywords (and blocks the sender
 * at Telnyx too). A plain-language opt-out ("please stop texting me") is
 * recorded here and blocked here; the application sees the
 * `x-consent-gate-opt-out` header on the relayed event.
 *
 * The consent a START records is keyed by the text's Telnyx id, so a replay
 * of that event, however late, records nothing new (src/gate/webhookOnce.ts).
 */
import { maskPhone } from '../../src/domain/phone';
import { inboundText, inboundTextToUnmappedNumber, type InboundTextResult } from '../../src/gate/optOutSignals';
import type { EventEffects } from './callEvents';
import { OptOutNotRecordedError } from '../../src/errors';
import type { TelnyxContext } from './context';
import { messagePartyOf, text, type TelnyxEvent } from './events';

export async function handleMessageReceived(t: TelnyxContext, event: TelnyxEvent): Promise<EventEffects> {
  const { party, ourNumber, orgId, consumer } = messagePartyOf(t, event.payload);
  if (!party) {
    if (!consumer) return {};
    // No entity mapped to this number or profile: an opt-out still counts, for every entity the consumer could hear from.
    let unmapped;
    try {
      unmapped = await inboundTextToUnmappedNumber(t.ctx, { orgId, phone: consumer }, text(event.payload, 'text') ?? '', t.directory.namesOf(orgId));
    } catch (err) {
      throw new OptOutNotRecordedError(`inbound text could not be processed: ${(err as Error).message}`);
    }
    t.logger.warn(
      { to: ourNumber ? maskPhone(ourNumber) : null, message_id: event.payload.id, revoked_for: unmapped.entities.length },
      'telnyx sms: no entity for this number or messaging profile (map it in entities[]); an opt-out revokes every entity the consumer consented to',
    );
    return unmapped.optOuts.length ? { relayHeaders: { 'x-consent-gate-opt-out': unmapped.optOuts.some((o) => o.queued) ? 'queued' : 'revoked' } } : {};
  }
  let result: InboundTextResult;
  try {
    result = await inboundText(t.ctx, party, text(event.payload, 'text') ?? '', undefined, text(event.payload, 'id') ?? event.id);
  } catch (err) {
    throw new OptOutNotRecordedError(`inbound text could not be processed: ${(err as Error).message}`);
  }
  if (result.optOut) {
    t.logger.info({ phone: maskPhone(party.phone), queued: result.optOut.queued }, 'telnyx sms: opt-out');
    return {
      relayHeaders: {
        'x-consent-gate-opt-out': result.optOut.queued ? 'queued' : 'revoked',
        ...(result.optOut.revocation ? { 'x-consent-gate-revocation-id': result.optOut.revocation.revocation_id } : {}),
      },
    };
  }
  if (result.optedIn) {
    t.logger.info({ phone: maskPhone(party.phone), consent_id: result.optedIn.consent_id }, 'telnyx sms: opt-in');
    return { relayHeaders: { 'x-consent-gate-opt-in': result.optedIn.consent_id } };
  }
  return {};
}
