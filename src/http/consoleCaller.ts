/**
 * Which console session a /v1 request came through. The console's API door (console/consoleServer.ts)
 * notes the session on the request object it hands to the API, and the authorizer (auth.ts) then
 * authenticates the request as the session's key instead of reading an Authorization header.
 * Nothing a client sends can set it: it lives in this process's memory beside the request object,
 * never in a header.
 */
import type { IncomingMessage } from 'node:http';
import type { ConsoleSession } from '../gate/consoleSessions';

const callers = new WeakMap<IncomingMessage, ConsoleSession>();

export function noteConsoleCaller(req: IncomingMessage, session: ConsoleSession): void {
  callers.set(req, session);
}

export function consoleCallerOf(req: IncomingMessage): ConsoleSession | undefined {
  return callers.get(req);
}
