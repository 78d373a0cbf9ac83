/**
 * Telnyx's error dialect: `{"errors":[{code, title, detail, source?, meta?}]}`
 * with string codes, as every Telnyx v2 endpoint answers. The telnyx SDK
 * turns a non-2xx answer into an `APIError` subclass by status
 * (`PermissionDeniedError` for 403, `ConflictError` for 409, …) whose
 * `error` is this body and whose message is its JSON — so the reason and the
 * `decision_id` in `detail` and `meta` reach the user's log as they are.
 *
 * Retries: the SDK retries 408, 409, 429 and 5xx (twice by default) unless
 * the answer says `x-should-retry: false`. Every refusal here is final and
 * says so; a Telnyx 40300 is a 409, which the SDK would otherwise resend.
 * The one exception is `unavailable` (see below).
 *
 * Codes are Telnyx's own: 40300 is what Telnyx answers for a recipient who
 * texted STOP (HTTP 409, code-for-code, so existing handling keeps working);
 * 10010 ("Authorization failed": you may not perform this action) for any
 * other consent block; 10004, 10015, 10016, 10009, 10007, 10008 for a missing
 * parameter, a malformed request, a number not in E.164, no credentials, the
 * store or the carrier unreachable, and a carrier timeout.
 */
import { REASON_NOTES } from '../../src/domain/vocabulary';
import type { CarrierDialect, GatedKind, HttpAnswer } from '../shared/carrier';
import { failureSummary, type ForwardFailure } from '../shared/forward';
import type { BlockedAnswer } from '../../src/gate/answers';

export const TELNYX_ERRORS = {
  stopBlocked: { code: '40300', status: 409, title: 'Blocked due to STOP message' },
  blocked: { code: '10010', status: 403, title: 'Authorization failed' },
  missingParameter: { code: '10004', status: 422, title: 'Missing required parameter' },
  invalidNumber: { code: '10016', status: 422, title: 'Phone number must be in +E.164 format' },
  badRequest: { code: '10015', status: 400, title: 'Bad Request' },
  unprocessable: { code: '10015', status: 422, title: 'Bad Request' },
  unauthenticated: { code: '10009', status: 401, title: 'Authentication failed' },
  tooLarge: { code: '10015', status: 413, title: 'Bad Request' },
  unavailable: { code: '10007', status: 503, title: 'Unexpected error' },
  badGateway: { code: '10007', status: 502, title: 'Unexpected error' },
  gatewayTimeout: { code: '10008', status: 504, title: 'Request timeout' },
  /** Telnyx's answer to a Call Control command on a call that has hung up (HTTP 422). */
  callEnded: { code: '90018', status: 422, title: 'Call has already ended' },
} as const;

type ErrorSpec = { code: string; status: number; title: string };

export interface TelnyxErrorOptions {
  /** JSON pointer of the offending field (`/to`). */
  pointer?: string;
  meta?: Record<string, unknown>;
  /** A refusal is final; only a transient failure with nothing forwarded may be retried. */
  final?: boolean;
  headers?: Record<string, string>;
}

export function telnyxError(spec: ErrorSpec, detail: string, options: TelnyxErrorOptions = {}): HttpAnswer {
  const error: Record<string, unknown> = { code: spec.code, title: spec.title, detail };
  if (options.pointer) error.source = { pointer: options.pointer };
  error.meta = { url: `https://developers.telnyx.com/docs/overview/errors/${spec.code}`, ...options.meta };
  return {
    status: spec.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...((options.final ?? true) ? { 'x-should-retry': 'false' } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ errors: [error] }),
  };
}

/** The field a gate message names (`to`, `To`, `X-Consent-Entity`) as the JSON pointer Telnyx uses. */
function pointerOf(field: string | undefined): string | undefined {
  if (!field || field.startsWith('X-')) return undefined;
  return '/' + field;
}

export interface BlockedContext {
  from?: string;
  to?: string;
}

export function blockedAnswer(kind: GatedKind, decision: BlockedAnswer, where: BlockedContext = {}): HttpAnswer {
  const reason = decision.reason;
  const meta = { reason, decision_id: decision.decision_id, decision };
  if (kind === 'message' && reason === 'consumer_revoked') {
    // Telnyx's own words for a block rule, so code written for Telnyx's STOP handling keeps working.
    return telnyxError(
      TELNYX_ERRORS.stopBlocked,
      `Messages cannot be sent from '${where.from ?? ''}' to '${where.to ?? ''}' due to an existing block rule. (Consent Gate: consumer_revoked, decision ${decision.decision_id})`,
      { meta },
    );
  }
  return telnyxError(
    TELNYX_ERRORS.blocked,
    `Consent Gate blocked this ${kind === 'call' ? 'call' : 'message'}: ${reason} — ${REASON_NOTES[reason]} (decision ${decision.decision_id})`,
    { meta },
  );
}

export const telnyxDialect: CarrierDialect = {
  blocked: blockedAnswer,
  /**
   * Fail closed, but retryable: nothing was forwarded and no decision was
   * recorded, so the SDK's own two retries cannot dial or text twice, and a
   * store that blinked (a Redis failover) is ridden out without the
   * application seeing an error. `retry-after-ms` keeps the retries prompt.
   */
  unavailable: () =>
    telnyxError(TELNYX_ERRORS.unavailable, 'Consent Gate cannot reach its consent store; the request was not forwarded (fail closed)', {
      meta: { reason: 'unavailable' },
      final: false,
      headers: { 'retry-after-ms': '500', 'retry-after': '1' },
    }),
  invalid(message, field, problem = 'malformed') {
    const spec =
      field && !field.startsWith('X-') ? (problem === 'missing' ? TELNYX_ERRORS.missingParameter : TELNYX_ERRORS.invalidNumber) : TELNYX_ERRORS.badRequest;
    return telnyxError(spec, message, { pointer: pointerOf(field), meta: { reason: 'invalid_request', ...(field ? { field } : {}) } });
  },
  unauthenticated: () =>
    telnyxError(TELNYX_ERRORS.unauthenticated, 'The required authentication headers were either invalid or not included in the request.', {
      meta: { reason: 'unauthenticated' },
    }),
  forbidden: (reason, message) => telnyxError(TELNYX_ERRORS.blocked, message, { meta: { reason } }),
  upstreamFailed(failure: ForwardFailure, decision?: { decision_id: string }) {
    // A timed-out dial may have reached Telnyx: a retry could ring the consumer twice, so it is final.
    return telnyxError(
      failure.kind === 'timeout' ? TELNYX_ERRORS.gatewayTimeout : TELNYX_ERRORS.badGateway,
      // The network error's text (hosts, ports, TLS details) stays in the log: echoed, it would map the gateway's network.
      `Consent Gate could not reach the Telnyx API (${failureSummary(failure)})`,
      { meta: { reason: 'upstream_unavailable', ...(decision ? { decision_id: decision.decision_id } : {}) } },
    );
  },
};

/** A request the gateway refuses before any decision (not JSON, too large, undecodable path). */
export function badRequest(detail: string, spec: ErrorSpec = TELNYX_ERRORS.badRequest): HttpAnswer {
  return telnyxError(spec, detail, { meta: { reason: 'invalid_request' } });
}

/** An allowed call whose disclosure the gateway cannot guarantee: refused, with the decision it had. */
export function disclosureNotInjectable(detail: string, decisionId: string, field?: string): HttpAnswer {
  return telnyxError(TELNYX_ERRORS.unprocessable, detail, {
    pointer: pointerOf(field),
    meta: { reason: 'disclosure_not_injectable', decision_id: decisionId, ...(field ? { field } : {}) },
  });
}
