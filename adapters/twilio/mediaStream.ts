/**
 * One Twilio Media Stream passing through the gateway: Twilio's socket on
 * one side, the application's on the other, both already open (the upgrade
 * opens the application's first: `mediaUpgrade.ts`), so every frame is sent
 * on the moment it arrives — nothing is queued, reordered or rewritten, text
 * stays text. The application must not be able to tell the gateway is there.
 *
 * What Twilio sends (Twilio's "Media Streams - WebSocket Messages"): JSON
 * text frames with an `event`: `connected` ({"event":"connected",
 * "protocol":"Call","version":"1.0.0"}, first), `start` (once, with
 * `sequenceNumber` and `start.streamSid`, `start.accountSid`,
 * `start.callSid`, `start.tracks`, `start.customParameters`,
 * `start.mediaFormat`), `media` (`media.track`, `media.chunk`,
 * `media.timestamp`, `media.payload` = base64 audio), `dtmf` ("sent when a
 * DTMF digit is detected on the inbound track", bidirectional streams only:
 * `dtmf.track`, `dtmf.digit`), `mark` (a mark the application sent, echoed
 * once its audio has played) and `stop`. What the application may send back
 * on a bidirectional stream: `media` (audio to play), `mark`, `clear`.
 *
 * The one thing the gateway reads: a `dtmf` event with the opt-out digit.
 * It revokes for the party in the signed target (`dtmf_opt_out`, as the
 * disclosure's own "press 9" does), then ends the call through Twilio's
 * REST API as a spoken opt-out does (`callHangups.ts`: the confirmation,
 * then hang-up), using the account and call SIDs of the `start` event.
 * Frames keep flowing both ways until the call ends: Twilio sends `stop`
 * and closes the stream when its TwiML is replaced.
 */
import WebSocket from 'ws';
import { maskPhone } from '../../src/domain/phone';
import { dtmf, type OptOutOutcome, type Party, type SignalContext } from '../../src/gate/optOutSignals';
import type { Logger } from '../../src/observability/logger';
import { closeReason, DEFAULT_FLOW_LIMITS, sendableCloseCode, sendWithBackPressure } from '../shared/framePipe';
import type { CallHangups } from './callHangups';
import { optOutGoodbye } from './callTwiml';

export interface MediaStreamOptions {
  ctx: SignalContext;
  logger: Logger;
  hangups: CallHangups;
  /** Twilio's socket (accepted). */
  carrier: WebSocket;
  /** The application's socket (open). */
  app: WebSocket;
  party: Party;
  onClosed?: () => void;
}

/** Only a frame holding this can be a `dtmf` event: media payloads are base64 and never hold a quote, so audio is not parsed. */
const DTMF_MARK = Buffer.from('"dtmf"');

/** ws's error code for a frame over `maxPayload`; it has already closed that socket with 1009. */
const TOO_BIG = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

export class MediaStreamSession {
  private closed = false;
  private optedOut = false;
  private accountSid: string | undefined;
  private callSid: string | undefined;
  /** Opt-outs are handled one after another so two presses cannot race. */
  private inspecting: Promise<void> = Promise.resolve();

  constructor(private readonly o: MediaStreamOptions) {
    const { carrier, app } = o;
    carrier.on('message', (data, isBinary) => {
      sendWithBackPressure(carrier, app, data, isBinary, DEFAULT_FLOW_LIMITS);
      if (!isBinary) this.inspect(data);
    });
    app.on('message', (data, isBinary) => void sendWithBackPressure(app, carrier, data, isBinary, DEFAULT_FLOW_LIMITS));
    const onError = (side: string) => (err: Error & { code?: string }) => {
      if (err.code === TOO_BIG) return this.close(1009, `${side} frame too big`);
      o.logger.warn({ err: err.message }, `twilio media: ${side} socket error`);
      this.close(1011, `${side} socket error`);
    };
    carrier.on('error', onError('carrier'));
    app.on('error', onError('application'));
    carrier.on('close', (code, reason) => this.close(code, reason.toString()));
    app.on('close', (code, reason) => this.close(code, reason.toString()));
  }

  /** Closes both sides with the same code and reason (either side leaving, a frame too big, shutdown). */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    const c = sendableCloseCode(code);
    const r = closeReason(reason);
    for (const s of [this.o.carrier, this.o.app]) {
      if (s.readyState === WebSocket.OPEN) s.close(c, r);
      else if (s.readyState === WebSocket.CONNECTING) s.terminate();
    }
    this.o.onClosed?.();
  }

  /** Resolves once every opt-out so far has been handled (tests, shutdown). */
  settled(): Promise<void> {
    return this.inspecting;
  }

  private inspect(data: WebSocket.RawData): void {
    const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (buf.indexOf(DTMF_MARK) === -1 && buf.indexOf('"start"') === -1) return;
    let frame: { event?: unknown; start?: { accountSid?: unknown; callSid?: unknown }; dtmf?: { digit?: unknown } };
    try {
      frame = JSON.parse(buf.toString('utf8'));
    } catch {
      return; // Not ours to judge: relayed unchanged, the application decides.
    }
    if (typeof frame !== 'object' || frame === null) return;
    if (frame.event === 'start' && frame.start) {
      if (typeof frame.start.accountSid === 'string') this.accountSid = frame.start.accountSid;
      if (typeof frame.start.callSid === 'string') this.callSid = frame.start.callSid;
      return;
    }
    const digit = frame.event === 'dtmf' ? frame.dtmf?.digit : undefined;
    if (typeof digit !== 'string') return;
    this.inspecting = this.inspecting.then(() => this.onDigit(digit));
  }

  private async onDigit(digit: string): Promise<void> {
    if (this.optedOut) return;
    const { party, logger } = this.o;
    const who = { call_sid: this.callSid, phone: maskPhone(party.phone) };
    let outcome: OptOutOutcome | null | undefined;
    try {
      outcome = await dtmf(this.o.ctx, party, digit);
    } catch (err) {
      // Neither recorded nor queued: said loudly; the consumer is still told and the call still ends, as promised.
      logger.error({ ...who, err: (err as Error).message }, 'twilio media: DTMF opt-out could NOT be recorded; ending the call');
    }
    if (outcome === null) return;
    this.optedOut = true;
    if (outcome) logger.info({ ...who, queued: outcome.queued }, 'twilio media: DTMF opt-out; ending the call');
    if (!this.accountSid || !this.callSid) {
      return void logger.error(who, 'twilio media: DTMF opt-out before the stream said which call it is; the call cannot be ended by the gateway');
    }
    this.o.hangups.end({ accountSid: this.accountSid, callSid: this.callSid, phone: party.phone, twiml: optOutGoodbye(party.entity) });
  }
}
