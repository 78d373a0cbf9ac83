/**
 * Twilio Lookup v2's Reassigned Number package as the gate's reassigned-number
 * provider (REASSIGNED_SOURCE=twilio).
 *
 * Wire format (twilio-oai `spec/json/twilio_lookups_v2.json`, operation on
 * `/v2/PhoneNumbers/{PhoneNumber}`, and twilio.com/docs/lookup/v2-api/reassigned-number):
 * - `GET https://lookups.twilio.com/v2/PhoneNumbers/{PhoneNumber}?Fields=reassigned_number&LastVerifiedDate=YYYYMMDD`;
 *   `LastVerifiedDate` is "the date you obtained consent to call or text the
 *   end-user of the phone number" — here the consent's `captured_at` day.
 * - Auth: HTTP Basic (`accountSid_authToken`): the account SID and its auth
 *   token, or an API key SID and its secret, as for the Calls API
 *   (callHangups.ts).
 * - The answer's `reassigned_number` object (schema `ReassignedNumberInfo`,
 *   every property a string): `last_verified_date` (echoed, `2019-09-24`),
 *   `is_number_reassigned` — `yes` ("reassigned to a new user"), `no` ("still
 *   belongs to the same person ... safe harbor ... within 24 hours") or
 *   `no_data_available` ("we do not have disconnect data for this phone
 *   number") — and `error_code` (null when the package answered).
 * Only US numbers are covered; the gate asks for no others.
 *
 * Anything else is no answer, and the gate applies REASSIGNED_ON_ERROR: a
 * transport failure, a time-out (LOOKUP_TIMEOUT_MS: a precall waits for
 * this), an HTTP error (401 credentials, 404, 429, 5xx: Twilio's error
 * body's `code` is kept in the message), an `error_code`, a missing
 * `reassigned_number` (the package not enabled on the account), or an
 * `is_number_reassigned` value not listed above.
 */
import type { Config } from '../../src/config';
import type { ReassignedResult } from '../../src/domain/reassigned/answers';
import type { ReassignedNumberLookup } from '../../src/gate/reassignedLookup';
import type { Metrics } from '../../src/observability/metrics';
import { callApplication } from '../shared/appRelay';
import { upstreamUrl } from '../shared/forward';

/** How long a decision waits for Lookup: bounded, a call is being placed. */
export const LOOKUP_TIMEOUT_MS = 1500;

/** A Lookup answer is about 1 KB. */
const MAX_ANSWER_BYTES = 64 * 1024;

const ANSWERS: Record<string, ReassignedResult> = { yes: 'yes', no: 'no', no_data_available: 'no_data' };

export interface LookupCredentials {
  /** The Basic username: an API key SID (SK…), or the account SID. */
  user: string;
  /** The API key's secret, or the account's auth token. */
  secret: string;
}

/** An API key with its secret when both are set, else the account SID with its auth token; none without either. */
export function lookupCredentials(config: Config): LookupCredentials | undefined {
  if (config.TWILIO_API_KEY && config.TWILIO_API_SECRET) return { user: config.TWILIO_API_KEY, secret: config.TWILIO_API_SECRET };
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) return { user: config.TWILIO_ACCOUNT_SID, secret: config.TWILIO_AUTH_TOKEN };
  return undefined;
}

function failure(message: string): Error {
  return new Error(`Twilio Lookup: ${message}`);
}

export class TwilioReassignedLookup implements ReassignedNumberLookup {
  readonly source = 'twilio_lookup' as const;

  constructor(
    private readonly base: string,
    private readonly credentials: LookupCredentials,
    private readonly metrics: Metrics,
    private readonly timeoutMs = LOOKUP_TIMEOUT_MS,
  ) {}

  async ask(phone: string, consentDate: string): Promise<ReassignedResult> {
    const query = `Fields=reassigned_number&LastVerifiedDate=${consentDate.replace(/-/g, '')}`;
    const url = upstreamUrl(this.base, `/v2/PhoneNumbers/${encodeURIComponent(phone)}?${query}`).toString();
    const answer = await callApplication(
      {
        url,
        method: 'GET',
        headers: {
          authorization: 'Basic ' + Buffer.from(`${this.credentials.user}:${this.credentials.secret}`).toString('base64'),
          accept: 'application/json',
        },
        body: '',
      },
      { timeoutMs: this.timeoutMs, maxBytes: MAX_ANSWER_BYTES, metrics: this.metrics, label: 'twilio_lookup' },
    );
    if (!answer.ok) {
      const code = answer.reason === 'http_error' ? twilioErrorCode(answer.body) : undefined;
      throw failure(`${answer.message}${code ? ` (Twilio error ${code})` : ''}`);
    }
    let body: { reassigned_number?: { is_number_reassigned?: unknown; error_code?: unknown } | null };
    try {
      body = JSON.parse(answer.body);
    } catch {
      throw failure('the answer is not JSON');
    }
    const info = body?.reassigned_number;
    if (!info || typeof info !== 'object') throw failure('the answer holds no reassigned_number (is the package enabled on the account?)');
    if (info.error_code !== null && info.error_code !== undefined) throw failure(`reassigned_number.error_code ${String(info.error_code)}`);
    const value = info.is_number_reassigned;
    const result = typeof value === 'string' && Object.hasOwn(ANSWERS, value) ? ANSWERS[value] : undefined;
    if (!result) throw failure(`unknown is_number_reassigned ${JSON.stringify(value)}`);
    return result;
  }
}

/** Twilio's error body is `{ code, message, more_info, status }`; the code says why. */
function twilioErrorCode(body: string | undefined): number | undefined {
  try {
    const code = (JSON.parse(body ?? '') as { code?: unknown }).code;
    return typeof code === 'number' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** The provider the configuration names, or none. */
export function reassignedLookupFromConfig(config: Config, metrics: Metrics): ReassignedNumberLookup | undefined {
  if (config.REASSIGNED_SOURCE !== 'twilio') return undefined;
  const credentials = lookupCredentials(config);
  // loadConfig refuses REASSIGNED_SOURCE=twilio without credentials; a config built otherwise gets no provider.
  return credentials ? new TwilioReassignedLookup(config.TWILIO_LOOKUP_BASE, credentials, metrics) : undefined;
}
