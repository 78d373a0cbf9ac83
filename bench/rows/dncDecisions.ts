/**
 * The dnc-decisions row: the precall and pre-send rows again, against a gateway holding a
 * synthetic national registry (p.dncNumbers over p.dncAreaCodes area codes, one bitmap each, the
 * bench's consumers' area code among them), built straight through the store
 * (scenarios/dnc.ts buildRegistry), beside the same bare-express baseline; the ratio is compared
 * with the registry-free rows of the same run. The bench's consents are written ones, which
 * override a registry listing: every decision looks the number up and stays on the allowed path.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from '../lib/context';
import { gatewayEnv } from '../lib/gatewayEnv';
import { checkLoad, withCpu, type Measured } from '../lib/measure';
import { fmtNum, mark, ms, target } from '../lib/report';
import { dataDirWithCopy, sqliteSeed } from '../lib/seed';
import { medianBy, round } from '../lib/stats';
import { AUTH, DECISION_PATHS, atRate, peak, warm, type DecisionKind } from '../scenarios/decisions';
import { buildRegistry } from '../scenarios/dnc';

export async function dncDecisionRow(ctx: BenchContext): Promise<void> {
  const { p, judge, report, servers, log } = ctx;
  const seed = await sqliteSeed(p.consents, log);
  const dir = dataDirWithCopy(seed.file);
  try {
    const registry = await buildRegistry(join(dir, 'dnc'), p.dncNumbers, p.dncAreaCodes, new Date().toISOString().slice(0, 10));
    log(
      `registry: ${registry.numbers.toLocaleString('en-US')} numbers over ${registry.area_codes} area codes built in ${registry.seconds} s (${registry.disk_mb} MB)`,
    );
    const gw = await servers.start('gateway-dnc', 'gateway.ts', gatewayEnv(dir));
    try {
      // The gateway holds the registry, or the row would measure nothing new.
      const seen = (await (await fetch(`${gw.url}/v1/dnc`, { headers: AUTH })).json()) as { data?: { list: string; entries: number }[] };
      const national = seen.data?.find((l) => l.list === 'national');
      if (national?.entries !== registry.numbers) throw new Error(`the gateway holds ${national?.entries ?? 'no'} registry numbers, not ${registry.numbers}`);
      const base = await ctx.shared.bareExpress();
      const rssMb = round(gw.rssMb(), 1);
      const out: Record<string, unknown> = { registry, gateway_rss_mb_after_load: rssMb };
      for (const kind of ['precall', 'presend'] as DecisionKind[]) {
        await warm(base, kind, p.consents, p);
        await warm(gw, kind, p.consents, p);
        const minAccepted = kind === 'presend' && ctx.options.smoke ? 0 : 0.5;
        const bPeaks: Measured[] = [];
        const gPeaks: Measured[] = [];
        for (let i = 0; i < p.decisionRounds.peak; i++) {
          bPeaks.push(await withCpu(base, () => peak(base, kind, p.consents, p, 41 + 10 * i)));
          gPeaks.push(await withCpu(gw, () => peak(gw, kind, p.consents, p, 42 + 10 * i)));
          checkLoad(`${kind} with a registry, peak`, gPeaks[i], minAccepted);
        }
        const bPeak = medianBy(bPeaks, (r) => r.rps);
        const gPeak = medianBy(gPeaks, (r) => r.rps);
        const half = await atRate(gw, kind, p.consents, p, gPeak.rps / 2, 43);
        checkLoad(`${kind} with a registry, at 50%`, half, minAccepted);
        const ratio = gPeak.rps / bPeak.rps;
        // The registry-free row of the same run, when it ran.
        const plainRatio = (report.results[kind] as { throughput_ratio?: number } | undefined)?.throughput_ratio ?? null;
        const t = target(
          `${kind}_with_registry_throughput_ratio`,
          `${kind} with a registry: gateway/bare-express peak throughput`,
          round(ratio, 3),
          'min',
          0.6,
          '×',
          judge,
        );
        report.targets.push(t);
        out[kind] = {
          bare: { peak: bPeak, rounds: bPeaks.map((r) => r.rps) },
          gateway: { peak: gPeak, at_half_peak: half, rounds: gPeaks.map((r) => r.rps) },
          throughput_ratio: round(ratio, 3),
          throughput_ratio_without_registry: plainRatio,
        };
        report.table.push({
          scenario: `${DECISION_PATHS[kind]} with a do-not-call registry\n${registry.numbers.toLocaleString('en-US')} numbers, ${registry.area_codes} area codes\n(SQLite, ${p.consents.toLocaleString('en-US')} consents; peak median of ${p.decisionRounds.peak})`,
          baseline: `bare express, same JSON:\n${fmtNum(bPeak.rps)} req/s peak${plainRatio !== null ? `\nwithout the registry (same run): ${fmtNum(plainRatio, 2)}×` : ''}`,
          figure: `${fmtNum(gPeak.rps)} req/s = ${fmtNum(ratio, 2)}× baseline\n@50%: p50 ${ms(half.latency_ms.p50)}, p99 ${ms(half.latency_ms.p99)}\nCPU ${fmtNum(gPeak.server_cpu_us_per_request)} µs/req; RSS ${fmtNum(rssMb)} MB`,
          target: mark(t, judge),
        });
      }
      report.results['dnc-decisions'] = out;
    } finally {
      await servers.stop(gw);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
