/**
 * The console's sign-in sessions, kept in the store, so that any gateway instance behind a balancer
 * serves a session another made, a sign-out or a revoked key ends it on all of them, and a restart
 * signs no one out.
 *
 * What is stored (ledger/consoleSessions.ts): the session's org and the id of the API key it was
 * made from, its times, and a SHA-256 of the cookie's random id — never the key's secret, never the
 * cookie's id. The CSRF token is not stored either: it is an HMAC keyed by the cookie's id, so the
 * instance serving a request derives it from the cookie it was sent, and the store yields neither.
 *
 * Each request through a session is authenticated as the key it names, by id, with the checks a
 * Bearer request's key passes (tenants.ts); an unknown or revoked key ends the session there.
 *
 * Limits: a session ends `IDLE_MS` after its last recorded use or `LIFETIME_MS` after it began,
 * whichever comes first. A use is recorded (one write) at most once per `TOUCH_EVERY_MS` per
 * session, not on every request; so the idle limit counts from a use at most that much older than
 * the last request, and a session may end that much sooner than `IDLE_MS` after it, never later.
 */
import { createHmac, hash, randomBytes } from 'node:crypto';
import type { ApiKey } from '../domain/records';
import { AppError } from '../errors';
import type { ConsoleSessionRecord } from '../ledger/ledger';
import type { GateContext } from './context';
import { authenticateKeyId } from './tenants';

export const IDLE_MS = 30 * 60_000;
export const LIFETIME_MS = 12 * 60 * 60_000;
export const TOUCH_EVERY_MS = 60_000;

/** A live session as a request sees it: whose it is, and the CSRF token its writes must carry. */
export interface ConsoleSession {
  idHash: string;
  orgId: string;
  keyId: string;
  csrf: string;
}

/** What `startConsoleSession` makes: `cookieId` goes into the cookie and nowhere else. */
export interface StartedConsoleSession {
  cookieId: string;
  session: ConsoleSession;
}

/** 32 random bytes in base64url: the only shape a cookie id has, so anything else is refused unread. */
const COOKIE_ID = /^[A-Za-z0-9_-]{43}$/;

const iso = (ms: number) => new Date(ms).toISOString();
const idHashOf = (cookieId: string) => hash('sha256', cookieId);
const csrfOf = (cookieId: string) => createHmac('sha256', cookieId).update('consent-gate console csrf').digest('base64url');

/** When a session ends unless used again. */
function expiryOf(createdMs: number, lastUsedMs: number): number {
  return Math.min(lastUsedMs + IDLE_MS, createdMs + LIFETIME_MS);
}

function sessionOf(record: ConsoleSessionRecord, cookieId: string): ConsoleSession {
  return { idHash: record.id_hash, orgId: record.org_id, keyId: record.key_id, csrf: csrfOf(cookieId) };
}

/** A new session for a key that has just authenticated. */
export async function startConsoleSession(ctx: GateContext, key: ApiKey): Promise<StartedConsoleSession> {
  const cookieId = randomBytes(32).toString('base64url');
  const now = ctx.clock.now().getTime();
  const record: ConsoleSessionRecord = {
    id_hash: idHashOf(cookieId),
    org_id: key.org_id,
    key_id: key.id,
    created_at: iso(now),
    last_used_at: iso(now),
    expires_at: iso(expiryOf(now, now)),
  };
  await ctx.ledger.createConsoleSession(record);
  return { cookieId, session: sessionOf(record, cookieId) };
}

/** The live session of a cookie's id, its use recorded when the last recorded one is old enough; null for none. */
export async function findConsoleSession(ctx: GateContext, cookieId: string | undefined): Promise<ConsoleSession | null> {
  if (!cookieId || !COOKIE_ID.test(cookieId)) return null;
  const now = ctx.clock.now().getTime();
  const record = await ctx.ledger.findConsoleSession(idHashOf(cookieId), iso(now), (s) =>
    now - Date.parse(s.last_used_at) < TOUCH_EVERY_MS ? null : { last_used_at: iso(now), expires_at: iso(expiryOf(Date.parse(s.created_at), now)) },
  );
  return record ? sessionOf(record, cookieId) : null;
}

/** Signs the session out, on every instance. */
export function endConsoleSession(ctx: GateContext, session: ConsoleSession): Promise<void> {
  return ctx.ledger.endConsoleSession(session.idHash);
}

/**
 * The key a request through the session is made as, checked as a Bearer request's key is (active,
 * not revoked, the address allowed). A key that no longer authenticates ends the session with it.
 */
export async function consoleSessionKey(ctx: GateContext, session: ConsoleSession, ip: string | undefined): Promise<ApiKey> {
  try {
    return await authenticateKeyId(ctx, session.orgId, session.keyId, ip);
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNAUTHORIZED') await endConsoleSession(ctx, session);
    throw err;
  }
}
