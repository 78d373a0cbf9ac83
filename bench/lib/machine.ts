/** What the figures were measured on: they mean little without it. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { availableParallelism } from 'node:os';

export interface MachineInfo {
  nproc: number;
  cpu_model: string;
  total_memory_mb: number;
  node: string;
  platform: string;
  date: string;
  load_average_at_start: number[];
  git_commit: string | null;
}

export function machineInfo(): MachineInfo {
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    commit = null;
  }
  return {
    nproc: availableParallelism(),
    cpu_model: cpus()[0]?.model ?? 'unknown',
    total_memory_mb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
    load_average_at_start: loadavg().map((x) => Number(x.toFixed(2))),
    git_commit: commit,
  };
}
