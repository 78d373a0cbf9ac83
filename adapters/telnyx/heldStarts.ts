/**
 * A dial that asks Telnyx to start a media stream or an AI assistant the
 * moment the call is answered would have the application's agent talking
 * over (or before) the AI disclosure. On a call that must open with one, the
 * gateway takes those fields out of the dial, keeps them, and starts the
 * stream or assistant itself once the disclosure has been said
 * (`afterDisclosure.ts`), with exactly the parameters the application sent.
 *
 * Wire formats, from the telnyx SDK the gateway serves (telnyx-node, generated
 * from team-telnyx/openapi: `src/resources/calls/calls.ts` `CallDialParams`,
 * `src/resources/calls/actions.ts` `ActionStartStreamingParams` and
 * `ActionStartAIAssistantParams`):
 * - dial and `POST /v2/calls/{id}/actions/streaming_start` share `stream_url`
 *   ("the destination WebSocket address"), `stream_track` (`inbound_track` |
 *   `outbound_track` | `both_tracks`), `stream_codec`, `stream_auth_token`
 *   (at most 4000 characters), `stream_bidirectional_mode` (`mp3` | `rtp`),
 *   `stream_bidirectional_codec`, `stream_bidirectional_sampling_rate`,
 *   `stream_bidirectional_target_legs` (`both` | `self` | `opposite`);
 * - `stream_establish_before_call_originate` exists on the dial only (open
 *   the websocket before ringing): meaningless once the call is up, dropped;
 * - dial `assistant` and `ai_assistant_start`'s `assistant` are the same
 *   `CallAssistantRequest` (`id` required, the rest optional overrides).
 *
 * Where the held fields wait: the ledger (`holdValue`, taken exactly once by
 * `takeHeldValue`), under a random key carried in the call's signed webhook
 * token (`CallClaims.h`). Not in the token itself, which is how the rest of a
 * call's state travels: `stream_auth_token` alone may be 4000 characters and
 * an assistant's instructions longer, while Telnyx takes webhook URLs of at
 * most 2000, and the token is readable by anyone who sees the URL — a stream
 * credential or an LLM key does not belong there. Not in `client_state`: that
 * is the application's own, echoed to it on every event. The ledger is shared
 * by every instance (SQLite file or Redis), so whichever instance gets the
 * call's `call.speak.ended` starts the stream, and only one does.
 */
import { randomUUID } from 'node:crypto';
import type { HttpAnswer } from '../shared/carrier';
import type { TelnyxContext } from './context';
import type { GatedBody } from './requestBody';
import { telnyxError, TELNYX_ERRORS } from './errors';

/** What the gateway starts itself after the disclosure: streaming_start's fields, ai_assistant_start's `assistant`. */
export interface HeldStarts {
  stream?: Record<string, unknown>;
  assistant?: Record<string, unknown>;
}

/** Long enough for any ring and disclosure; a hold is taken (or dropped) when its call's disclosure ends or the call does. */
export const HOLD_TTL_SECONDS = 60 * 60;

const oneOf =
  (...allowed: (string | number)[]) =>
  (v: unknown) =>
    allowed.includes(v as string | number);
const isString = (v: unknown) => typeof v === 'string';

/** The stream fields the dial and streaming_start share, each with what Telnyx accepts. */
export const STREAM_FIELDS: Record<string, (v: unknown) => boolean> = {
  stream_url: (v) => typeof v === 'string' && /^wss?:\/\//i.test(v) && URL.canParse(v),
  stream_track: oneOf('inbound_track', 'outbound_track', 'both_tracks'),
  stream_codec: oneOf('PCMU', 'PCMA', 'G722', 'OPUS', 'AMR-WB', 'L16', 'default'),
  stream_auth_token: (v) => isString(v) && (v as string).length <= 4000,
  stream_bidirectional_mode: oneOf('mp3', 'rtp'),
  stream_bidirectional_codec: oneOf('PCMU', 'PCMA', 'G722', 'OPUS', 'AMR-WB', 'L16'),
  stream_bidirectional_sampling_rate: oneOf(8000, 16000, 22050, 24000, 48000),
  stream_bidirectional_target_legs: oneOf('both', 'self', 'opposite'),
};
const DIAL_ONLY_STREAM_FIELDS = ['stream_establish_before_call_originate'];
export const ASSISTANT_FIELD = 'assistant';

/** Every dial field this file takes out: gated, so a second spelling of one cannot slip past. */
export const HELD_DIAL_FIELDS = [...Object.keys(STREAM_FIELDS), ...DIAL_ONLY_STREAM_FIELDS, ASSISTANT_FIELD];

/** As a dial field Telnyx would not take is answered: 400, the field named. */
function badField(message: string, field: string): HttpAnswer {
  return telnyxError(TELNYX_ERRORS.badRequest, message, { pointer: `/${field}`, meta: { reason: 'invalid_request', field } });
}

export type HoldBack = { ok: true; held: HeldStarts | undefined } | { ok: false; answer: HttpAnswer };

/** The stream and assistant fields of the dial, checked, and removed from what goes upstream. */
export function holdBackStarts(body: GatedBody): HoldBack {
  const held: HeldStarts = {};
  if (body.get('stream_url') !== undefined) {
    const stream: Record<string, unknown> = {};
    for (const [field, valid] of Object.entries(STREAM_FIELDS)) {
      const value = body.get(field);
      if (value === undefined || value === null) continue;
      if (!valid(value)) return { ok: false, answer: badField(`${field} is not a value Telnyx takes: ${JSON.stringify(value)}`, field) };
      stream[field] = value;
    }
    held.stream = stream;
  }
  const assistant = body.get(ASSISTANT_FIELD);
  if (assistant !== undefined && assistant !== null) {
    const id = typeof assistant === 'object' && !Array.isArray(assistant) ? (assistant as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !id) return { ok: false, answer: badField('assistant must be an object with the id of the AI assistant', 'assistant') };
    held.assistant = assistant as Record<string, unknown>;
  }
  if (!held.stream && !held.assistant) return { ok: true, held: undefined };
  if (held.stream) for (const field of [...Object.keys(STREAM_FIELDS), ...DIAL_ONLY_STREAM_FIELDS]) body.set(field, undefined);
  if (held.assistant) body.set(ASSISTANT_FIELD, undefined);
  return { ok: true, held };
}

export function holdKey(id: string): string {
  return `telnyx:held-starts:${id}`;
}

/** A new key for a call's held starts, carried in its token (unguessable: it names a stored stream credential). */
export function newHoldKey(): string {
  return randomUUID();
}

/** Keeps what the call will start under its key. Throws LedgerUnavailableError when the store cannot. */
export async function keepHeldStarts(t: TelnyxContext, key: string, held: HeldStarts): Promise<void> {
  await t.ctx.ledger.holdValue(holdKey(key), JSON.stringify(held), HOLD_TTL_SECONDS);
}

/** Whether the gateway transcribes this entity's calls: on unless TRANSCRIBE_CALLS=off or the entity says `transcribe: false`. */
export function transcribesCallsOf(t: TelnyxContext, entity: string): boolean {
  return t.transcribeCalls && t.directory.byName(entity)?.transcribe !== false;
}

/** The application's dial already asked Telnyx for transcription (`transcription: true`), so the gateway hears it already. */
export function dialTranscribes(body: GatedBody): boolean {
  return body.get('transcription') === true;
}
