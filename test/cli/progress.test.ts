/** The progress of long work (an import, a ledger upgrade): a bar with rate and ETA on a terminal, plain lines elsewhere. */
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress';
import { Capture } from './runCli';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('import progress', () => {
  it('on a terminal: a bar sized by bytes read, with rows, rate and ETA', async () => {
    const err = Object.assign(new Capture(), { isTTY: true, columns: 120 });
    const progress = progressReporter({ out: new Capture(), err }, { totalBytes: 10_000, mode: 'auto' });
    progress.update({ bytes: 2_500, rows: 100, rejected: 1 });
    await sleep(150);
    progress.update({ bytes: 5_000, rows: 200, rejected: 1 });
    progress.stop();
    expect(err.text).toMatch(/█+░* 100% \| 200 rows \| \d+ rows\/s \| 1 rejected \| ETA /);
    expect(err.text).toMatch(/ 25% \| 100 rows/);
  });

  it('elsewhere: a line every interval with percent, rate and ETA', async () => {
    const err = new Capture();
    let now = 0;
    const progress = progressReporter({ out: new Capture(), err }, { totalBytes: 1_000, mode: 'auto', intervalMs: 20, now: () => now });
    now = 2_000;
    progress.update({ bytes: 250, rows: 5_000, rejected: 2 });
    await sleep(50);
    progress.stop();
    const lines = err.text.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0]).toBe('import: 5000 rows (25%), 2500 rows/s, ETA 6s, 2 rejected');
    const count = lines.length;
    await sleep(50);
    expect(err.text.trim().split('\n')).toHaveLength(count);
  });

  it('names other work in its lines and leaves out rejections it cannot have (ledger upgrade)', async () => {
    const err = new Capture();
    let now = 0;
    const progress = progressReporter(
      { out: new Capture(), err },
      { totalBytes: 1_000, mode: 'lines', intervalMs: 20, now: () => now, label: 'upgrade', rejections: false },
    );
    now = 1_000;
    progress.update({ bytes: 500, rows: 500, rejected: 0 });
    await sleep(50);
    progress.stop();
    expect(err.text.trim().split('\n')[0]).toBe('upgrade: 500 rows (50%), 500 rows/s, ETA 1s');
  });
});
