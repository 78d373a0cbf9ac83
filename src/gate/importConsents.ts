/**
 * Bulk consent import from CSV (SPEC §2.4), used by the API and the CLI.
 *
 * Streamed (csv-parse), validated row by row with the same schema as
 * POST /v1/consents, written in batches of one transaction each. A bad row is
 * reported with its line number; the import goes on or stops per `onError`.
 * Re-running the same file creates nothing new: capture is idempotent on
 * the consent's content.
 */
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import type { GateContext } from './context';
import { buildConsent } from './consents';
import { consentCaptureSchema, issuesToDetails } from './schemas';
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

const BOOLEAN = /^(true|false|1|0|yes|no)$/i;

function rowToCaptureInput(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    phone: row.phone,
    calling_entity: row.calling_entity,
    type: row.type,
    scope: row.scope ? row.scope.split('|').map((s) => s.trim()).filter(Boolean) : undefined,
    ai_specific_consent: BOOLEAN.test(row.ai_specific_consent ?? '') ? /^(true|1|yes)$/i.test(row.ai_specific_consent) : row.ai_specific_consent,
    captured_at: row.captured_at,
  };
  if (row.expires_at) out.expires_at = row.expires_at;
  if (row.double_opt_in) out.double_opt_in = BOOLEAN.test(row.double_opt_in) ? /^(true|1|yes)$/i.test(row.double_opt_in) : row.double_opt_in;
  if (row.evidence_url || row.evidence_source) {
    out.evidence = { ...(row.evidence_url ? { url: row.evidence_url } : {}), ...(row.evidence_source ? { source: row.evidence_source } : {}) };
  }
  return out;
}

function describeRejection(details: Record<string, string>): string {
  return Object.entries(details)
    .map(([field, why]) => `${field} ${why}`)
    .join('; ');
}

export async function importConsents(ctx: GateContext, input: Readable, options: ImportOptions): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 1000;
  const maxReported = options.maxReportedRejections ?? 1000;
  const map = options.columnMap ?? {};
  const result: ImportResult = { rows: 0, imported: 0, duplicates: 0, rejected: 0, rejections: [], stopped_early: false };
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => map[h.trim()] ?? h.trim()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
      bom: true,
    }),
  );
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
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      result.rows++;
      const parsed = consentCaptureSchema.safeParse(rowToCaptureInput(record), { reportInput: true });
      if (!parsed.success) {
        reject(info.lines, describeRejection(issuesToDetails(parsed.error)));
      } else {
        try {
          batch.push(buildConsent(ctx, { ...parsed.data, orgId: options.orgId, source: 'import' }));
        } catch (err) {
          reject(info.lines, describeRejection((err as { details?: Record<string, string> }).details ?? { row: (err as Error).message }));
        }
      }
      if (result.rejected && options.onError === 'stop') {
        result.stopped_early = true;
        break;
      }
      if (batch.length >= batchSize) await flush();
    }
  } catch (err) {
    // A malformed CSV (unclosed quote…) is reported with the line csv-parse stopped at.
    const e = err as { lines?: number; message: string };
    if (e.lines === undefined) throw err;
    reject(e.lines, `unreadable CSV: ${e.message}`);
    result.stopped_early = true;
  }
  await flush();
  return result;
}
