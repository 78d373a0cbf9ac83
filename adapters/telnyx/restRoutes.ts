/**
 * Telnyx's REST API (`api.telnyx.com/v2/…`) served by the gateway, so
 * `new Telnyx({ baseURL: 'http://gateway/v2' })` (or TELNYX_BASE_URL) is the
 * only change a telnyx SDK user makes. Requests that dial or text are gated;
 * everything else streams through verbatim (method, path, query, body,
 * Bearer key; answer as Telnyx gave it).
 *
 * Gated (POST, matched on the decoded path with a trailing slash and case
 * ignored — a spelling that reaches the same endpoint must not slip past the
 * gate; a path Telnyx might read differently from the gate — `//`, dot
 * segments, encoded slashes… — is refused before anything is read or
 * forwarded, see requestPath.ts):
 * - /v2/calls                                   → precall (Call Control dial)
 * - /v2/messages, /v2/messages/{long_code, number_pool, short_code,
 *   schedule, group_mms, alphanumeric_sender_id, whatsapp} → pre-send
 * - /v2/texml/Accounts/{sid}/Calls, /v2/texml/calls/{connection_id}
 *                                               → precall, disclosure in TeXML
 * - /v2/texml/Accounts/{sid}/Conferences/{sid}/Participants → precall
 * - /v2/calls/{call_control_id}/actions/{transfer, refer} → precall on the
 *   number rung (gatedTransfer.ts)
 */
import type { ModuleLane } from '../../src/module';
import { sendAnswer } from '../shared/carrier';
import { forward } from '../shared/forward';
import { acceptRequestTarget, closingConnection, looselyUnder } from '../shared/requestPath';
import type { TelnyxContext } from './context';
import { badRequest, telnyxDialect } from './errors';
import { handleDial } from './gatedCalls';
import { handleMessageSend, MESSAGE_SEND_PATHS } from './gatedMessages';
import { handleTexmlCall, type TexmlRoute } from './gatedTexml';
import { handleDialingAction, type DialingAction } from './gatedTransfer';

const API_PREFIX = '/v2/';

export type GatedRoute =
  | { kind: 'dial' }
  | { kind: 'message'; path: string }
  | { kind: 'texml'; route: TexmlRoute }
  | { kind: 'call_action'; action: DialingAction; callControlId: string };

const MESSAGE_PATHS = new Map(Object.keys(MESSAGE_SEND_PATHS).map((p) => [`/v2${p}`, p]));

/** `accepted` is the accepted, decoded path (requestPath.ts); Telnyx routes it without its trailing slash, in any case. */
export function gatedRouteOf(method: string, accepted: string): GatedRoute | null {
  if (method !== 'POST') return null;
  const path = accepted.replace(/(.)\/$/, '$1');
  const lower = path.toLowerCase();
  if (lower === '/v2/calls') return { kind: 'dial' };
  const message = MESSAGE_PATHS.get(lower);
  if (message) return { kind: 'message', path: message };
  let m: RegExpExecArray | null;
  if ((m = /^\/v2\/calls\/([^/]+)\/actions\/(transfer|refer)$/i.exec(path))) {
    return { kind: 'call_action', action: m[2].toLowerCase() as DialingAction, callControlId: m[1] };
  }
  if ((m = /^\/v2\/texml\/accounts\/([^/]+)\/calls(?:\.[a-z]+)?$/i.exec(path))) return { kind: 'texml', route: { kind: 'calls', accountSid: m[1] } };
  if ((m = /^\/v2\/texml\/calls\/([^/]+)$/i.exec(path))) return { kind: 'texml', route: { kind: 'connection_calls', connectionId: m[1] } };
  if ((m = /^\/v2\/texml\/accounts\/([^/]+)\/conferences\/[^/]+\/participants(?:\.[a-z]+)?$/i.exec(path))) {
    return { kind: 'texml', route: { kind: 'participants', accountSid: m[1] } };
  }
  return null;
}

/** Served ahead of express (a module lane): every request under /v2/, however spelled. */
export function telnyxRestLane(t: TelnyxContext): ModuleLane {
  return {
    claims: (req) => looselyUnder(req.url ?? '/', API_PREFIX),
    async serve(req, res) {
      // Before anything else (credentials, body): a path the gate might read differently from Telnyx goes nowhere.
      const target = acceptRequestTarget(req);
      const reason = !target.ok ? target.reason : !target.path.toLowerCase().startsWith(API_PREFIX) ? 'not a Telnyx API path' : null;
      if (!target.ok || reason)
        return sendAnswer(res, closingConnection(badRequest(`Consent Gate refused the request path: ${reason}; nothing was forwarded`)));
      const method = req.method ?? 'GET';
      const gated = gatedRouteOf(method, target.path);
      if (gated?.kind === 'dial') return handleDial(t, req, res);
      if (gated?.kind === 'message') return handleMessageSend(t, req, res, gated.path);
      if (gated?.kind === 'texml') return handleTexmlCall(t, req, res, gated.route);
      if (gated?.kind === 'call_action') return handleDialingAction(t, req, res, gated.action, gated.callControlId);
      await forward(t.api, { method, target, headers: req.headers, body: req }, res, t.metrics, (failure) => {
        t.logger.warn({ failure: failure.kind, err: failure.message }, 'telnyx: upstream failed');
        sendAnswer(res, telnyxDialect.upstreamFailed(failure));
      });
    },
  };
}
