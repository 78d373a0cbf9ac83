/**
 * normalizePhone answers numbers already in NANP E.164 form without
 * libphonenumber: it must give exactly parsePhone's answer (acceptance,
 * E.164, error) — for every area code and exchange prefix, and for the
 * shapes next to the fast path that must go through the parser.
 */
import { describe, expect, it } from 'vitest';
import { normalizePhone, parsePhone } from './phone';

const strip = (p: ReturnType<typeof parsePhone>) => (p.ok ? { ok: true, e164: p.e164 } : p);

// A fixed pseudo-random sequence, so a failure names the same number every run.
let seed = 7;
const next = () => (seed = (seed * 48271) % 2147483647);
const digits = (n: number) => String(next() % 10 ** n).padStart(n, '0');

describe('normalizePhone', () => {
  it('answers as parsePhone for every area code (200–999) × the first two digits of every exchange', () => {
    let differences: string[] = [];
    for (let npa = 200; npa <= 999; npa++) {
      for (let nx = 0; nx <= 99; nx++) {
        const number = `+1${npa}${String(nx).padStart(2, '0')}${digits(5)}`;
        const fast = normalizePhone(number);
        const full = strip(parsePhone(number));
        if (JSON.stringify(fast) !== JSON.stringify(full)) differences.push(`${number}: ${JSON.stringify(fast)} vs ${JSON.stringify(full)}`);
      }
    }
    differences = differences.slice(0, 5);
    expect(differences).toEqual([]);
  });

  it.each([
    '+10123456789', // area code 0…: not the fast path's shape
    '+11234567890',
    '+112345678901', // the parser strips the 1 after +1 here
    '+1212555010', // 9 digits after +1
    '+121255501000', // 11
    ' +12125550100',
    '+12125550100 ',
    '+1 212 555 0100',
    '12125550100',
    '2125550100',
    '(212) 555-0100',
    '+442079460958',
    '+4420794609580000',
    '+1２１２５５５０１００', // full-width digits: \d does not match them
    '+1212555010a',
    '',
    '+',
  ])('answers %j as parsePhone does', (input) => {
    expect(normalizePhone(input)).toEqual(strip(parsePhone(input)));
  });

  it('answers non-strings as parsePhone does', () => {
    for (const input of [undefined, null, 12125550100, ['+12125550100'], { phone: '+12125550100' }]) {
      expect(normalizePhone(input)).toEqual(strip(parsePhone(input)));
    }
  });
});
