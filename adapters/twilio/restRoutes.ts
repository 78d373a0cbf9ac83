/**
 * Twilio's REST API (`api.twilio.com/2010-04-01/…`) served by the gateway,
 * so `client.api.baseUrl = 'http://gateway'` is the only change a twilio-node
 * user makes. Three requests are gated; everything else streams through
 * verbatim (method, path, query, body, auth header; answer as Twilio gave it).
 *
 * Gated (matched on the decoded path, any extension, trailing slash or not —
 * a spelling Twilio accepts must not slip past the gate; a path Twilio might
 * read differently from the gate — `//`, dot segments, encoded slashes… —
 * is refused before anything is read or forwarded, see requestPath.ts):
 * - POST …/Calls            → precall, disclosure injected when allowed
 * - POST …/Messages         → pre-send (also the legacy …/SMS/Messages)
 * - POST …/Conferences/{sid}/Participants → precall: it dials a number too
 * - POST …/Calls/{CallSid}  → a call update: new Twiml / Url are gated (callUpdate.ts)
 *
 * Twilio's other API domains (messaging.twilio.com, studio.twilio.com…) can
 * be routed here too, by setting that domain's `baseUrl` to
 * `<gateway>/twilio/upstream/<host>`: passed through verbatim, not gated.
 * Only *.twilio.com hosts are accepted, so the gateway is no open proxy.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ModuleLane } from '../../src/module';
import type { TwilioContext } from './context';
import { forward, type ForwardFailure } from '../shared/forward';
import { acceptRequestTarget, closingConnection, looselyUnder, type AcceptedTarget } from '../shared/requestPath';
import { sendAnswer } from '../shared/carrier';
import { twilioDialect, twilioError, TWILIO_ERRORS } from './errors';
import { handleGatedCreate, type GatedRoute } from './gatedCreate';
import { handleCallUpdate } from './callUpdate';

const API_PREFIX = '/2010-04-01/';
export const DOMAIN_PREFIX = '/twilio/upstream/';
const TWILIO_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.twilio\.com$/i;

type RestRoute = GatedRoute | 'call_update';

const GATED: { pattern: RegExp; route: RestRoute }[] = [
  { pattern: /^\/2010-04-01\/Accounts\/([^/]+)\/Calls(?:\.[a-z]+)?\/?$/i, route: 'calls' },
  { pattern: /^\/2010-04-01\/Accounts\/([^/]+)\/(?:SMS\/)?Messages(?:\.[a-z]+)?\/?$/i, route: 'messages' },
  { pattern: /^\/2010-04-01\/Accounts\/([^/]+)\/Conferences\/[^/]+\/Participants(?:\.[a-z]+)?\/?$/i, route: 'participants' },
  { pattern: /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\/([^/]+?)(?:\.[a-z]+)?\/?$/i, route: 'call_update' },
];

/** `path` is the accepted, decoded path (requestPath.ts): the gate matches exactly what is forwarded. */
export function gatedRouteOf(method: string, path: string): { route: RestRoute; accountSid: string; resourceSid?: string } | null {
  if (method !== 'POST') return null;
  for (const g of GATED) {
    const m = g.pattern.exec(path);
    if (m) return { route: g.route, accountSid: m[1], resourceSid: m[2] };
  }
  return null;
}

function refused(res: ServerResponse, reason: string): void {
  sendAnswer(
    res,
    closingConnection(
      twilioError(TWILIO_ERRORS.invalidParameter.code, 400, `Consent Gate refused the request path: ${reason}; nothing was forwarded`, {
        reason: 'invalid_request',
      }),
    ),
  );
}

function upstreamFailed(t: TwilioContext, res: ServerResponse) {
  return (failure: ForwardFailure) => {
    t.logger.warn({ failure: failure.kind, err: failure.message }, 'twilio: upstream failed');
    sendAnswer(res, twilioDialect.upstreamFailed(failure));
  };
}

/** Served ahead of express (a module lane): every request under /2010-04-01/ and /twilio/upstream/, however spelled. */
export function twilioRestLane(t: TwilioContext): ModuleLane {
  return {
    claims(req) {
      const target = req.url ?? '/';
      return looselyUnder(target, API_PREFIX) || looselyUnder(target, DOMAIN_PREFIX);
    },
    serve: (req, res) => serveRest(t, req, res),
  };
}

async function serveRest(t: TwilioContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Before anything else (credentials, body): a path the gate might read differently from Twilio goes nowhere.
  const target = acceptRequestTarget(req);
  if (!target.ok) return refused(res, target.reason);
  if (target.path.toLowerCase().startsWith(DOMAIN_PREFIX)) return otherDomain(t, req, res, target);
  if (!target.path.startsWith(API_PREFIX)) return refused(res, 'not a Twilio API path');
  const method = req.method ?? 'GET';
  const gated = gatedRouteOf(method, target.path);
  if (gated) {
    try {
      if (gated.route === 'call_update') return await handleCallUpdate(t, req, res, gated.accountSid, gated.resourceSid ?? '');
      return await handleGatedCreate(t, req, res, gated.route, gated.accountSid);
    } catch (err) {
      // Whatever went wrong, the request was not forwarded; say so in Twilio's dialect, not ours.
      t.logger.error({ err: (err as Error).message, route: gated.route }, 'twilio: gated request failed');
      return sendAnswer(res, twilioError(20500, 500, 'Consent Gate could not process this request; it was not forwarded', { reason: 'internal' }, false));
    }
  }
  await forward(t.api, { method, target, headers: req.headers, body: req }, res, t.metrics, upstreamFailed(t, res));
}

async function otherDomain(t: TwilioContext, req: IncomingMessage, res: ServerResponse, target: AcceptedTarget): Promise<void> {
  const [host = '', ...rest] = target.path.slice(DOMAIN_PREFIX.length).split('/');
  // The host as sent, not decoded: a plain DNS name (no escape, port or userinfo), one of Twilio's.
  const sentHost = (req.url ?? '').slice(DOMAIN_PREFIX.length).split(/[/?]/)[0];
  if (sentHost !== host || !TWILIO_HOST.test(host)) {
    return sendAnswer(
      res,
      closingConnection(
        twilioError(TWILIO_ERRORS.invalidParameter.code, 400, `Consent Gate only forwards to *.twilio.com hosts, not ${host || '(none)'}`, {
          reason: 'invalid_request',
        }),
      ),
    );
  }
  const upstream = { ...t.api, label: 'twilio_api', base: t.domainUpstream.replace('{host}', host.toLowerCase()) };
  await forward(
    upstream,
    { method: req.method ?? 'GET', target: { path: `/${rest.join('/')}`, query: target.query }, headers: req.headers, body: req },
    res,
    t.metrics,
    upstreamFailed(t, res),
  );
}
