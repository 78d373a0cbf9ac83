/**
 * The agent stream's opt-out round trip: a real `ws` client sends a call's
 * `start` and a final consumer transcript ("stop calling me"); the gateway
 * detects the opt-out, commits the revocation (synchronous=FULL: fsynced)
 * and only then answers `opt_out`. Timed from the transcript frame leaving
 * the client to the `opt_out` frame arriving. Every call is a distinct
 * phone, so every round trip writes a new revocation.
 */
import WebSocket from 'ws';
import { API_KEY, ENTITY, phoneAt } from '../lib/fixtures';
import type { ChildServer } from '../lib/proc';
import { round, summarize, Samples, type LatencySummary } from '../lib/stats';

export interface StreamResult {
  connections: number;
  duration_s: number;
  round_trips: number;
  ops_per_s: number;
  errors: number;
  latency_ms: LatencySummary;
  /** Phones used, for checking afterwards that each revocation is on disk. */
  phones: string[];
}

export async function streamRoundTrips(
  server: ChildServer,
  options: { connections: number; durationS: number; maxOps: number; firstPhone: number },
): Promise<StreamResult> {
  const wsUrl = `${server.url.replace('http', 'ws')}/v1/stream`;
  const sockets = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${API_KEY}` } });
      await new Promise<void>((res, rej) => {
        ws.once('open', () => res());
        ws.once('error', rej);
        ws.once('unexpected-response', (_req, r) => rej(new Error(`stream: HTTP ${r.statusCode}`)));
      });
      return ws;
    }),
  );
  const samples = new Samples();
  const phones: string[] = [];
  let next = options.firstPhone;
  let errors = 0;
  let ops = 0;
  const started = performance.now();
  const deadline = started + options.durationS * 1000;

  await Promise.all(
    sockets.map(async (ws, k) => {
      let waiting: ((frame: Record<string, unknown>) => void) | null = null;
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as Record<string, unknown>;
        if (frame.type === 'error') errors++;
        waiting?.(frame);
      });
      for (let j = 0; performance.now() < deadline && ops < options.maxOps; j++) {
        const callId = `bench-${k}-${j}`;
        const phone = phoneAt(next++);
        phones.push(phone);
        ops++;
        ws.send(JSON.stringify({ type: 'start', call_id: callId, phone, calling_entity: ENTITY }));
        const answered = new Promise<Record<string, unknown>>((res) => (waiting = (f) => f.call_id === callId && res(f)));
        const t0 = performance.now();
        ws.send(JSON.stringify({ type: 'transcript', call_id: callId, text: 'uh yeah no just stop calling me', is_final: true, speaker: 'customer' }));
        const frame = await answered;
        const ms = performance.now() - t0;
        if (frame.type === 'opt_out' && typeof frame.revocation_id === 'string') samples.push(ms);
        else errors++;
        ws.send(JSON.stringify({ type: 'stop', call_id: callId }));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const ws of sockets) ws.close();
  const s = summarize(samples.view());
  return {
    connections: options.connections,
    duration_s: round(seconds, 3),
    round_trips: samples.length,
    ops_per_s: round(samples.length / seconds, 1),
    errors,
    latency_ms: { count: s.count, mean: round(s.mean, 3), p50: round(s.p50, 3), p90: round(s.p90, 3), p99: round(s.p99, 3), max: round(s.max, 3) },
    phones,
  };
}
