import { describe, expect, it } from 'vitest';
import { CsvSegmenter, MAX_RECORD_BYTES, type CsvSegment } from './csvSegments';
import { RecordTooLargeError } from '../errors';

function segmentsOf(csv: string | Buffer, chunk: number, segmentBytes: number): CsvSegment[] {
  const bytes = Buffer.isBuffer(csv) ? csv : Buffer.from(csv);
  const s = new CsvSegmenter(segmentBytes);
  const out: CsvSegment[] = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(...s.push(bytes.subarray(i, i + chunk)));
  out.push(...s.end());
  return out;
}

/** Quote parity before `end`: a cut may only fall where it is even (outside a quoted field). */
const quotesBefore = (bytes: Buffer, end: number) => bytes.subarray(0, end).filter((b) => b === 0x22).length;

// Quoted commas and line breaks, escaped quotes, CRLF and LF rows, a lone-CR row, blank lines before the header.
const CSV = [
  '',
  '\uFEFFphone,calling_entity,note',
  '+12125550101,Acme,"a ""quoted"" word"',
  '+12125550102,"Acme, Inc.","two\r\nlines"',
  '+12125550103,Acme,"three\nlines\nhere"\r',
  '+12125550104,Acme,plain\r+12125550105,Acme,after a lone CR',
  '+12125550106,"Bright ""Solar""","x"',
  '+12125550107,Acme,last row without a line break',
].join('\n');

describe('CsvSegmenter', () => {
  it.each([1, 2, 3, 5, 8, 64, 10_000])('cuts only on record boundaries, with the header alone first (chunks of %i bytes)', (chunk) => {
    for (const segmentBytes of [1, 10, 40, 1000]) {
      const segments = segmentsOf(CSV, chunk, segmentBytes);
      expect(Buffer.concat(segments.map((s) => s.bytes)).toString()).toBe(CSV);
      expect(segments[0]).toMatchObject({ prefix: true });
      expect(segments[0].bytes.toString()).toBe('\n\uFEFFphone,calling_entity,note\n');
      expect(segments.slice(1).every((s) => !s.prefix)).toBe(true);
      const bytes = Buffer.from(CSV);
      let at = 0;
      for (const s of segments.slice(0, -1)) {
        at += s.bytes.length;
        expect(quotesBefore(bytes, at) % 2).toBe(0);
        const [before, after] = [bytes[at - 1], bytes[at]];
        expect(before === 0x0a || (before === 0x0d && after !== 0x0a)).toBe(true);
      }
      if (segmentBytes === 1) expect(segments.length).toBe(8); // the prefix and each of the seven rows: every boundary outside quotes
    }
  });

  it('takes a large chunk (a whole file at once) a segment at a time', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `+1212555${String(i).padStart(4, '0')},Acme`).join('\n');
    const segments = segmentsOf(`phone,calling_entity\n${rows}\n`, Infinity, 200);
    expect(segments.length).toBeGreaterThan(10);
    expect(segments.every((s) => s.bytes.length < 2 * 200)).toBe(true);
  });

  it('answers a header-only file, or one with no line break at all, as the prefix', () => {
    expect(segmentsOf('phone,calling_entity', 4, 10).map((s) => [s.prefix, s.bytes.toString()])).toEqual([[true, 'phone,calling_entity']]);
    expect(segmentsOf('', 4, 10)).toEqual([]);
  });

  it('refuses a record that never ends (an unclosed quote) instead of holding the file in memory', () => {
    const s = new CsvSegmenter(1024);
    expect(s.push(Buffer.from('phone,note\n+12125550101,"never closed'))).toHaveLength(1);
    const block = Buffer.alloc(1 << 20, 'a');
    expect(() => {
      for (let i = 0; i <= MAX_RECORD_BYTES / block.length; i++) s.push(block);
    }).toThrow(RecordTooLargeError);
  });
});
