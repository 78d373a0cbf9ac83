/**
 * The rewind holds of a real gateway under the bench's own load, taken apart step by step
 * (holdTrace.ts), for several intervals between the checkpointer's passes side by side: one traced
 * gateway (servers/tracedGateway.ts) per interval, each on a copy of the seeded ledger, rounds
 * alternating. A round is an optional phase at full speed (`--peak-seconds`, as the bench's peak
 * phase, which fills the log) and then evenly paced requests at `--rate` (the bench's half load);
 * each reports the paced phase's p50/p99, CPU µs a request, and its holds.
 *
 *   npx tsx bench/jobs/holdsHttp.ts [--intervals=10,100] [--kind=precall|presend] [--rate=1500] [--seconds=10]
 *     [--peak-seconds=0] [--rounds=2] [--rewind-pages=32768] [--consents=100000] [--holds]
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gatewayEnv } from '../lib/gatewayEnv';
import { holdSteps, holdStepsSummary, type SeenTrace } from '../lib/holdTrace';
import { runLoad } from '../lib/load';
import { runPaced } from '../lib/paced';
import { spawnServer, type ChildServer } from '../lib/proc';
import { dataDirWithCopy, sqliteSeed } from '../lib/seed';
import { acceptAllowed, AUTH, bodyMaker, DECISION_PATHS, type DecisionKind } from '../scenarios/decisions';

const { values } = parseArgs({
  options: {
    intervals: { type: 'string', default: '10,100' },
    kind: { type: 'string', default: 'precall' },
    rate: { type: 'string', default: '1500' },
    seconds: { type: 'string', default: '10' },
    'peak-seconds': { type: 'string', default: '0' },
    rounds: { type: 'string', default: '2' },
    'rewind-pages': { type: 'string', default: '32768' },
    consents: { type: 'string', default: '100000' },
    holds: { type: 'boolean', default: false },
  },
});
const kind = values.kind as DecisionKind;
const consents = Number(values.consents);
const seconds = Number(values.seconds);
const { file: seedFile } = await sqliteSeed(consents);
const traceDir = mkdtempSync(join(tmpdir(), 'cg-holds-'));

const servers = new Map<number, { server: ChildServer; trace: string }>();
for (const interval of values.intervals.split(',').map(Number)) {
  const trace = join(traceDir, `interval-${interval}.jsonl`);
  const env = gatewayEnv(dataDirWithCopy(seedFile), {
    BENCH_HOLD_TRACE: trace,
    BENCH_CHECKPOINT_INTERVAL_MS: String(interval),
    BENCH_REWIND_PAGES: values['rewind-pages'],
  });
  servers.set(interval, { server: await spawnServer(`gateway, passes every ${interval} ms`, 'tracedGateway.ts', { env }), trace });
  console.error(`passes every ${interval} ms: pid ${servers.get(interval)!.server.pid}, trace ${trace}`);
}
const traced = (trace: string): SeenTrace[] => {
  try {
    return readFileSync(trace, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SeenTrace);
  } catch {
    return [];
  }
};
const load = (server: ChildServer, seed: number, durationS: number) =>
  runLoad({ url: server.url, path: DECISION_PATHS[kind], headers: AUTH, body: bodyMaker(kind, consents, seed), connections: 16, durationS });

for (const { server } of servers.values()) await load(server, 7, 3);
const intervals = [...servers.keys()];
for (let r = 0; r < Number(values.rounds); r++) {
  for (const interval of r % 2 ? [...intervals].reverse() : intervals) {
    const { server, trace } = servers.get(interval)!;
    const peak = Number(values['peak-seconds']) > 0 ? await load(server, 11 + r, Number(values['peak-seconds'])) : null;
    const seen = traced(trace).length;
    const cpu0 = server.cpuSeconds();
    const res = await runPaced({
      url: server.url,
      path: DECISION_PATHS[kind],
      headers: AUTH,
      body: bodyMaker(kind, consents, 13 + r),
      rate: Number(values.rate),
      durationS: seconds,
      accept: acceptAllowed,
    });
    const cpuUs = Math.round(((server.cpuSeconds() - cpu0) / res.ok) * 1e6);
    // Let the pass after the last hold arrive, to see whether it restarted the log.
    await new Promise((r) => setTimeout(r, 2 * interval + 50));
    const holds = holdSteps(traced(trace).slice(seen));
    const row = {
      interval,
      round: r,
      peakRps: peak ? Math.round(peak.rps) : null,
      rps: Math.round(res.rps),
      p50: res.latency_ms.p50,
      p99: res.latency_ms.p99,
      cpuUs,
      steps: holdStepsSummary(holds, seconds),
      ...(values.holds ? { each: holds } : {}),
    };
    console.log(JSON.stringify(row));
  }
}
await Promise.all([...servers.values()].map(({ server }) => server.stop()));
