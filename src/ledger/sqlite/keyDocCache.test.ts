import { describe, expect, it } from 'vitest';
import { KeyDocCache } from './keyDocCache';

describe('KeyDocCache', () => {
  const setup = (max?: number) => {
    let version = 1;
    const file = new Map([
      ['h1', '{"id":"key_1"}'],
      ['h2', '{"id":"key_2"}'],
    ]);
    const reads: string[] = [];
    const cache = new KeyDocCache(() => version, max);
    const get = (hash: string) =>
      cache.get(hash, () => {
        reads.push(hash);
        return file.get(hash);
      });
    return { cache, get, reads, file, commitElsewhere: () => version++ };
  };

  it('answers a key again without reading while no other connection has committed', () => {
    const { get, reads } = setup();
    expect(get('h1')).toBe('{"id":"key_1"}');
    expect(get('h1')).toBe('{"id":"key_1"}');
    expect(reads).toEqual(['h1']);
  });

  it('reads again once another connection has committed, and answers what the file now says', () => {
    const { get, reads, file, commitElsewhere } = setup();
    get('h1');
    file.set('h1', '{"id":"key_1","revoked_at":"2026-12-06T00:00:00.000Z"}');
    commitElsewhere();
    expect(get('h1')).toContain('revoked_at');
    expect(reads).toEqual(['h1', 'h1']);
  });

  it('reads again after clear (this connection wrote a key)', () => {
    const { cache, get, reads } = setup();
    get('h1');
    cache.clear();
    get('h1');
    expect(reads).toEqual(['h1', 'h1']);
  });

  it('keeps no unknown hash, so a key made elsewhere is found on its first use', () => {
    const { get, reads, file } = setup();
    expect(get('h9')).toBeUndefined();
    file.set('h9', '{"id":"key_9"}');
    expect(get('h9')).toBe('{"id":"key_9"}');
    expect(reads).toEqual(['h9', 'h9']);
  });

  it('holds at most its bound, starting over past it', () => {
    const { get, reads } = setup(1);
    get('h1');
    get('h2');
    get('h1');
    expect(reads).toEqual(['h1', 'h2', 'h1']);
  });
});
