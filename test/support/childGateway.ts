/**
 * The gateway as a real child process (`node --import tsx src/main.ts`), for
 * tests that kill it: crash safety, graceful shutdown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from './ports';
import { waitForValue } from './wait';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface ChildGateway {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** What the process wrote to its standard output alone (the JSON log stream). */
  stdout: () => string;
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnGateway(env: Record<string, string>, timeoutMs = 20_000): Promise<ChildGateway> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  child.stdout!.on('data', (d) => {
    out += d;
    stdout += d;
  });
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const state = await waitForValue(
    'the gateway to be ready',
    async () => (child.exitCode !== null ? 'exited' : (await fetch(`${url}/readyz`)).ok ? 'ready' : 'starting'),
    (s) => s !== 'starting',
    { timeoutMs, intervalMs: 100 },
  ).catch((err: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${err.message}\n${out}`);
  });
  if (state === 'exited') throw new Error(`gateway exited early:\n${out}`);
  return { child, url, output: () => out, stdout: () => stdout, exited };
}
