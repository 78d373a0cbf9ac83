/**
 * One bench run's state, passed to every row: the options, a log timed from
 * the start, the scratch directory, the child servers, the shared gateway,
 * what has been reported so far, and the decision rows' peaks the later rows
 * compare against.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecisionKind } from '../scenarios/decisions';
import type { LoadResult } from './load';
import type { BenchOptions } from './options';
import type { Profile } from './profile';
import { emptyReport, type BenchReport } from './report';
import { BENCH_DIR } from './seed';
import { ServerPool } from './serverPool';
import { SharedGateway } from './sharedGateway';

export interface BenchContext {
  options: BenchOptions;
  p: Profile;
  /** Targets are judged on a full run only. */
  judge: boolean;
  /** performance.now() at the start of the run. */
  startedAt: number;
  log: (s: string) => void;
  scratch: string;
  servers: ServerPool;
  shared: SharedGateway;
  report: BenchReport;
  /** The shared gateway's figures per decision row, for the growth and Redis rows to compare with. */
  gatewayDecisions: Partial<Record<DecisionKind, { peak: LoadResult; at_half_peak: LoadResult }>>;
}

export function createContext(options: BenchOptions): BenchContext {
  const startedAt = performance.now();
  const log = (s: string) => process.stderr.write(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)}s] ${s}\n`);
  const scratch = mkdtempSync(join(tmpdir(), 'cg-bench-run-'));
  const profDir = options.cpuProf ? join(BENCH_DIR, '.cache', 'profiles', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
  if (profDir) mkdirSync(profDir, { recursive: true });
  const report = emptyReport();
  const servers = new ServerPool({
    profDir,
    cpuProfIntervalUs: options.cpuProfIntervalUs,
    log,
    onProfile: (name, summary) => (((report.results.profiles ??= {}) as Record<string, unknown>)[name] = summary),
  });
  const shared = new SharedGateway({
    p: options.profile,
    withTwilio: options.only.has('twilio'),
    scratch,
    servers,
    log,
    onResponseBytes: (bytes) => (report.results.response_bytes = bytes),
  });
  return { options, p: options.profile, judge: !options.smoke, startedAt, log, scratch, servers, shared, report, gatewayDecisions: {} };
}

/** Stops every child still running and removes the scratch directory (also on an interrupted run). */
export async function disposeContext(ctx: BenchContext): Promise<void> {
  await ctx.servers.stopAll();
  rmSync(ctx.scratch, { recursive: true, force: true });
}
