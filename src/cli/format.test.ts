import { describe, expect, it } from 'vitest';
import { csvCell } from './format';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['=1+1', "'=1+1"],
    ['+12125550101', "'+12125550101"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('puts a quote before a cell a spreadsheet would read as a formula: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['Acme Insurance LLC', 'Acme Insurance LLC'],
    ['a=b', 'a=b'],
    ["'already text", "'already text"],
    ['a,b', '"a,b"'],
    ['say "stop"', '"say ""stop"""'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
    [{ to: '=x' }, '"{""to"":""=x""}"'],
  ])('leaves other cells as RFC 4180 has them: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
