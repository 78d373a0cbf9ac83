/**
 * What the gateway does with Call Control events before relaying them:
 *
 * - `call.answered` on a call that must open with a disclosure: `speak` it
 *   first (the application gets the event only after Telnyx accepted the
 *   command, so anything it says is queued behind the disclosure). If the
 *   disclosure cannot be spoken (other than because the call is already
 *   over), the call is hung up: an AI call without its disclosure does not
 *   go on (fail closed).
 * - `call.dtmf.received` 9 / `call.gather.ended` digits with a 9, on a call
 *   the gateway placed (its disclosure said "press 9"): revoke
 *   (`dtmf_opt_out`). Calls the gateway did not place are not read for 9 —
 *   an IVR menu's 9 is not an opt-out.
 * - `call.speak.ended`: the first on a call the gateway opened with a
 *   disclosure is the disclosure's; then the gateway starts transcription
 *   and any stream or assistant it held back (`afterDisclosure.ts`). On a
 *   gated call with no disclosure, transcription starts on `call.answered`.
 * - `call.transcription`, final, the consumer's track (`inbound`, Telnyx's
 *   default): the one opt-out detector, whether the application or the
 *   gateway started the transcription; an opt-out revokes
 *   (`verbal_stop_during_call`, transcript kept).
 * - After an opt-out: `speak` the confirmation (cutting off queued audio),
 *   then `hangup` once it has been said (see `endingCalls.ts`).
 */
import { maskPhone } from '../../src/domain/phone';
import { OptOutNotRecordedError } from '../../src/errors';
import { dtmf, OPT_OUT_DIGIT, optOutConfirmation, utterance, type OptOutOutcome, type Party } from '../../src/gate/optOutSignals';
import { afterDisclosure, dropHeld, forgoStarts, startTranscription } from './afterDisclosure';
import { hangupCall, speak } from './callCommands';
import type { CallClaims, TelnyxContext } from './context';
import { speakingTimeMs } from './endingCalls';
import { callPartyOf, text, type TelnyxEvent } from './events';

export interface EventEffects {
  /** Added to the relayed request (never to the signed body): what the gateway did. */
  relayHeaders?: Record<string, string>;
}

export const COMMAND_IDS = {
  disclosure: 'consent-gate-disclosure',
  disclosureFailedHangup: 'consent-gate-disclosure-failed-hangup',
  confirmation: 'consent-gate-opt-out-confirmation',
  optOutHangup: 'consent-gate-opt-out-hangup',
} as const;

export async function handleCallEvent(t: TelnyxContext, event: TelnyxEvent, claims: CallClaims | undefined): Promise<EventEffects> {
  const id = text(event.payload, 'call_control_id');
  if (!id) return {};
  const { party, placedByGateway } = callPartyOf(t, claims, event.payload);
  switch (event.type) {
    case 'call.answered':
      if (claims?.s) return discloseOnAnswer(t, id, claims.s, claims.d);
      // Nothing to say first: the gateway listens from the answer on.
      if (claims?.l === 1) await startTranscription(t, id);
      return {};
    case 'call.dtmf.received': {
      const digit = text(event.payload, 'digit') ?? '';
      if (!placedByGateway || !party || digit !== OPT_OUT_DIGIT) return {};
      return optOutOnCall(t, id, claims, party, 'dtmf', () => dtmf(t.ctx, party, digit));
    }
    case 'call.gather.ended': {
      const digits = text(event.payload, 'digits') ?? '';
      if (!placedByGateway || !party || !digits.includes(OPT_OUT_DIGIT)) return {};
      return optOutOnCall(t, id, claims, party, 'dtmf', () => dtmf(t.ctx, party, digits));
    }
    case 'call.transcription':
      return party ? transcript(t, id, claims, party, event.payload) : {};
    case 'call.speak.ended':
      if (!t.ending.has(id)) await afterDisclosure(t, id, claims, text(event.payload, 'status'));
      await t.ending.now(id);
      return {};
    case 'call.hangup':
      t.ending.forget(id);
      await dropHeld(t, id, claims);
      return {};
    default:
      return {};
  }
}

async function discloseOnAnswer(t: TelnyxContext, id: string, script: string, decisionId: string): Promise<EventEffects> {
  const spoken = await speak(t, id, script, COMMAND_IDS.disclosure);
  if (spoken.ok) {
    t.logger.info({ decision_id: decisionId, call_control_id: id }, 'telnyx: disclosure spoken on answer');
    return { relayHeaders: { 'x-consent-gate-disclosure': 'spoken' } };
  }
  if (spoken.ended) {
    t.logger.info({ decision_id: decisionId, call_control_id: id }, 'telnyx: call ended before the disclosure could be spoken');
    return {};
  }
  t.logger.error(
    { decision_id: decisionId, call_control_id: id, status: spoken.status, code: spoken.code, err: spoken.message },
    'telnyx: disclosure could not be spoken; hanging up (fail closed)',
  );
  const hung = await hangupCall(t, id, COMMAND_IDS.disclosureFailedHangup);
  if (!hung.ok && !hung.ended) t.logger.error({ call_control_id: id, err: hung.message }, 'telnyx: hangup after a failed disclosure failed too');
  return { relayHeaders: { 'x-consent-gate-disclosure': 'failed' } };
}

async function transcript(t: TelnyxContext, id: string, claims: CallClaims | undefined, party: Party, payload: Record<string, unknown>): Promise<EventEffects> {
  const data = payload.transcription_data as { transcript?: unknown; is_final?: unknown; transcription_track?: unknown } | undefined;
  if (!data || typeof data.transcript !== 'string') return {};
  const words = data.transcript;
  // `inbound` is the consumer's leg (the one the call was placed to); Telnyx labels tracks only with some engines, and defaults to inbound.
  const speaker = data.transcription_track === 'outbound' ? 'agent' : 'consumer';
  return optOutOnCall(
    t,
    id,
    claims,
    party,
    'speech',
    async () => (await utterance(t.ctx, party, { text: words, isFinal: data.is_final === true, speaker })).optOut,
  );
}

async function optOutOnCall(
  t: TelnyxContext,
  id: string,
  claims: CallClaims | undefined,
  party: Party,
  how: 'dtmf' | 'speech',
  record: () => Promise<OptOutOutcome | null | undefined>,
): Promise<EventEffects> {
  let outcome: OptOutOutcome | null | undefined;
  let failure: Error | undefined;
  try {
    outcome = await record();
    if (!outcome) return {};
  } catch (err) {
    failure = err as Error;
  }
  const who = { call_control_id: id, phone: maskPhone(party.phone), how };
  if (failure)
    t.logger.error({ ...who, err: failure.message }, 'telnyx: opt-out during a call could NOT be recorded; ending the call, asking Telnyx to redeliver');
  else t.logger.info({ ...who, queued: outcome?.queued }, 'telnyx: opt-out during a call');
  // The consumer was promised an end to the call either way, and nothing held back for after the disclosure starts now.
  await confirmAndEnd(t, id, party.entity);
  await forgoStarts(t, id, claims).catch((err: Error) => t.logger.warn({ ...who, err: err.message }, 'telnyx: could not drop what was held for this call'));
  if (failure) throw new OptOutNotRecordedError(failure.message);
  return {
    relayHeaders: {
      'x-consent-gate-opt-out': outcome!.queued ? 'queued' : 'revoked',
      ...(outcome!.revocation ? { 'x-consent-gate-revocation-id': outcome!.revocation.revocation_id } : {}),
    },
  };
}

async function confirmAndEnd(t: TelnyxContext, id: string, entity: string): Promise<void> {
  if (t.ending.has(id)) return;
  const words = optOutConfirmation(entity);
  const spoken = await speak(t, id, words, COMMAND_IDS.confirmation, { interrupt: true });
  if (spoken.ok) return t.ending.schedule(id, speakingTimeMs(words));
  if (spoken.ended) return void t.logger.info({ call_control_id: id }, 'telnyx: call already ended; no confirmation needed');
  t.logger.warn({ call_control_id: id, err: spoken.message }, 'telnyx: opt-out confirmation could not be spoken; hanging up now');
  await endCall(t, id);
}

/** The hangup after an opt-out (the `EndingCalls` callback). */
export async function endCall(t: TelnyxContext, id: string): Promise<void> {
  const hung = await hangupCall(t, id, COMMAND_IDS.optOutHangup);
  if (hung.ok) return void t.logger.info({ call_control_id: id }, 'telnyx: call hung up after opt-out');
  if (hung.ended) return void t.logger.info({ call_control_id: id }, 'telnyx: call had already ended (90018)');
  t.logger.error({ call_control_id: id, status: hung.status, err: hung.message }, 'telnyx: hangup after opt-out failed');
}
