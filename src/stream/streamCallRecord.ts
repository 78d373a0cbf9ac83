/**
 * The agent stream's part of call records: a call is what the client names by its `call_id` between
 * `start` and `stop`, so the record is keyed by that id (the stream is the carrier). Each moment is
 * reported to the gate, timed when it happened; the recorder never rejects: a failure to record is
 * logged (phone masked) and the stream goes on.
 */
import type { CallEventDetails, CallEventKind } from '../domain/calls/events';
import { maskPhone } from '../domain/phone';
import { recordCallEvent } from '../gate/calls';
import type { GateContext } from '../gate/context';
import type { Logger } from '../observability/logger';

const SOURCES: Partial<Record<CallEventKind, string>> = {
  gated: 'agent stream: start frame',
  answered: 'agent stream: start frame (a call streams once it is live)',
  dtmf: 'agent stream: dtmf frame',
  opt_out: 'agent stream: opt-out detected by the gateway',
  ended: 'agent stream: stop frame',
};

export type StreamCallRecorder = (call: { callId: string; phone: string }, kind: CallEventKind, details?: CallEventDetails, distinct?: string) => Promise<void>;

export function streamCallRecorder(ctx: GateContext, logger: Logger, orgId: string): StreamCallRecorder {
  return async ({ callId, phone }, kind, details = {}, distinct) => {
    const at = ctx.clock.now();
    const outcome = await recordCallEvent(ctx, {
      orgId,
      carrier: 'stream',
      carrierCallId: callId,
      kind,
      at,
      source: SOURCES[kind] ?? `agent stream: ${kind}`,
      distinct: distinct ?? String(at.getTime()),
      details,
      phone,
    });
    if (outcome.error) logger.warn({ err: outcome.error.message, phone: maskPhone(phone), kind }, 'call event not recorded; the call goes on');
  };
}
