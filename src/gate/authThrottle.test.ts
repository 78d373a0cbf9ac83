import { describe, expect, it } from 'vitest';
import { clientGroup, FailedAuthThrottle } from './authThrottle';

describe('FailedAuthThrottle', () => {
  it('lets an address fail perMinute times, then makes it wait, and refills over the minute', () => {
    let now = 0;
    const t = new FailedAuthThrottle(20, () => now);
    for (let i = 0; i < 20; i++) {
      expect(t.waitFor('10.0.0.1', 'bad')).toBe(0);
      t.failed('10.0.0.1', 'bad');
    }
    expect(t.waitFor('10.0.0.1', 'bad')).toBe(3);
    expect(t.waitFor('10.0.0.2', 'bad')).toBe(0);
    now += 3000;
    expect(t.waitFor('10.0.0.1', 'bad')).toBe(0);
  });

  it('lets a key that has worked through from a throttled address, until it fails', () => {
    const t = new FailedAuthThrottle(2, () => 0);
    t.succeeded('good');
    t.failed('10.0.0.1', 'bad');
    t.failed('10.0.0.1', 'bad');
    expect(t.waitFor('10.0.0.1', 'bad')).toBeGreaterThan(0);
    expect(t.waitFor('10.0.0.1', undefined)).toBeGreaterThan(0);
    expect(t.waitFor('10.0.0.1', 'good')).toBe(0);
    t.failed('10.0.0.1', 'good');
    expect(t.waitFor('10.0.0.1', 'good')).toBeGreaterThan(0);
  });

  it('keeps at most maxEntries addresses, dropping the least recently failed', () => {
    const t = new FailedAuthThrottle(1, () => 0, 3);
    for (const a of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) t.failed(a, undefined);
    t.failed('10.0.0.1', undefined);
    t.failed('10.0.0.4', undefined);
    expect(t.waitFor('10.0.0.2', undefined)).toBe(0);
    for (const a of ['10.0.0.1', '10.0.0.3', '10.0.0.4']) expect(t.waitFor(a, undefined)).toBeGreaterThan(0);
  });
});

describe('clientGroup', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s counts as %s', (address, group) => {
    expect(clientGroup(address)).toBe(group);
  });
});
