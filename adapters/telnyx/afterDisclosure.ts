/**
 * What the gateway starts on a call it gates once the consumer has heard the
 * AI disclosure: Telnyx transcription of the consumer's track (so a spoken
 * "stop" is heard on every call), and the media stream or AI assistant the
 * dial asked for and the gateway held back (`heldStarts.ts`). On a call with
 * no disclosure to say, transcription starts on `call.answered`.
 *
 * Which `call.speak.ended` is the disclosure's: the event names no command
 * (telnyx-node `src/resources/webhooks.ts`, `CallSpeakEnded.payload`:
 * `call_control_id`, `call_leg_id`, `call_session_id`, `client_state`,
 * `connection_id`, `status`: `completed` | `call_hangup` | `cancelled_amd`),
 * and `client_state` is the application's, not ours to tag. But the
 * disclosure is the call's first speech: the gateway queues it on
 * `call.answered` before the application hears of the answer, so whatever
 * the application says is queued behind it. The first `call.speak.ended` of
 * such a call is the disclosure's; it is marked in the ledger (the marks that
 * make webhooks act once), so a redelivery, or the application's own speech
 * ending later, on this instance or another, starts nothing again.
 *
 * Nothing is started when the disclosure did not end by being said (`status`
 * other than `completed`: the call hung up, or answering-machine detection
 * cancelled it), when the call is already being ended after an opt-out, or
 * when the call hung up first (its held starts are dropped on `call.hangup`).
 *
 * Commands, from telnyx-node `src/resources/calls/actions.ts`:
 * - `POST /v2/calls/{call_control_id}/actions/transcription_start`
 *   (`ActionStartTranscriptionParams`): `transcription_tracks` — "`inbound`
 *   for the leg that requested the transcription" (on a dialed call, what the
 *   consumer says), `command_id`; the engine is Telnyx's default, and
 *   `client_state` is not sent (it would replace the application's on every
 *   later event). Events arrive as `call.transcription` with
 *   `transcription_data.{transcript, is_final, confidence}`, read by the one
 *   opt-out detector (`callEvents.ts`).
 * - `…/actions/streaming_start` (`ActionStartStreamingParams`): the held
 *   `stream_*` fields as the dial carried them, and `command_id`.
 * - `…/actions/ai_assistant_start` (`ActionStartAIAssistantParams`):
 *   `assistant` as the dial carried it, and `command_id`.
 * Each `command_id` is fixed per purpose: Telnyx ignores a repeat on the
 * same call, so two instances can never start a stream twice.
 */
import { LedgerUnavailableError } from '../../src/errors';
import { firstDelivery } from '../../src/gate/webhookOnce';
import { callCommand, type CommandResult, type GatewayAction } from './callCommands';
import type { CallClaims, TelnyxContext } from './context';
import { holdKey, type HeldStarts } from './heldStarts';

export const START_COMMAND_IDS = {
  transcription: 'consent-gate-transcription',
  stream: 'consent-gate-held-stream',
  assistant: 'consent-gate-held-assistant',
} as const;

type What = keyof typeof START_COMMAND_IDS;

/** Telnyx's `status` of a speak that was said to the end. */
export const SAID = 'completed';

function disclosureEndedKey(callControlId: string): string {
  return `telnyx:disclosure-ended:${callControlId}`;
}

/** Whether this call has anything to start after its disclosure. */
function startsSomething(claims: CallClaims | undefined): claims is CallClaims {
  return !!claims?.s && (claims.l === 1 || !!claims.h);
}

async function start(t: TelnyxContext, id: string, what: What, action: GatewayAction, body: Record<string, unknown>): Promise<void> {
  const result: CommandResult = await callCommand(t, id, action, { ...body, command_id: START_COMMAND_IDS[what] });
  if (result.ok) return void t.logger.info({ call_control_id: id, what }, 'telnyx: started after the disclosure');
  if (result.ended) return void t.logger.info({ call_control_id: id, what }, 'telnyx: call ended before it could be started');
  t.metrics.callStartFailures.inc({ carrier: 'telnyx', what });
  t.logger.error({ call_control_id: id, what, status: result.status, code: result.code, err: result.message }, 'telnyx: could not start it on the call');
}

/** Transcription of the consumer's track (the leg the gateway dialed). */
export function startTranscription(t: TelnyxContext, id: string): Promise<void> {
  return start(t, id, 'transcription', 'transcription_start', { transcription_tracks: 'inbound' });
}

/** The held starts of this call, removed from the ledger; undefined when none are held (taken already, or lost). */
async function takeHeld(t: TelnyxContext, id: string, key: string): Promise<HeldStarts | undefined> {
  let raw: string | null;
  try {
    raw = await t.ctx.ledger.takeHeldValue(holdKey(key));
  } catch (err) {
    if (!(err instanceof LedgerUnavailableError)) throw err;
    t.metrics.callStartFailures.inc({ carrier: 'telnyx', what: 'held' });
    t.logger.error({ call_control_id: id, err: err.message }, 'telnyx: the stream or assistant held for this call could not be read; not started');
    return undefined;
  }
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as HeldStarts;
  } catch {
    return undefined;
  }
}

/** `call.speak.ended` on a call the gateway opened with a disclosure. */
export async function afterDisclosure(t: TelnyxContext, id: string, claims: CallClaims | undefined, status: string | undefined): Promise<void> {
  if (!startsSomething(claims)) return;
  if (!(await firstDelivery(t.ctx, disclosureEndedKey(id)))) return;
  if (status !== SAID || t.ending.has(id)) {
    t.logger.info({ call_control_id: id, status }, 'telnyx: the disclosure did not end by being said; nothing started');
    if (claims.h) await takeHeld(t, id, claims.h);
    return;
  }
  const held = claims.h ? await takeHeld(t, id, claims.h) : undefined;
  await Promise.all([
    claims.l === 1 ? startTranscription(t, id) : undefined,
    held?.stream ? start(t, id, 'stream', 'streaming_start', held.stream) : undefined,
    held?.assistant ? start(t, id, 'assistant', 'ai_assistant_start', { assistant: held.assistant }) : undefined,
  ]);
}

/**
 * The call is being ended after an opt-out: the disclosure's end (whichever
 * instance hears it) starts nothing, and the held starts are dropped.
 */
export async function forgoStarts(t: TelnyxContext, id: string, claims: CallClaims | undefined): Promise<void> {
  if (!startsSomething(claims)) return;
  await firstDelivery(t.ctx, disclosureEndedKey(id));
  if (claims.h) await takeHeld(t, id, claims.h);
}

/** The call hung up: whatever was held for it is dropped, so nothing starts on a call that is over. */
export async function dropHeld(t: TelnyxContext, id: string, claims: CallClaims | undefined): Promise<void> {
  if (claims?.h) await takeHeld(t, id, claims.h);
}
