/**
 * Do-not-call list files, read line by line from bytes as they arrive.
 *
 * What the FTC publishes about its telemarketer downloads
 * (https://telemarketing.donotcall.gov, "Telemarketer Access Information",
 * archived at https://webarchive.library.unt.edu/eot2008/20090118211551/http://www.ftc.gov/opa/2003/08/tmkraccessinfo.htm):
 *
 * > Full List Download is a download that contains all the registered
 * > telephone numbers within the area codes that are part of your
 * > organization's subscription. [...] Each area code or state list is a
 * > discrete file.
 * > Change List Download is a download that contains telephone numbers added
 * > to or deleted from the National Registry since the last time your
 * > organization downloaded its subscription.
 * > Flat Text File is a pure flat text file (for the full list) containing
 * > only data, with one telephone number per line. A comma-delimited text
 * > file (for the change list) has several data items per record, separated
 * > by commas.
 * > XML Tagged File is an XML tagged file [...]. The download files are
 * > compressed.
 *
 * A vendor's guide to the same downloads
 * (http://www.dontphoneme.com/howtoguides/downloadingdnc.html) describes the
 * full-list flat file as "one area code and telephone number per line,
 * separated by a comma".
 *
 * The published text does not give the change list's fields or its add and
 * delete marks, nor the XML tags, so neither is guessed at here:
 * - Full lists (`mode=full`): one number a line, as ten digits
 *   (`2125550143`), E.164 (`+12125550143`), or the FTC flat file's
 *   `AAA,NNNNNNN` (area code, comma, seven digits).
 * - Change lists (`mode=changes`): the same number followed by a comma and a
 *   mark, `A` or `add` for an addition, `D` or `delete` for a deletion (any
 *   case). A registry change file in another layout is refused at its first
 *   line, with the line number, rather than half understood.
 * - XML downloads are refused with a message asking for the flat text file;
 *   compressed downloads must be unzipped first.
 * Blank lines are skipped. Anything else (a header, a letter in a number, a
 * number that is not a US one: area code and exchange start with 2–9) stops
 * the import at that line, and nothing of the file is kept.
 */

export type DncImportMode = 'full' | 'changes';

/** Where a parsed line goes; `local` is the seven digits after the area code, as a number. */
export interface DncEntrySink {
  add(areaCode: number, local: number): void;
  remove(areaCode: number, local: number): void;
}

/** A line that could not be read: its number (from 1) and why. */
export interface DncLineError {
  line: number;
  reason: string;
}

const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const COMMA = 0x2c;
const PLUS = 0x2b;
const D0 = 0x30;
/** No valid line is this long; a longer one is not a list line, and is not buffered without end. */
const MAX_LINE_BYTES = 64;

export class DncListParser {
  /** Lines read so far, blank ones included. */
  lines = 0;
  /** Numbers read so far (additions and deletions). */
  entries = 0;
  private carry: Buffer | null = null;
  private failed: DncLineError | null = null;

  constructor(
    private readonly mode: DncImportMode,
    private readonly sink: DncEntrySink,
  ) {}

  /** Reads a chunk; answers the first bad line (and reads nothing more after it), or null. */
  push(chunk: Buffer): DncLineError | null {
    if (this.failed) return this.failed;
    let buf = chunk;
    let start = 0;
    if (this.carry) {
      const nl = chunk.indexOf(NL);
      const head = nl < 0 ? chunk : chunk.subarray(0, nl);
      if (this.carry.length + head.length > MAX_LINE_BYTES) {
        this.lines++;
        return this.fail('the line is too long to be a phone number');
      }
      const joined = Buffer.concat([this.carry, head]);
      if (nl < 0) {
        this.carry = joined;
        return null;
      }
      this.carry = null;
      if (this.readLine(joined, 0, joined.length)) return this.failed;
      buf = chunk;
      start = nl + 1;
    }
    const fullList = this.mode === 'full';
    for (;;) {
      const nl = buf.indexOf(NL, start);
      if (nl < 0) break;
      // The common line of a full list, ten digits: read here without the general path's checks.
      if (fullList && nl - start === 10) {
        const areaCode = digits3(buf, start);
        const exchange = digits3(buf, start + 3);
        const rest = digits3(buf, start + 6);
        const last = buf[start + 9] - D0;
        if (areaCode >= 200 && areaCode < 1000 && exchange >= 200 && exchange < 1000 && rest < 1000 && last >>> 0 <= 9) {
          const local = exchange * 10_000 + rest * 10 + last;
          this.lines++;
          this.entries++;
          this.sink.add(areaCode, local);
          start = nl + 1;
          continue;
        }
      }
      if (this.readLine(buf, start, nl)) return this.failed;
      start = nl + 1;
    }
    if (start < buf.length) {
      if (buf.length - start > MAX_LINE_BYTES) {
        this.lines++;
        return this.fail('the line is too long to be a phone number');
      }
      this.carry = Buffer.from(buf.subarray(start));
    }
    return null;
  }

  /** The end of the file: reads a last line without a line break. */
  end(): DncLineError | null {
    if (this.failed) return this.failed;
    if (this.carry) {
      const last = this.carry;
      this.carry = null;
      this.readLine(last, 0, last.length);
    }
    return this.failed;
  }

  private fail(reason: string): DncLineError {
    this.failed = { line: this.lines, reason };
    return this.failed;
  }

  /** True when the line was bad (and `failed` says why). */
  private readLine(b: Buffer, s: number, e: number): boolean {
    this.lines++;
    while (e > s && (b[e - 1] === CR || b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
    while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
    if (s === e) return false;
    if (b[s] === 0x3c /* < */) return !!this.fail('an XML download: download the flat text file instead');
    let i = s;
    const e164 = b[i] === PLUS;
    if (e164) {
      if (b[i + 1] !== D0 + 1) return !!this.fail('an E.164 number outside the US (+1) cannot be on a US list');
      i += 2;
    }
    let areaCode = 0;
    let local = 0;
    let digits = 0;
    while (i < e && b[i] >= D0 && b[i] <= D0 + 9) {
      if (digits < 3) areaCode = areaCode * 10 + (b[i] - D0);
      else local = local * 10 + (b[i] - D0);
      digits++;
      i++;
    }
    if (digits === 3 && i < e && b[i] === COMMA && !e164) {
      // The flat file's `AAA,NNNNNNN`.
      i++;
      const localStart = i;
      while (i < e && b[i] >= D0 && b[i] <= D0 + 9) {
        local = local * 10 + (b[i] - D0);
        i++;
      }
      if (i - localStart !== 7) return !!this.fail('expected seven digits after the area code and comma');
    } else if (digits !== 10) {
      return !!this.fail('expected a phone number: ten digits, +1 and ten digits, or area code,seven digits');
    }
    if (areaCode < 200) return !!this.fail('not a US number: an area code starts with 2-9');
    if (local < 2_000_000) return !!this.fail('not a US number: an exchange starts with 2-9');
    if (i === e) {
      if (this.mode === 'changes') return !!this.fail('a change list line needs a mark after the number: ,A (added) or ,D (deleted)');
      this.entries++;
      this.sink.add(areaCode, local);
      return false;
    }
    if (b[i] !== COMMA) return !!this.fail('unexpected characters after the number');
    if (this.mode === 'full') return !!this.fail('a full list has one number a line: a line with a mark belongs in a change list (mode=changes)');
    const mark = b
      .toString('latin1', i + 1, e)
      .trim()
      .toLowerCase();
    this.entries++;
    if (mark === 'a' || mark === 'add') this.sink.add(areaCode, local);
    else if (mark === 'd' || mark === 'delete') this.sink.remove(areaCode, local);
    else {
      this.entries--;
      return !!this.fail('the mark after the number must be A (added) or D (deleted)');
    }
    return false;
  }
}

/** Three ASCII digits as a number, or a number of 1000 or more when any is not a digit. */
function digits3(b: Buffer, i: number): number {
  const x = b[i] - D0;
  const y = b[i + 1] - D0;
  const z = b[i + 2] - D0;
  // An unsigned check: a byte below '0' wraps above 9.
  if (x >>> 0 > 9 || y >>> 0 > 9 || z >>> 0 > 9) return 10_000;
  return x * 100 + y * 10 + z;
}
