/**
 * `npm run bench` — what the gate adds to a call, side by side with a
 * baseline measured in the same run, and how it holds at ledger sizes from
 * 10,000 to 1,000,000 consents. Prints one table and writes
 * bench/results/latest.json (machine, every figure, every target).
 *
 * Servers under test are child processes (`node --import tsx
 * bench/servers/<x>.ts`) on loopback; the load (autocannon, the twilio SDK,
 * ws clients) runs here. Every run is bounded in time and in requests.
 * Each row lives in bench/rows/; `npm run bench -- --help` lists the flags,
 * docs/performance.md says what the rows measure.
 *
 * Exit code 1 only when the harness itself failed (a server did not start,
 * errors instead of answers, a revocation not on disk), never for a missed target.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createContext, disposeContext, type BenchContext } from './lib/context';
import { benchLogLevel, BENCH_RATE_LIMIT_PER_MINUTE } from './lib/gatewayEnv';
import { machineInfo } from './lib/machine';
import { parseBenchArgs, USAGE, type BenchOptions } from './lib/options';
import { REPO_ROOT } from './lib/proc';
import { renderTable } from './lib/report';
import { runRow } from './lib/runRow';
import { BENCH_DIR } from './lib/seed';
import { round } from './lib/stats';
import { decisionRow } from './rows/decisions';
import { consoleRow } from './rows/console';
import { dncRow } from './rows/dnc';
import { dncDecisionRow } from './rows/dncDecisions';
import { growthRow } from './rows/growth';
import { importRow } from './rows/import';
import { optoutRow } from './rows/optout';
import { redisRow } from './rows/redis';
import { twilioRow } from './rows/twilio';
import { transcriptionRow } from './rows/transcription';
import { mediaRow } from './rows/media';
import { callsRow } from './rows/calls';

async function runAll(ctx: BenchContext): Promise<void> {
  const { options, p, report, judge } = ctx;
  const machine = machineInfo();
  ctx.log(`consent-gate bench (${p.name}) on ${machine.nproc} × ${machine.cpu_model}, node ${machine.node}, load ${machine.load_average_at_start.join(' ')}`);
  await runRow(ctx, 'precall', (c) => decisionRow(c, 'precall'));
  await runRow(ctx, 'presend', (c) => decisionRow(c, 'presend'));
  // Beside the baseline the two rows above used, while the shared gateway is still up.
  await runRow(ctx, 'dnc-decisions', dncDecisionRow);
  // Twilio before the stream row: the stream revokes the upper half of the seeded phones, Twilio calls the lower half.
  await runRow(ctx, 'twilio', twilioRow);
  await runRow(ctx, 'optout', optoutRow);
  // The rows below start their own servers: the shared ones would only take CPU from them.
  await ctx.shared.stop();
  await runRow(ctx, 'import', importRow);
  await runRow(ctx, 'growth', growthRow);
  await runRow(ctx, 'redis', redisRow);
  await runRow(ctx, 'transcription', transcriptionRow);
  await runRow(ctx, 'media', mediaRow);
  await runRow(ctx, 'dnc', dncRow);
  await runRow(ctx, 'console', consoleRow);
  await runRow(ctx, 'calls', callsRow);

  const seconds = (performance.now() - ctx.startedAt) / 1000;
  const doc = {
    bench: 'consent-gate',
    profile: p,
    machine,
    load_average_at_end: loadavg().map((x) => round(x, 2)),
    total_seconds: round(seconds, 1),
    settings: {
      log_level: benchLogLevel(),
      rate_limit_per_minute: BENCH_RATE_LIMIT_PER_MINUTE,
      load_generator: 'autocannon (this process); servers are child processes on 127.0.0.1',
      latency: 'per-response durations from autocannon, percentiles computed here (ms, float)',
    },
    targets: report.targets,
    results: report.results,
    failures: report.failures,
  };
  const file = join(BENCH_DIR, 'results', options.smoke ? 'smoke.json' : options.allRows ? 'latest.json' : 'partial.json');
  mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  const header = `consent-gate bench${options.smoke ? ' --smoke (tiny sizes, 1 s runs: figures not judged)' : ''} — ${machine.nproc} cores (${machine.cpu_model}), node ${machine.node}, ${machine.date}, load avg ${machine.load_average_at_start[0]} → ${doc.load_average_at_end[0]}`;
  process.stdout.write(`\n${header}\n\n${renderTable(report.table)}\n\n`);
  const judged = report.targets.filter((t) => t.met !== null);
  if (judge)
    process.stdout.write(
      `targets met: ${judged.filter((t) => t.met).length}/${judged.length}${report.targets.length > judged.length ? ` (${report.targets.length - judged.length} not measured)` : ''}\n`,
    );
  process.stdout.write(`written ${file.replace(REPO_ROOT + '/', '')} in ${seconds.toFixed(0)} s\n`);
  if (report.failures.length) {
    process.stdout.write(`\nharness failures:\n${report.failures.map((f) => '  ' + f.split('\n')[0]).join('\n')}\n`);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n\n${USAGE}`);
    process.exitCode = 1;
    return;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const ctx = createContext(options);
  process.on('SIGINT', () => void disposeContext(ctx).then(() => process.exit(130)));
  try {
    await runAll(ctx);
  } catch (err) {
    process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
    process.exitCode = 1;
  } finally {
    await disposeContext(ctx);
  }
}

await main();
