/**
 * The checkpointer's share of the ledger's writes at a fixed rate, for several intervals between its
 * passes: the worker thread's CPU per decision (user+system, from /proc/self/task), the main
 * thread's, the write calls per decision, each rewind hold's length (the ledger's own callback, not
 * the metric's buckets) and the log's peak size. A fixed rate, unlike a load generator at full
 * speed, makes the worker's CPU per decision comparable between settings: it spends per pass, not
 * per request. Settings alternate within each round, each on a fresh copy of the seeded ledger.
 *
 * `--trace` takes every hold apart (holdTrace.ts): where its milliseconds went, what its checkpoint copied,
 * whether the log was started over after it; `--holds` prints each hold, not only the run's means.
 *
 *   npx tsx bench/jobs/checkpointPasses.ts [--intervals=10,50,100] [--rate=500] [--seconds=8] [--rounds=3] [--rewind-pages=1024] [--consents=100000] [--trace] [--holds]
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { newId } from '../../src/domain/ids';
import { holdSteps, holdStepsSummary, type SeenTrace, walRestarts } from '../lib/holdTrace';
import { dataDirWithCopy, sqliteSeed } from '../lib/seed';
import { summarize } from '../lib/stats';
import { sampleProc } from '../lib/threadCpu';

const { values } = parseArgs({
  options: {
    intervals: { type: 'string', default: '10,50,100' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    'rewind-pages': { type: 'string', default: '1024' },
    consents: { type: 'string', default: '100000' },
    trace: { type: 'boolean', default: false },
    holds: { type: 'boolean', default: false },
  },
});
const intervals = values.intervals.split(',').map(Number);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const { file: seedFile } = await sqliteSeed(Number(values.consents));

const ticks = (s: ReturnType<typeof sampleProc>, tids: number[]) =>
  tids.reduce(
    (sum, tid) => {
      const t = s.threads.get(tid);
      return t ? { user: sum.user + t.user, system: sum.system + t.system } : sum;
    },
    { user: 0, system: 0 },
  );

async function run(intervalMs: number, seq: number) {
  const file = join(dataDirWithCopy(seedFile), 'consent-gate.db');
  const holds: number[] = [];
  const events: SeenTrace[] = [];
  const walSeq = () => walRestarts(file);
  const before = new Set(sampleProc(process.pid).threads.keys());
  const ledger = new SqliteLedger({
    file,
    rewindPages: Number(values['rewind-pages']),
    checkpointIntervalMs: intervalMs,
    onWriteHold: (s) => holds.push(s * 1000),
    onCheckpointTrace: values.trace ? (e) => events.push({ ...e, walSeq: walSeq() }) : undefined,
  });
  // The worker's threads are the ones its start created (its isolate's own, not V8's shared platform threads).
  await new Promise((r) => setTimeout(r, 200));
  const workerTids = [...sampleProc(process.pid).threads.keys()].filter((tid) => !before.has(tid));
  let peak = 0;
  const s0 = sampleProc(process.pid);
  const started = performance.now();
  let written = 0;
  // One decision a commit, at a steady rate: the log's frames per decision, and so the checkpointer's
  // work, do not then depend on how the timers happened to batch the writes.
  while (performance.now() - started < seconds * 1000) {
    const phone = `+1212${String(5_000_000 + ((seq * 7919 + written) % 4_000_000)).padStart(7, '0')}`;
    await ledger.recordDecision({
      id: newId('dec'),
      org_id: 'org_bench',
      kind: 'precall',
      phone,
      entity: 'Acme Insurance LLC',
      allowed: true,
      reason: null,
      request: { phone },
      response: { allowed: true },
      decided_at: new Date().toISOString(),
    });
    written++;
    try {
      peak = Math.max(peak, statSync(`${file}-wal`).size);
    } catch {}
    const wait = started + (written / rate) * 1000 - performance.now();
    await new Promise((r) => (wait > 1 ? setTimeout(r, wait) : setImmediate(r)));
  }
  const s1 = sampleProc(process.pid);
  await ledger.close();
  const us = (t: number) => Math.round(((t / 100) * 1e6) / written);
  const w0 = ticks(s0, workerTids);
  const w1 = ticks(s1, workerTids);
  const m0 = ticks(s0, [process.pid]);
  const m1 = ticks(s1, [process.pid]);
  const h = summarize(holds);
  return {
    intervalMs,
    decisions: written,
    workerUs: `${us(w1.user - w0.user)}+${us(w1.system - w0.system)}`,
    mainUs: `${us(m1.user - m0.user)}+${us(m1.system - m0.system)}`,
    writeCallsPerDecision: Math.round(((s1.io.syscw - s0.io.syscw) / written) * 100) / 100,
    holds: { count: h.count, p50Ms: Math.round(h.p50 * 100) / 100, maxMs: Math.round(h.max * 100) / 100 },
    walPeakMb: Math.round((peak / 2 ** 20) * 10) / 10,
    ...(values.trace ? { steps: holdStepsSummary(holdSteps(events), seconds) } : {}),
    ...(values.holds ? { each: holdSteps(events) } : {}),
  };
}

const results = [];
for (let r = 0; r < Number(values.rounds); r++) {
  const order = r % 2 ? [...intervals].reverse() : intervals;
  for (const ms of order) {
    const res = await run(ms, r * 100 + ms);
    console.error(JSON.stringify(res));
    results.push(res);
  }
}
console.log(JSON.stringify(results));
