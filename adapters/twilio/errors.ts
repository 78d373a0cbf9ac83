/**
 * Twilio's error dialect. twilio-node turns any non-2xx answer into a
 * `RestException` whose `message`, `code`, `status`, `moreInfo` and
 * `details` come from the body, so every refusal here is a Twilio error body
 * `{code, message, more_info, status}` plus our `reason` and `decision_id`
 * (also inside `details`, which the SDK keeps).
 *
 * Codes: 21610 is Twilio's own answer for a recipient who texted STOP — the
 * SDK user's existing error handling already knows it. 20003, 21201, 21211,
 * 21604, 20403 and 20503 are Twilio's codes for the same situations (no
 * or wrong credentials, no `To`, invalid `To`, no `To` on a message, forbidden,
 * service unavailable). 20001, 20413, 20502 and 20504 (bad parameter, body
 * too large, carrier unreachable, carrier timeout) are chosen by Consent Gate
 * in the same 20xxx "HTTP status" family, not taken from Twilio's error
 * dictionary: read `message` and `reason` for them, not `more_info`.
 */
import { REASON_NOTES } from '../../src/domain/vocabulary';
import type { CarrierDialect, FieldProblem, GatedKind, HttpAnswer, OrgRefusal } from '../shared/carrier';
import { failureSummary, type ForwardFailure } from '../shared/forward';
import type { BlockedAnswer } from '../../src/gate/answers';

export const TWILIO_ERRORS = {
  unsubscribed: { code: 21610, status: 400, message: 'Attempt to send to unsubscribed recipient' },
  blocked: { code: 20403, status: 403 },
  noCredentials: { code: 20003, status: 401, message: 'Authentication Error - No credentials provided' },
  badCredentials: { code: 20003, status: 401, message: 'Authenticate' },
  invalidParameter: { code: 20001, status: 400 },
  noTo: { code: 21201, status: 400 },
  invalidTo: { code: 21211, status: 400 },
  messageNoTo: { code: 21604, status: 400 },
  unavailable: { code: 20503, status: 503, message: 'Consent Gate cannot reach its consent store; the request was not forwarded (fail closed)' },
  badGateway: { code: 20502, status: 502 },
  gatewayTimeout: { code: 20504, status: 504 },
  tooLarge: { code: 20413, status: 413, message: 'Request body too large' },
} as const;

export function twilioErrorBody(code: number, status: number, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status, ...extra };
}

export function twilioError(code: number, status: number, message: string, extra: Record<string, unknown> = {}, final = true): HttpAnswer {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      // twilio-node does not retry these, but other clients and proxies honour it; a refusal is final.
      ...(final ? { 'x-should-retry': 'false' } : {}),
    },
    body: JSON.stringify(twilioErrorBody(code, status, message, extra)),
  };
}

export const twilioDialect: CarrierDialect = {
  blocked(kind: GatedKind, decision: BlockedAnswer): HttpAnswer {
    const reason = decision.reason;
    const extra = { reason, decision_id: decision.decision_id, details: decision };
    // A revoked recipient gets exactly Twilio's own answer, so code written for Twilio's STOP handling keeps working.
    if (kind === 'message' && reason === 'consumer_revoked') {
      const e = TWILIO_ERRORS.unsubscribed;
      return twilioError(e.code, e.status, e.message, extra);
    }
    const what = kind === 'call' ? 'call' : 'message';
    return twilioError(
      TWILIO_ERRORS.blocked.code,
      TWILIO_ERRORS.blocked.status,
      `Consent Gate blocked this ${what}: ${reason} — ${REASON_NOTES[reason]} (decision ${decision.decision_id})`,
      extra,
    );
  },
  unavailable(): HttpAnswer {
    const e = TWILIO_ERRORS.unavailable;
    return twilioError(e.code, e.status, e.message, { reason: 'unavailable' }, false);
  },
  invalid(message: string, field?: string, problem: FieldProblem = 'malformed'): HttpAnswer {
    const e = field === 'To' && problem === 'missing' ? TWILIO_ERRORS.noTo : field === 'To' ? TWILIO_ERRORS.invalidTo : TWILIO_ERRORS.invalidParameter;
    return twilioError(e.code, e.status, message, { reason: 'invalid_request', ...(field ? { field } : {}) });
  },
  unauthenticated(): HttpAnswer {
    const e = TWILIO_ERRORS.noCredentials;
    return twilioError(e.code, e.status, e.message, { reason: 'unauthenticated' });
  },
  forbidden(reason: OrgRefusal, message: string): HttpAnswer {
    return twilioError(TWILIO_ERRORS.blocked.code, TWILIO_ERRORS.blocked.status, message, { reason });
  },
  upstreamFailed(failure: ForwardFailure, decision?: { decision_id: string }): HttpAnswer {
    const e = failure.kind === 'timeout' ? TWILIO_ERRORS.gatewayTimeout : TWILIO_ERRORS.badGateway;
    // A timed-out create may have reached Twilio: retrying could dial twice, so it is not marked retryable.
    return twilioError(
      e.code,
      e.status,
      // The network error's text (hosts, ports, TLS details) stays in the log: echoed, it would map the gateway's network.
      `Consent Gate could not reach the Twilio API (${failureSummary(failure)})`,
      // `details` is what twilio-node keeps on the RestException: the decision is findable from the SDK.
      { reason: 'upstream_unavailable', ...(decision ? { decision_id: decision.decision_id, details: { decision_id: decision.decision_id } } : {}) },
      true,
    );
  },
};

export function messageInvalid(message: string, field?: string, problem: FieldProblem = 'malformed'): HttpAnswer {
  if (field === 'To' && problem === 'missing') {
    const e = TWILIO_ERRORS.messageNoTo;
    return twilioError(e.code, e.status, "A 'To' phone number is required.", { reason: 'invalid_request', field });
  }
  return twilioDialect.invalid(message, field, problem);
}

/** Twilio's dialect for a message create: a text without a recipient is answered with the messaging code. */
export const twilioMessageDialect: CarrierDialect = { ...twilioDialect, invalid: messageInvalid };
