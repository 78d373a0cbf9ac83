/**
 * Reassigned Numbers Database results, as an org imports them: a CSV file of
 * `phone,date,result` lines — the number (ten digits, or E.164 `+1…`), the
 * date that was asked about (YYYY-MM-DD, normally the consent's date) and
 * the database's answer, `yes`, `no` or `no_data` (any case; `no data`, the
 * database's own words, too). A first line `phone,date,result` is a header
 * and skipped; blank lines are skipped. Anything else stops the import at
 * that line, naming it: a result half understood would void or keep
 * consents on a guess.
 */
import { REASSIGNED_RESULTS, type ReassignedResult } from './answers';

export interface RndResultRow {
  /** E.164. */
  phone: string;
  date: string;
  result: ReassignedResult;
}

export interface RndLineError {
  line: number;
  reason: string;
}

const US_NUMBER = /^(?:\+?1)?([2-9]\d{2}[2-9]\d{6})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function resultOf(raw: string): ReassignedResult | null {
  const v = raw.trim().toLowerCase().replace(/\s+/g, '_');
  return (REASSIGNED_RESULTS as readonly string[]).includes(v) ? (v as ReassignedResult) : null;
}

function isRealDay(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === s;
}

/** One line read: a row, nothing (blank or the header), or why it cannot be read. */
export function parseRndLine(text: string, lineNumber: number): RndResultRow | null | { reason: string } {
  const line = text.trim();
  if (!line) return null;
  const fields = line.split(',').map((f) => f.trim());
  if (lineNumber === 1 && fields.join(',').toLowerCase() === 'phone,date,result') return null;
  if (fields.length !== 3) return { reason: `expected phone,date,result (3 fields), found ${fields.length}` };
  const [phone, date, result] = fields;
  const m = US_NUMBER.exec(phone.replace(/[\s().-]/g, ''));
  if (!m) return { reason: `phone: not a US number (10 digits or +1 and 10 digits): ${JSON.stringify(phone.slice(0, 20))}` };
  if (!isRealDay(date)) return { reason: `date: must be YYYY-MM-DD: ${JSON.stringify(date.slice(0, 20))}` };
  const r = resultOf(result);
  if (!r) return { reason: `result: must be yes, no or no_data: ${JSON.stringify(result.slice(0, 20))}` };
  return { phone: `+1${m[1]}`, date, result: r };
}

/** Reads bytes as they arrive, line by line; each row goes to `onRow`. The first bad line is kept and stops the reading. */
export class RndResultParser {
  lines = 0;
  rows = 0;
  private rest = '';
  // Streaming: a character split across two chunks is decoded whole.
  private readonly decoder = new TextDecoder('utf-8');
  private error: RndLineError | null = null;

  constructor(private readonly onRow: (row: RndResultRow) => void) {}

  /** The first bad line so far, or null. */
  push(chunk: Buffer | string): RndLineError | null {
    if (this.error) return this.error;
    const text = this.rest + (typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
    const parts = text.split('\n');
    this.rest = parts.pop() ?? '';
    for (const part of parts) if (!this.line(part)) break;
    return this.error;
  }

  end(): RndLineError | null {
    this.rest += this.decoder.decode();
    if (!this.error && this.rest) this.line(this.rest);
    this.rest = '';
    return this.error;
  }

  private line(text: string): boolean {
    this.lines++;
    // A byte-order mark at the start of the file is not part of the header.
    const parsed = parseRndLine(this.lines === 1 ? text.replace(/^\uFEFF/, '') : text, this.lines);
    if (parsed === null) return true;
    if ('reason' in parsed) {
      this.error = { line: this.lines, reason: parsed.reason };
      return false;
    }
    this.rows++;
    this.onRow(parsed);
    return true;
  }
}
