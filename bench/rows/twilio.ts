/**
 * The twilio row: calls.create and messages.create with the real SDK, straight
 * to the emulator and through the shared gateway, one in flight for latency and
 * several for throughput; messages.list, streamed through without a decision,
 * for the proxy hop alone.
 */
import type { BenchContext } from '../lib/context';
import { settle } from '../lib/measure';
import type { ChildServer } from '../lib/proc';
import { fmtNum, mark, ms, target } from '../lib/report';
import { twilioEmulatorPresent } from '../lib/sharedGateway';
import { round } from '../lib/stats';
import { sdkLoad, type SdkRun, type TwilioOp } from '../scenarios/twilio';

/** The row without figures, saying why in the table and the results alike. */
function skipped(ctx: BenchContext, why: string): void {
  ctx.report.results.twilio = { skipped: `n/a (${why})` };
  ctx.report.table.push({
    scenario: 'Twilio calls.create / messages.create via gateway',
    baseline: 'SDK straight to the emulator',
    figure: `n/a (${why})`,
    target: '',
  });
}

export async function twilioRow(ctx: BenchContext): Promise<void> {
  const { p, judge, report, log } = ctx;
  if (!twilioEmulatorPresent()) return skipped(ctx, 'Twilio adapter not present');
  const gw = await ctx.shared.gateway();
  const emu = ctx.shared.emulator as ChildServer;
  const lowerHalf = Math.max(1, Math.floor(p.consents / 2));
  const probe = await sdkLoad(gw.url, 'calls.create', { concurrency: 1, durationS: 5, maxOps: 1, consents: lowerHalf, seed: 1 });
  if (probe.ok !== 1) return skipped(ctx, `Twilio adapter not answering: ${probe.first_error}`);
  const out: Record<string, unknown> = {};
  const half = Math.min(1.5, p.runS / 2);
  const ops: TwilioOp[] = ['calls.create', 'messages.create'];
  const opts = (concurrency: number, seed: number) => ({ concurrency, durationS: half, maxOps: p.maxRequests, consents: lowerHalf, seed });
  // Warm every operation on both paths before measuring any: the operation measured first would
  // otherwise pay for the gateway's code still being compiled.
  for (const op of [...ops, 'messages.list'] as TwilioOp[]) {
    await sdkLoad(emu.url, op, { ...opts(2, 3), durationS: p.warmupS });
    await sdkLoad(gw.url, op, { ...opts(2, 4), durationS: p.warmupS * 2 });
  }
  // One in flight, straight to the emulator and then through the gateway, with the gateway's own CPU per call.
  const oneAtATime = async (op: TwilioOp) => {
    // What ran before loaded this gateway at full speed: let it (and its checkpoint worker) settle first.
    const settled = await settle(gw);
    log(`twilio ${op}: gateway settled in ${settled.toFixed(1)} s`);
    const direct = await sdkLoad(emu.url, op, opts(1, 5));
    const cpuBefore = gw.cpuSeconds();
    const gated = await sdkLoad(gw.url, op, opts(1, 6));
    // How much of the added latency is work, not waiting.
    const cpuPerCall = ((gw.cpuSeconds() - cpuBefore) * 1e6) / Math.max(1, gated.ok + gated.failed);
    return { direct, gated, cpuPerCall, added50: gated.latency_ms.p50 - direct.latency_ms.p50, added99: gated.latency_ms.p99 - direct.latency_ms.p99 };
  };
  const checkRun = (op: TwilioOp, r: SdkRun) => {
    // Smoke sizes reuse few phones, so the daily texting cap legitimately blocks some messages there.
    if (r.ok === 0 || (!ctx.options.smoke && r.failed > r.ok * 0.01))
      throw new Error(`twilio ${op} through the gateway: ${r.failed} failed, ${r.ok} ok (${r.first_error})`);
  };
  for (const op of ops) {
    const { direct: direct1, gated: gated1, cpuPerCall, added50, added99 } = await oneAtATime(op);
    const directN = await sdkLoad(emu.url, op, opts(p.twilioConcurrency, 7));
    const gatedN = await sdkLoad(gw.url, op, opts(p.twilioConcurrency, 8));
    checkRun(op, gated1);
    checkRun(op, gatedN);
    const ratio = gatedN.ops_per_s / directN.ops_per_s;
    const t = target(`twilio_${op}_added_p50`, `Twilio ${op}: added p50 latency through the gateway`, round(added50, 3), 'max', 1, ' ms', judge);
    report.targets.push(t);
    out[op] = {
      direct: { sequential: direct1, concurrent: directN },
      gateway: { sequential: gated1, concurrent: gatedN },
      added_ms: { p50: round(added50, 3), p99: round(added99, 3) },
      gateway_cpu_us_per_call: Math.round(cpuPerCall),
      throughput_ratio: round(ratio, 3),
    };
    report.table.push({
      scenario: `Twilio ${op} (twilio-node SDK)\nthrough the gateway to the emulator\n(1 in flight for latency, ${p.twilioConcurrency} for throughput)`,
      baseline: `same SDK call straight to the emulator:\np50 ${ms(direct1.latency_ms.p50)}, p99 ${ms(direct1.latency_ms.p99)}\n${fmtNum(directN.ops_per_s)} calls/s`,
      figure: `added p50 ${ms(added50)}, p99 ${ms(added99)}\n${fmtNum(gatedN.ops_per_s)} calls/s = ${fmtNum(ratio, 2)}× direct\ngateway CPU ${fmtNum(cpuPerCall)} µs/call`,
      target: mark(t, judge),
    });
  }
  // The proxy hop alone: a request the gateway streams through without a decision. What the gated
  // creates add beyond this is the gate (decision, its commit, the disclosure); the rest is the hop.
  const list = await oneAtATime('messages.list');
  checkRun('messages.list', list.gated);
  out['messages.list'] = {
    direct: { sequential: list.direct },
    gateway: { sequential: list.gated },
    added_ms: { p50: round(list.added50, 3), p99: round(list.added99, 3) },
    gateway_cpu_us_per_call: Math.round(list.cpuPerCall),
  };
  report.table.push({
    scenario: 'Twilio messages.list, not gated\n(streamed through: the proxy hop alone)\n(1 in flight)',
    baseline: `same SDK call straight to the emulator:\np50 ${ms(list.direct.latency_ms.p50)}, p99 ${ms(list.direct.latency_ms.p99)}`,
    figure: `added p50 ${ms(list.added50)}, p99 ${ms(list.added99)}\ngateway CPU ${fmtNum(list.cpuPerCall)} µs/call`,
    target: '(reference)',
  });
  report.results.twilio = out;
}
