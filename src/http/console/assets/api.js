/**
 * The console's calls to the gateway: /console/api/v1/… is the /v1 API, authenticated by the
 * session cookie (HttpOnly: this code never sees it, nor the key) and this session's CSRF token,
 * which lives only in this module's memory.
 */
let csrf = '';
let signedOut = () => {};

export function useSession(token, onSignedOut) {
  csrf = token;
  signedOut = onSignedOut;
}

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    /** For VALIDATION_FAILED: what was wrong with each field, by name. */
    this.details = details ?? {};
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { 'X-Console-Csrf': csrf, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/console/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.status === 401) {
    signedOut('Your session has ended (it expired, or its key was revoked). Sign in again.');
    throw new ApiError(401, 'UNAUTHORIZED', 'signed out');
  }
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'ERROR', data?.error?.message ?? `the gateway answered ${res.status}`, data?.error?.details);
  return data;
}

export async function session(method, body) {
  const headers = { 'X-Console-Csrf': csrf, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch('/console/session', { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  return { status: res.status, data: res.status === 204 ? null : await res.json().catch(() => null) };
}

/** The OpenAPI document (public): the console reads its vocabularies from it (reasons, scopes) rather than keep a copy. */
let openapi;
export function apiDocument() {
  openapi ??= fetch('/openapi.json').then((r) => r.json());
  return openapi;
}
