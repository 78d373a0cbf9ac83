/**
 * Importing Reassigned Numbers Database results (POST /v1/reassigned/import
 * and `consent-gate reassigned import`): the CSV is read as it arrives, line
 * by line (domain/reassigned/rndFile.ts), and nothing is stored unless the
 * whole file reads: a bad line stops the import, naming its line. The rows
 * are then stored in batches (an upsert by number and date, so importing the
 * same file again changes nothing). Results are the importing org's own.
 */
import { RndResultParser, type RndResultRow } from '../domain/reassigned/rndFile';
import { LedgerUnavailableError, validationError } from '../errors';
import type { RndImportResult } from '../ledger/reassigned/reassignedStore';
import type { GateContext } from './context';
import { forgetImportsMemo } from './reassignedNumbers';

export interface RndImportAnswer extends RndImportResult {
  /** Lines read, the header and blank lines included. */
  lines: number;
  rows: number;
}

/** Rows handed to the store at once. */
const BATCH_ROWS = 5000;
/** Rows are held until the whole file has read (nothing is stored from a file with a bad line): memory is bounded by this. */
export const MAX_IMPORT_ROWS = 1_000_000;

export async function importReassignedResults(
  ctx: GateContext,
  orgId: string,
  source: AsyncIterable<Buffer | string>,
  options: { onProgress?: (p: { bytes: number; lines: number }) => void; onStoring?: (p: { rows: number }) => void } = {},
): Promise<RndImportAnswer> {
  const store = ctx.reassigned;
  if (!store) throw new LedgerUnavailableError('the reassigned-number answers are not open');
  const importedAt = ctx.clock.now();
  const today = importedAt.toISOString().slice(0, 10);
  const rows: RndResultRow[] = [];
  let future: { line: number; date: string } | null = null;
  let tooMany: { line: number; reason: string } | null = null;
  const parser = new RndResultParser((row) => {
    // A date not yet reached was never asked about: the file is not a results file, or its dates are wrong.
    if (row.date > today && !future) future = { line: parser.lines, date: row.date };
    if (rows.length === MAX_IMPORT_ROWS) tooMany ??= { line: parser.lines, reason: `more than ${MAX_IMPORT_ROWS} results in one file: split it` };
    else rows.push(row);
  });
  let bytes = 0;
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buf.length;
    const bad = parser.push(buf) ?? future ?? tooMany;
    if (bad) throw lineError(bad);
    options.onProgress?.({ bytes, lines: parser.lines });
  }
  const bad = parser.end() ?? future ?? tooMany;
  if (bad) throw lineError(bad);
  if (!rows.length) throw validationError({ body: 'the file is empty: it holds no phone,date,result line' });
  const total: RndImportResult = { added: 0, changed: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const r = await store.importResults(orgId, rows.slice(i, i + BATCH_ROWS), importedAt);
    total.added += r.added;
    total.changed += r.changed;
    total.unchanged += r.unchanged;
    options.onStoring?.({ rows: Math.min(i + BATCH_ROWS, rows.length) });
  }
  forgetImportsMemo(ctx, orgId);
  return { ...total, lines: parser.lines, rows: rows.length };
}

function lineError(bad: { line: number; reason?: string; date?: string }) {
  return validationError({ body: `line ${bad.line}: ${bad.reason ?? `date: ${bad.date} is in the future`}` });
}
