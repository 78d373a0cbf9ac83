/**
 * System calls of a running process counted by `strace -c -f` over a stretch of time, every
 * thread included: how many writes, fsyncs and reads a request costs. strace slows the process
 * several times over, so the stretch's CPU and requests per second say nothing; the counts
 * per request do, though a slower server batches more decisions in a commit.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export async function countSyscalls<T>(pid: number, file: string, during: () => Promise<T>): Promise<{ result: T; calls: Record<string, number> }> {
  const tracer = spawn('strace', ['-c', '-f', '-o', file, '-p', String(pid)], { stdio: 'ignore' });
  const exited = new Promise<void>((res) => tracer.once('exit', () => res()));
  await sleep(500); // attaching to every thread takes a moment
  const result = await during();
  tracer.kill('SIGINT');
  await exited;
  const calls: Record<string, number> = {};
  // strace -c's table: % time, seconds, usecs/call, calls, [errors,] syscall
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length >= 5 && /^\d/.test(cols[0]) && /^[a-z_0-9]+$/.test(cols[cols.length - 1])) calls[cols[cols.length - 1]] = Number(cols[3]);
  }
  return { result, calls };
}
