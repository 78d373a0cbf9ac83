/**
 * The console row: the overview's server time (its four reads) and the time until Chromium has
 * drawn it, chart included, on ledgers of two sizes (scenarios/console.ts). The reads come from
 * counts kept per day, so the larger ledger should cost no more than the smaller.
 */
import { rmSync } from 'node:fs';
import type { BenchContext } from '../lib/context';
import { gatewayEnv } from '../lib/gatewayEnv';
import { fmtNum, mark, target } from '../lib/report';
import { round } from '../lib/stats';
import { measureOverview, seedConsoleLedger, type OverviewTimes } from '../scenarios/console';

export async function consoleRow(ctx: BenchContext): Promise<void> {
  const { p, judge, report, log, servers } = ctx;
  const results: Record<number, OverviewTimes & { insert_seconds: number; count_seconds: number }> = {};
  for (const n of p.consoleDecisions) {
    const seed = await seedConsoleLedger(n);
    log(`console seed: ${n.toLocaleString('en-US')} decisions written in ${seed.insert_seconds} s, counted per day in ${seed.count_seconds} s`);
    const gw = await servers.start(`gateway-console-${n}`, 'gateway.ts', gatewayEnv(seed.dataDir));
    try {
      results[n] = { ...(await measureOverview(gw.url, n, p.consoleViews)), insert_seconds: seed.insert_seconds, count_seconds: seed.count_seconds };
    } finally {
      await servers.stop(gw);
      rmSync(seed.dataDir, { recursive: true, force: true });
    }
  }
  const [small, large] = p.consoleDecisions;
  const ratio = round(results[large].server_ms.p50 / results[small].server_ms.p50, 2);
  const tServer = target('console_overview_server_ms', `overview reads with ${large} decisions (p50)`, results[large].server_ms.p50, 'max', 50, ' ms', judge);
  const tRatio = target('console_overview_growth', `overview reads, ${large} vs ${small} decisions (p50)`, ratio, 'max', 1.5, '×', judge);
  const tDrawn = target(
    'console_overview_drawn_ms',
    `overview drawn in Chromium with ${large} decisions (p50)`,
    results[large].drawn_ms.p50,
    'max',
    1000,
    ' ms',
    judge,
  );
  report.targets.push(tServer, tRatio, tDrawn);
  report.results.console = results;
  for (const n of p.consoleDecisions) {
    const r = results[n];
    report.table.push({
      scenario: `console overview, ${n.toLocaleString('en-US')} decisions (SQLite)\nits 4 reads; then drawn in Chromium, chart included`,
      baseline: '—',
      figure: `reads p50 ${fmtNum(r.server_ms.p50)} ms, p90 ${fmtNum(r.server_ms.p90)} ms\ndrawn p50 ${fmtNum(r.drawn_ms.p50)} ms; first paint ${fmtNum(r.first_paint_ms.p50)} ms`,
      target: n === large ? `${mark(tServer, judge)}\n${mark(tRatio, judge)}\n${mark(tDrawn, judge)}` : '',
    });
  }
}
