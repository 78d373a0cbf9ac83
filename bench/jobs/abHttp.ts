/**
 * A/B of the gateway's whole HTTP path between this tree and another checkout:
 * each tree's gateway (bench/servers/gateway.ts, as `npm start` builds it) on
 * a copy of its own seeded ledger, autocannon alternating between them, server
 * CPU µs per answered request and requests/s per round.
 *
 * `--this=DIR` puts another checkout in this tree's place, so two older trees
 * can be compared with the same driver.
 *
 * Each round also reports CPU µs per request by thread, user+system (threadCpu.ts), and the bytes
 * and write calls per request from /proc/<pid>/io, the log's peak size and the rewind holds met
 * (walWatch.ts). `--strace` runs one more round a side under
 * `strace -c -f` and prints its system calls per request (the round's speed means nothing).
 *
 *   npx tsx bench/jobs/abHttp.ts --root=DIR [--this=DIR] [--kind=precall|presend] [--rounds=3] [--seconds=8] [--strace]
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad } from '../lib/load';
import { spawnServer, type ChildServer } from '../lib/proc';
import { countSyscalls } from '../lib/syscallCount';
import { perRequest, sampleProc } from '../lib/threadCpu';
import { type HoldSummary, withWalWatch } from '../lib/walWatch';
import { AUTH, bodyMaker, DECISION_PATHS, type DecisionKind } from '../scenarios/decisions';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    this: { type: 'string' },
    kind: { type: 'string', default: 'precall' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    consents: { type: 'string', default: '100000' },
    strace: { type: 'boolean', default: false },
  },
});
const kind = values.kind as DecisionKind;
const consents = Number(values.consents);
const trees = { this: resolve(values.this ?? join(import.meta.dirname, '../..')), other: resolve(values.root!) };

const profileDir = process.env.AB_CPU_PROF_DIR;
const ledgers: Record<string, string> = {};
async function start(root: string, name: 'this' | 'other'): Promise<ChildServer> {
  const seed = await import(pathToFileURL(join(root, 'bench/lib/seed.ts')).href);
  const env = await import(pathToFileURL(join(root, 'bench/lib/gatewayEnv.ts')).href);
  const { file } = await seed.sqliteSeed(consents);
  const dataDir = seed.dataDirWithCopy(file);
  ledgers[name] = join(dataDir, 'consent-gate.db');
  return spawnServer(`${name} tree`, 'gateway.ts', { cwd: root, env: env.gatewayEnv(dataDir), cpuProfDir: profileDir, cpuProfIntervalUs: 250 });
}

const servers = { this: await start(trees.this, 'this'), other: await start(trees.other, 'other') };
type Round = { cpuUs: number; rps: number; accepted: number | null; split: ReturnType<typeof perRequest>; holds: HoldSummary; walPeakMb: number };
const results: Record<string, Round[]> = {
  this: [],
  other: [],
};
for (const name of ['this', 'other'] as const)
  await runLoad({ url: servers[name].url, path: DECISION_PATHS[kind], headers: AUTH, body: bodyMaker(kind, consents, 7), connections: 16, durationS: 3 });
for (let r = 0; r < Number(values.rounds); r++) {
  for (const name of (r % 2 ? ['other', 'this'] : ['this', 'other']) as ('this' | 'other')[]) {
    const s = servers[name];
    const cpu0 = s.cpuSeconds();
    const sample0 = sampleProc(s.pid);
    const {
      result: res,
      holds,
      walPeakMb,
    } = await withWalWatch(s, ledgers[name], () =>
      runLoad({
        url: s.url,
        path: DECISION_PATHS[kind],
        headers: AUTH,
        body: bodyMaker(kind, consents, 11 + r),
        connections: 16,
        durationS: Number(values.seconds),
        accept: (_st: number, body: string) => body.includes('"allowed":true'),
      }),
    );
    const cpu = s.cpuSeconds() - cpu0;
    const answered = res.ok;
    const split = perRequest(s.pid, sample0, sampleProc(s.pid), answered);
    results[name].push({ cpuUs: Math.round((cpu / answered) * 1e6 * 10) / 10, rps: Math.round(res.rps), accepted: res.accepted, split, holds, walPeakMb });
  }
}
const syscalls: Record<string, Record<string, number>> = {};
if (values.strace)
  for (const name of ['this', 'other'] as const) {
    const s = servers[name];
    const { result, calls } = await countSyscalls(s.pid, join(tmpdir(), `abhttp-strace-${s.pid}.txt`), () =>
      runLoad({
        url: s.url,
        path: DECISION_PATHS[kind],
        headers: AUTH,
        body: bodyMaker(kind, consents, 99),
        connections: 16,
        durationS: Number(values.seconds),
      }),
    );
    syscalls[name] = Object.fromEntries(Object.entries(calls).map(([call, n]) => [call, Math.round((n / result.ok) * 100) / 100]));
  }
// stop() waits for a clean exit: that is when --cpu-prof writes its profile.
await Promise.all(Object.values(servers).map((s) => s.stop()));
console.log(JSON.stringify({ kind, results, syscalls }));
