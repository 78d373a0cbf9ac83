/**
 * Who may read /metrics. Open when no token is configured (a scraper on a
 * private network); with METRICS_TOKEN, only `Authorization: Bearer <token>`,
 * compared in constant time so the answer's timing does not spell the token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { bearerToken } from '../gate/bearerToken';

export function metricsGuard(token: string | undefined): (authorization: string | undefined) => boolean {
  if (!token) return () => true;
  // Digests are compared so that the comparison's length does not depend on what was sent.
  const expected = createHash('sha256').update(token).digest();
  return (authorization) => {
    const given = bearerToken(authorization);
    return given !== undefined && timingSafeEqual(createHash('sha256').update(given).digest(), expected);
  };
}
