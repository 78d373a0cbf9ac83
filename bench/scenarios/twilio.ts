/**
 * Twilio's calls.create / messages.create with the real twilio-node SDK,
 * once straight to the emulator and once through the gateway (the SDK's
 * `client.api.baseUrl` pointed at it, the one line a user changes), which
 * gates the request on the seeded ledger and forwards it to the emulator.
 * The difference is what the gateway adds. The SDK runs here, in the load
 * generator's process; emulator and gateway each run in their own.
 */
import twilio from 'twilio';
import { CALLING_NUMBER, phoneAt } from '../lib/fixtures';
import { round, summarize, Samples, xorshift, type LatencySummary } from '../lib/stats';

export const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
export const AUTH_TOKEN = 'twilio_bench_auth_token_0123456789';

/** The two gated creates, and a list the gateway streams through without a decision: the proxy hop's own cost. */
export type TwilioOp = 'calls.create' | 'messages.create' | 'messages.list';

export interface SdkRun {
  concurrency: number;
  duration_s: number;
  ok: number;
  failed: number;
  ops_per_s: number;
  latency_ms: LatencySummary;
  first_error?: string;
}

export async function sdkLoad(
  baseUrl: string,
  op: TwilioOp,
  options: { concurrency: number; durationS: number; maxOps: number; consents: number; seed: number },
): Promise<SdkRun> {
  const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
  client.api.baseUrl = baseUrl;
  const next = xorshift(options.seed);
  const samples = new Samples();
  let failed = 0;
  let started = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const deadline = t0 + options.durationS * 1000;
  const one = async () => {
    const to = phoneAt(next() % options.consents);
    const s = performance.now();
    try {
      if (op === 'calls.create') await client.calls.create({ to, from: CALLING_NUMBER, url: 'https://app.example/voice' });
      else if (op === 'messages.create') await client.messages.create({ to, from: CALLING_NUMBER, body: 'Your appointment is tomorrow at 10:00.' });
      else await client.messages.list({ limit: 1 });
      samples.push(performance.now() - s);
    } catch (err) {
      failed++;
      firstError ??= (err as Error).message;
    }
  };
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline && started < options.maxOps) {
        started++;
        await one();
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const s = summarize(samples.view());
  return {
    concurrency: options.concurrency,
    duration_s: round(seconds, 3),
    ok: samples.length,
    failed,
    ops_per_s: round(samples.length / seconds, 1),
    latency_ms: { count: s.count, mean: round(s.mean, 3), p50: round(s.p50, 3), p90: round(s.p90, 3), p99: round(s.p99, 3), max: round(s.max, 3) },
    ...(firstError ? { first_error: firstError } : {}),
  };
}
