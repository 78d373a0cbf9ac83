/**
 * `consent-gate reassigned import [--org ORG_ID] FILE`: the import of
 * POST /v1/reassigned/import, streamed from the file, with a progress bar on
 * a terminal and plain lines otherwise. Results are each org's own: `--org`
 * names it (the default org when left out), and the output names the org.
 */
import type { Command } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_ORG_ID } from '../../gate/bootstrap';
import { importReassignedResults } from '../../gate/reassignedImport';
import { json } from '../format';
import { PROGRESS_OPTION, progressMode, progressReporter } from '../progress';
import { CliError, EXIT, withRuntime, type Io } from '../runtime';

interface ImportOpts {
  org: string;
  json?: boolean;
  progress: string;
}

export function registerReassigned(program: Command, io: Io): void {
  const reassigned = program.command('reassigned').description('reassigned-number answers (FCC Reassigned Numbers Database results)');
  reassigned
    .command('import <file>')
    .description('import Reassigned Numbers Database results: a CSV of phone,date,result lines (yes, no or no_data)')
    .option('--org <id>', 'the org whose results these are (each org keeps its own)', DEFAULT_ORG_ID)
    .option(...PROGRESS_OPTION)
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample: consent-gate reassigned import rnd-results-2026-12-01.csv')
    .action(async (file: string, opts: ImportOpts, cmd: Command) => {
      const mode = progressMode(opts.progress);
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(`cannot read ${file}`);
      }
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        if (!(await ctx.ledger.getOrg(opts.org))) throw new CliError(`--org: no org ${opts.org}`);
        const started = Date.now();
        const progress = progressReporter(io, { totalBytes: size, mode, label: 'reassigned import', rejections: false });
        let answer: Awaited<ReturnType<typeof importReassignedResults>>;
        try {
          answer = await importReassignedResults(ctx, opts.org, createReadStream(file, { highWaterMark: 1 << 20 }), {
            onProgress: (p) => progress.update({ bytes: p.bytes, rows: p.lines, rejected: 0 }),
          });
        } catch (err) {
          // Named with its file: the line number in the message is that file's.
          if (err instanceof Error) err.message = `${basename(file)}: ${err.message}`;
          throw err;
        } finally {
          progress.stop();
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (opts.json) io.out.write(json({ org_id: opts.org, file, ...answer }));
        else
          io.out.write(
            `${basename(file)}: ${answer.rows} results imported into ${opts.org} in ${seconds} s (${answer.added} added, ${answer.changed} changed, ${answer.unchanged} unchanged).\n`,
          );
        return EXIT.OK;
      });
    });
}
