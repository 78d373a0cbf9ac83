/**
 * GET /v1/stream: the agent stream for any AI voice platform (docs/agent-stream.md).
 *
 * An agent streams its calls' transcripts and key presses; the gateway runs
 * the one opt-out detector over the consumer's final speech and, on an
 * opt-out, revokes (durably, before telling anyone) and answers `opt_out`
 * with what to say and `end_call`. One opt-out per call: a consumer saying
 * "stop" five times is one revocation and one `opt_out` frame. Speech that
 * may be an opt-out ("I'm not interested") gets one `confirm_opt_out` per
 * call, for the agent to ask; a yes in the next two consumer turns revokes
 * (src/gate/confirmOptOut.ts).
 *
 * Frames of one connection are handled strictly in order. A connection that
 * sends faster than revocations commit is told so (`error` OVERLOADED) and
 * closed with 1013 rather than queueing without bound.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError, LedgerUnavailableError } from '../errors';
import { bearerToken } from '../gate/bearerToken';
import { authenticate, requireScope } from '../gate/tenants';
import { optOutDetails } from '../gate/calls';
import { streamCallRecorder } from './streamCallRecord';
import { dtmf, optOutConfirmation, type OptOutOutcome, type SignalContext } from '../gate/optOutSignals';
import { callSpeech, CONFIRM_OPT_OUT_QUESTION, OptOutConfirmStep } from '../gate/confirmOptOut';
import type { GatewayModule, ModuleDeps } from '../module';
import { honorByDate } from '../domain/time/honorBy';
import { isConsumerSpeech, parseClientFrame, type ClientFrame } from './frames';

export const STREAM_PATH = '/v1/stream';
const MAX_FRAME_BYTES = 64 * 1024;
const MAX_PENDING_FRAMES = 256;
const MAX_CALLS_PER_CONNECTION = 1000;

interface CallState {
  phone: string;
  entity: string;
  lang?: string;
  optedOut: boolean;
  confirm: OptOutConfirmStep;
}

type ServerFrame =
  | {
      type: 'opt_out';
      call_id: string;
      revocation_id: string | null;
      honor_by_date: string;
      action: 'end_call';
      say: string;
      queued?: boolean;
      /** The consumer said yes to the confirm question. */
      confirmed?: boolean;
    }
  | { type: 'confirm_opt_out'; call_id: string; say: string }
  | { type: 'error'; code: string; message: string; call_id?: string };

export function agentStreamModule(deps: ModuleDeps): GatewayModule {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const { ctx, logger, metrics } = deps;

  async function authorize(req: IncomingMessage): Promise<string> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const secret = bearerToken(req.headers.authorization) ?? url.searchParams.get('token') ?? undefined;
    const key = await authenticate(ctx, secret, req.socket.remoteAddress);
    requireScope(key, 'revoke');
    return key.org_id;
  }

  function refuse(socket: Duplex, status: number, text: string): void {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  return {
    name: 'agent-stream',
    upgrade(req, socket, head) {
      const path = (req.url ?? '').split('?')[0];
      if (path !== STREAM_PATH) return false;
      authorize(req).then(
        (orgId) => wss.handleUpgrade(req, socket, head, (ws) => serve(ws, orgId)),
        (err) => {
          if (err instanceof AppError) refuse(socket, err.status, err.status === 403 ? 'Forbidden' : err.status === 429 ? 'Too Many Requests' : 'Unauthorized');
          else refuse(socket, 503, 'Service Unavailable');
        },
      );
      return true;
    },
    async close() {
      for (const ws of wss.clients) ws.close(1001, 'gateway shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };

  function serve(ws: WebSocket, orgId: string): void {
    metrics.streamConnections.inc({ kind: 'agent' });
    const calls = new Map<string, CallState>();
    const record = streamCallRecorder(ctx, logger, orgId);
    let pending = 0;
    let chain = Promise.resolve();

    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const error = (code: string, message: string, callId?: string) => send({ type: 'error', code, message, ...(callId ? { call_id: callId } : {}) });

    ws.on('message', (data, isBinary) => {
      if (isBinary) return error('VALIDATION_FAILED', 'frames must be JSON text');
      if (++pending > MAX_PENDING_FRAMES) {
        error('OVERLOADED', 'too many frames in flight; slow down');
        return ws.close(1013, 'overloaded');
      }
      const raw = data.toString();
      chain = chain
        .then(() => handle(raw))
        .catch((err) => {
          if (err instanceof LedgerUnavailableError) {
            // No fallback queue and no store: say so, so the agent can end the call and retry via /v1/revoke.
            return error('UNAVAILABLE', 'the opt-out could not be recorded: the consent store is unavailable');
          }
          logger.error({ err: (err as Error).message }, 'agent stream frame failed');
          error('INTERNAL', 'the frame could not be processed');
        })
        .finally(() => pending--);
    });
    ws.on('close', () => metrics.streamConnections.dec({ kind: 'agent' }));
    ws.on('error', (err) => logger.warn({ err: err.message }, 'agent stream socket error'));

    async function handle(raw: string): Promise<void> {
      const parsed = parseClientFrame(raw);
      if (!parsed.ok) return error('VALIDATION_FAILED', parsed.message);
      const frame = parsed.frame;
      if (frame.type === 'start') {
        if (!calls.has(frame.call_id) && calls.size >= MAX_CALLS_PER_CONNECTION)
          return error('VALIDATION_FAILED', 'too many open calls on this connection', frame.call_id);
        const started = !calls.has(frame.call_id);
        calls.set(frame.call_id, { phone: frame.phone, entity: frame.calling_entity, lang: frame.lang, optedOut: false, confirm: new OptOutConfirmStep() });
        if (started) {
          const call = { callId: frame.call_id, phone: frame.phone };
          // Not waited for (nor below): a slow store must not hold up the opt-out detection of the next frames.
          void record(call, 'gated', { entity: frame.calling_entity }, 'start');
          void record(call, 'answered', {}, 'start');
        }
        return;
      }
      const call = calls.get(frame.call_id);
      if (!call) return error('NOT_FOUND', `unknown call_id ${frame.call_id}: send a start frame first`, frame.call_id);
      const recorded = { callId: frame.call_id, phone: call.phone };
      if (frame.type === 'stop') {
        calls.delete(frame.call_id);
        void record(recorded, 'ended', { status: 'completed' }, 'stop');
        return;
      }
      if (frame.type === 'dtmf') void record(recorded, 'dtmf', { digit: frame.digit });
      if (call.optedOut) return;
      const heard = await detect(frame, call);
      if (heard === 'ask') return send({ type: 'confirm_opt_out', call_id: frame.call_id, say: CONFIRM_OPT_OUT_QUESTION });
      if (!heard) return;
      const { outcome, confirmed } = heard;
      call.optedOut = true;
      const honorBy =
        outcome.revocation?.honor_by_date ??
        honorByDate(ctx.clock.now())
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z');
      send({
        type: 'opt_out',
        call_id: frame.call_id,
        revocation_id: outcome.revocation?.revocation_id ?? null,
        honor_by_date: honorBy,
        action: 'end_call',
        say: optOutConfirmation(call.entity),
        ...(outcome.queued ? { queued: true } : {}),
        ...(confirmed ? { confirmed: true } : {}),
      });
      const words = frame.type === 'transcript' ? frame.text : null;
      void record(recorded, 'opt_out', optOutDetails(outcome, words === null ? 'dtmf_opt_out' : 'verbal_stop_during_call', words), 'opt_out');
    }

    /** An opt-out (revoked or queued), `ask` for the confirm question, or null. */
    async function detect(frame: ClientFrame, call: CallState): Promise<{ outcome: OptOutOutcome; confirmed: boolean } | 'ask' | null> {
      const party = { orgId, phone: call.phone, entity: call.entity };
      if (frame.type === 'dtmf') {
        const outcome = await dtmf(ctx, party, frame.digit);
        return outcome && { outcome, confirmed: false };
      }
      if (frame.type !== 'transcript') return null;
      const heard = await callSpeech(ctx, party, call.confirm, {
        text: frame.text,
        isFinal: frame.is_final,
        speaker: isConsumerSpeech(frame.speaker) ? 'consumer' : 'agent',
        lang: frame.lang ?? call.lang,
      });
      if (heard.kind === 'ask') return 'ask';
      return heard.kind === 'opt_out' ? { outcome: heard.outcome, confirmed: heard.confirmed } : null;
    }
  }
}

export type { SignalContext };
