/**
 * The growth row: the same precall rate against a small and a large seeded
 * ledger, alternating, best p99 of each; and the large gateway's memory.
 */
import { rmSync } from 'node:fs';
import type { BenchContext } from '../lib/context';
import { gatewayEnv } from '../lib/gatewayEnv';
import type { LoadResult } from '../lib/load';
import { checkLoad, withHolds, type RewindHolds } from '../lib/measure';
import { fmtNum, mark, ms, target } from '../lib/report';
import { dataDirWithCopy, sqliteSeed } from '../lib/seed';
import { round } from '../lib/stats';
import { atRate, warm } from '../scenarios/decisions';

export async function growthRow(ctx: BenchContext): Promise<void> {
  const { p, judge, report, log, servers } = ctx;
  const [small, large] = p.growth;
  const seeds = [];
  for (const n of [small, large]) {
    const s = await sqliteSeed(n, log);
    log(`seed: ${n.toLocaleString('en-US')} consents ${s.cached ? 'from cache' : `built in ${s.seconds.toFixed(1)} s`} (${(s.bytes / 2 ** 20).toFixed(0)} MB)`);
    seeds.push(s);
  }
  const dirs = seeds.map((s) => dataDirWithCopy(s.file));
  const gateways = await Promise.all([
    servers.start(`gateway-${small}`, 'gateway.ts', gatewayEnv(dirs[0])),
    servers.start(`gateway-${large}`, 'gateway.ts', gatewayEnv(dirs[1])),
  ]);
  try {
    // Same absolute rate for both: half the precall peak measured above (or a fixed one when that row did not run).
    const gwPeak = ctx.gatewayDecisions.precall?.peak.rps;
    const rate = Math.max(50, Math.round((gwPeak ?? 1000) / 2));
    await Promise.all(gateways.map((s, i) => warm(s, 'precall', p.growth[i], p)));
    const runs: (LoadResult & { rewind_holds: RewindHolds })[][] = [[], []];
    for (let round_ = 0; round_ < p.growthRounds; round_++) {
      for (const [i, s] of gateways.entries()) {
        // The holds each run met, so a p99 made of one can be told from one made by the ledger's size.
        const r = await withHolds(s, () => atRate(s, 'precall', p.growth[i], { ...p, runS: p.shortRunS }, rate, 20 + round_));
        checkLoad(`growth ${p.growth[i]}`, r);
        runs[i].push(r);
      }
    }
    const bestP99 = runs.map((rs) => Math.min(...rs.map((r) => r.latency_ms.p99)));
    const bestP50 = runs.map((rs) => Math.min(...rs.map((r) => r.latency_ms.p50)));
    const ratio = bestP99[1] / bestP99[0];
    const holds = (i: number) => `WAL rewind holds per run: ${runs[i].map((r) => r.rewind_holds.count).join(', ')}`;
    const rss = gateways[1].rssMb();
    const peakRss = gateways[1].peakRssMb();
    // Anonymous memory (heaps) vs file pages: the node binary, and the ledger where it is read through its memory map
    // (a ledger larger than SQLITE_MMAP_MB at start is not mapped: see mapSize in src/ledger/sqlite/openFile.ts).
    const split = gateways[1].rssSplitMb();
    const tGrowth = target('growth_p99_ratio', `precall p99 with ${large} vs ${small} consents`, round(ratio, 3), 'max', 1.5, '×', judge);
    const tRss = target('rss_large_ledger', `gateway RSS with ${large} consents (SQLite)`, round(peakRss, 1), 'max', 300, ' MB', judge);
    report.targets.push(tGrowth, tRss);
    report.results.growth = {
      rate_per_s: rate,
      rounds: p.growthRounds,
      [small]: {
        runs: runs[0],
        best_p50: bestP50[0],
        best_p99: bestP99[0],
        rss_mb: round(gateways[0].rssMb(), 1),
        peak_rss_mb: round(gateways[0].peakRssMb(), 1),
      },
      [large]: {
        runs: runs[1],
        best_p50: bestP50[1],
        best_p99: bestP99[1],
        rss_mb: round(rss, 1),
        rss_anon_mb: round(split.anon, 1),
        rss_file_mb: round(split.file, 1),
        peak_rss_mb: round(peakRss, 1),
        db_mb: round(seeds[1].bytes / 2 ** 20, 0),
      },
      p99_ratio: round(ratio, 3),
    };
    report.table.push({
      scenario: `precall p99, ${small.toLocaleString('en-US')} vs ${large.toLocaleString('en-US')} consents\n(same rate ${rate}/s, best of ${p.growthRounds} alternating)\nRSS of the ${large.toLocaleString('en-US')}-consent gateway`,
      baseline: `itself at ${small.toLocaleString('en-US')}:\np50 ${ms(bestP50[0])}, p99 ${ms(bestP99[0])}\n${holds(0)}`,
      figure: `at ${large.toLocaleString('en-US')}: p50 ${ms(bestP50[1])}, p99 ${ms(bestP99[1])}\n= ${fmtNum(ratio, 2)}× p99\n${holds(1)}\nRSS ${fmtNum(rss)} MB (peak ${fmtNum(peakRss)} MB):\n${fmtNum(split.anon)} MB anonymous, ${fmtNum(split.file)} MB file-backed\n(the node binary; a ledger larger than\nthe map is not mapped)\nDB ${fmtNum(seeds[1].bytes / 2 ** 20)} MB`,
      target: `${mark(tGrowth, judge)}\n${mark(tRss, judge)}`,
    });
  } finally {
    for (const s of gateways) await servers.stop(s);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
