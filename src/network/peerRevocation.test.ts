import { describe, expect, it } from 'vitest';
import { parsePeerRevocation } from './peerRevocation';

const NOW = new Date('2026-04-10T18:00:00Z');
const SKEW = 5 * 60_000;
const message = (revocation: Record<string, unknown>) => ({
  type: 'revocation.network',
  id: 'evt_1',
  origin: 'https://peer.example',
  revocation: {
    id: 'rev_1',
    phone: '+12125550100',
    trigger: 'sms_stop',
    captured_at: '2026-04-10T15:43:10Z',
    honor_by_date: '2026-04-24T15:43:10Z',
    ...revocation,
  },
});

describe('parsePeerRevocation', () => {
  const refused: [string, Record<string, unknown>, Record<string, string>][] = [
    [
      'captured in 2099',
      { captured_at: '2099-01-01T00:00:00Z', honor_by_date: '2099-01-15T00:00:00Z' },
      { 'revocation.captured_at': 'must not be in the future' },
    ],
    [
      'captured beyond the clock skew',
      { captured_at: '2026-04-10T18:06:00Z', honor_by_date: '2026-04-24T18:06:00Z' },
      { 'revocation.captured_at': 'must not be in the future' },
    ],
    [
      'captured before 2000',
      { captured_at: '1970-01-01T00:00:00Z', honor_by_date: '1970-01-15T00:00:00Z' },
      { 'revocation.captured_at': 'must not be before 2000' },
    ],
    ['a capture date that does not exist', { captured_at: '2026-02-30T00:00:00Z' }, { 'revocation.captured_at': 'must be an ISO 8601 instant' }],
    ['a capture date without a zone', { captured_at: '2026-04-10 15:43:10' }, { 'revocation.captured_at': 'must be an ISO 8601 instant' }],
    ['an honor-by date that is not a date', { honor_by_date: 'soon' }, { 'revocation.honor_by_date': 'must be an ISO 8601 instant' }],
    [
      'an honor-by date before the capture',
      { honor_by_date: '2026-04-01T00:00:00Z' },
      { 'revocation.honor_by_date': 'must fall within ten business days after captured_at' },
    ],
    [
      'an honor-by date years after the capture',
      { honor_by_date: '2030-04-24T15:43:10Z' },
      { 'revocation.honor_by_date': 'must fall within ten business days after captured_at' },
    ],
    ['a phone that is not one', { phone: '12' }, { 'revocation.phone': 'must be E.164 or 10-11 digits' }],
    ['an unknown trigger', { trigger: 'telepathy' }, { 'revocation.trigger': 'missing or malformed' }],
    ['an id with control characters', { id: 'rev\n1' }, { 'revocation.id': 'missing or malformed' }],
  ];
  for (const [name, fields, details] of refused) {
    it(`refuses ${name}, naming the field`, () => {
      expect(parsePeerRevocation(message(fields), NOW, SKEW)).toEqual({ ok: false, details });
    });
  }

  it('accepts a valid one, normalised: E.164, whole seconds, the honor-by date computed here', () => {
    const parsed = parsePeerRevocation(
      message({ phone: '212-555-0100', captured_at: '2026-04-10T11:43:10.5-04:00', honor_by_date: '2026-04-23T00:00:00Z' }),
      NOW,
      SKEW,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        id: 'evt_1',
        origin: 'https://peer.example',
        revocationId: 'rev_1',
        phone: '+12125550100',
        trigger: 'sms_stop',
        captured_at: '2026-04-10T15:43:10Z',
        honor_by_date: '2026-04-24T15:43:10Z',
      },
    });
  });

  it('refuses what is not a network revocation at all', () => {
    expect(parsePeerRevocation([], NOW, SKEW).ok).toBe(false);
    expect(parsePeerRevocation({ ...message({}), type: 'other' }, NOW, SKEW)).toEqual({ ok: false, details: { type: 'missing or malformed' } });
  });
});
