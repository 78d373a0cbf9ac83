import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RevokeInput } from './revoke';
import { AppError } from '../errors';
import { FileRevocationQueue } from './fallbackQueue';
import { LedgerUnavailableError } from '../ledger/ledger';

const fileIn = () => join(mkdtempSync(join(tmpdir(), 'cg-fq-')), 'revocation-fallback.jsonl');
const input = (phone: string): RevokeInput => ({
  orgId: 'org_test',
  phone,
  calling_entity: 'Acme Insurance LLC',
  trigger: 'sms_stop',
  transcript: 'STOP',
  captured_at: new Date('2026-04-10T15:43:10.000Z'),
});

describe('FileRevocationQueue', () => {
  it('keeps queued opt-outs across a new process (a new instance on the same file)', async () => {
    const file = fileIn();
    await new FileRevocationQueue(file).enqueue(input('+15551230001'));
    await new FileRevocationQueue(file).enqueue(input('+15551230002'));
    const pending = new FileRevocationQueue(file).pending();
    expect(pending.map((p) => p.phone)).toEqual(['+15551230001', '+15551230002']);
    expect(pending[0].captured_at).toEqual(new Date('2026-04-10T15:43:10.000Z'));
  });

  it('applies in order, then compacts the file to empty', async () => {
    const file = fileIn();
    const q = new FileRevocationQueue(file);
    for (const p of ['+15551230001', '+15551230002', '+15551230003']) await q.enqueue(input(p));
    const applied: string[] = [];
    expect(await q.drain(async (i) => applied.push(i.phone))).toEqual({ applied: 3, rejected: 0, interrupted: false });
    expect(applied).toEqual(['+15551230001', '+15551230002', '+15551230003']);
    expect(statSync(file).size).toBe(0);
    expect(readFileSync(q.offsetFile, 'utf8')).toBe('0');
    expect(q.hasPending()).toBe(false);
    await q.enqueue(input('+15551230004'));
    expect(q.pending().map((p) => p.phone)).toEqual(['+15551230004']);
  });

  it('stops at an unavailable store and resumes after the last applied line', async () => {
    const q = new FileRevocationQueue(fileIn());
    for (const p of ['+15551230001', '+15551230002', '+15551230003']) await q.enqueue(input(p));
    const applied: string[] = [];
    let down = false;
    const apply = async (i: RevokeInput) => {
      if (down) throw new LedgerUnavailableError('down');
      applied.push(i.phone);
      if (applied.length === 1) down = true;
    };
    expect(await q.drain(apply)).toMatchObject({ applied: 1, interrupted: true });
    expect(q.pending().map((p) => p.phone)).toEqual(['+15551230002', '+15551230003']);
    // A new process picks up where the offset says.
    down = false;
    const again = new FileRevocationQueue(q.file);
    expect(await again.drain(apply)).toMatchObject({ applied: 2, interrupted: false });
    expect(applied).toEqual(['+15551230001', '+15551230002', '+15551230003']);
  });

  it('re-applies (never skips) a line whose outcome was not recorded', async () => {
    const q = new FileRevocationQueue(fileIn());
    await q.enqueue(input('+15551230001'));
    await q.enqueue(input('+15551230002'));
    const applied: string[] = [];
    // The store commits the second one, but the answer is lost (timeout): as a crash before the offset is written.
    let lose = true;
    const apply = async (i: RevokeInput) => {
      applied.push(i.phone);
      if (i.phone === '+15551230002' && lose) {
        lose = false;
        throw new LedgerUnavailableError('timeout after commit');
      }
    };
    await q.drain(apply);
    await q.drain(apply);
    expect(applied).toEqual(['+15551230001', '+15551230002', '+15551230002']);
    expect(q.hasPending()).toBe(false);
  });

  it('sets aside a torn last line and a line the gate refuses, and applies the rest', async () => {
    const file = fileIn();
    await new FileRevocationQueue(file).enqueue(input('+15551230001'));
    appendFileSync(file, '{"v":1,"queued_at":"2026'); // a crash mid-append: never acknowledged
    const q = new FileRevocationQueue(file);
    await q.enqueue(input('+15551230002'));
    await q.enqueue(input('+15551230003'));
    const applied: string[] = [];
    const result = await q.drain(async (i) => {
      if (i.phone === '+15551230002') throw new AppError('VALIDATION_FAILED');
      applied.push(i.phone);
    });
    expect(result).toEqual({ applied: 2, rejected: 2, interrupted: false });
    expect(applied).toEqual(['+15551230001', '+15551230003']);
    expect(readFileSync(q.rejectedFile, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('does not lose an opt-out queued while draining', async () => {
    const q = new FileRevocationQueue(fileIn());
    await q.enqueue(input('+15551230001'));
    const applied: string[] = [];
    await q.drain(async (i) => {
      applied.push(i.phone);
      if (applied.length === 1) await q.enqueue(input('+15551230002'));
    });
    expect(applied).toEqual(['+15551230001', '+15551230002']);
    expect(q.hasPending()).toBe(false);
  });

  it('re-applies rather than skips after a compaction was interrupted', async () => {
    // A crash after the offset was reset but before truncation re-applies everything (idempotent), never skips.
    const q = new FileRevocationQueue(fileIn());
    await q.enqueue(input('+15551230001'));
    writeFileSync(q.offsetFile, '0');
    const applied: string[] = [];
    await q.drain(async (i) => applied.push(i.phone));
    expect(applied).toEqual(['+15551230001']);
  });

  it('opt-outs queued all at once are each a whole line, applied in the order queued, and resume at the right one', async () => {
    const q = new FileRevocationQueue(fileIn());
    const phones = Array.from({ length: 30 }, (_, i) => `+1555123${String(1000 + i)}`);
    await Promise.all(phones.map((p) => q.enqueue(input(p))));
    expect(
      readFileSync(q.file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { input: { phone: string } }).input.phone),
    ).toEqual(phones);
    const applied: string[] = [];
    const stopAfterTen = async (i: RevokeInput) => {
      if (applied.length === 10) throw new LedgerUnavailableError('down');
      applied.push(i.phone);
    };
    expect(await q.drain(stopAfterTen)).toMatchObject({ applied: 10, interrupted: true });
    // The offset recorded on disk is exactly past the tenth line: a new process resumes at the eleventh.
    expect(new FileRevocationQueue(q.file).pending().map((p) => p.phone)).toEqual(phones.slice(10));
    expect(q.pending().map((p) => p.phone)).toEqual(phones.slice(10));
  });

  it('the drainer applies only when the store answers', async () => {
    const q = new FileRevocationQueue(fileIn());
    await q.enqueue(input('+15551230001'));
    const applied: string[] = [];
    let up = false;
    const drainer = q.startDrainer({
      ping: async () => {
        if (!up) throw new LedgerUnavailableError('down');
      },
      apply: async (i) => applied.push(i.phone),
      intervalMs: 60_000,
    });
    try {
      expect(await drainer.drainNow()).toBeNull();
      expect(applied).toEqual([]);
      up = true;
      expect(await drainer.drainNow()).toMatchObject({ applied: 1 });
      expect(applied).toEqual(['+15551230001']);
    } finally {
      await drainer.stop();
    }
  });
});
