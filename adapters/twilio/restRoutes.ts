/**
 * Twilio's REST API (`api.twilio.com/2010-04-01/…`) served by the gateway,
 * so `client.api.baseUrl = 'http://gateway'` is the only change a twilio-node
 * user makes. Three requests are gated; everything else streams through
 * verbatim (method, path, query, body, auth header; answer as Twilio gave it).
 *
 * Gated (matched on the decoded path, any extension, trailing slash or not —
 * a spelling Twilio accepts must not slip past the gate):
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
import { forward } from '../shared/forward';
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

/** The path as Twilio would read it: percent-escapes decoded, repeated slashes collapsed. Null if undecodable. */
export function canonicalPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname).replace(/\/{2,}/g, '/');
  } catch {
    return null;
  }
}

export function gatedRouteOf(method: string, pathname: string): { route: RestRoute; accountSid: string; resourceSid?: string } | null | 'undecodable' {
  if (method !== 'POST') return null;
  const path = canonicalPath(pathname);
  if (path === null) return 'undecodable';
  for (const g of GATED) {
    const m = g.pattern.exec(path);
    if (m) return { route: g.route, accountSid: m[1], resourceSid: m[2] };
  }
  return null;
}

/** Served ahead of express (a module lane): every request under /2010-04-01/ and /twilio/upstream/. */
export function twilioRestLane(t: TwilioContext): ModuleLane {
  return {
    claims(req) {
      const pathname = (req.url ?? '/').split('?')[0];
      return pathname.startsWith(DOMAIN_PREFIX) || pathname.startsWith(API_PREFIX) || canonicalPath(pathname)?.startsWith(API_PREFIX) === true;
    },
    serve: (req, res) => serveRest(t, req, res),
  };
}

async function serveRest(t: TwilioContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathAndQuery = req.url ?? '/';
  const pathname = pathAndQuery.split('?')[0];
  if (pathname.startsWith(DOMAIN_PREFIX)) return otherDomain(t, req, res);
  const method = req.method ?? 'GET';
  const gated = gatedRouteOf(method, pathname);
  if (gated === 'undecodable') {
    return sendAnswer(res, twilioError(TWILIO_ERRORS.invalidParameter.code, 400, 'The request path is not valid percent-encoding', { reason: 'invalid_request' }));
  }
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
  await forward(t.api, { method, pathAndQuery, headers: req.headers, body: req }, res, t.metrics, (failure) => sendAnswer(res, twilioDialect.upstreamFailed(failure)));
}

async function otherDomain(t: TwilioContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rest = (req.url ?? '/').slice(DOMAIN_PREFIX.length);
  const slash = rest.search(/[/?]/);
  const host = slash === -1 ? rest : rest.slice(0, slash);
  if (!TWILIO_HOST.test(host)) {
    return sendAnswer(res, twilioError(TWILIO_ERRORS.invalidParameter.code, 400, `Consent Gate only forwards to *.twilio.com hosts, not ${host || '(none)'}`, { reason: 'invalid_request' }));
  }
  const target = { ...t.api, label: 'twilio_api', base: t.domainUpstream.replace('{host}', host.toLowerCase()) };
  const pathAndQuery = slash === -1 ? '/' : rest.slice(slash).replace(/^\?/, '/?');
  await forward(target, { method: req.method ?? 'GET', pathAndQuery, headers: req.headers, body: req }, res, t.metrics, (failure) =>
    sendAnswer(res, twilioDialect.upstreamFailed(failure)),
  );
}
