/**
 * What the gateway saw on a Telnyx call it placed, reported to the call record (src/gate/calls.ts):
 * the answer, the disclosure's `speak` starting and ending (Telnyx reports both), DTMF, an opt-out
 * (the revocation the event handling made), and the hang-up with its cause and times. Each time is
 * the event's own `occurred_at`. The first event an instance sees for a call also records it as
 * gated (at the decision's time), as for Twilio. Recording never fails or holds up the webhook: the
 * route does not wait for it, and a store error is logged and counted.
 *
 * The disclosure is the call's first `speak`: later ones (an opt-out's confirmation) are recorded
 * too, and the record keeps the earliest start and end (record.ts).
 */
import type { CallEventDetails, CallEventKind } from '../../src/domain/calls/events';
import { maskPhone } from '../../src/domain/phone';
import { recordCallEvent, recordGatedOnce } from '../../src/gate/calls';
import { SAID } from './afterDisclosure';
import type { CallClaims, TelnyxContext } from './context';
import type { EventEffects } from './callEvents';
import { callPartyOf, text, type TelnyxEvent } from './events';

interface Moment {
  kind: CallEventKind;
  details?: CallEventDetails;
}

/** The moment(s) a call event is, for a call the gateway placed; none for the others. */
function momentsOf(event: TelnyxEvent, effects: EventEffects): Moment[] {
  const p = event.payload;
  const revocationId = effects.relayHeaders?.['x-consent-gate-revocation-id'];
  const optOut: Moment[] = effects.relayHeaders?.['x-consent-gate-opt-out']
    ? [
        {
          kind: 'opt_out',
          details:
            event.type === 'call.transcription'
              ? {
                  revocation_id: revocationId,
                  trigger: 'verbal_stop_during_call',
                  transcript: (p.transcription_data as { transcript?: string } | undefined)?.transcript ?? null,
                }
              : { revocation_id: revocationId, trigger: 'dtmf_opt_out', transcript: null },
        },
      ]
    : [];
  switch (event.type) {
    case 'call.answered':
      return [{ kind: 'answered' }];
    case 'call.speak.started':
      return [{ kind: 'disclosure_started' }];
    case 'call.speak.ended':
      // Only a speech said to its end: one cut off by a hang-up or an answering machine (`call_hangup`,
      // `cancelled_amd`) was not heard whole, and the record must not say it was.
      return text(p, 'status') === SAID ? [{ kind: 'disclosure_completed' }] : [];
    case 'call.dtmf.received':
      return [{ kind: 'dtmf', details: { digit: text(p, 'digit') ?? '' } }, ...optOut];
    case 'call.hangup': {
      const start = Date.parse(text(p, 'start_time') ?? '');
      const end = Date.parse(text(p, 'end_time') ?? '');
      const duration = Number.isNaN(start) || Number.isNaN(end) ? {} : { duration_seconds: Math.round((end - start) / 1000) };
      return [{ kind: 'ended', details: { status: 'completed', hangup_cause: text(p, 'hangup_cause'), ...duration } }];
    }
    default:
      return optOut;
  }
}

/** Records what `event` saw of a call the gateway placed (`claims`). Never rejects. */
export async function recordTelnyxMoments(t: TelnyxContext, body: unknown, event: TelnyxEvent, claims: CallClaims, effects: EventEffects): Promise<void> {
  const id = text(event.payload, 'call_control_id');
  const moments = momentsOf(event, effects);
  if (!id || moments.length === 0) return;
  const { party } = callPartyOf(t, claims, event.payload);
  if (!party) return;
  const occurred = Date.parse(String((body as { data?: { occurred_at?: unknown } }).data?.occurred_at ?? ''));
  const at = Number.isNaN(occurred) ? t.ctx.clock.now() : new Date(occurred);
  const source = `telnyx ${event.type}`;
  try {
    await recordGatedOnce(t.ctx, {
      orgId: claims.o,
      carrier: 'telnyx',
      carrierCallId: id,
      decisionId: claims.d,
      entity: claims.e,
      phone: party.phone,
      source: 'precall decision (POST /v2/calls through the gateway)',
    });
    for (const m of moments) {
      const outcome = await recordCallEvent(t.ctx, {
        orgId: claims.o,
        carrier: 'telnyx',
        carrierCallId: id,
        kind: m.kind,
        at,
        source,
        distinct: event.id,
        details: m.details,
      });
      if (outcome.error) throw outcome.error;
    }
  } catch (err) {
    t.logger.warn(
      { call_control_id: id, phone: maskPhone(party.phone), event_type: event.type, err: (err as Error).message },
      'telnyx: call event not recorded; the call goes on',
    );
  }
}
