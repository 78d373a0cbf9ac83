/**
 * Bulk consent import from CSV (SPEC §2.4), used by the API and the CLI.
 *
 * Streamed (csv-parse), validated row by row with the same schema as
 * POST /v1/consents (importRows.ts), written in batches of one transaction
 * each. A bad row is reported with its line number; the import goes on or
 * stops per `onError`. Re-running the same file creates nothing new: capture
 * is idempotent on the consent's content.
 */
import type { Readable } from 'node:stream';
import type { GateContext } from './context';
import { RowReader, type ParsedChunk, type RowOptions } from './importRows';
import type { Consent } from '../domain/records';

export interface ImportOptions {
  orgId: string;
  onError?: 'continue' | 'stop';
  batchSize?: number;
  /** CSV header → consent field, for files whose columns are named otherwise. */
  columnMap?: Record<string, string>;
  /** Called after each batch with the running totals. */
  onProgress?: (progress: ImportProgress) => void;
  /** Rejections kept in the answer (all are counted). */
  maxReportedRejections?: number;
}

export interface ImportProgress {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

export interface ImportResult extends ImportProgress {
  rejections: { line: number; reason: string }[];
  stopped_early: boolean;
}

/** Each chunk of the input's row results, in file order; stops after a chunk with an error. */
async function* rowsInThisThread(ctx: GateContext, input: Readable, options: RowOptions): AsyncGenerator<ParsedChunk> {
  const reader = new RowReader(options, ctx.clock);
  for await (const chunk of input) {
    const parsed = await reader.write(chunk);
    yield parsed;
    if (parsed.error) return;
  }
  yield await reader.end();
}

export async function importConsents(ctx: GateContext, input: Readable, options: ImportOptions): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 1000;
  const maxReported = options.maxReportedRejections ?? 1000;
  const result: ImportResult = { rows: 0, imported: 0, duplicates: 0, rejected: 0, rejections: [], stopped_early: false };
  let batch: Consent[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const { created, duplicates } = await ctx.ledger.captureConsents(batch);
    result.imported += created;
    result.duplicates += duplicates;
    batch = [];
    options.onProgress?.({ rows: result.rows, imported: result.imported, duplicates: result.duplicates, rejected: result.rejected });
  };
  const reject = (line: number, reason: string) => {
    result.rejected++;
    if (result.rejections.length < maxReported) result.rejections.push({ line, reason });
  };
  read: for await (const { rows, error } of rowsInThisThread(ctx, input, { orgId: options.orgId, columnMap: options.columnMap })) {
    for (const row of rows) {
      result.rows++;
      if (row.reason !== undefined) reject(row.line, row.reason);
      else batch.push(row.consent);
      if (result.rejected && options.onError === 'stop') {
        result.stopped_early = true;
        break read;
      }
      if (batch.length >= batchSize) await flush();
    }
    if (error) {
      reject(error.line, `unreadable CSV: ${error.message}`);
      result.stopped_early = true;
    }
  }
  await flush();
  return result;
}
