import { describe, it, expect } from 'vitest';
import { parsePhone, maskPhone, countryOfNumber } from './phone';

describe('parsePhone', () => {
  it.each([
    ['+15551234567', '+15551234567'],
    ['5551234567', '+15551234567'],
    ['15551234567', '+15551234567'],
    ['(555) 123-4567', '+15551234567'],
    ['1-555-123-4567', '+15551234567'],
    [' +1 212 555 0100 ', '+12125550100'],
    ['+447911123456', '+447911123456'],
  ])('accepts %s as %s', (input, e164) => {
    expect(parsePhone(input)).toMatchObject({ ok: true, e164 });
  });

  it.each([
    ['555123456'], // 9 digits
    ['25551234567'], // 11 digits not starting with 1
    ['+1555123456789'], // too long for NANP
    ['+1555'],
    ['call me maybe'],
    ['+1555123456a'],
    [''],
  ])('rejects %s', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, error: 'must be E.164 or 10-11 digits' });
  });

  it('rejects non-strings', () => {
    expect(parsePhone(5551234567).ok).toBe(false);
    expect(parsePhone(undefined).ok).toBe(false);
  });
});

describe('maskPhone', () => {
  it('keeps the country and area code and the last two digits', () => {
    expect(maskPhone('+12125551243')).toBe('+1212*****43');
  });
});

describe('countryOfNumber', () => {
  it('finds the country of a geographic number', () => {
    expect(countryOfNumber('+8613800138000')).toBe('CN');
    expect(countryOfNumber('+12125550100')).toBe('US');
  });
});
