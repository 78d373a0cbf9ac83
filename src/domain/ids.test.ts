import { describe, expect, it } from 'vitest';
import { isWellFormedId, newId } from './ids';

describe('newId', () => {
  it('is prefixed, URL-safe and well formed', () => {
    for (const prefix of ['cst', 'rev', 'dec', 'dec_sms', 'org', 'key', 'evt'] as const) {
      const id = newId(prefix);
      expect(id.startsWith(`${prefix}_`)).toBe(true);
      expect(id.slice(prefix.length + 1)).toMatch(/^[0-9A-Za-z]{24}$/);
      expect(isWellFormedId(id)).toBe(true);
    }
  });

  it('sorts by creation time, so a unique index appends instead of scattering', async () => {
    const first = newId('dec');
    await new Promise((r) => setTimeout(r, 5));
    const later = Array.from({ length: 50 }, () => newId('dec'));
    for (const id of later) expect(id > first).toBe(true);
  });

  it('differs between ids made in the same millisecond (the random part)', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('cst')));
    expect(ids.size).toBe(10_000);
  });
});
