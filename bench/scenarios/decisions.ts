/**
 * Rows 1–2 (and the Redis row): POST /v1/precall and POST /v1/sms/pre-send
 * against the gateway, side by side with bare express answering the same
 * JSON, in the same run. Phones are drawn across the whole seeded set.
 */
import { API_KEY, phoneAt, precallBody, presendBody } from '../lib/fixtures';
import { runLoad, type LoadResult } from '../lib/load';
import { runPaced } from '../lib/paced';
import type { ChildServer } from '../lib/proc';
import { xorshift } from '../lib/stats';
import type { Profile } from '../lib/profile';

export type DecisionKind = 'precall' | 'presend';

export const DECISION_PATHS: Record<DecisionKind, string> = { precall: '/v1/precall', presend: '/v1/sms/pre-send' };

export function bodyMaker(kind: DecisionKind, consents: number, seed: number): () => string {
  const next = xorshift(seed);
  const make = kind === 'precall' ? precallBody : presendBody;
  return () => make(phoneAt(next() % consents));
}

export const AUTH = { authorization: `Bearer ${API_KEY}` };
export const acceptAllowed = (_status: number, body: string) => body.includes('"allowed":true');

export interface PeakAndFixed {
  peak: LoadResult;
  /** At 50% of this server's own peak rate. */
  fixed: LoadResult;
}

export async function warm(server: ChildServer, kind: DecisionKind, consents: number, p: Profile): Promise<void> {
  await runLoad({
    url: server.url,
    path: DECISION_PATHS[kind],
    headers: AUTH,
    body: bodyMaker(kind, consents, 7),
    connections: p.peakConnections,
    durationS: p.warmupS,
  });
}

export async function peak(server: ChildServer, kind: DecisionKind, consents: number, p: Profile, seed: number): Promise<LoadResult> {
  return runLoad({
    url: server.url,
    path: DECISION_PATHS[kind],
    headers: AUTH,
    body: bodyMaker(kind, consents, seed),
    connections: p.peakConnections,
    durationS: p.runS,
    maxRequests: p.maxRequests,
    accept: acceptAllowed,
  });
}

/** Latency at a fixed rate: evenly spaced requests, open loop (see lib/paced.ts for why not autocannon's overallRate). */
export async function atRate(server: ChildServer, kind: DecisionKind, consents: number, p: Profile, rate: number, seed: number) {
  return runPaced({
    url: server.url,
    path: DECISION_PATHS[kind],
    headers: AUTH,
    body: bodyMaker(kind, consents, seed),
    rate: Math.max(1, Math.round(rate)),
    durationS: p.runS,
    maxRequests: p.maxRequests,
    accept: acceptAllowed,
  });
}

/** The same rate through autocannon's overallRate (bursty: each connection spends its per-second budget back to back). */
export async function atRateAutocannon(
  server: ChildServer,
  kind: DecisionKind,
  consents: number,
  p: Profile,
  rate: number,
  seed: number,
  durationS: number,
): Promise<LoadResult> {
  return runLoad({
    url: server.url,
    path: DECISION_PATHS[kind],
    headers: AUTH,
    body: bodyMaker(kind, consents, seed),
    connections: p.fixedConnections,
    durationS,
    overallRate: Math.max(1, Math.round(rate)),
    maxRequests: p.maxRequests,
    accept: acceptAllowed,
  });
}
