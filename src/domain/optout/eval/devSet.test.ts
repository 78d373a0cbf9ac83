import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectOptOut } from '../detectOptOut';
import { CORPUS, corpusCoverage, evaluate, parseEvalSet, thresholdFailures } from './score';

const dev = parseEvalSet(readFileSync(new URL('./dev.jsonl', import.meta.url), 'utf8'));
const heldout = parseEvalSet(readFileSync(new URL('./heldout.jsonl', import.meta.url), 'utf8'));

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function evalTool(...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(TSX, ['scripts/eval-optout.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('the development set', () => {
  it('clears the bar: recall ≥ 99% and false alarms ≤ 1% overall, ≥ 95% recall in every language, every SMS keyword caught', () => {
    expect(thresholdFailures(evaluate(dev, detectOptOut))).toEqual([]);
  });

  it('covers every language with opt-outs, hard negatives and carrier keywords where they exist', () => {
    for (const lang of CORPUS.languages) {
      const mine = dev.filter((u) => u.lang === lang);
      expect(mine.filter((u) => u.label === 'opt_out').length, lang).toBeGreaterThanOrEqual(25);
      expect(mine.filter((u) => u.label === 'none').length, lang).toBeGreaterThanOrEqual(15);
      expect(
        mine.some((u) => u.keyword === true),
        lang,
      ).toBe(true);
    }
  });

  it('with the held-out set makes a corpus of at least 3,000 utterances, 100 in each of ten languages', () => {
    expect(corpusCoverage([dev, heldout]).failures).toEqual([]);
  });
});

describe('npm run eval:optout', () => {
  it('prints per-language and per-channel figures for the development set and passes it', () => {
    const { status, out } = evalTool('--set', 'dev');
    expect(out).toMatch(/^overall +\d+/m);
    for (const group of ['sms', 'voice', ...CORPUS.languages]) expect(out, group).toMatch(new RegExp(`^${group} +\\d+`, 'm'));
    expect(out).toMatch(/^voice\/ko +\d+/m);
    expect(out).toMatch(/corpus \(dev \+ held-out\): \d+ utterances; en \d+/);
    expect(out).toContain('dev PASS');
    expect(status).toBe(0);
  }, 60_000);

  it('lists misses and false alarms and exits non-zero under the bar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-eval-'));
    const file = join(dir, 'tiny.jsonl');
    const line = (text: string, label: string, extra = {}) => JSON.stringify({ text, channel: 'sms', lang: 'en', label, ...extra });
    writeFileSync(file, [line('STOP', 'opt_out', { keyword: true }), line('zzqx', 'opt_out', { keyword: true }), line('stop calling me', 'none')].join('\n'));
    const { status, out } = evalTool('--file', file);
    expect(out).toContain('tiny.jsonl: misses (1)');
    expect(out).toContain('"zzqx"');
    expect(out).toContain('tiny.jsonl: false alarms (1)');
    expect(out).toContain('"stop calling me"  label=none got=opt_out phrase:en:stop calling');
    expect(out).toMatch(/tiny\.jsonl FAIL: .*1 SMS keyword\(s\) missed: en:zzqx/);
    expect(status).toBe(1);
  }, 60_000);
});
