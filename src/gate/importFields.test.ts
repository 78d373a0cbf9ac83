import { describe, expect, it } from 'vitest';
import { pick, random } from '../../test/support/random';
import { parseCaptureRow, rowToCaptureInput } from './importFields';
import { consentCaptureSchema, issuesToDetails, safeParseReporting } from './schemas';

// Each column's values: valid ones, near misses, blanks and text the schema must refuse.
const VALUES: Record<string, readonly (string | undefined)[]> = {
  phone: ['+12125550101', '2125550102', '(212) 555-0103', '+442071838750', '+1212555', 'not a phone', '', undefined],
  calling_entity: ['Acme Insurance LLC', '  Acme  Insurance LLC ', 'Société Générale', '', ' ', 'x'.repeat(201), undefined],
  type: ['prior_express_written', 'prior_express', 'established_business_relationship', 'written', '', undefined],
  scope: ['ai_voice|telemarketing', 'sms', ' sms | marketing ', 'sms||', 'sms|fax', '|', '', undefined],
  ai_specific_consent: ['true', 'FALSE', '1', '0', 'yes', 'No', 'maybe', '', undefined],
  captured_at: ['2026-01-15T12:00:00Z', '2026-01-15T12:00:00.250+02:00', '2026-02-30T12:00:00Z', '2026-01-15', 'yesterday', '', undefined],
  expires_at: ['2027-01-15T12:00:00Z', '2026-13-01T00:00:00Z', 'soon', '', undefined],
  double_opt_in: ['true', 'no', 'later', '', undefined],
  evidence_url: ['https://acme.example/form', 'https://acme.example/a b', 'not a url', 'https://x.example/' + 'p'.repeat(2000), '', undefined],
  evidence_source: ['web_form', 'a 12 b', 'x'.repeat(201), '', undefined],
};

function randomRow(next: () => number): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [column, values] of Object.entries(VALUES)) {
    // Mostly the first (valid) value, so that rows with a single bad field are common.
    const value = next() < 0.6 ? values[0] : pick(next, values);
    if (value !== undefined) row[column] = value;
  }
  return row;
}

const wholeRow = (row: Record<string, string>) => safeParseReporting(consentCaptureSchema, rowToCaptureInput(row));

describe('parseCaptureRow', () => {
  it('accepts, rejects and answers exactly as parsing the whole row with the capture schema', () => {
    const next = random(20261202);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const row = randomRow(next);
      const fast = parseCaptureRow(row);
      const whole = wholeRow(row);
      expect(fast.success, JSON.stringify(row)).toBe(whole.success);
      if (fast.success && whole.success) {
        accepted++;
        expect(fast.data, JSON.stringify(row)).toEqual(whole.data);
      } else if (!fast.success && !whole.success) {
        expect(issuesToDetails(fast.error)).toEqual(issuesToDetails(whole.error));
      }
    }
    // Both kinds of row were compared, many times.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2700);
  });

  it('answers a repeated value the same on every row, and each row with objects of its own', () => {
    const row = {
      phone: '+12125550101',
      calling_entity: 'Acme',
      type: 'prior_express',
      scope: 'sms|marketing',
      ai_specific_consent: 'yes',
      captured_at: '2026-01-15T12:00:00Z',
    };
    const first = parseCaptureRow(row);
    const second = parseCaptureRow({ ...row, phone: '+12125550102' });
    expect(first.success && second.success).toBe(true);
    if (!first.success || !second.success) return;
    expect(second.data).toEqual({ ...first.data, phone: '+12125550102' });
    // Completed in place by the import (orgId, source): one row's additions must not reach another's.
    Object.assign(first.data, { orgId: 'org_a' });
    expect(second.data).not.toHaveProperty('orgId');
  });
});
