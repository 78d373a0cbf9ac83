/**
 * The precall and pre-send rows: the shared gateway against bare express
 * answering the same JSON, peak throughput and p99 at half of each side's
 * own peak.
 */
import type { BenchContext } from '../lib/context';
import { checkLoad, withCpu, withHolds, type Measured, type RewindHolds } from '../lib/measure';
import { fmtNum, mark, ms, target } from '../lib/report';
import { medianBy, minBy, round } from '../lib/stats';
import { atRate, atRateAutocannon, peak, warm, type DecisionKind } from '../scenarios/decisions';

export async function decisionRow(ctx: BenchContext, kind: DecisionKind): Promise<void> {
  const { p, judge, report } = ctx;
  const smoke = ctx.options.smoke;
  const gw = await ctx.shared.gateway();
  const base = await ctx.shared.bareExpress();
  await warm(base, kind, p.consents, p);
  await warm(gw, kind, p.consents, p);
  // Smoke sizes reuse few phones, so the daily texting cap legitimately refuses some texts there.
  const minAccepted = kind === 'presend' && smoke ? 0 : 0.5;
  // Alternating rounds (see Profile.decisionRounds): the median peak of each side, the best p99 at half peak.
  const bPeaks: Measured[] = [];
  const gPeaks: Measured[] = [];
  for (let i = 0; i < p.decisionRounds.peak; i++) {
    bPeaks.push(await withCpu(base, () => peak(base, kind, p.consents, p, 11 + 10 * i)));
    gPeaks.push(await withCpu(gw, () => peak(gw, kind, p.consents, p, 12 + 10 * i)));
    checkLoad(`${kind} gateway peak`, gPeaks[i], minAccepted);
  }
  const bPeak = medianBy(bPeaks, (r) => r.rps);
  const gPeak = medianBy(gPeaks, (r) => r.rps);
  const bHalf: Measured[] = [];
  const gHalf: (Measured & { rewind_holds: RewindHolds })[] = [];
  for (let i = 0; i < p.decisionRounds.half; i++) {
    gHalf.push(await withCpu(gw, () => withHolds(gw, () => atRate(gw, kind, p.consents, p, gPeak.rps / 2, 13 + 10 * i))));
    bHalf.push(await withCpu(base, () => atRate(base, kind, p.consents, p, bPeak.rps / 2, 14 + 10 * i)));
    checkLoad(`${kind} gateway at 50%`, gHalf[i], minAccepted);
  }
  const gFixed = minBy(gHalf, (r) => r.latency_ms.p99);
  const bFixed = minBy(bHalf, (r) => r.latency_ms.p99);
  // Cross-check with autocannon's overallRate (bursty pacing, see lib/paced.ts): recorded, not judged.
  const gBursty = await atRateAutocannon(gw, kind, p.consents, p, gPeak.rps / 2, 15, smoke ? 0.5 : 1);
  const ratio = gPeak.rps / bPeak.rps;
  const tRatio = target(`${kind}_throughput_ratio`, `${kind}: gateway/bare-express peak throughput`, round(ratio, 3), 'min', 0.6, '×', judge);
  const tP99 = target(`${kind}_p99_at_half_peak`, `${kind}: p99 at 50% of its peak rate`, gFixed.latency_ms.p99, 'max', 5, ' ms', judge);
  report.targets.push(tRatio, tP99);
  ctx.gatewayDecisions[kind] = { peak: gPeak, at_half_peak: gFixed };
  report.results[kind] = {
    consents: p.consents,
    bare: { peak: bPeak, at_half_peak: bFixed, rounds: { peak_rps: bPeaks.map((r) => r.rps), half_peak_p99_ms: bHalf.map((r) => r.latency_ms.p99) } },
    gateway: {
      peak: gPeak,
      at_half_peak: gFixed,
      at_half_peak_autocannon_overall_rate: gBursty,
      rounds: { peak_rps: gPeaks.map((r) => r.rps), half_peak_p99_ms: gHalf.map((r) => r.latency_ms.p99) },
    },
    throughput_ratio: round(ratio, 3),
  };
  const label = kind === 'precall' ? 'POST /v1/precall, allowed path' : 'POST /v1/sms/pre-send, allowed path\n(frequency cap counted)';
  report.table.push({
    scenario: `${label}\nSQLite, ${p.consents.toLocaleString('en-US')} consents\npeak: autocannon ${p.peakConnections} conns, median of ${p.decisionRounds.peak}\n@50%: evenly paced, best p99 of ${p.decisionRounds.half}\n(rounds alternate with the baseline)`,
    baseline: `bare express, same JSON:\n${fmtNum(bPeak.rps)} req/s peak\n@50%: p50 ${ms(bFixed.latency_ms.p50)}, p99 ${ms(bFixed.latency_ms.p99)}`,
    figure: `${fmtNum(gPeak.rps)} req/s = ${fmtNum(ratio, 2)}× baseline\n@50% (${fmtNum(gFixed.rps)}/s): p50 ${ms(gFixed.latency_ms.p50)}, p99 ${ms(gFixed.latency_ms.p99)}\n@50%: WAL rewind holds ${gFixed.rewind_holds.count}, mean ${ms(gFixed.rewind_holds.mean_ms)}\nCPU ${fmtNum(gPeak.server_cpu_us_per_request)} µs/req vs ${fmtNum(bPeak.server_cpu_us_per_request)}`,
    target: `${mark(tRatio, judge)}\n${mark(tP99, judge)}`,
  });
}
