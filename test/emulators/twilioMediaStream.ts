/**
 * Twilio's side of a Media Stream, for tests: opens the socket a call's
 * `<Stream url>` names (with `X-Twilio-Signature` over that URL, as Twilio
 * signs its websocket handshakes) and plays the messages Twilio sends, in
 * the shapes of Twilio's "Media Streams - WebSocket Messages": `connected`,
 * `start` (streamSid, accountSid, callSid, tracks, customParameters,
 * mediaFormat), `media` (track, chunk, timestamp, base64 payload), `dtmf`
 * (track, digit), `stop`. Every frame sent and received is kept as its exact
 * text, so a test can compare them byte for byte.
 */
import twilio from 'twilio';
import WebSocket from 'ws';
import { twilioSid } from './twilio';

export interface MediaStreamStart {
  accountSid: string;
  authToken: string;
  callSid: string;
  customParameters?: Record<string, string>;
  /** `<Connect><Stream>` is bidirectional (inbound only); `<Start><Stream>` may fork both tracks. */
  tracks?: string[];
  /** Sign the handshake with this instead (a forged one). */
  signature?: string;
}

export class TwilioMediaStream {
  readonly streamSid = twilioSid('MZ');
  /** Every frame sent to the socket, as sent. */
  readonly sent: string[] = [];
  /** Every frame received, as received. */
  readonly received: { data: Buffer; isBinary: boolean }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private sequence = 0;
  private chunk = 0;
  private readonly startedAt = Date.now();

  private constructor(
    readonly ws: WebSocket,
    private readonly start: MediaStreamStart,
  ) {
    this.closed = new Promise((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
    ws.on('message', (data, isBinary) => this.received.push({ data: Buffer.from(data as Buffer), isBinary }));
    ws.on('error', () => {}); // a close code is what the tests read
  }

  /** Opens the stream and sends `connected` and `start`, as Twilio does first. Rejects with the handshake's status when refused. */
  static async open(url: string, start: MediaStreamStart): Promise<TwilioMediaStream> {
    const signature = start.signature ?? twilio.getExpectedTwilioSignature(start.authToken, url, {});
    const ws = new WebSocket(url, { headers: { 'x-twilio-signature': signature }, maxPayload: 8 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`handshake refused: ${res.statusCode}`), { status: res.statusCode })));
      ws.once('error', reject);
    });
    const stream = new TwilioMediaStream(ws, start);
    stream.sendRaw(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
    stream.send({
      event: 'start',
      start: {
        accountSid: start.accountSid,
        streamSid: stream.streamSid,
        callSid: start.callSid,
        tracks: start.tracks ?? ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        customParameters: start.customParameters ?? {},
      },
    });
    return stream;
  }

  /** 20 ms of inbound audio (160 bytes of μ-law), base64 in a `media` message. */
  media(payload: Buffer, track = 'inbound'): void {
    this.chunk++;
    this.send({
      event: 'media',
      media: { track, chunk: String(this.chunk), timestamp: String(Date.now() - this.startedAt), payload: payload.toString('base64') },
    });
  }

  /** The consumer pressed a key. */
  dtmf(digit: string): void {
    this.send({ event: 'dtmf', dtmf: { track: 'inbound_track', digit } });
  }

  stop(): void {
    this.send({ event: 'stop', stop: { accountSid: this.start.accountSid, callSid: this.start.callSid } });
  }

  /** Any frame as is (an oversize one, say). */
  sendRaw(text: string): void {
    this.sent.push(text);
    this.ws.send(text);
  }

  private send(body: Record<string, unknown>): void {
    this.sequence++;
    this.sendRaw(JSON.stringify({ ...body, sequenceNumber: String(this.sequence), streamSid: this.streamSid }));
  }
}
