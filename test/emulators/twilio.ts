/**
 * A local Twilio REST API for tests, built from Twilio's published formats
 * (twilio-oai `twilio_api_v2010.json`: the Call and Message resources, the
 * v2010 list page, the error body). The gateway forwards to it
 * (TWILIO_API_BASE); nothing reaches the internet.
 *
 * It records every request it receives (method, path, headers, parsed form
 * body), answers Calls/Messages create with 201 and the resource, GET by
 * SID, POST update and list, checks Basic auth like Twilio, and can play
 * Twilio's part in a call: fetch the call's TwiML from its `Url` with a
 * signed webhook (`answer`), post a Gather's digits (`pressDigits`), and
 * run the real-time transcription a call's TwiML started
 * (`<Start><Transcription statusCallbackUrl track>`): `consumerSays` posts
 * the signed status callbacks Twilio would for words heard on a track.
 * Call updates (`Twiml`, `Url`, `Status`) are recorded in `callUpdates`;
 * `failCallUpdates` makes the next ones answer 503 (Twilio down).
 *
 * Transcription callback parameters, as Twilio's real-time transcription
 * sends them: AccountSid, CallSid, TranscriptionSid, Timestamp, SequenceId,
 * TranscriptionEvent (transcription-started | transcription-content |
 * transcription-stopped), and on content Track, Final, LanguageCode,
 * TranscriptionData = JSON {"transcript", "confidence"}.
 */
import { XMLParser } from 'fast-xml-parser';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import twilio from 'twilio';
import { closeServer, listenOnLoopback } from '../support/loopbackServer';

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  form: Record<string, string>;
  rawBody: string;
  /** performance.now() when the request reached the emulator (its headers; the bench times hang-ups by it). */
  receivedAt: number;
}

export interface TwilioEmulatorOptions {
  accountSid: string;
  authToken: string;
  /** Delay every answer (a slow upstream). */
  delayMs?: number;
  /** An API key (SK…) and its secret, accepted for the account as Twilio accepts them. */
  apiKey?: { sid: string; secret: string };
}

type Resource = Record<string, unknown>;

export const API_VERSION = '2010-04-01';

export function twilioSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

/** RFC 2822, as Twilio's v2010 API writes dates. */
function rfc2822(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

function twilioErrorBody(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

export class TwilioEmulator {
  readonly requests: RecordedRequest[] = [];
  readonly calls = new Map<string, Resource>();
  readonly messages = new Map<string, Resource>();
  /** The form each call was created with (Url, Twiml, Method…), by call SID. */
  readonly callParams = new Map<string, Record<string, string>>();
  private readonly statusSequences = new Map<string, number>();
  /** Every accepted update of a live call, in order. */
  readonly callUpdates: { sid: string; form: Record<string, string> }[] = [];
  /** Call updates still to be answered 503 (Twilio's API down). */
  failCallUpdates = 0;
  /** The TwiML each call ran last (as `answer` got it), by call SID. */
  readonly ranTwiml = new Map<string, string>();
  private readonly transcriptions = new Map<string, { sid: string; url: string; track: string; sequence: number }>();
  delayMs: number;
  private server!: Server;
  url = '';

  constructor(readonly options: TwilioEmulatorOptions) {
    this.delayMs = options.delayMs ?? 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** Requests whose path ends with the given suffix (e.g. `/Calls.json`). */
  received(method: string, pathSuffix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.endsWith(pathSuffix));
  }

  private base(): string {
    return `/${API_VERSION}/Accounts/${this.options.accountSid}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const [path, query = ''] = (req.url ?? '/').split('?');
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    this.requests.push({ method: req.method ?? 'GET', path, query, headers: req.headers, form, rawBody, receivedAt });
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (res.destroyed) return;

    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        'twilio-request-id': twilioSid('RQ'),
      });
      res.end(text);
    };
    const basic = (user: string, secret: string) => 'Basic ' + Buffer.from(`${user}:${secret}`).toString('base64');
    const accepted = [
      basic(this.options.accountSid, this.options.authToken),
      ...(this.options.apiKey ? [basic(this.options.apiKey.sid, this.options.apiKey.secret)] : []),
    ];
    if (!accepted.includes(req.headers.authorization ?? '')) return send(401, twilioErrorBody(401, 20003, 'Authenticate'));
    let m0: RegExpExecArray | null;

    // Another Twilio domain, reached as `<emulator>/<host>/…` (TWILIO_DOMAIN_UPSTREAM=<emulator>/{host}).
    if ((m0 = /^\/messaging\.twilio\.com\/v1\/Services$/.exec(path)) && req.method === 'GET') {
      const url = `https://messaging.twilio.com/v1/Services?PageSize=50&Page=0`;
      return send(200, {
        services: [],
        meta: { page: 0, page_size: 50, first_page_url: url, previous_page_url: null, url, next_page_url: null, key: 'services' },
      });
    }
    const base = this.base();
    if (!path.startsWith(base)) return send(404, twilioErrorBody(404, 20404, `The requested resource ${path} was not found`));
    const rest = path.slice(base.length);
    let m: RegExpExecArray | null;

    if (rest === '/Calls.json' && req.method === 'POST') return this.createCall(form, send);
    if (rest === '/Calls.json' && req.method === 'GET') return send(200, this.page('calls', [...this.calls.values()], rest, query));
    if ((m = /^\/Calls\/(CA[0-9a-f]{32})\.json$/.exec(rest))) return this.callBySid(m[1], req.method ?? 'GET', form, send);
    if (rest === '/Messages.json' && req.method === 'POST') return this.createMessage(form, send);
    if (rest === '/Messages.json' && req.method === 'GET') return send(200, this.page('messages', [...this.messages.values()], rest, query));
    if ((m = /^\/Messages\/(SM[0-9a-f]{32})\.json$/.exec(rest))) {
      const msg = this.messages.get(m[1]);
      return msg ? send(200, msg) : send(404, twilioErrorBody(404, 20404, `The requested resource ${path} was not found`));
    }
    // A large binary body, streamed in chunks: what a recording download looks like.
    if ((m = /^\/Recordings\/(RE[0-9a-f]{32})\.wav$/.exec(rest)) && req.method === 'GET') {
      const size = Number(new URLSearchParams(query).get('bytes') ?? 1024 * 1024);
      res.writeHead(200, { 'content-type': 'audio/x-wav', 'content-length': size });
      const chunk = Buffer.alloc(64 * 1024, 7);
      let left = size;
      const pump = () => {
        while (left > 0) {
          const n = Math.min(left, chunk.length);
          left -= n;
          if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    return send(404, twilioErrorBody(404, 20404, `The requested resource ${path} was not found`));
  }

  private createCall(form: Record<string, string>, send: (s: number, b: unknown) => void): void {
    if (!form.To) return send(400, twilioErrorBody(400, 21201, "No 'To' number is specified"));
    if (!form.From) return send(400, twilioErrorBody(400, 21213, "No 'From' number is specified"));
    if (!form.Url && !form.Twiml && !form.ApplicationSid) return send(400, twilioErrorBody(400, 21205, 'Url parameter is required'));
    if (form.Twiml && form.Twiml.length > 4000) return send(400, twilioErrorBody(400, 21232, 'Twiml parameter is too long'));
    const sid = twilioSid('CA');
    const now = rfc2822(new Date());
    const uri = `${this.base()}/Calls/${sid}.json`;
    const call: Resource = {
      sid,
      date_created: now,
      date_updated: now,
      parent_call_sid: null,
      account_sid: this.options.accountSid,
      to: form.To,
      to_formatted: form.To,
      from: form.From,
      from_formatted: form.From,
      phone_number_sid: twilioSid('PN'),
      status: 'queued',
      start_time: null,
      end_time: null,
      duration: null,
      price: null,
      price_unit: 'USD',
      direction: 'outbound-api',
      answered_by: null,
      api_version: API_VERSION,
      forwarded_from: null,
      group_sid: null,
      caller_name: null,
      queue_time: '0',
      trunk_sid: null,
      uri,
      subresource_uris: {
        notifications: uri.replace('.json', '/Notifications.json'),
        recordings: uri.replace('.json', '/Recordings.json'),
        payments: uri.replace('.json', '/Payments.json'),
        events: uri.replace('.json', '/Events.json'),
        siprec: uri.replace('.json', '/Siprec.json'),
        streams: uri.replace('.json', '/Streams.json'),
        transcriptions: uri.replace('.json', '/Transcriptions.json'),
        user_defined_message_subscriptions: uri.replace('.json', '/UserDefinedMessageSubscriptions.json'),
        user_defined_messages: uri.replace('.json', '/UserDefinedMessages.json'),
      },
    };
    this.calls.set(sid, call);
    this.callParams.set(sid, form);
    send(201, call);
  }

  private callBySid(sid: string, method: string, form: Record<string, string>, send: (s: number, b: unknown) => void): void {
    const call = this.calls.get(sid);
    if (!call) return send(404, twilioErrorBody(404, 20404, `The requested resource /Calls/${sid}.json was not found`));
    if (method === 'POST') {
      if (this.failCallUpdates > 0) {
        this.failCallUpdates--;
        return send(503, twilioErrorBody(503, 20503, 'Service Unavailable'));
      }
      this.callUpdates.push({ sid, form });
      if (form.Status) call.status = form.Status === 'completed' || form.Status === 'canceled' ? form.Status : call.status;
      // New instructions replace the call's current ones: a Url update drops the old Twiml and the other way round.
      if (form.Url || form.Twiml) {
        const kept = { ...this.callParams.get(sid) };
        for (const k of ['Url', 'Method', 'Twiml']) delete kept[k];
        this.callParams.set(sid, { ...kept, ...form });
      }
      call.date_updated = rfc2822(new Date());
    }
    send(200, call);
  }

  private createMessage(form: Record<string, string>, send: (s: number, b: unknown) => void): void {
    if (!form.To) return send(400, twilioErrorBody(400, 21604, "A 'To' phone number is required."));
    if (!form.From && !form.MessagingServiceSid) return send(400, twilioErrorBody(400, 21603, "A 'From' phone number is required."));
    if (!form.Body && !form.MediaUrl && !form.ContentSid) return send(400, twilioErrorBody(400, 21602, 'Message body is required.'));
    const sid = twilioSid('SM');
    const now = rfc2822(new Date());
    const msg: Resource = {
      body: form.Body ?? '',
      num_segments: String(Math.max(1, Math.ceil((form.Body ?? '').length / 160))),
      direction: 'outbound-api',
      from: form.From ?? null,
      to: form.To,
      date_updated: now,
      price: null,
      error_message: null,
      uri: `${this.base()}/Messages/${sid}.json`,
      account_sid: this.options.accountSid,
      num_media: form.MediaUrl ? '1' : '0',
      // Twilio answers `accepted` when a Messaging Service will pick the sender.
      status: form.MessagingServiceSid ? 'accepted' : 'queued',
      messaging_service_sid: form.MessagingServiceSid ?? null,
      sid,
      date_sent: null,
      date_created: now,
      error_code: null,
      price_unit: 'USD',
      api_version: API_VERSION,
      subresource_uris: { media: `${this.base()}/Messages/${sid}/Media.json`, feedback: `${this.base()}/Messages/${sid}/Feedback.json` },
    };
    this.messages.set(sid, msg);
    send(201, msg);
  }

  private page(key: string, items: Resource[], rest: string, query: string) {
    const q = new URLSearchParams(query);
    const pageSize = Number(q.get('PageSize') ?? 50);
    const uri = `${this.base()}${rest}?PageSize=${pageSize}&Page=0`;
    return {
      [key]: items.slice(0, pageSize),
      end: Math.max(0, Math.min(items.length, pageSize) - 1),
      first_page_uri: uri,
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri,
    };
  }

  /** The webhook parameters Twilio sends for an outbound call (a subset of them, with their real names). */
  callWebhookParams(sid: string, extra: Record<string, string> = {}): Record<string, string> {
    const call = this.calls.get(sid);
    if (!call) throw new Error(`no call ${sid}`);
    return {
      AccountSid: this.options.accountSid,
      ApiVersion: API_VERSION,
      CallSid: sid,
      CallStatus: 'in-progress',
      Called: String(call.to),
      Caller: String(call.from),
      Direction: 'outbound-api',
      From: String(call.from),
      To: String(call.to),
      ...extra,
    };
  }

  /** Twilio's part when a call is answered: inline Twiml as given, or a signed webhook to `Url`. */
  async answer(sid: string): Promise<string> {
    const form = this.callParams.get(sid);
    if (!form) throw new Error(`no call ${sid}`);
    const twiml = form.Twiml ?? (await this.webhook(form.Url, this.callWebhookParams(sid), form.Method ?? 'POST'));
    this.ranTwiml.set(sid, twiml);
    this.startTranscription(sid, twiml);
    return twiml;
  }

  /** `<Start><Transcription>` in the document the call ran: Twilio forks the audio and posts `transcription-started`. */
  private startTranscription(sid: string, twiml: string): void {
    const start = transcriptionIn(twiml);
    if (!start || this.transcriptions.has(sid)) return;
    this.transcriptions.set(sid, { sid: twilioSid('GT'), url: start.statusCallbackUrl, track: start.track ?? 'both_tracks', sequence: 0 });
  }

  /** The transcription a call's TwiML started, if any. */
  transcriptionOf(sid: string): { url: string; track: string } | undefined {
    return this.transcriptions.get(sid);
  }

  /** One status callback of the call's transcription, signed like Twilio's; answers the gateway's status and body. */
  async transcriptionEvent(
    sid: string,
    event: string,
    extra: Record<string, string> = {},
  ): Promise<{ status: number; body: string; params: Record<string, string> }> {
    const tr = this.transcriptions.get(sid);
    if (!tr) throw new Error(`call ${sid} runs no <Transcription>`);
    tr.sequence++;
    const params = {
      AccountSid: this.options.accountSid,
      CallSid: sid,
      TranscriptionSid: tr.sid,
      Timestamp: new Date().toISOString(),
      SequenceId: String(tr.sequence),
      TranscriptionEvent: event,
      ...extra,
    };
    const res = await this.post(tr.url, params);
    return { ...res, params };
  }

  /**
   * The consumer (inbound track) or the agent (outbound track) said `words`:
   * the final transcription-content event, when the transcription hears that track.
   */
  async consumerSays(sid: string, words: string, options: { track?: 'inbound_track' | 'outbound_track'; final?: boolean } = {}) {
    const track = options.track ?? 'inbound_track';
    const tr = this.transcriptions.get(sid);
    if (!tr) throw new Error(`call ${sid} runs no <Transcription>`);
    if (tr.track !== 'both_tracks' && tr.track !== track) throw new Error(`the transcription hears ${tr.track}, not ${track}`);
    return this.transcriptionEvent(sid, 'transcription-content', {
      LanguageCode: 'en-US',
      Track: track,
      TranscriptionData: JSON.stringify({ transcript: words, confidence: 0.93 }),
      Final: String(options.final ?? true),
    });
  }

  /** A signed POST, whatever the answer (`webhook` throws on a non-2xx). */
  async post(url: string, params: Record<string, string>): Promise<{ status: number; body: string }> {
    const signature = twilio.getExpectedTwilioSignature(this.options.authToken, url, params);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'x-twilio-signature': signature, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TwilioProxy/1.1' },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, body: await res.text() };
  }

  /**
   * One call progress event posted to the call's `StatusCallback`, signed like Twilio's: `CallStatus`,
   * a `SequenceNumber` counting the call's callbacks from 0, and `Timestamp` (RFC 2822); `extra`
   * overrides (a redelivery repeats its sequence number).
   */
  async statusCallback(sid: string, callStatus: string, extra: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    const url = this.callParams.get(sid)?.StatusCallback;
    if (!url) throw new Error(`call ${sid} has no StatusCallback`);
    const sequence = (this.statusSequences.get(sid) ?? -1) + 1;
    this.statusSequences.set(sid, sequence);
    const params = {
      CallStatus: callStatus,
      SequenceNumber: String(sequence),
      Timestamp: new Date().toUTCString(),
      CallbackSource: 'call-progress-events',
      ...extra,
    };
    return this.post(url, this.callWebhookParams(sid, params));
  }

  /** Twilio posting a Gather's digits to its action URL. */
  async pressDigits(sid: string, actionUrl: string, digits: string): Promise<string> {
    return this.webhook(actionUrl, this.callWebhookParams(sid, { Digits: digits, FinishedOnKey: '' }), 'POST');
  }

  /** A webhook exactly as Twilio signs it: HMAC-SHA1 of the URL and the sorted POST parameters. */
  async webhook(url: string, params: Record<string, string>, method = 'POST'): Promise<string> {
    let target = url;
    let body: string | undefined;
    let signed: Record<string, string> = params;
    if (method.toUpperCase() === 'GET') {
      target += (url.includes('?') ? '&' : '?') + new URLSearchParams(params).toString();
      signed = {};
    } else {
      body = new URLSearchParams(params).toString();
    }
    const signature = twilio.getExpectedTwilioSignature(this.options.authToken, target, signed);
    const res = await fetch(target, {
      method: method.toUpperCase(),
      headers: { 'x-twilio-signature': signature, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), 'user-agent': 'TwilioProxy/1.1' },
      body,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`webhook ${url} answered ${res.status}: ${text}`);
    return text;
  }
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'Start' || name === 'Transcription' });

/** The first `<Start><Transcription>` of a document (Twilio runs the first one it meets). */
export function transcriptionIn(twiml: string): { statusCallbackUrl: string; track?: string } | undefined {
  const response = (xml.parse(twiml) as { Response?: { Start?: { Transcription?: Record<string, string>[] }[] } }).Response;
  for (const start of response?.Start ?? []) {
    const t = start.Transcription?.[0];
    if (t?.statusCallbackUrl) return { statusCallbackUrl: t.statusCallbackUrl, track: t.track };
  }
  return undefined;
}
