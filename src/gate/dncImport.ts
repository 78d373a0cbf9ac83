/**
 * Importing a do-not-call list (POST /v1/dnc/{list}/import and
 * `consent-gate dnc import`): the list file is read as it arrives, line by
 * line (listFormat.ts), into the store's import (dncStore.ts), which holds
 * at most one bitmap per area code however long the file: memory is bounded
 * by the numbering plan, not by the upload. Nothing is stored unless the
 * whole file reads: a bad line stops the import, naming its line.
 *
 * Every list is the importing org's own: each seller keeps its own registry
 * copy (its own subscription), and `internal` is the org's own list.
 */
import { LedgerUnavailableError, validationError } from '../errors';
import { DNC_LIST_NAME_RULE, dncListName, type DncListName } from '../domain/dnc/lists';
import { DncListParser, type DncImportMode } from '../domain/dnc/listFormat';
import type { DncListSummary, DncStore } from '../ledger/dnc/dncStore';
import type { GateContext } from './context';

export interface DncImportOptions {
  list: unknown;
  asOf: unknown;
  mode: unknown;
  /** Told of each chunk read, for a progress bar. */
  onProgress?: (p: { bytes: number; lines: number }) => void;
}

export interface DncImportAnswer {
  list: DncListName;
  as_of: string;
  mode: DncImportMode;
  added: number;
  removed: number;
  /** The area codes the file held, which the import wrote. */
  area_codes: string[];
  lines: number;
}

const AS_OF = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a real day no later than today (UTC): a copy cannot be dated after it was taken. */
export function dncAsOf(input: unknown, now: Date): string {
  const m = typeof input === 'string' ? AS_OF.exec(input) : null;
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.toISOString().slice(0, 10) !== input) throw validationError({ as_of: 'must be the date the copy was taken, YYYY-MM-DD' });
  if ((input as string) > now.toISOString().slice(0, 10)) throw validationError({ as_of: 'is in the future: give the date the copy was taken' });
  return input as string;
}

export function dncList(input: unknown): DncListName {
  const list = dncListName(input);
  if (!list) throw validationError({ list: `unknown list: must be ${DNC_LIST_NAME_RULE}` });
  return list;
}

export function dncMode(input: unknown): DncImportMode {
  if (input === undefined || input === 'full') return 'full';
  if (input === 'changes') return 'changes';
  throw validationError({ mode: 'must be full or changes' });
}

export function dncStoreOf(ctx: GateContext): DncStore {
  if (!ctx.dnc) throw new LedgerUnavailableError('the do-not-call lists are not open');
  return ctx.dnc;
}

export async function importDncList(
  ctx: GateContext,
  orgId: string,
  source: AsyncIterable<Buffer | string>,
  options: DncImportOptions,
): Promise<DncImportAnswer> {
  const list = dncList(options.list);
  const asOf = dncAsOf(options.asOf, ctx.clock.now());
  const mode = dncMode(options.mode);
  const store = dncStoreOf(ctx);
  if (mode === 'changes' && !(await store.lists(orgId)).some((l) => l.list === list)) {
    throw validationError({ mode: `a change file for ${list}, which was never imported in full: import a full copy first` });
  }
  const writer = store.startImport(orgId, list, mode, asOf);
  const parser = new DncListParser(mode, writer);
  let bytes = 0;
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buf.length;
    const bad = parser.push(buf);
    if (bad) throw validationError({ body: `line ${bad.line}: ${bad.reason}` });
    options.onProgress?.({ bytes, lines: parser.lines });
  }
  const bad = parser.end();
  if (bad) throw validationError({ body: `line ${bad.line}: ${bad.reason}` });
  if (parser.entries === 0) throw validationError({ body: 'the file is empty: it holds no phone numbers' });
  const result = await writer.commit();
  return { list, as_of: asOf, mode, ...result, lines: parser.lines };
}

/** GET /v1/dnc: each list the org imported, with its date, its size and its area codes. */
export async function dncLists(ctx: GateContext, orgId: string): Promise<DncListSummary[]> {
  return dncStoreOf(ctx).lists(orgId);
}
