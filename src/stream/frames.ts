/**
 * The agent stream's wire format (docs/agent-stream.md), parsed once at the edge into
 * typed frames. Anything else gets an `error` frame naming what was wrong.
 */
import { z } from 'zod';
import { issuesToDetails, phoneSchema, safeParseReporting } from '../gate/schemas';

const callId = z.string().min(1).max(200);

export const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    call_id: callId,
    phone: phoneSchema,
    calling_entity: z.string().trim().min(1).max(200),
    lang: z.string().max(10).optional(),
  }),
  z.object({
    type: z.literal('transcript'),
    call_id: callId,
    text: z.string().max(10_000),
    is_final: z.boolean(),
    speaker: z.string().max(50).optional(),
    lang: z.string().max(10).optional(),
  }),
  z.object({ type: z.literal('dtmf'), call_id: callId, digit: z.string().regex(/^[0-9*#A-D]{1,8}$/, 'must be DTMF digits') }),
  z.object({ type: z.literal('stop'), call_id: callId }),
]);

export type ClientFrame = z.output<typeof clientFrameSchema>;

export type ParsedFrame = { ok: true; frame: ClientFrame } | { ok: false; message: string };

export function parseClientFrame(raw: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'frame is not valid JSON' };
  }
  const result = safeParseReporting(clientFrameSchema, json);
  if (result.success) return { ok: true, frame: result.data };
  const details = issuesToDetails(result.error);
  return {
    ok: false,
    message: Object.entries(details)
      .map(([k, v]) => (k === 'type' ? `type ${v.replace('must be one of: ', 'must be one of ')}` : `${k} ${v}`))
      .join('; '),
  };
}

/** Speakers whose words never revoke: the agent's own disclosure says "stop". */
const AGENT_SPEAKERS = new Set(['agent', 'assistant', 'bot', 'ai', 'system']);

export function isConsumerSpeech(speaker: string | undefined): boolean {
  return !AGENT_SPEAKERS.has((speaker ?? 'consumer').trim().toLowerCase());
}
