import { describe, expect, it } from 'vitest';
import { aConsent, aRevocation } from '../../../test/fixtures/records';
import type { Consent, Revocation } from '../records';
import { blockingRevocation } from './revocationRules';

// The opt-out: the consumer said stop at 15:43 and the gateway recorded it at 16:00.
const STOP = { captured_at: '2026-04-10T15:43:10Z', created_at: '2026-04-10T16:00:00.000Z' };
const stop = (overrides: Partial<Revocation> = {}) => aRevocation({ ...STOP, ...overrides });
/** A consent claimed captured at `captured` and recorded by the gateway at `recorded`. */
const consent = (captured: string, recorded: string, overrides: Partial<Consent> = {}) =>
  aConsent({ captured_at: captured, created_at: recorded, ...overrides });

const blockedBy = (revocations: Revocation[], consents: Consent[]) =>
  blockingRevocation('org_test', 'Acme Insurance LLC', revocations, consents)?.revocation.id ?? null;

describe('a revocation blocks unless a consent was both captured and recorded after it', () => {
  it.each<[string, Consent[], 'blocked' | 'lifted']>([
    ['no consent at all', [], 'blocked'],
    ['a consent captured and recorded before the opt-out', [consent('2026-03-15T14:23:11Z', '2026-03-15T14:23:12.000Z')], 'blocked'],
    ['a genuine re-consent: captured and recorded after the opt-out', [consent('2026-04-10T17:00:00Z', '2026-04-10T17:00:00.500Z')], 'lifted'],
    [
      'a re-consent in the same second as the opt-out, recorded after it (STOP then START)',
      [consent('2026-04-10T15:43:10Z', '2026-04-10T16:00:00.001Z')],
      'lifted',
    ],
    ['a consent dated 2099, recorded before the opt-out', [consent('2099-01-01T00:00:00Z', '2026-04-01T00:00:00.000Z')], 'blocked'],
    ['a consent dated a few minutes ahead, recorded just before the opt-out', [consent('2026-04-10T16:04:00Z', '2026-04-10T15:59:59.999Z')], 'blocked'],
    ['a backdated consent imported after the opt-out', [consent('2026-02-01T10:00:00Z', '2026-04-10T17:00:00.000Z')], 'blocked'],
    [
      'a consent on file before an opt-out reported late with an earlier capture time',
      [consent('2026-04-10T15:50:00Z', '2026-04-10T15:50:01.000Z')],
      'blocked',
    ],
    ['a consent recorded in the same instant as the opt-out (order unknown)', [consent('2026-04-10T16:00:00Z', STOP.created_at)], 'blocked'],
    ['a consent whose recording time does not read', [consent('2026-04-10T17:00:00Z', 'not a time')], 'blocked'],
    ['a later consent that was itself opted out', [consent('2026-04-10T17:00:00Z', '2026-04-10T17:00:00.500Z', { status: 'opted_out' })], 'blocked'],
    ['a later consent to another entity', [consent('2026-04-10T17:00:00Z', '2026-04-10T17:00:00.500Z', { calling_entity: 'Beta Co' })], 'blocked'],
    [
      'times written in other shapes compare as instants: the same second, with milliseconds and as an offset',
      [consent('2026-04-10T11:43:10.000-04:00', '2026-04-10T12:00:00.001-04:00')],
      'lifted',
    ],
    ['a consent stored dated past year 9999, recorded before the opt-out', [consent('+010000-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')], 'blocked'],
    [
      'a later consent still pending double opt-in (the pre-send chain then names it)',
      [consent('2026-04-10T17:00:00Z', '2026-04-10T17:00:00.500Z', { status: 'pending' })],
      'lifted',
    ],
  ])('%s', (_name, consents, expected) => {
    const r = stop();
    expect(blockedBy([r], consents)).toBe(expected === 'blocked' ? r.id : null);
  });

  it('consent, opt-out, backdated import: still blocked; then a genuine re-consent lifts it', () => {
    const first = consent('2026-01-05T10:00:00Z', '2026-01-05T10:00:01.000Z');
    const r = stop();
    const backdated = consent('2026-02-01T10:00:00Z', '2026-04-10T16:30:00.000Z');
    expect(blockedBy([r], [first, backdated])).toBe(r.id);
    const genuine = consent('2026-04-10T17:00:00Z', '2026-04-10T17:00:00.000Z');
    expect(blockedBy([r], [first, backdated, genuine])).toBeNull();
  });

  it('a re-consent lifts only the opt-outs before it: a second STOP after it blocks again', () => {
    const first = stop();
    const again = consent('2026-04-10T17:00:00Z', '2026-04-10T17:00:00.000Z');
    const second = stop({ captured_at: '2026-04-10T18:00:00Z', created_at: '2026-04-10T18:00:00.100Z' });
    expect(blockedBy([first, second], [again])).toBe(second.id);
  });

  it('a network-wide opt-out recorded before a future-dated consent still blocks', () => {
    const network = stop({ scope: 'all', calling_entity: null, org_id: 'org_other' });
    const hit = blockingRevocation('org_test', 'Acme Insurance LLC', [network], [consent('2099-01-01T00:00:00Z', '2026-04-10T15:00:00.000Z')]);
    expect(hit).toEqual({ revocation: network, fromNetwork: true });
  });
});
