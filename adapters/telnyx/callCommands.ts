/**
 * The gateway's own Call Control commands (`speak`, `hangup`, and the
 * starts that follow the disclosure: `afterDisclosure.ts`), sent to
 * TELNYX_API_BASE with TELNYX_API_KEY through the same bounded HTTP call the
 * application relay uses.
 *
 * Every command carries a `command_id` derived from the call and its purpose:
 * Telnyx ignores a repeated command_id on the same call, so a retry, a
 * redelivered webhook or a second instance never speaks the disclosure twice.
 *
 * A call that has already hung up answers 422 with code 90018: that is an
 * outcome (`ended`), logged and never retried. A timeout or a 5xx is retried
 * once; anything else is reported as it came.
 */
import { upstreamUrl } from '../shared/forward';
import { callApplication } from '../shared/appRelay';
import type { TelnyxContext } from './context';
import { TELNYX_ERRORS } from './errors';

export type CommandResult = { ok: true } | { ok: false; ended: true } | { ok: false; ended: false; status?: number; code?: string; message: string };

const RETRY_DELAY_MS = 250;

function errorCode(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: unknown }[] };
    const code = parsed.errors?.[0]?.code;
    return code === undefined ? undefined : String(code);
  } catch {
    return undefined;
  }
}

/** The Call Control actions the gateway itself sends. */
export type GatewayAction = 'speak' | 'hangup' | 'transcription_start' | 'streaming_start' | 'ai_assistant_start';

export async function callCommand(t: TelnyxContext, callControlId: string, action: GatewayAction, body: Record<string, unknown>): Promise<CommandResult> {
  if (!t.apiKey) return { ok: false, ended: false, message: 'TELNYX_API_KEY is not configured' };
  const url = upstreamUrl(t.api.base, `/v2/calls/${encodeURIComponent(callControlId)}/actions/${action}`).toString();
  const request = {
    url,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  };
  for (let attempt = 1; ; attempt++) {
    const answer = await callApplication(request, { timeoutMs: t.api.timeoutMs, metrics: t.metrics, label: 'telnyx_api' });
    if (answer.ok) return { ok: true };
    const code = errorCode(answer.body);
    if (code === TELNYX_ERRORS.callEnded.code) return { ok: false, ended: true };
    const transient = answer.reason === 'timeout' || answer.reason === 'unreachable' || (answer.status ?? 0) >= 500;
    if (!transient || attempt >= 2) return { ok: false, ended: false, status: answer.status, code, message: answer.message };
    await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
  }
}

/** Speak words on a call, as the gateway (not the application) says them. */
export function speak(
  t: TelnyxContext,
  callControlId: string,
  words: string,
  commandId: string,
  options: { interrupt?: boolean } = {},
): Promise<CommandResult> {
  return callCommand(t, callControlId, 'speak', {
    payload: words,
    voice: t.voice,
    language: t.language,
    command_id: commandId,
    // An opt-out confirmation cuts whatever the application queued; the disclosure waits for nothing.
    ...(options.interrupt ? { stop: 'all' } : {}),
  });
}

export function hangupCall(t: TelnyxContext, callControlId: string, commandId: string): Promise<CommandResult> {
  return callCommand(t, callControlId, 'hangup', { command_id: commandId });
}
