/**
 * Load from the parent process with autocannon: a closed-loop run at many
 * connections for the peak rate, and an `overallRate` run for latency at a
 * given rate. Latency percentiles come from every response's own duration
 * (autocannon's histogram keeps whole milliseconds only, too coarse for a
 * sub-millisecond gate).
 */
import autocannon, { type AutocannonResult } from 'autocannon';
import { summarize, Samples, round, type LatencySummary } from './stats';

export interface LoadSpec {
  url: string;
  path: string;
  method?: 'POST' | 'GET';
  headers?: Record<string, string>;
  /** A fresh body per request (varies the phone). */
  body: () => string;
  connections: number;
  durationS: number;
  /** Requests per second across all connections; unset = as fast as the server answers. */
  overallRate?: number;
  /** Hard cap on requests, so a run is bounded in requests as well as time. */
  maxRequests?: number;
  /** Counts responses whose body passes, e.g. `"allowed":true`. */
  accept?: (status: number, body: string) => boolean;
}

export interface LoadResult {
  connections: number;
  duration_s: number;
  target_rate: number | null;
  /** 2xx responses per second over the run. */
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Fraction of 2xx responses `accept` passed (null when no `accept`). */
  accepted: number | null;
  latency_ms: LatencySummary;
  /** autocannon's own percentiles (whole ms; with overallRate, corrected for coordinated omission). */
  autocannon_latency_ms?: { p50: number; p99: number; max: number };
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const samples = new Samples();
  let accepted = 0;
  let checked = 0;
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationS,
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    timeout: 10,
    requests: [
      {
        method: spec.method ?? 'POST',
        path: spec.path,
        headers: { 'content-type': 'application/json', ...spec.headers },
        setupRequest: (req) => ({ ...req, body: spec.body() }),
        ...(spec.accept
          ? {
              onResponse: (status: number, body: string) => {
                if (status >= 200 && status < 300) {
                  checked++;
                  if (spec.accept!(status, body)) accepted++;
                }
              },
            }
          : {}),
      },
    ],
  });
  // Bounded in requests as well as in time (autocannon's `amount` would override `duration`).
  let responses = 0;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) samples.push(ms);
    if (spec.maxRequests && ++responses === spec.maxRequests) instance.stop();
  });
  const result: AutocannonResult = await instance;
  const ok = result['2xx'] ?? samples.length;
  return {
    connections: spec.connections,
    duration_s: round(result.duration, 3),
    target_rate: spec.overallRate ?? null,
    rps: round(ok / result.duration, 1),
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    accepted: spec.accept ? (checked ? round(accepted / checked, 4) : 0) : null,
    latency_ms: roundSummary(summarize(samples.view())),
    autocannon_latency_ms: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

function roundSummary(s: LatencySummary): LatencySummary {
  return { count: s.count, mean: round(s.mean, 3), p50: round(s.p50, 3), p90: round(s.p90, 3), p99: round(s.p99, 3), max: round(s.max, 3) };
}

/** One request, for capturing a response (and failing early with the server's own words). */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text);
  } catch {
    json = { text };
  }
  return { status: res.status, json };
}
