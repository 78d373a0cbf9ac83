/**
 * A local Twilio Lookup v2 for tests, built from Twilio's published format
 * (twilio-oai `spec/json/twilio_lookups_v2.json`: `GET /v2/PhoneNumbers/{PhoneNumber}`,
 * the `fetchReassignedNumberWith…` examples of its 200 answer, `ReassignedNumberInfo`;
 * the error body `{ code, message, more_info, status }` of every Twilio API).
 * The gateway asks it (TWILIO_LOOKUP_BASE); nothing reaches the internet.
 *
 * It checks Basic auth as Twilio does (the account SID and auth token, or an
 * API key and its secret: 401 with code 20003 otherwise), records every
 * request (path, query), and answers `reassigned_number` with what the
 * test set for the number (`answers`, default `no`): `yes`, `no`,
 * `no_data_available`, or an `error_code` of its own. `mode` switches the
 * whole emulator: `fail` answers 500 (Twilio's error body), `slow` answers
 * only after `slowMs`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../support/loopbackServer';

export type LookupAnswer = 'yes' | 'no' | 'no_data_available' | { error_code: string };

export interface LookupRequest {
  phone: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

export class TwilioLookupEmulator {
  readonly requests: LookupRequest[] = [];
  /** What `reassigned_number` says, by E.164 number; numbers not here answer `no`. */
  readonly answers = new Map<string, LookupAnswer>();
  mode: 'answer' | 'fail' | 'slow' = 'answer';
  slowMs = 8000;
  url = '';
  private server!: Server;

  constructor(readonly credentials: { user: string; secret: string }) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** The requests made about one number. */
  about(phone: string): LookupRequest[] {
    return this.requests.filter((r) => r.phone === phone);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for await (const _ of req) {
      // A GET has no body; read to the end all the same.
    }
    const url = new URL(req.url ?? '/', 'http://lookup.local');
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const m = /^\/v2\/PhoneNumbers\/([^/]+)$/.exec(url.pathname);
    if (req.method !== 'GET' || !m) return send(404, twilioError(20404, 'The requested resource was not found', 404));
    const phone = decodeURIComponent(m[1]);
    this.requests.push({ phone, query: url.searchParams, authorization: req.headers.authorization });
    const expected = 'Basic ' + Buffer.from(`${this.credentials.user}:${this.credentials.secret}`).toString('base64');
    if (req.headers.authorization !== expected) return send(401, twilioError(20003, 'Authenticate', 401));
    if (this.mode === 'slow') await new Promise((r) => setTimeout(r, this.slowMs));
    if (res.destroyed) return;
    if (this.mode === 'fail') return send(500, twilioError(20500, 'Internal Server Error', 500));
    const fields = url.searchParams.get('Fields') ?? '';
    const verified = url.searchParams.get('LastVerifiedDate') ?? '';
    const answer = this.answers.get(phone) ?? 'no';
    const reassigned = fields.split(',').includes('reassigned_number')
      ? {
          last_verified_date: /^\d{8}$/.test(verified) ? `${verified.slice(0, 4)}-${verified.slice(4, 6)}-${verified.slice(6)}` : null,
          is_number_reassigned: typeof answer === 'string' ? answer : null,
          error_code: typeof answer === 'string' ? null : answer.error_code,
        }
      : null;
    send(200, {
      calling_country_code: '1',
      country_code: 'US',
      phone_number: phone,
      national_format: `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`,
      valid: true,
      validation_errors: [],
      caller_name: null,
      sim_swap: null,
      call_forwarding: null,
      line_status: null,
      line_type_intelligence: null,
      identity_match: null,
      reassigned_number: reassigned,
      sms_pumping_risk: null,
      phone_number_quality_score: null,
      pre_fill: null,
      url: `https://lookups.twilio.com/v2/PhoneNumbers/${phone}`,
    });
  }
}

function twilioError(code: number, message: string, status: number) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}
