/**
 * A gated Telnyx request read the way Telnyx reads it (see
 * `shared/requestShape.ts`): nothing in the query string, no field given
 * twice, no gated field in another letter case, and a scheduled send's
 * `send_at` a real instant.
 */
import { instantSchema } from '../../src/gate/schemas';
import type { HttpAnswer } from '../shared/carrier';
import { fieldProblem, queryProblem } from '../shared/requestShape';
import { telnyxError, TELNYX_ERRORS } from './errors';
import type { GatedBody } from './requestBody';
import { HELD_DIAL_FIELDS } from './heldStarts';

/** Call Control dial: who is rung, as whom, what would speak before the disclosure or carry the call's webhooks elsewhere, and what the gateway starts itself. */
export const DIAL_FIELDS = [
  'to',
  'from',
  'connection_id',
  'webhook_url',
  'webhook_url_method',
  'webhook_urls',
  'webhook_urls_method',
  'audio_url',
  'media_name',
  'conversation_relay_config',
  'transcription',
  ...HELD_DIAL_FIELDS,
] as const;
export const MESSAGE_FIELDS = ['to', 'from', 'messaging_profile_id', 'send_at'] as const;
export const TEXML_FIELDS = ['To', 'From', 'Url', 'UrlMethod', 'FallbackUrl', 'Texml', 'ApplicationSid'] as const;
export const TRANSFER_FIELDS = ['to', 'from', 'sip_address'] as const;

export function ambiguousRequest(pathAndQuery: string, body: GatedBody, gatedFields: readonly string[]): HttpAnswer | undefined {
  const problem = queryProblem(pathAndQuery, gatedFields) ?? fieldProblem(body.names(), gatedFields, body.json);
  return problem ? badField(problem.message, problem.field) : undefined;
}

/** When a scheduled send goes out; undefined means now. */
export function sendAtOf(body: GatedBody): { ok: true; at?: Date } | { ok: false; answer: HttpAnswer } {
  const value = body.get('send_at');
  if (value === undefined || value === null) return { ok: true };
  const parsed = instantSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, answer: badField(`send_at must be an ISO 8601 date-time with a time zone, not ${JSON.stringify(value)}`, 'send_at') };
  return { ok: true, at: new Date(parsed.data) };
}

function badField(message: string, field: string): HttpAnswer {
  return telnyxError(TELNYX_ERRORS.badRequest, message, { pointer: `/${field}`, meta: { reason: 'invalid_request', field } });
}
