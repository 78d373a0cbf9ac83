/**
 * One ConversationRelay conversation passing through the gateway: the
 * carrier's socket on one side, the application's on the other, every frame
 * relayed unchanged both ways. Twilio and Telnyx speak the same frame format
 * (`setup`, `prompt`, `dtmf`, `interrupt` in; `text`, `end` … out), so this
 * is shared; each adapter only authenticates the upgrade and builds the
 * party.
 *
 * Inspected on the way through: a final `prompt` (`last: true`) as the
 * consumer's speech, a `dtmf` digit. On an opt-out the gateway revokes
 * (with the transcript), tells the application `{"type":"consent.opt_out"}`,
 * tells the consumer the confirmation (`text`, `last: true`) and ends the
 * session (`end`); nothing the application sends afterwards reaches the call.
 *
 * Speech that may be an opt-out ("I'm not interested") gets the confirm
 * question once per call (src/gate/confirmOptOut.ts): the consumer hears it
 * as a `text` frame, the application is told `{"type":"consent.confirm_opt_out"}`
 * so it does not take the answer for a reply to its own words, and a yes in
 * one of the next two final prompts revokes as above.
 */
import WebSocket from 'ws';
import { dtmf, optOutConfirmation, type OptOutOutcome, type Party, type SignalContext } from '../../src/gate/optOutSignals';
import { callSpeech, CONFIRM_OPT_OUT_QUESTION, OptOutConfirmStep } from '../../src/gate/confirmOptOut';
import type { Logger } from '../../src/observability/logger';
import { maskPhone } from '../../src/domain/phone';
import { closeReason, DEFAULT_FLOW_LIMITS, sendableCloseCode, sendWithBackPressure, type FlowLimits } from './framePipe';

export interface RelaySessionOptions {
  ctx: SignalContext;
  logger: Logger;
  /** The socket the carrier opened to us (already accepted). */
  carrier: WebSocket;
  /** Where the application listens (verified: it came from a gateway-signed token). */
  appUrl: string;
  /** Headers for the application's handshake (e.g. a re-signed carrier signature). */
  appHeaders?: Record<string, string>;
  /** Who is talking to whom; when unknown up front, taken from the `setup` frame. */
  party?: Party;
  /** For a party learnt from `setup`: the org and entity the call belongs to. */
  partyFromSetup?: (setup: SetupFrame) => Party | undefined;
  maxFrameBytes: number;
  connectTimeoutMs: number;
  flow?: FlowLimits;
  /** Frames that may wait for the application's socket to open. */
  maxQueuedFrames?: number;
  onClosed?: () => void;
}

export interface SetupFrame {
  type: 'setup';
  callSid?: string;
  from?: string;
  to?: string;
  direction?: string;
  [k: string]: unknown;
}

/** The `handoffData.reason` of the `end` the gateway sends on an opt-out; the carrier hands it back to the `<Connect>` action. */
export const OPT_OUT_HANDOFF_REASON = 'consent.opt_out';

/** Whether a `HandoffData` value is the gateway's own opt-out `end`. */
export function isOptOutHandoff(handoffData: string | undefined): boolean {
  if (!handoffData) return false;
  try {
    return (JSON.parse(handoffData) as { reason?: unknown })?.reason === OPT_OUT_HANDOFF_REASON;
  } catch {
    return false;
  }
}

/** How long the carrier gets to speak the confirmation and close after `end`. */
const END_GRACE_MS = 15_000;

type Frame = { type?: unknown; [k: string]: unknown };

export class ConversationRelaySession {
  readonly app: WebSocket;
  private party: Party | undefined;
  private callSid: string | undefined;
  private optedOut = false;
  private readonly confirm = new OptOutConfirmStep();
  private closed = false;
  private readonly queue: { data: WebSocket.RawData; isBinary: boolean }[] = [];
  private queuedBytes = 0;
  /** Inspections run one after another so two "stop"s cannot race each other. */
  private inspecting: Promise<void> = Promise.resolve();

  constructor(private readonly o: RelaySessionOptions) {
    this.party = o.party;
    this.app = new WebSocket(o.appUrl, { headers: o.appHeaders, maxPayload: o.maxFrameBytes, handshakeTimeout: o.connectTimeoutMs });
    const { carrier, app } = this;
    const flow = o.flow ?? DEFAULT_FLOW_LIMITS;

    carrier.on('message', (data, isBinary) => {
      if (app.readyState === WebSocket.CONNECTING) {
        // Bounded in frames and bytes: a carrier talking to an application that never answers cannot fill our memory.
        this.queuedBytes += rawLength(data);
        if (this.queue.length >= (o.maxQueuedFrames ?? 256) || this.queuedBytes > (o.flow ?? DEFAULT_FLOW_LIMITS).highWaterBytes) {
          return this.close(1013, 'application not ready');
        }
        this.queue.push({ data, isBinary });
      } else {
        sendWithBackPressure(carrier, app, data, isBinary, flow);
      }
      if (!isBinary) this.inspect(data);
    });
    app.on('open', () => {
      for (const f of this.queue.splice(0)) sendWithBackPressure(carrier, app, f.data, f.isBinary, flow);
      this.queuedBytes = 0;
      if (this.optedOut) app.close(1000, 'consent opt-out');
    });
    app.on('message', (data, isBinary) => {
      // After an opt-out the application no longer speaks to the consumer.
      if (!this.optedOut) sendWithBackPressure(app, carrier, data, isBinary, flow);
    });
    app.on('unexpected-response', (_req, res) => {
      o.logger.warn({ status: res.statusCode }, 'conversation relay: application refused the websocket');
      this.close(1011, 'application refused the connection');
    });
    app.on('error', (err) => {
      o.logger.warn({ err: err.message }, 'conversation relay: application socket error');
      this.close(1011, 'application unreachable');
    });
    carrier.on('error', (err) => {
      o.logger.warn({ err: err.message }, 'conversation relay: carrier socket error');
      this.close(1011, 'carrier socket error');
    });
    carrier.on('close', (code, reason) => this.close(code, reason.toString()));
    app.on('close', (code, reason) => {
      // After an opt-out the carrier still has the confirmation to speak; it ends its side itself.
      if (!this.optedOut) this.close(code, reason.toString());
    });
  }

  /** Closes both sides with a close frame and reason (gateway shutdown, errors, either side leaving). */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    const c = sendableCloseCode(code);
    const r = closeReason(reason);
    for (const s of [this.carrier, this.app]) {
      if (s.readyState === WebSocket.OPEN) s.close(c, r);
      else if (s.readyState === WebSocket.CONNECTING) s.terminate();
    }
    this.o.onClosed?.();
  }

  /** Resolves once every inspection so far has finished (tests, shutdown). */
  settled(): Promise<void> {
    return this.inspecting;
  }

  private get carrier(): WebSocket {
    return this.o.carrier;
  }

  private inspect(data: WebSocket.RawData): void {
    let frame: Frame;
    try {
      frame = JSON.parse(data.toString()) as Frame;
    } catch {
      return; // Not ours to judge: relayed unchanged, the application decides.
    }
    if (typeof frame !== 'object' || frame === null) return;
    if (frame.type === 'setup') return this.onSetup(frame as SetupFrame);
    const final = frame.type === 'prompt' && frame.last === true && typeof frame.voicePrompt === 'string';
    const digit = frame.type === 'dtmf' && typeof frame.digit === 'string';
    if (!final && !digit) return;
    this.inspecting = this.inspecting.then(async () => {
      const party = this.party;
      if (!party || this.optedOut) return;
      try {
        if (!final) {
          const outcome = await dtmf(this.o.ctx, party, frame.digit as string);
          if (outcome) this.onOptOut(party, outcome, 'dtmf_opt_out', undefined, false);
          return;
        }
        const lang = typeof frame.lang === 'string' ? frame.lang.split('-')[0] : undefined;
        const heard = await callSpeech(this.o.ctx, party, this.confirm, { text: frame.voicePrompt as string, isFinal: true, speaker: 'consumer', lang });
        if (heard.kind === 'ask') this.askToConfirm();
        else if (heard.kind === 'opt_out') this.onOptOut(party, heard.outcome, 'verbal_stop_during_call', heard.transcript, heard.confirmed);
      } catch (err) {
        // Neither recorded nor queued: say so loudly; the call goes on rather than pretending.
        this.o.logger.error({ err: (err as Error).message, call_sid: this.callSid }, 'conversation relay: opt-out could not be recorded');
      }
    });
  }

  private onSetup(setup: SetupFrame): void {
    this.callSid = typeof setup.callSid === 'string' ? setup.callSid : undefined;
    if (!this.party) this.party = this.o.partyFromSetup?.(setup);
  }

  /** The confirm question: spoken to the consumer, announced to the application. */
  private askToConfirm(): void {
    this.o.logger.info({ call_sid: this.callSid }, 'conversation relay: asked the consumer to confirm an opt-out');
    this.toApp({ type: 'consent.confirm_opt_out', call_sid: this.callSid ?? null, say: CONFIRM_OPT_OUT_QUESTION });
    if (this.carrier.readyState === WebSocket.OPEN) this.carrier.send(JSON.stringify({ type: 'text', token: CONFIRM_OPT_OUT_QUESTION, last: true }));
  }

  /** A frame of our own to the application; it may still be connecting (a "stop" in the first breath): then it waits in line. */
  private toApp(frame: Record<string, unknown>): void {
    if (this.app.readyState === WebSocket.OPEN) this.app.send(JSON.stringify(frame));
    else if (this.app.readyState === WebSocket.CONNECTING) this.queue.push({ data: Buffer.from(JSON.stringify(frame)), isBinary: false });
  }

  private onOptOut(party: Party, outcome: OptOutOutcome, trigger: string, transcript: string | undefined, confirmed: boolean): void {
    this.optedOut = true;
    this.o.logger.info({ call_sid: this.callSid, phone: maskPhone(party.phone), trigger, queued: outcome.queued }, 'conversation relay: opt-out');
    const notice = {
      type: 'consent.opt_out',
      trigger,
      call_sid: this.callSid ?? null,
      phone: party.phone,
      calling_entity: party.entity,
      revocation_id: outcome.revocation?.revocation_id ?? null,
      honor_by_date: outcome.revocation?.honor_by_date ?? null,
      queued: outcome.queued,
      ...(transcript !== undefined ? { transcript } : {}),
      ...(confirmed ? { confirmed: true } : {}),
    };
    this.toApp(notice);
    if (this.carrier.readyState === WebSocket.OPEN) {
      this.carrier.send(JSON.stringify({ type: 'text', token: optOutConfirmation(party.entity), last: true, interruptible: false }));
      this.carrier.send(JSON.stringify({ type: 'end', handoffData: JSON.stringify({ reason: OPT_OUT_HANDOFF_REASON, revocation_id: notice.revocation_id }) }));
    }
    // The carrier closes its side after `end`; the application has nothing left to say.
    if (this.app.readyState === WebSocket.OPEN) this.app.close(1000, 'consent opt-out');
    // A carrier that never hangs up its side is closed for it.
    setTimeout(() => this.close(1000, 'consent opt-out'), END_GRACE_MS).unref();
  }
}

function rawLength(data: WebSocket.RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}
