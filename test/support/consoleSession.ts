/**
 * The console's session as a browser uses it, over plain HTTP: sign in with a key (the cookie and
 * the CSRF token it answers), then calls through /console/api/v1/… carrying both, as the console's
 * own scripts do. For tests of what a session does across gateway instances and restarts.
 */

export interface ConsoleSignIn {
  /** `cg_console=…`, as a Cookie header sends it. */
  cookie: string;
  csrf: string;
}

export interface ConsoleReply {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message?: string } };
}

/** What the Overview page reads when it opens (assets/overview.js). */
export const OVERVIEW_READS = ['/v1/stats/decisions', '/v1/stats/opt-outs', '/v1/revocations?limit=50', '/v1/alerts'];

async function reply(res: Response): Promise<ConsoleReply> {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

export async function signInToConsole(base: string, apiKey: string): Promise<ConsoleSignIn> {
  const res = await fetch(`${base}/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ api_key: apiKey }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 201) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrf } = (await res.json()) as { csrf: string };
  return { cookie, csrf };
}

/** A call to the /v1 API through the console's door, as the page makes it. */
export async function throughConsole(
  base: string,
  session: ConsoleSignIn,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ConsoleReply> {
  const headers: Record<string, string> = { Cookie: session.cookie, 'X-Console-Csrf': session.csrf };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/console/api${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(10_000),
  });
  return reply(res);
}

/** What the page asks on every load: `{ signed_in, csrf?, key? }`. */
export async function consoleSessionState(base: string, session: ConsoleSignIn): Promise<ConsoleReply> {
  return reply(await fetch(`${base}/console/session`, { headers: { Cookie: session.cookie }, signal: AbortSignal.timeout(10_000) }));
}

export async function signOutOfConsole(base: string, session: ConsoleSignIn): Promise<number> {
  const res = await fetch(`${base}/console/session`, {
    method: 'DELETE',
    headers: { Cookie: session.cookie, 'X-Console-Csrf': session.csrf },
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}
