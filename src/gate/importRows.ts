/**
 * The part of the CSV import that needs no store: CSV bytes in, one result
 * per row out — the consent it makes, or why it is rejected, with the line
 * the row ends on. The import runs it in its own thread or in a worker
 * (importWorker.ts); it is the same code either way, so both give the same
 * answers.
 *
 * Rows are validated with the same schema as POST /v1/consents. csv-parse
 * hands each record to `on_record` as it completes, synchronously inside
 * `write()`, so a chunk's rows are ready when its write returns; nothing goes
 * through the stream's object queue.
 */
import { parse, type CsvError, type Info, type Parser } from 'csv-parse';
import type { Clock } from './clock';
import { isPlainCsv, readPlainCsv } from './plainCsv';
import { buildConsent, type CaptureInput } from './consents';
import { issuesToDetails } from './schemas';
import { parseCaptureRow } from './importFields';
import { consentWrite, type ConsentWrite } from '../ledger/consentWrite';

/** A valid row's consent comes serialised for the store (`consentWrite`), so a worker thread does that work too. */
export type RowResult = { line: number; consent: ConsentWrite; reason?: undefined } | { line: number; reason: string; consent?: undefined };

/** A chunk's rows, and the CSV error that stopped the reading there, if one did. */
export interface ParsedChunk {
  rows: RowResult[];
  error?: { line: number; message: string };
}

export interface RowOptions {
  orgId: string;
  /** CSV header → consent field, for files whose columns are named otherwise. */
  columnMap?: Record<string, string>;
}

/** How csv-parse reads an import (plainCsv.ts reads plain segments the same way without it). */
export const CSV_OPTIONS = { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true } as const;

function describeRejection(details: Record<string, string>): string {
  return Object.entries(details)
    .map(([field, why]) => `${field} ${why}`)
    .join('; ');
}

/** One CSV record → the consent it makes, or why not. */
export function rowResult(record: Record<string, string>, line: number, orgId: string, clock: Clock): RowResult {
  const parsed = parseCaptureRow(record);
  if (!parsed.success) return { line, reason: describeRejection(issuesToDetails(parsed.error)) };
  try {
    // The parsed fields are this row's own object: completed in place rather than copied (a spread showed in the thread's profile).
    const input: CaptureInput = Object.assign(parsed.data, { orgId, source: 'import' });
    return { line, consent: consentWrite(buildConsent({ clock }, input)) };
  } catch (err) {
    return { line, reason: describeRejection((err as { details?: Record<string, string> }).details ?? { row: (err as Error).message }) };
  }
}

/** Feeds CSV chunks to csv-parse and answers each chunk's row results, in file order. */
export class RowReader {
  private readonly parser: Parser;
  private rows: RowResult[] = [];
  private failed = false;
  /** The consent field each column is read as: given, or named by the header row once it has been read. */
  columns: string[] | undefined;

  /** @param columns the columns of a header read elsewhere (a segment after the header); without them the first row is the header */
  constructor(options: RowOptions, clock: Clock, columns?: string[]) {
    const map = options.columnMap ?? {};
    this.columns = columns;
    this.parser = parse({
      columns: columns ?? ((header: string[]) => (this.columns = header.map((h) => map[h.trim()] ?? h.trim()))),
      ...CSV_OPTIONS,
      on_record: (record: Record<string, string>, info: Info & { lines: number }) => {
        this.rows.push(rowResult(record, info.lines, options.orgId, clock));
        return undefined;
      },
    });
    this.parser.on('error', () => {}); // answered by write()/end() instead
    this.parser.resume();
  }

  /** The rows completed by this chunk (a row split across chunks is answered with the chunk that ends it). */
  write(chunk: Buffer | string): Promise<ParsedChunk> {
    return this.step((done) => this.parser.write(chunk, done));
  }

  /** The last row (one without a final newline) and any error only the end reveals (an unclosed quote). */
  end(): Promise<ParsedChunk> {
    return this.step((done) => {
      this.parser.once('error', done);
      this.parser.end(() => done());
    });
  }

  /** csv-parse's line counter: the line being read, from 1. */
  get line(): number {
    return this.parser.info.lines;
  }

  private async step(run: (done: (err?: Error | null) => void) => void): Promise<ParsedChunk> {
    if (this.failed) return { rows: [] };
    const err = await new Promise<Error | null | undefined>((resolve) => run(resolve));
    const rows = this.rows;
    this.rows = [];
    if (!err) return { rows };
    this.failed = true;
    // A malformed CSV (unclosed quote…) is reported with the line csv-parse stopped at; anything else is a fault.
    const lines = (err as CsvError & { lines?: number }).lines;
    if (lines === undefined) throw err;
    return { rows, error: { line: lines, message: err.message } };
  }
}

/** A segment of whole records parsed on its own: lines count from its first line (0), and `lines` is how many it spans. */
export interface ParsedSegment extends ParsedChunk {
  lines: number;
  columns?: string[];
}

/**
 * One segment (csvSegments.ts) read by a parser of its own, ended at the segment's end so that its
 * last record is answered with it (csv-parse holds a chunk's last record until more comes). Without
 * `columns`, the segment is the header's (the prefix) and the columns it names are answered. A
 * segment after the header with no quotes is read without csv-parse (plainCsv.ts), to the same rows.
 */
export async function parseSegment(bytes: Buffer, options: RowOptions, clock: Clock, columns?: string[]): Promise<ParsedSegment> {
  if (columns && isPlainCsv(bytes)) {
    const rows: RowResult[] = [];
    const lines = readPlainCsv(bytes.toString('utf8'), columns, (record, line) => rows.push(rowResult(record, line - 1, options.orgId, clock)));
    return { rows, lines, columns };
  }
  const reader = new RowReader(options, clock, columns);
  const first = await reader.write(bytes);
  const last = first.error ? { rows: [] } : await reader.end();
  const rows = first.rows.concat(last.rows);
  for (const row of rows) row.line -= 1;
  const error = first.error ?? last.error;
  if (error) error.line -= 1;
  return { rows, ...(error ? { error } : {}), lines: reader.line - 1, columns: reader.columns };
}
