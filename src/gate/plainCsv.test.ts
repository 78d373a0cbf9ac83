import { parse, type Info } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { CSV_OPTIONS } from './importRows';
import { isPlainCsv, readPlainCsv } from './plainCsv';
import { random } from '../../test/support/random';

interface Read {
  records: { record: Record<string, string>; line: number }[];
  lines: number;
}

/** What csv-parse makes of `text`, with the import's options and these columns: records, their lines, and the lines spanned. */
function csvParse(text: string, columns: string[]): Promise<Read> {
  return new Promise((resolve, reject) => {
    const records: Read['records'] = [];
    const parser = parse({
      ...CSV_OPTIONS,
      columns,
      on_record: (record: Record<string, string>, info: Info & { lines: number }) => {
        records.push({ record, line: info.lines });
        return undefined;
      },
    });
    parser.on('error', reject);
    parser.resume();
    parser.end(text, () => resolve({ records, lines: parser.info.lines - 1 }));
  });
}

function plain(text: string, columns: string[]): Read {
  const records: Read['records'] = [];
  const lines = readPlainCsv(text, columns, (record, line) => records.push({ record, line }));
  return { records, lines };
}

// Spaces around and inside fields, empty fields, non-ASCII letters and spaces (NBSP is not trimmed by csv-parse), `|`, `+`.
const PIECES = ['+12125550101', 'Acme Insurance LLC', ' ', '  ', '', 'a', 'Société', '\u00a0', '\u2003', '\ufeff', '😀', '|', 'true', '2026-01-15T12:00:00Z'];

function randomLine(next: () => number): string {
  const kind = next();
  if (kind < 0.08) return '';
  if (kind < 0.14) return ' '.repeat(1 + Math.floor(next() * 3));
  const fields = Math.floor(next() * 11);
  return Array.from({ length: fields }, () => PIECES[Math.floor(next() * PIECES.length)] + PIECES[Math.floor(next() * PIECES.length)]).join(',');
}

describe('readPlainCsv', () => {
  it('reads plain segments exactly as csv-parse does with the import options (records, their lines, the lines spanned)', async () => {
    const next = random(20261202);
    const columnSets = [
      ['phone', 'calling_entity', 'type', 'scope', 'ai_specific_consent'],
      ['phone', 'phone', 'note'], // a repeated column: the last field wins in both
      ['only'],
    ];
    for (let i = 0; i < 400; i++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 12) }, () => randomLine(next));
      const text = lines.join('\n') + (next() < 0.8 ? '\n' : '');
      // A byte-order mark that opens the input is csv-parse's to drop: such a segment is not read here.
      expect(isPlainCsv(Buffer.from(text))).toBe(!text.startsWith('\ufeff'));
      if (text.startsWith('\ufeff')) continue;
      const columns = columnSets[i % columnSets.length];
      expect(plain(text, columns), JSON.stringify(text)).toEqual(await csvParse(text, columns));
    }
  });

  it('leaves to csv-parse every segment with a quote, a carriage return, a tab or a form feed, or a byte-order mark first', () => {
    expect(isPlainCsv(Buffer.from('+12125550101,"Acme, Inc."\n'))).toBe(false);
    expect(isPlainCsv(Buffer.from('+12125550101,Acme\r\n'))).toBe(false);
    expect(isPlainCsv(Buffer.from('+12125550101,\tAcme\n'))).toBe(false);
    expect(isPlainCsv(Buffer.from('+12125550101,Acme\f\n'))).toBe(false);
    expect(isPlainCsv(Buffer.from('\ufeff+12125550101,Acme\n'))).toBe(false);
    expect(isPlainCsv(Buffer.from('+12125550101,Acme Société\n'))).toBe(true);
  });
});
