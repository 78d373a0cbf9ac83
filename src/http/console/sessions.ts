/**
 * The console session as the browser holds it. A person signs in with an API key once; the browser
 * then holds only a random session id in an HttpOnly, SameSite=Strict cookie (Secure when the
 * gateway is reached over https), which no script on the page can read; the key itself is kept
 * nowhere — not in a URL, localStorage or the page, nor in the store, which names the key by its id
 * (gate/consoleSessions.ts: what is stored, the limits, how each request is authenticated). Writes
 * need the session's CSRF token in a header, which a cross-site form cannot send.
 */
import { timingSafeEqual } from 'node:crypto';
import { LIFETIME_MS, type ConsoleSession } from '../../gate/consoleSessions';

export const SESSION_COOKIE = 'cg_console';
export const CSRF_HEADER = 'x-console-csrf';

/** Whether a request carries the session's CSRF token (compared in constant time). */
export function csrfMatches(session: ConsoleSession, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(session.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The session id from a Cookie header. */
export function sessionIdOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export function sessionCookie(id: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${id}; Path=/console; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}; Max-Age=${LIFETIME_MS / 1000}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/console; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}; Max-Age=0`;
}
