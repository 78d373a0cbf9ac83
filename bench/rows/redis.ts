/**
 * The redis row: precall and pre-send on the Redis engine (appendfsync
 * always) from a cached snapshot, beside the SQLite figures of the same run.
 * Skipped, not failed, where redis-server or the engine is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from '../lib/context';
import { gatewayEnv } from '../lib/gatewayEnv';
import { checkLoad, withCpu } from '../lib/measure';
import type { ChildServer } from '../lib/proc';
import { fmtNum, ms } from '../lib/report';
import { round } from '../lib/stats';
import { atRate, DECISION_PATHS, peak, warm, type DecisionKind } from '../scenarios/decisions';

export async function redisRow(ctx: BenchContext): Promise<void> {
  const { p, report, log, servers } = ctx;
  const skip = (why: string) => {
    report.results.redis = { skipped: why };
    report.table.push({ scenario: 'Redis engine: precall / pre-send', baseline: 'the SQLite figures above', figure: why, target: '' });
  };
  // Loaded here: a checkout without the Redis engine still runs the other rows.
  const { redisServerMissing, redisSeed, redisFromSeed } = await import('../lib/redis');
  const missing = redisServerMissing();
  if (missing) return skip(`n/a (${missing.split('.')[0]})`);
  let seed;
  try {
    seed = await redisSeed(p.consents, log);
  } catch (err) {
    return skip(`n/a (Redis engine not available: ${(err as Error).message.split('\n')[0]})`);
  }
  log(`redis seed: ${p.consents.toLocaleString('en-US')} consents ${seed.cached ? 'from cache' : `built in ${seed.seconds.toFixed(1)} s`}`);
  const redis = await redisFromSeed(seed.file);
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-redisgw-'));
  let gw: ChildServer;
  try {
    gw = await servers.start('gateway-redis', 'gateway.ts', gatewayEnv(dir, { STORE: 'redis', REDIS_URL: redis.url }));
  } catch (err) {
    await redis.stop();
    if (/not available/.test((err as Error).message)) return skip('n/a (STORE=redis not available in this build)');
    throw err;
  }
  try {
    const out: Record<string, unknown> = {};
    for (const kind of ['precall', 'presend'] as DecisionKind[]) {
      await warm(gw, kind, p.consents, p);
      const short = { ...p, runS: p.shortRunS };
      const minAccepted = kind === 'presend' && ctx.options.smoke ? 0 : 0.5;
      const r = await withCpu(gw, () => peak(gw, kind, p.consents, short, 31));
      checkLoad(`redis ${kind} peak`, r, minAccepted);
      const f = await atRate(gw, kind, p.consents, short, r.rps / 2, 32);
      checkLoad(`redis ${kind} at 50%`, f, minAccepted);
      const sqlite = ctx.gatewayDecisions[kind];
      const ratio = sqlite ? r.rps / sqlite.peak.rps : NaN;
      out[kind] = { peak: r, at_half_peak: f, throughput_vs_sqlite: round(ratio, 3) };
      report.table.push({
        scenario: `Redis engine (appendfsync always): ${DECISION_PATHS[kind]}\n${p.consents.toLocaleString('en-US')} consents`,
        baseline: sqlite ? `SQLite, same run:\n${fmtNum(sqlite.peak.rps)} req/s, p99@50% ${ms(sqlite.at_half_peak.latency_ms.p99)}` : 'SQLite row not run',
        figure: `${fmtNum(r.rps)} req/s = ${fmtNum(ratio, 2)}× SQLite\n@50%: p50 ${ms(f.latency_ms.p50)}, p99 ${ms(f.latency_ms.p99)}\nCPU ${fmtNum(r.server_cpu_us_per_request)} µs/req`,
        target: '—',
      });
    }
    report.results.redis = out;
  } finally {
    await servers.stop(gw);
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
