/**
 * A process's CPU split by thread, and its I/O counters, from /proc: what a
 * whole-process CPU figure cannot say is which thread spent it (the event
 * loop, libuv's pool, V8's compiler and collector helpers, the checkpointer's
 * worker).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { statTicks } from './proc';

export interface ProcSample {
  /** user and system time in clock ticks, by thread id, with the thread's name. */
  threads: Map<number, ThreadTicks>;
  /** /proc/<pid>/io: bytes handed to write(2) and friends, bytes sent to storage, write calls. */
  io: { wchar: number; writeBytes: number; syscw: number };
}

interface ThreadTicks {
  name: string;
  user: number;
  system: number;
}

const threadTicks = (pid: number, tid: number): ThreadTicks | null => statTicks(`/proc/${pid}/task/${tid}/stat`);

export function sampleProc(pid: number): ProcSample {
  const threads = new Map<number, ThreadTicks>();
  for (const entry of readdirSync(`/proc/${pid}/task`)) {
    const t = threadTicks(pid, Number(entry));
    if (t) threads.set(Number(entry), t);
  }
  const io = Object.fromEntries(
    readFileSync(`/proc/${pid}/io`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(': ') as [string, string])
      .map(([k, v]) => [k, Number(v)]),
  );
  return { threads, io: { wchar: io.wchar, writeBytes: io.write_bytes, syscw: io.syscw } };
}

/**
 * µs of CPU per request, user+system, for each thread that ran between two samples. Node 20 names
 * every thread `node`, so the others are told apart by their rank in creation order (`node#3`):
 * V8's platform workers start first, the worker threads (the checkpointer, tsx's loader) and
 * libuv's pool when first used. A thread born between the samples counts from zero.
 */
export function perRequest(pid: number, before: ProcSample, after: ProcSample, requests: number) {
  const us = (ticks: number) => Math.round(((ticks / 100) * 1e6) / requests);
  const cpuUs: Record<string, string> = {};
  const tids = [...after.threads.keys()].sort((a, b) => a - b);
  for (const [rank, tid] of tids.entries()) {
    const t = after.threads.get(tid)!;
    const b = before.threads.get(tid) ?? { user: 0, system: 0 };
    const user = us(t.user - b.user);
    const system = us(t.system - b.system);
    if (user + system > 0) cpuUs[tid === pid ? 'main' : `${t.name}#${rank}`] = `${user}+${system}`;
  }
  return {
    cpuUs,
    wcharPerReq: Math.round((after.io.wchar - before.io.wchar) / requests),
    writeBytesPerReq: Math.round((after.io.writeBytes - before.io.writeBytes) / requests),
    writeCallsPerReq: Math.round(((after.io.syscw - before.io.syscw) / requests) * 100) / 100,
  };
}
