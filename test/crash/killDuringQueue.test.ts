/**
 * The revocation fallback queue acknowledges an opt-out only once its line is written and flushed:
 * a process killed with SIGKILL while appends are in flight leaves every acknowledged opt-out in the
 * file, in the order queued, and whatever it was half-way through is set aside, not misread.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileRevocationQueue } from '../../src/gate/fallbackQueue';
import { REPO_ROOT } from '../support/childGateway';

const KILL_AFTER_ACKS = 150;

describe('revocation fallback queue, kill -9', () => {
  it('keeps every acknowledged opt-out, in order, when the process is killed mid-append', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-queue-crash-')), 'revocation-fallback.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/queueWriter.ts', file, '100000'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: { n: number; phone: string }[] = [];
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let partial = '';
    child.stdout.on('data', (d) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        const [, n, phone] = line.split(' ');
        acknowledged.push({ n: Number(n), phone });
      }
      if (acknowledged.length >= KILL_AFTER_ACKS) child.kill('SIGKILL');
    });
    const exited = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    expect(exited, stderr).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const queued = new FileRevocationQueue(file).pending().map((p) => p.phone);
    // Everything acknowledged is there, each at its place in the order queued, and nothing twice.
    for (const { n, phone } of acknowledged) expect(queued[n], `acknowledged opt-out ${n}`).toBe(phone);
    expect(new Set(queued).size).toBe(queued.length);
  }, 60_000);
});
