/**
 * `consent-gate consents import <file.csv>`: the bulk consent import —
 * the same `importConsents` as POST /v1/consents/import, streamed from the
 * file (csv-parse), batched in transactions, rows rejected with their line
 * numbers. Re-running the same file creates nothing new.
 *
 * Exit code 0 when every row was imported or already there, 1 when rows were
 * rejected (or the import stopped at one with --on-error stop).
 */
import type { Command } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { DEFAULT_ORG_ID } from '../../gate/bootstrap';
import { importConsents } from '../../gate/importConsents';
import { PROGRESS_OPTION, progressMode, progressReporter } from '../progress';
import { CliError, EXIT, withRuntime, type Io } from '../runtime';
import { json } from '../format';

/** The consent fields a CSV column can be mapped to. */
export const CSV_FIELDS = [
  'phone',
  'calling_entity',
  'type',
  'scope',
  'ai_specific_consent',
  'captured_at',
  'expires_at',
  'double_opt_in',
  'evidence_url',
  'evidence_source',
] as const;

/** `--map phone=Phone --map calling_entity=Company` → { Phone: 'phone', Company: 'calling_entity' } (CSV header → field). */
export function parseColumnMap(pairs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq).trim();
    const header = pair.slice(eq + 1).trim();
    if (eq < 1 || !header) throw new CliError(`--map ${pair}: expected field=Column Header, e.g. --map phone=Phone`);
    if (!(CSV_FIELDS as readonly string[]).includes(field)) throw new CliError(`--map ${pair}: unknown field ${field}; fields are ${CSV_FIELDS.join(', ')}`);
    map[header] = field;
  }
  return map;
}

/** From this size on (~6,000 rows) the import parses in worker threads: starting them costs ~0.3 s. */
const WORKER_MIN_BYTES = 1 << 20;

interface ImportOpts {
  org: string;
  map: string[];
  onError: string;
  batchSize: string;
  parsers?: string;
  json?: boolean;
  progress: string;
}

export function registerConsents(program: Command, io: Io): void {
  const consents = program.command('consents').description('consent records');
  consents
    .command('import <file>')
    .description('import consents from a CSV file (- for standard input); a header row names the columns')
    .option('--org <id>', 'the org the consents belong to', DEFAULT_ORG_ID)
    .option('--map <field=Header>', 'read a consent field from a differently named column (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--on-error <mode>', 'continue past a bad row, or stop at the first', 'continue')
    .option('--batch-size <n>', 'rows per transaction', '20000')
    .option('--parsers <n>', 'threads that parse and validate rows (default: one a core beside the writing thread, at most 4)')
    .option(...PROGRESS_OPTION)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `\nColumns: ${CSV_FIELDS.join(', ')} (scope values separated by |).\nExample: consent-gate consents import leads.csv --map phone=Phone --map calling_entity=Company`,
    )
    .action(async (file: string, opts: ImportOpts, cmd: Command) => {
      const columnMap = parseColumnMap(opts.map);
      if (opts.onError !== 'continue' && opts.onError !== 'stop') throw new CliError('--on-error: must be continue or stop');
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new CliError('--batch-size: must be a whole number from 1 to 100000');
      const parsers = opts.parsers === undefined ? undefined : Number(opts.parsers);
      if (parsers !== undefined && (!Number.isInteger(parsers) || parsers < 1 || parsers > 16))
        throw new CliError('--parsers: must be a whole number from 1 to 16');
      const mode = progressMode(opts.progress);
      let totalBytes: number | undefined;
      if (file !== '-') {
        try {
          totalBytes = statSync(file).size;
        } catch {
          throw new CliError(`cannot read ${file}`);
        }
      }
      // No memory map of the ledger for an import: a large import's reads land all over a file that
      // grows past the map, so the map held much more memory at the peak and bought no speed, sorted
      // or shuffled (see the memory map in docs/operations.md).
      const unmapped: Io = { ...io, env: { ...(io.env ?? process.env), SQLITE_MMAP_MB: '0' } };
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), unmapped, async ({ ctx }) => {
        const started = Date.now();
        let bytes = 0;
        const source: Readable = file === '-' ? process.stdin : createReadStream(file);
        const counted = source.pipe(
          new Transform({
            transform(chunk: Buffer, _enc, done) {
              bytes += chunk.length;
              done(null, chunk);
            },
          }),
        );
        source.on('error', (err) => counted.destroy(err));
        const progress = progressReporter(io, { totalBytes, mode });
        let result;
        try {
          result = await importConsents(ctx, counted, {
            orgId: opts.org,
            // Parse in other threads while this one writes, unless the file is too small to repay their start
            // (and --parsers, said outright, is taken as asked whatever the size).
            worker: parsers !== undefined || totalBytes === undefined || totalBytes >= WORKER_MIN_BYTES,
            parsers,
            onError: opts.onError as 'continue' | 'stop',
            batchSize,
            columnMap,
            onProgress: (p) => progress.update({ bytes, rows: p.rows, rejected: p.rejected }),
          });
          progress.update({ bytes, rows: result.rows, rejected: result.rejected });
        } finally {
          progress.stop();
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (opts.json) {
          io.out.write(json(result));
        } else {
          const name = file === '-' ? 'standard input' : basename(file);
          io.out.write(
            `${result.rows} rows read from ${name} in ${seconds} s: ${result.imported} imported, ${result.duplicates} already on file, ${result.rejected} rejected.\n`,
          );
          for (const r of result.rejections) io.out.write(`  line ${r.line}: ${r.reason}\n`);
          if (result.rejected > result.rejections.length) io.out.write(`  … and ${result.rejected - result.rejections.length} more\n`);
          if (result.stopped_early) io.out.write('Stopped at the first rejected row (--on-error stop); rows after it were not read.\n');
        }
        return result.rejected > 0 || result.stopped_early ? EXIT.NO : EXIT.OK;
      });
    });
}
