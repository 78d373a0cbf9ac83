/**
 * Whose traffic a gated Twilio REST request is, decided from its path and
 * its credentials before its body is read. The `AccountSid` in the path must
 * be mapped to an org in the configuration (an entity's
 * `twilio_account_sids`, or TWILIO_ACCOUNT_SID for the default org);
 * anything else would let any caller with any `Authorization` be gated
 * against someone else's consents and caps.
 *
 * Credentials, as far as they can be checked here:
 * - Basic auth whose user is an account SID (`AC…`) must name the path's
 *   account.
 * - For the deployment's own account with TWILIO_AUTH_TOKEN known, the
 *   password must be that token (compared in constant time); a wrong one is
 *   Twilio's own 401 (20003).
 * - API-key credentials (`SK…:secret`) and the auth tokens of other mapped
 *   accounts cannot be checked locally — the gateway holds no API key
 *   secrets and no other account's token — so such a request is gated and,
 *   if allowed, Twilio itself refuses bad credentials. A decision is recorded
 *   for it first: whoever knows a mapped account's SID can spend decisions of
 *   that org this way, but never another org's, and nothing reaches a
 *   consumer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AccountAccess } from '../shared/carrier';
import type { TwilioContext } from './context';
import { twilioDialect, twilioError, TWILIO_ERRORS } from './errors';

interface BasicCredentials {
  user: string;
  password: string;
}

function basicCredentials(authorization: string): BasicCredentials | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(authorization);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) } : undefined;
}

/** SHA-256 of a secret: two secrets of any lengths compare in constant time as their digests. */
export const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

function badCredentials(): AccountAccess {
  const e = TWILIO_ERRORS.badCredentials;
  return { ok: false, answer: twilioError(e.code, e.status, e.message, { reason: 'unauthenticated' }) };
}

export function twilioAccountAccess(t: TwilioContext, authorization: string | undefined, accountSid: string): AccountAccess {
  if (!authorization) return { ok: false, answer: twilioDialect.unauthenticated() };
  // Twilio's REST API takes Basic auth only; anything else would be refused upstream anyway.
  const credentials = basicCredentials(authorization);
  if (!credentials) return badCredentials();
  if (/^AC/i.test(credentials.user) && credentials.user !== accountSid) {
    return {
      ok: false,
      answer: twilioDialect.forbidden(
        'account_mismatch',
        `Consent Gate refused this request: its credentials are for account ${credentials.user}, not for ${accountSid} in the path`,
      ),
    };
  }
  const orgId = t.directory.orgOfAccount({ kind: 'twilio_account', id: accountSid });
  if (orgId === undefined) {
    return {
      ok: false,
      answer: twilioDialect.forbidden(
        'account_not_mapped',
        `Consent Gate refused this request: account ${accountSid} is not mapped to an org in its configuration (TWILIO_ACCOUNT_SID or an entity's twilio_account_sids)`,
      ),
    };
  }
  if (
    t.ownAccountSid === accountSid &&
    credentials.user === accountSid &&
    t.authTokenDigest &&
    !timingSafeEqual(sha256(credentials.password), t.authTokenDigest)
  )
    return badCredentials();
  return { ok: true, orgId };
}
