import { describe, expect, it } from 'vitest';
import { sentTodayIn, withOneMoreSend } from './daySends';

const acme = { entity: 'acme insurance llc', day: '2026-04-10', month: '2026-04' };

describe('a subject’s texts of the day in its chain-head row', () => {
  it('counts per entity, and a new local day starts over', () => {
    let sends: string | null = null;
    expect(sentTodayIn(sends, acme)).toBe(0);
    sends = withOneMoreSend(sends, acme);
    sends = withOneMoreSend(sends, acme);
    sends = withOneMoreSend(sends, { ...acme, entity: 'beta co' });
    expect(sentTodayIn(sends, acme)).toBe(2);
    expect(sentTodayIn(sends, { ...acme, entity: 'beta co' })).toBe(1);
    const tomorrow = { ...acme, day: '2026-04-11' };
    expect(sentTodayIn(sends, tomorrow)).toBe(0);
    sends = withOneMoreSend(sends, tomorrow);
    expect(sentTodayIn(sends, tomorrow)).toBe(1);
    // Yesterday's counts are gone, not carried along.
    expect(JSON.parse(sends)).toEqual({ d: '2026-04-11', n: [['acme insurance llc', 1]] });
  });

  it('an entity may be named anything, __proto__ and constructor too', () => {
    for (const entity of ['__proto__', 'constructor', 'hasOwnProperty']) {
      const keys = { ...acme, entity };
      expect(sentTodayIn(null, keys)).toBe(0);
      expect(sentTodayIn(withOneMoreSend(withOneMoreSend(null, keys), keys), keys)).toBe(2);
    }
  });
});
