/**
 * Every temporary file of a test run — ledgers, data directories, Redis
 * directories, the children's own — lands in one directory made for the run
 * and removed after it. The tests create theirs with mkdtemp under
 * os.tmpdir(), which reads TMPDIR; the workers and every process they start
 * inherit it from here. (Without this a run left ~105 directories in /tmp.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'consent-gate-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = runDir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(runDir, { recursive: true, force: true });
  };
}
