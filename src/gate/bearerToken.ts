/**
 * The API key secret in an `Authorization: Bearer <secret>` header. Every
 * transport that authenticates with an API key (/v1, the agent stream,
 * /metrics) reads it the same way, so it sits in the gate beside the key
 * checks rather than in one transport.
 */
export function bearerToken(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}
