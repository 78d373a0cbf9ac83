import { describe, expect, it } from 'vitest';
import { aConsent } from '../../test/fixtures/records';
import { withConsentStatus, type ConsentStatusChange } from './consentStatus';

const at = '2025-06-01T12:00:00.000Z';
const optOut: ConsentStatusChange = { to: 'opted_out', at, source: 'sms_stop', event: 'opted_out' };
const confirm: ConsentStatusChange = { to: 'active', at, source: 'sms_yes', event: 'confirmed' };

describe('withConsentStatus', () => {
  it.each([
    ['an active consent opts out', aConsent(), optOut, { status: 'opted_out', opted_out_at: at, opt_out_source: 'sms_stop', confirmed_at: null }],
    [
      'a pending consent opts out',
      aConsent({ status: 'pending' }),
      optOut,
      { status: 'opted_out', opted_out_at: at, opt_out_source: 'sms_stop', confirmed_at: null },
    ],
    [
      'a pending consent is confirmed',
      aConsent({ status: 'pending' }),
      confirm,
      { status: 'active', confirmed_at: at, opted_out_at: null, opt_out_source: null },
    ],
    [
      'an opted-out consent is confirmed again (its opt-out stays on record)',
      aConsent({ status: 'opted_out', opted_out_at: '2025-02-01T00:00:00.000Z', opt_out_source: 'api' }),
      confirm,
      { status: 'active', confirmed_at: at, opted_out_at: '2025-02-01T00:00:00.000Z', opt_out_source: 'api' },
    ],
  ] as const)('%s', (_, before, change, expected) => {
    const result = withConsentStatus(before, change)!;
    expect(result.consent).toMatchObject({ ...expected, updated_at: at });
    expect(result.entry).toEqual({ event: change.event, at, source: change.source });
    expect(result.consent.history).toEqual([...before.history, result.entry]);
  });

  it.each([
    ['opting out an opted-out consent', aConsent({ status: 'opted_out', opted_out_at: '2025-02-01T00:00:00.000Z' }), optOut],
    ['confirming an active consent', aConsent(), confirm],
  ] as const)('%s is no change', (_, before, change) => {
    expect(withConsentStatus(before, change)).toBeNull();
  });

  it('leaves the record it was given as it was (the engines compare against it)', () => {
    const before = aConsent();
    const copy = structuredClone(before);
    withConsentStatus(before, optOut);
    expect(before).toEqual(copy);
  });

  it('keeps the fields in their order, so the stored document reads as before', () => {
    const before = aConsent();
    expect(Object.keys(withConsentStatus(before, optOut)!.consent)).toEqual(Object.keys(before));
  });
});
