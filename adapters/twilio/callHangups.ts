/**
 * Ending a live Twilio call after the consumer said "stop": the gateway
 * updates the call itself, with TwiML that says the confirmation and hangs
 * up. The revocation is already committed when this is asked for; this only
 * keeps the promise made to the consumer that the call ends.
 *
 * Wire format (twilio-oai `twilio_api_v2010.json`, `UpdateCall`; twilio-node
 * `CallContextUpdateOptions`): `POST /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json`,
 * form-encoded, `Twiml` = new instructions run at once in place of the
 * current ones (or `Status=completed` to hang up without a word), Basic auth
 * with the account SID and auth token, or an API key SID and its secret.
 *
 * Twilio unreachable, slow, 5xx or 429: retried with doubling delays, a
 * bounded number of times, each failure counted
 * (`consent_gate_call_hangup_failures_total{outcome="retried"|"gave_up"}`)
 * and logged with the number masked. Any other refusal is final: a 404 means
 * the call is already over, a 401 that the credentials are wrong, and
 * repeating either changes nothing.
 */
import { maskPhone } from '../../src/domain/phone';
import type { Logger } from '../../src/observability/logger';
import type { Metrics } from '../../src/observability/metrics';
import { callApplication } from '../shared/appRelay';
import { serializeForm } from '../shared/form';
import { upstreamUrl, type UpstreamTarget } from '../shared/forward';

export interface TwilioCredentials {
  /** An API key SID (SK…), or empty: then the call's own account SID is the username. */
  apiKey?: string;
  /** The API key's secret, or the auth token. */
  secret: string;
}

export interface HangupRequest {
  accountSid: string;
  callSid: string;
  /** What the consumer hears before the line drops. */
  twiml: string;
  /** The consumer's number, for the log (masked there). */
  phone: string;
}

/** Waits before the 2nd, 3rd… attempt: five attempts over about four seconds, inside any call's remaining life. */
export const HANGUP_RETRY_DELAYS_MS = [250, 500, 1000, 2000] as const;

/** A call resource is a few KB. */
const MAX_ANSWER_BYTES = 64 * 1024;

export class CallHangups {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly api: UpstreamTarget,
    private readonly credentials: TwilioCredentials | undefined,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    private readonly retryDelaysMs: readonly number[] = HANGUP_RETRY_DELAYS_MS,
  ) {}

  /** Starts ending the call now (the first request is sent before this returns to the event loop's next turn); retries run on their own. */
  end(request: HangupRequest): void {
    this.attempt(request, 0);
  }

  /** Stops retrying and waits for requests already sent (shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private attempt(request: HangupRequest, attempt: number): void {
    if (this.closed) return;
    const running = this.send(request).then((outcome) => {
      const who = { call_sid: request.callSid, phone: maskPhone(request.phone), attempt: attempt + 1 };
      if (outcome.ok) return void this.logger.info(who, 'twilio: call ended after a spoken opt-out');
      if (!outcome.retry) {
        this.metrics.callHangupFailures.inc({ carrier: 'twilio', outcome: 'gave_up' });
        return void this.logger.warn(
          { ...who, status: outcome.status, err: outcome.message },
          'twilio: Twilio refused to end the call after a spoken opt-out; not retried',
        );
      }
      const delay = this.retryDelaysMs[attempt];
      if (delay === undefined || this.closed) {
        this.metrics.callHangupFailures.inc({ carrier: 'twilio', outcome: 'gave_up' });
        return void this.logger.error({ ...who, err: outcome.message }, 'twilio: could NOT end the call after a spoken opt-out; the opt-out is recorded');
      }
      this.metrics.callHangupFailures.inc({ carrier: 'twilio', outcome: 'retried' });
      this.logger.warn({ ...who, err: outcome.message, retry_in_ms: delay }, 'twilio: ending the call after a spoken opt-out failed; retrying');
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.attempt(request, attempt + 1);
      }, delay);
      this.timers.add(timer);
    });
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running));
  }

  private async send(request: HangupRequest): Promise<{ ok: true } | { ok: false; retry: boolean; status?: number; message: string }> {
    if (!this.credentials) return { ok: false, retry: false, message: 'no Twilio credentials (TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET)' };
    const username = this.credentials.apiKey ?? request.accountSid;
    const url = upstreamUrl(
      this.api.base,
      `/2010-04-01/Accounts/${encodeURIComponent(request.accountSid)}/Calls/${encodeURIComponent(request.callSid)}.json`,
    ).toString();
    const answer = await callApplication(
      {
        url,
        method: 'POST',
        headers: {
          authorization: 'Basic ' + Buffer.from(`${username}:${this.credentials.secret}`).toString('base64'),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: serializeForm([['Twiml', request.twiml]]),
      },
      { timeoutMs: this.api.timeoutMs, maxBytes: MAX_ANSWER_BYTES, metrics: this.metrics, label: this.api.label },
    );
    if (answer.ok) return { ok: true };
    const retry = answer.reason !== 'http_error' || answer.status === undefined || answer.status >= 500 || answer.status === 429;
    return { ok: false, retry, status: answer.status, message: answer.message };
  }
}
