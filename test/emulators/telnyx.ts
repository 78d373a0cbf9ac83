/**
 * A local Telnyx v2 API for tests, built from Telnyx's published formats
 * (the Call Control dial answer `data: {call_control_id, call_leg_id,
 * call_session_id, is_alive, record_type: 'call'}`, the outbound message
 * resource, the `{"errors":[{code, title, detail}]}` error body, 90018 for a
 * command on a call that has hung up). The gateway forwards to it
 * (TELNYX_API_BASE); nothing reaches the internet.
 *
 * It records every request, checks the Bearer key like Telnyx, and plays
 * Telnyx's part in a call: it sends the call's webhooks (`call.answered`,
 * `call.dtmf.received`, `call.transcription`, …) to the call's `webhook_url`
 * (or the connection's), signed as Telnyx signs them — ed25519 over
 * `timestamp|body` with its own key pair, whose public key (base64 of the raw
 * 32 bytes, as Mission Control shows it) is `publicKeyBase64`.
 *
 * The Call Control actions it checks are read as telnyx-node types them
 * (`src/resources/calls/actions.ts`): `speak` needs `payload` and `voice`;
 * `transcription_start` takes `transcription_tracks` `inbound` | `outbound` |
 * `both`; `streaming_start` needs a websocket `stream_url`, its
 * `stream_track` one of `inbound_track` | `outbound_track` | `both_tracks`;
 * `ai_assistant_start` needs `assistant.id`. `call.speak.ended` carries
 * `status` `completed` | `call_hangup` | `cancelled_amd`.
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TelnyxRecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** The JSON body, or the form body as an object, or undefined. */
  body: Record<string, unknown> | undefined;
}

export interface EmulatedCall {
  call_control_id: string;
  call_leg_id: string;
  call_session_id: string;
  connection_id: string;
  from: string;
  to: string;
  webhook_url: string | undefined;
  webhook_urls: Record<string, string[]> | undefined;
  client_state: string | undefined;
  /** The dial's body as Telnyx received it. */
  dial: Record<string, unknown>;
  alive: boolean;
  /** Commands received, in order, after command_id de-duplication. */
  commands: { action: string; body: Record<string, unknown> }[];
  commandIds: Set<string>;
}

export interface SignedDelivery {
  url: string;
  status: number;
  body: string;
}

export interface TelnyxEmulatorOptions {
  apiKey: string;
  /** The time webhooks are signed with (the gateway checks it against its own clock). Default: now. */
  now?: () => Date;
  delayMs?: number;
}

function telnyxError(status: number, code: string, title: string, detail: string) {
  return { status, body: { errors: [{ code, title, detail, meta: { url: `https://developers.telnyx.com/docs/overview/errors/${code}` } }] } };
}

/** Why Telnyx would refuse this action's body, or undefined. */
function actionProblem(action: string, b: Record<string, unknown>): { status: number; body: unknown } | undefined {
  const missing = (detail: string) => telnyxError(422, '10004', 'Missing required parameter', detail);
  const invalid = (detail: string) => telnyxError(422, '10015', 'Invalid parameter', detail);
  switch (action) {
    case 'speak':
      return typeof b.payload !== 'string' || typeof b.voice !== 'string' ? missing("The 'payload' and 'voice' parameters are required.") : undefined;
    case 'transcription_start':
      return b.transcription_tracks !== undefined && !['inbound', 'outbound', 'both'].includes(String(b.transcription_tracks))
        ? invalid("'transcription_tracks' must be one of inbound, outbound, both.")
        : undefined;
    case 'streaming_start':
      if (typeof b.stream_url !== 'string') return missing("The 'stream_url' parameter is required.");
      if (!/^wss?:\/\//.test(b.stream_url)) return invalid("'stream_url' must be a websocket URL.");
      return b.stream_track !== undefined && !['inbound_track', 'outbound_track', 'both_tracks'].includes(String(b.stream_track))
        ? invalid("'stream_track' must be one of inbound_track, outbound_track, both_tracks.")
        : undefined;
    case 'ai_assistant_start': {
      const assistant = b.assistant as { id?: unknown } | undefined;
      return typeof assistant?.id !== 'string' ? missing("The 'assistant.id' parameter is required.") : undefined;
    }
    default:
      return undefined;
  }
}

export class TelnyxEmulator {
  readonly requests: TelnyxRecordedRequest[] = [];
  readonly calls = new Map<string, EmulatedCall>();
  readonly messages: Record<string, unknown>[] = [];
  /** The connection-level webhook URL (Mission Control), used when a call names none. */
  webhookUrl: string | undefined;
  /** Where inbound texts are delivered (the messaging profile's webhook URL). */
  messagingWebhookUrl: string | undefined;
  delayMs: number;
  /** Rewrites where a call's webhook goes (a load balancer sending it to another gateway instance). */
  redirect: ((url: string) => string) | undefined;
  /** Call Control actions answered with a 500 (a Telnyx outage), for failure tests. */
  readonly failActions = new Set<string>();
  readonly publicKeyBase64: string;
  private readonly privateKey: KeyObject;
  private server!: Server;
  url = '';

  constructor(readonly options: TelnyxEmulatorOptions) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    // The last 32 bytes of the SPKI DER are the raw key.
    this.publicKeyBase64 = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
    this.delayMs = options.delayMs ?? 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res)).listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }

  received(method: string, path: string): TelnyxRecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  /** Commands sent to a call, `action` only (`speak`, `hangup`…), in order. */
  commands(callControlId: string): { action: string; body: Record<string, unknown> }[] {
    return this.calls.get(callControlId)?.commands ?? [];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const [path, query = ''] = (req.url ?? '/').split('?');
    let body: Record<string, unknown> | undefined;
    if (/json/.test(req.headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
    } else if (/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) {
      body = Object.fromEntries(new URLSearchParams(rawBody));
    }
    this.requests.push({ method: req.method ?? 'GET', path, query, headers: req.headers, rawBody, body });
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (res.destroyed) return;
    const send = (status: number, payload: unknown) => {
      const text = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': randomUUID() });
      res.end(text);
    };
    const fail = (e: { status: number; body: unknown }) => send(e.status, e.body);
    if (req.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return fail(
        telnyxError(401, '10009', 'Authentication failed', 'The required authentication headers were either invalid or not included in the request.'),
      );
    }
    const b = body ?? {};
    let m: RegExpExecArray | null;
    if (req.method === 'POST' && path === '/v2/calls') return this.dial(b, send, fail);
    if (req.method === 'POST' && (m = /^\/v2\/calls\/([^/]+)\/actions\/([a-z_]+)$/.exec(path)))
      return this.command(decodeURIComponent(m[1]), m[2], b, send, fail);
    if (req.method === 'POST' && /^\/v2\/messages(\/[a-z_]+)?$/.test(path)) return this.message(path, b, send, fail);
    if (req.method === 'POST' && /^\/v2\/texml\/(Accounts\/[^/]+\/Calls|calls\/[^/]+)$/.test(path)) return this.texmlCall(b, send, fail);
    if (req.method === 'GET' && path === '/v2/balance') {
      return send(200, { data: { record_type: 'balance', balance: '300.00', credit_limit: '100.00', available_credit: '400.00', currency: 'USD' } });
    }
    fail(telnyxError(404, '10005', 'Resource not found', 'The requested resource or URL could not be found.'));
  }

  private dial(b: Record<string, unknown>, send: (s: number, p: unknown) => void, fail: (e: { status: number; body: unknown }) => void): void {
    if (!b.connection_id) return fail(telnyxError(422, '10004', 'Missing required parameter', "The 'connection_id' parameter is required."));
    if (!b.to) return fail(telnyxError(422, '10004', 'Missing required parameter', "The 'to' parameter is required."));
    if (!b.from) return fail(telnyxError(422, '10004', 'Missing required parameter', "The 'from' parameter is required."));
    const call: EmulatedCall = {
      call_control_id: `v3:${randomUUID().replace(/-/g, '')}`,
      call_leg_id: randomUUID(),
      call_session_id: randomUUID(),
      connection_id: String(b.connection_id),
      from: String(b.from),
      to: Array.isArray(b.to) ? String(b.to[0]) : String(b.to),
      webhook_url: typeof b.webhook_url === 'string' ? b.webhook_url : undefined,
      webhook_urls: b.webhook_urls as Record<string, string[]> | undefined,
      client_state: typeof b.client_state === 'string' ? b.client_state : undefined,
      dial: b,
      alive: true,
      commands: [],
      commandIds: new Set(),
    };
    this.calls.set(call.call_control_id, call);
    send(200, {
      data: {
        call_control_id: call.call_control_id,
        call_leg_id: call.call_leg_id,
        call_session_id: call.call_session_id,
        is_alive: false,
        record_type: 'call',
        ...(call.client_state ? { client_state: call.client_state } : {}),
      },
    });
  }

  private command(
    id: string,
    action: string,
    b: Record<string, unknown>,
    send: (s: number, p: unknown) => void,
    fail: (e: { status: number; body: unknown }) => void,
  ): void {
    const call = this.calls.get(id);
    if (!call) return fail(telnyxError(404, '10005', 'Resource not found', 'The requested resource or URL could not be found.'));
    if (!call.alive) return fail(telnyxError(422, '90018', 'Call has already ended', "This call is no longer active and can't receive commands."));
    if (this.failActions.has(action)) return fail(telnyxError(500, '10007', 'Unexpected error', 'An unexpected error occured.'));
    const invalid = actionProblem(action, b);
    if (invalid) return fail(invalid);
    // Telnyx ignores a command whose command_id it has already seen on this call.
    const commandId = typeof b.command_id === 'string' ? b.command_id : undefined;
    if (!commandId || !call.commandIds.has(commandId)) {
      if (commandId) call.commandIds.add(commandId);
      call.commands.push({ action, body: b });
      if (action === 'hangup') call.alive = false;
    }
    send(200, { data: { result: 'ok' } });
  }

  private message(path: string, b: Record<string, unknown>, send: (s: number, p: unknown) => void, fail: (e: { status: number; body: unknown }) => void): void {
    if (!b.to) return fail(telnyxError(422, '10004', 'Missing required parameter', "The 'to' parameter is required."));
    const tos = Array.isArray(b.to) ? b.to.map(String) : [String(b.to)];
    const now = new Date().toISOString();
    const message = {
      record_type: 'message',
      direction: 'outbound',
      id: randomUUID(),
      type: Array.isArray(b.media_urls) && b.media_urls.length ? 'MMS' : 'SMS',
      messaging_profile_id: b.messaging_profile_id ?? null,
      organization_id: randomUUID(),
      from: { phone_number: b.from ?? null, carrier: 'Telnyx', line_type: 'Wireless' },
      to: tos.map((phone_number) => ({
        phone_number,
        status: path.endsWith('/schedule') ? 'scheduled' : 'queued',
        carrier: 'T-MOBILE USA, INC.',
        line_type: 'Wireless',
      })),
      text: b.text ?? '',
      subject: b.subject ?? null,
      media: [],
      webhook_url: b.webhook_url ?? null,
      webhook_failover_url: b.webhook_failover_url ?? null,
      encoding: 'GSM-7',
      parts: 1,
      tags: [],
      cost: null,
      received_at: now,
      sent_at: null,
      completed_at: null,
      valid_until: null,
      errors: [],
    };
    this.messages.push(message);
    send(200, { data: message });
  }

  private texmlCall(b: Record<string, unknown>, send: (s: number, p: unknown) => void, fail: (e: { status: number; body: unknown }) => void): void {
    if (!b.To || !b.From) return fail(telnyxError(422, '10004', 'Missing required parameter', 'To and From are required.'));
    send(200, { from: b.From, to: b.To, status: 'queued', call_sid: `v3:${randomUUID().replace(/-/g, '')}` });
  }

  /** Sign a body as Telnyx does: ed25519 over `timestamp|body`, both headers. */
  signatureHeaders(body: string, at: Date = this.options.now?.() ?? new Date()): Record<string, string> {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const signature = sign(null, Buffer.from(`${timestamp}|${body}`, 'utf8'), this.privateKey).toString('base64');
    return { 'telnyx-signature-ed25519': signature, 'telnyx-timestamp': timestamp };
  }

  /** The envelope Telnyx posts: `{data: {event_type, id, occurred_at, payload, record_type}, meta}`. */
  envelope(eventType: string, payload: Record<string, unknown>, deliveredTo: string, id: string = randomUUID()): string {
    const at = (this.options.now?.() ?? new Date()).toISOString();
    return JSON.stringify({
      data: { event_type: eventType, id, occurred_at: at, payload, record_type: 'event' },
      meta: { attempt: 1, delivered_to: deliveredTo },
    });
  }

  /** POST a body to a URL with Telnyx's headers (signed unless told otherwise). */
  async deliver(url: string, body: string, headers: Record<string, string> = this.signatureHeaders(body)): Promise<SignedDelivery> {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'telnyx-webhooks', ...headers }, body });
    return { url, status: res.status, body: await res.text() };
  }

  private callPayload(call: EmulatedCall, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      call_control_id: call.call_control_id,
      call_leg_id: call.call_leg_id,
      call_session_id: call.call_session_id,
      client_state: call.client_state ?? null,
      connection_id: call.connection_id,
      from: call.from,
      to: call.to,
      ...extra,
    };
  }

  /** Where Telnyx sends one of this call's events: `webhook_urls[event]`, else `webhook_url`, else the connection's. */
  private targetsFor(call: EmulatedCall, eventType: string): string[] {
    const mapped = call.webhook_urls?.[eventType];
    const via = this.redirect ?? ((u: string) => u);
    if (mapped?.length) return mapped.map(via);
    const url = call.webhook_url ?? this.webhookUrl;
    if (!url) throw new Error(`no webhook URL for call ${call.call_control_id}`);
    return [via(url)];
  }

  /** Send one call event to wherever the call's webhooks go; the answers of each delivery. */
  async callEvent(callControlId: string, eventType: string, extra: Record<string, unknown> = {}, id?: string): Promise<SignedDelivery[]> {
    const call = this.calls.get(callControlId);
    if (!call) throw new Error(`no call ${callControlId}`);
    const out: SignedDelivery[] = [];
    for (const url of this.targetsFor(call, eventType)) out.push(await this.deliver(url, this.envelope(eventType, this.callPayload(call, extra), url, id)));
    return out;
  }

  answer(callControlId: string): Promise<SignedDelivery[]> {
    return this.callEvent(callControlId, 'call.answered', { state: 'answered', start_time: (this.options.now?.() ?? new Date()).toISOString() });
  }

  pressDigit(callControlId: string, digit: string): Promise<SignedDelivery[]> {
    return this.callEvent(callControlId, 'call.dtmf.received', { digit });
  }

  gatherEnded(callControlId: string, digits: string): Promise<SignedDelivery[]> {
    return this.callEvent(callControlId, 'call.gather.ended', { digits, status: 'valid' });
  }

  transcribe(callControlId: string, transcript: string, options: { isFinal?: boolean; track?: 'inbound' | 'outbound' } = {}): Promise<SignedDelivery[]> {
    return this.callEvent(callControlId, 'call.transcription', {
      transcription_data: { transcript, is_final: options.isFinal ?? true, confidence: 0.97, ...(options.track ? { transcription_track: options.track } : {}) },
    });
  }

  speakStarted(callControlId: string): Promise<SignedDelivery[]> {
    return this.callEvent(callControlId, 'call.speak.started', {});
  }

  speakEnded(callControlId: string, status: 'completed' | 'call_hangup' | 'cancelled_amd' = 'completed'): Promise<SignedDelivery[]> {
    return this.callEvent(callControlId, 'call.speak.ended', { status });
  }

  /** The far end hangs up: the call is over, later commands get 90018. */
  async hangUp(callControlId: string): Promise<SignedDelivery[]> {
    const call = this.calls.get(callControlId);
    if (call) call.alive = false;
    return this.callEvent(callControlId, 'call.hangup', { hangup_cause: 'normal_clearing', hangup_source: 'callee', sip_hangup_cause: '200' });
  }

  /** Telnyx fetching a TeXML document (or posting a Gather's digits): a signed form POST; the answer's status and XML. */
  async texmlRequest(url: string, params: Record<string, string>): Promise<SignedDelivery> {
    const body = new URLSearchParams(params).toString();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TelnyxTeXML', ...this.signatureHeaders(body) },
      body,
    });
    return { url, status: res.status, body: await res.text() };
  }

  /** A consumer's text to one of our numbers, delivered to the messaging profile's webhook URL. */
  inboundText(from: string, to: string, text: string, messagingProfileId?: string): Promise<SignedDelivery> {
    const url = this.messagingWebhookUrl ?? this.webhookUrl;
    if (!url) throw new Error('no messaging webhook URL');
    const payload = {
      record_type: 'message',
      direction: 'inbound',
      id: randomUUID(),
      type: 'SMS',
      messaging_profile_id: messagingProfileId ?? null,
      from: { phone_number: from, carrier: 'T-Mobile USA', line_type: 'Wireless' },
      to: [{ phone_number: to, status: 'webhook_delivered', carrier: 'Telnyx', line_type: 'Wireless' }],
      text,
      media: [],
      encoding: 'GSM-7',
      parts: 1,
      received_at: (this.options.now?.() ?? new Date()).toISOString(),
    };
    return this.deliver(url, this.envelope('message.received', payload, url));
  }
}
