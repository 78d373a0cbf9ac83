/**
 * The console's sign-in sessions. A person signs in with an API key once; the browser then holds
 * only a random session id in an HttpOnly, SameSite=Strict cookie (Secure when the gateway is
 * reached over https), which no script on the page can read, and the key itself stays here, in
 * this process's memory, never in a URL, localStorage or the page. Each request through the
 * session is authenticated with that key again, exactly as a Bearer request is, so scopes, IP
 * allowlists and rate limits hold, and a key revoked (or one it was made from) ends its sessions
 * at their next request. Writes need the session's CSRF token in a header, which a cross-site form
 * cannot send.
 *
 * Sessions end on sign-out, after `IDLE_MS` without a request, after `LIFETIME_MS` in any case, and
 * when the gateway restarts (sign in again); with several gateway instances behind a balancer, a
 * session lives on the instance that made it (sticky routing, or sign in on each).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'cg_console';
export const CSRF_HEADER = 'x-console-csrf';
export const IDLE_MS = 30 * 60_000;
export const LIFETIME_MS = 12 * 60 * 60_000;
/** More sessions than this and the least recently used is ended: memory stays bounded whoever signs in. */
export const MAX_SESSIONS = 10_000;

export interface ConsoleSession {
  id: string;
  /** The API key's secret, to authenticate each request made through the session. */
  secret: string;
  csrf: string;
  createdAt: number;
  lastUsedAt: number;
}

const token = () => randomBytes(32).toString('base64url');

export class ConsoleSessions {
  // Insertion order is use order: a session used is moved to the end, so the first is the least recently used.
  private readonly sessions = new Map<string, ConsoleSession>();

  constructor(private readonly now: () => number = Date.now) {}

  create(secret: string): ConsoleSession {
    const at = this.now();
    const session = { id: token(), secret, csrf: token(), createdAt: at, lastUsedAt: at };
    this.sessions.set(session.id, session);
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    return session;
  }

  /** The live session of a cookie value, marked used; null (and forgotten) once expired. */
  find(id: string | undefined): ConsoleSession | null {
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return null;
    const at = this.now();
    if (at - session.lastUsedAt > IDLE_MS || at - session.createdAt > LIFETIME_MS) {
      this.sessions.delete(session.id);
      return null;
    }
    session.lastUsedAt = at;
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
    return session;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}

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
