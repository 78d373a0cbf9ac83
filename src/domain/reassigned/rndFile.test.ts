import { describe, expect, it } from 'vitest';
import { parseRndLine, RndResultParser, type RndResultRow } from './rndFile';

describe('parseRndLine', () => {
  it.each([
    ['2125550143,2026-10-01,yes', { phone: '+12125550143', date: '2026-10-01', result: 'yes' }],
    ['+12125550143, 2026-10-01 , NO', { phone: '+12125550143', date: '2026-10-01', result: 'no' }],
    ['12125550143,2026-10-01,no_data', { phone: '+12125550143', date: '2026-10-01', result: 'no_data' }],
    ['(212) 555-0143,2026-10-01,No Data', { phone: '+12125550143', date: '2026-10-01', result: 'no_data' }],
  ])('%s is a row', (line, row) => {
    expect(parseRndLine(line, 2)).toEqual(row);
  });

  it('skips blank lines and a header on the first line only', () => {
    expect(parseRndLine('  ', 4)).toBeNull();
    expect(parseRndLine('Phone,Date,Result', 1)).toBeNull();
    expect(parseRndLine('phone,date,result', 2)).toMatchObject({ reason: expect.stringMatching(/^phone:/) });
  });

  it.each([
    ['2125550143,2026-10-01,unknown', /^result:/],
    ['2125550143,2026-13-01,yes', /^date:/],
    ['0125550143,2026-10-01,yes', /^phone:/],
    ['+442071234567,2026-10-01,yes', /^phone:/],
    ['2125550143,2026-10-01,yes,extra', /3 fields/],
  ])('%s is refused', (line, reason) => {
    expect(parseRndLine(line, 2)).toMatchObject({ reason: expect.stringMatching(reason) });
  });
});

describe('RndResultParser', () => {
  it('reads lines split across chunks (a character split in two included), and stops at the first bad line with its number', () => {
    const rows: RndResultRow[] = [];
    const parser = new RndResultParser((r) => rows.push(r));
    const bytes = Buffer.from('\uFEFFphone,date,result\r\n2125550143,2026-10-01,yes\n2125550144,2026-10-01,n');
    expect(parser.push(bytes.subarray(0, 2))).toBeNull();
    expect(parser.push(bytes.subarray(2))).toBeNull();
    expect(parser.push('o\n2125550145,2026-10-01,sí\n2125550146,2026-10-01,yes\n')).toEqual({ line: 4, reason: expect.stringMatching(/^result:/) });
    expect(parser.end()).toEqual({ line: 4, reason: expect.stringMatching(/^result:/) });
    expect(rows.map((r) => r.result)).toEqual(['yes', 'no']);
  });
});
