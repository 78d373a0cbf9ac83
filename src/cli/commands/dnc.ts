/**
 * `consent-gate dnc import [--org ORG_ID] --list national --as-of 2026-12-01 [--changes] FILE…`:
 * the do-not-call import of POST /v1/dnc/{list}/import, streamed from each
 * file in turn (one import a file: a registry download is a file per area
 * code or state, and each is swapped in whole), with a progress bar on a
 * terminal and plain lines otherwise. `consent-gate dnc lists` prints what
 * GET /v1/dnc answers. Lists are each org's own: `--org` names it, the
 * default org when left out (as for the other commands), and the output
 * names the org, so that an import meant for another org is seen at once.
 */
import type { Command } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { dncLists, importDncList, type DncImportAnswer } from '../../gate/dncImport';
import { PROGRESS_OPTION, progressMode, progressReporter } from '../progress';
import { CliError, EXIT, withRuntime, type Io } from '../runtime';
import { DEFAULT_ORG_ID } from '../../gate/bootstrap';
import type { GateContext } from '../../gate/context';
import { json } from '../format';

interface ImportOpts {
  org: string;
  list: string;
  asOf: string;
  changes?: boolean;
  json?: boolean;
  progress: string;
}

/** The org named by `--org`, refused when the ledger holds no such org: its lists would be consulted by no one. */
async function existingOrg(ctx: GateContext, orgId: string): Promise<string> {
  if (!(await ctx.ledger.getOrg(orgId))) throw new CliError(`--org: no org ${orgId}`);
  return orgId;
}

export function registerDnc(program: Command, io: Io): void {
  const dnc = program.command('dnc').description('do-not-call lists');
  dnc
    .command('import <files...>')
    .description('import a do-not-call list file (full copy or change list), one number a line')
    .option('--org <id>', 'the org whose list this is (each org keeps its own copies); left out, the default org, as for the other commands', DEFAULT_ORG_ID)
    .requiredOption('--list <name>', 'national, internal or state:XX')
    .requiredOption('--as-of <date>', 'the date the copy was taken (YYYY-MM-DD)')
    .option('--changes', 'the files are change lists (a number, a comma and A or D a line)')
    .option(...PROGRESS_OPTION)
    .option('--json', 'print the results as JSON')
    .addHelpText('after', '\nExample: consent-gate dnc import --list national --as-of 2026-12-01 212.txt 305.txt')
    .action(async (files: string[], opts: ImportOpts, cmd: Command) => {
      const mode = progressMode(opts.progress);
      const sizes = files.map((file) => {
        try {
          return statSync(file).size;
        } catch {
          throw new CliError(`cannot read ${file}`);
        }
      });
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        const orgId = await existingOrg(ctx, opts.org);
        const started = Date.now();
        const results: (DncImportAnswer & { file: string })[] = [];
        const progress = progressReporter(io, { totalBytes: sizes.reduce((a, b) => a + b, 0), mode, label: 'dnc import', rejections: false });
        let bytesBefore = 0;
        let linesBefore = 0;
        try {
          for (const [i, file] of files.entries()) {
            let answer: DncImportAnswer;
            try {
              answer = await importDncList(ctx, orgId, createReadStream(file, { highWaterMark: 1 << 20 }), {
                list: opts.list,
                asOf: opts.asOf,
                mode: opts.changes ? 'changes' : 'full',
                onProgress: (p) => progress.update({ bytes: bytesBefore + p.bytes, rows: linesBefore + p.lines, rejected: 0 }),
              });
            } catch (err) {
              // Named with its file: the line number in the message is that file's.
              if (err instanceof Error) err.message = `${basename(file)}: ${err.message}`;
              throw err;
            }
            bytesBefore += sizes[i];
            linesBefore += answer.lines;
            results.push({ file, ...answer });
          }
        } finally {
          progress.stop();
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (opts.json) io.out.write(json(results.map((r) => ({ org_id: orgId, ...r }))));
        else {
          for (const r of results) {
            io.out.write(`${basename(r.file)}: ${r.lines} lines, ${r.added} added, ${r.removed} removed, area codes ${r.area_codes.join(' ')}\n`);
          }
          io.out.write(
            `${results.length} file${results.length === 1 ? '' : 's'} imported into ${results[0].list} of ${orgId} (as of ${results[0].as_of}) in ${seconds} s.\n`,
          );
        }
        return EXIT.OK;
      });
    });
  dnc
    .command('lists')
    .description("an org's do-not-call lists, with their dates, sizes and area codes")
    .option('--org <id>', 'the org', DEFAULT_ORG_ID)
    .option('--json', 'print the lists as JSON')
    .action(async (opts: { org: string; json?: boolean }, cmd: Command) => {
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        const lists = await dncLists(ctx, await existingOrg(ctx, opts.org));
        if (opts.json) io.out.write(json(lists));
        else if (!lists.length) io.out.write(`No do-not-call list imported yet for ${opts.org}.\n`);
        else for (const l of lists) io.out.write(`${l.list}: ${l.entries} numbers as of ${l.as_of}, ${l.area_codes.length} area codes\n`);
        return EXIT.OK;
      });
    });
}
