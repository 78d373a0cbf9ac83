/**
 * Cuts a CSV byte stream into segments that begin and end on record
 * boundaries, so that several parsers can each take a segment of whole
 * records at once and the import can read its rows on more than one core.
 *
 * A boundary is a line break outside quotes (RFC 4180: a quoted field may
 * hold line breaks; `""` is an escaped quote and keeps the parity). Only the
 * quote and line-break bytes are looked at (with indexOf, not a byte loop),
 * so this costs the reading thread a small fraction of what parsing costs.
 *
 * The first segment is the prefix: the bytes up to the first boundary after
 * a non-blank line, i.e. the header row. Every parser needs it (to know the
 * columns); the import gives it to all of them and keeps the rows of one.
 * Line numbers are not counted here: each parser reports how many lines its
 * segment spanned, the way csv-parse counts them, and the import adds them
 * up in file order.
 */
import { RecordTooLargeError } from '../errors';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvSegment {
  bytes: Buffer;
  /** The header row (and anything before it): every parser reads it first. */
  prefix: boolean;
}

/** A record that has not ended after this many bytes is refused rather than held in memory without bound. */
export const MAX_RECORD_BYTES = 8 * 2 ** 20;

/** True when bytes[0, to) hold something other than white space, line breaks and a byte-order mark. */
function hasContent(bytes: Buffer, to: number): boolean {
  for (let i = 0; i < to; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== CR && b !== LF && b !== 0xef && b !== 0xbb && b !== 0xbf) return true;
  }
  return false;
}

export class CsvSegmenter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Quote parity at the end of what has been scanned. */
  private inQuotes = false;
  /** Offset (in pending) just past the last boundary seen, or -1; boundaries are all that may be cut at. */
  private lastBoundary = -1;
  /** Offset (in pending) just past the first boundary after content, while the prefix is still to be cut. */
  private prefixEnd = -1;
  private prefixCut = false;
  /** A CR at the end of the last chunk: a boundary only if the next byte is not LF. */
  private crAtEnd = false;

  /** @param segmentBytes cut a segment once this many bytes are pending (except the prefix, cut as soon as it ends) */
  constructor(private readonly segmentBytes: number) {}

  /** The segments this chunk completes, in order. Throws RecordTooLargeError for a record past MAX_RECORD_BYTES. */
  push(chunk: Buffer): CsvSegment[] {
    // A large chunk (a whole file read at once) is taken a segment's length at a time, so it still makes many segments.
    if (chunk.length > this.segmentBytes) {
      const out: CsvSegment[] = [];
      for (let i = 0; i < chunk.length; i += this.segmentBytes) out.push(...this.push(chunk.subarray(i, i + this.segmentBytes)));
      return out;
    }
    const base = this.pendingBytes;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.scan(chunk, base);
    const out: CsvSegment[] = [];
    if (!this.prefixCut && this.prefixEnd >= 0) {
      out.push({ bytes: this.take(this.prefixEnd), prefix: true });
      this.prefixCut = true;
    }
    if (this.prefixCut && this.pendingBytes >= this.segmentBytes && this.lastBoundary > 0) out.push({ bytes: this.take(this.lastBoundary), prefix: false });
    const unbroken = this.lastBoundary < 0 ? this.pendingBytes : this.pendingBytes - this.lastBoundary;
    if (unbroken > MAX_RECORD_BYTES) throw new RecordTooLargeError(MAX_RECORD_BYTES);
    return out;
  }

  /** The rest of the input (a last record without a line break, or an unclosed quote that the parser will report). */
  end(): CsvSegment[] {
    if (!this.pendingBytes) return [];
    const bytes = this.take(this.pendingBytes);
    return [{ bytes, prefix: !this.prefixCut }];
  }

  /** Marks the boundaries in `chunk`, which starts at offset `base` of pending. */
  private scan(chunk: Buffer, base: number): void {
    if (this.crAtEnd && chunk.length) {
      if (chunk[0] !== LF) this.boundary(base, 0);
      this.crAtEnd = false;
    }
    let i = 0;
    while (i < chunk.length) {
      const q = chunk.indexOf(QUOTE, i);
      if (this.inQuotes) {
        if (q < 0) return;
        this.inQuotes = false;
        i = q + 1;
        continue;
      }
      const end = q < 0 ? chunk.length : q;
      if (this.prefixCut || this.prefixEnd >= 0) this.lastBreakIn(chunk, base, i, end);
      else this.firstBreaksIn(chunk, base, i, end);
      if (q < 0) return;
      this.inQuotes = true;
      i = q + 1;
    }
  }

  /** The last boundary in chunk[from, to): the last LF, or a lone CR (old Mac files) where there is none. */
  private lastBreakIn(chunk: Buffer, base: number, from: number, to: number): void {
    const lf = to > from ? chunk.lastIndexOf(LF, to - 1) : -1;
    if (lf >= from) return this.boundary(base, lf + 1);
    const cr = to > from ? chunk.lastIndexOf(CR, to - 1) : -1;
    if (cr < from) return;
    if (cr + 1 === chunk.length) this.crAtEnd = true;
    else if (chunk[cr + 1] !== LF) this.boundary(base, cr + 1);
  }

  /** Before the prefix is found: every boundary in order, until one ends a line with content. */
  private firstBreaksIn(chunk: Buffer, base: number, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const b = chunk[i];
      if (b === LF || (b === CR && i + 1 < chunk.length && chunk[i + 1] !== LF)) {
        this.boundary(base, i + 1);
        if (this.prefixEnd >= 0) return this.lastBreakIn(chunk, base, i + 1, to);
      } else if (b === CR && i + 1 === chunk.length) {
        this.crAtEnd = true;
      }
    }
  }

  private boundary(base: number, at: number): void {
    this.lastBoundary = base + at;
    if (!this.prefixCut && this.prefixEnd < 0 && this.hasContentBefore(this.lastBoundary)) this.prefixEnd = this.lastBoundary;
  }

  private hasContentBefore(offset: number): boolean {
    let start = 0;
    for (const b of this.pending) {
      const to = Math.min(b.length, offset - start);
      if (to <= 0) break;
      if (hasContent(b, to)) return true;
      start += b.length;
    }
    return false;
  }

  /** Removes and returns the first `n` pending bytes. */
  private take(n: number): Buffer {
    const all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    const head = all.subarray(0, n);
    const rest = all.subarray(n);
    this.pending = rest.length ? [rest] : [];
    this.pendingBytes = rest.length;
    this.lastBoundary = this.lastBoundary >= n ? this.lastBoundary - n : -1;
    if (this.lastBoundary === 0) this.lastBoundary = -1;
    this.prefixEnd = -1;
    return head;
  }
}
