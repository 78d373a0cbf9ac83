import { describe, expect, it } from 'vitest';
import { DncListParser, type DncImportMode } from './listFormat';

function parse(mode: DncImportMode, text: string, chunkBytes = text.length || 1) {
  const added: string[] = [];
  const removed: string[] = [];
  const fmt = (a: number, l: number) => `${a}${String(l).padStart(7, '0')}`;
  const parser = new DncListParser(mode, { add: (a, l) => added.push(fmt(a, l)), remove: (a, l) => removed.push(fmt(a, l)) });
  const buf = Buffer.from(text);
  let error = null;
  for (let i = 0; i < buf.length && !error; i += chunkBytes) error = parser.push(buf.subarray(i, i + chunkBytes));
  error ??= parser.end();
  return { added, removed, error, lines: parser.lines };
}

describe('do-not-call list files', () => {
  it('a full list reads ten digits, E.164 and the flat file area code,number alike, CRLF or LF, blank lines skipped', () => {
    const r = parse('full', '2125550143\r\n+13055550100\n\n212,5550144\n  7185550199  \n');
    expect(r).toMatchObject({ added: ['2125550143', '3055550100', '2125550144', '7185550199'], removed: [], error: null, lines: 5 });
    expect(parse('full', '9995550143\n2002000000\n9999999999\n').added).toEqual(['9995550143', '2002000000', '9999999999']);
  });

  it('a number split across chunks is read whole, and a last line without a line break is read', () => {
    const text = '2125550143\n+13055550100\n212,5550144';
    for (const size of [1, 2, 3, 7, 11]) expect(parse('full', text, size).added).toEqual(['2125550143', '3055550100', '2125550144']);
  });

  it('a change list reads A/D and add/delete marks in any case', () => {
    const r = parse('changes', '2125550143,A\n212,5550144,d\n+13055550100,Delete\n7185550199,add\n');
    expect(r).toMatchObject({ added: ['2125550143', '7185550199'], removed: ['2125550144', '3055550100'], error: null });
  });

  it.each([
    ['full', '2125550143\nPhone\n', 2, /expected a phone number/],
    ['full', '2125550143\n212555014\n', 2, /expected a phone number/],
    ['full', '+442071234567\n', 1, /outside the US/],
    ['full', '1125550143\n', 1, /area code starts with 2-9/],
    ['full', '2125550143\n21255501x3\n', 2, /expected a phone number/],
    ['full', '2x25550143\n', 1, /expected a phone number/],
    ['full', '212555014/\n', 1, /expected a phone number/],
    ['full', '2121550143\n', 1, /exchange starts with 2-9/],
    ['full', '212,555014\n', 1, /seven digits after the area code/],
    ['full', '2125550143,A\n', 1, /belongs in a change list/],
    ['changes', '2125550143\n', 1, /needs a mark/],
    ['changes', '2125550143,X\n', 1, /must be A \(added\) or D \(deleted\)/],
    ['full', '<?xml version="1.0"?>\n', 1, /flat text file/],
    ['full', '2125550143 x\n', 1, /unexpected characters/],
    ['full', '2'.repeat(200), 1, /too long/],
  ] as const)('%s list %j is refused at line %i', (mode, text, line, reason) => {
    const r = parse(mode, text, 16);
    expect(r.error?.line).toBe(line);
    expect(r.error?.reason).toMatch(reason);
  });

  it('nothing after the first bad line is read', () => {
    const r = parse('full', '2125550143\nbad\n2125550144\n');
    expect(r.added).toEqual(['2125550143']);
    expect(r.error).toEqual({ line: 2, reason: expect.any(String) });
  });
});
