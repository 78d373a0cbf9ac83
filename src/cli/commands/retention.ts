/** `consent-gate retention run`: the retention job once (the gateway runs it on a timer when RETENTION_DAYS is set). */
import type { Command } from 'commander';
import { runRetention } from '../../gate/retention';
import { CliError, EXIT, withRuntime, type Io } from '../runtime';
import { json } from '../format';

export function registerRetention(program: Command, io: Io): void {
  const retention = program.command('retention').description('the retention job: anonymise personal data older than RETENTION_DAYS');
  retention
    .command('run')
    .description('anonymise records older than the retention period; opt-outs stay in force')
    .option('--days <n>', 'the retention period (default: RETENTION_DAYS)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { days?: string; json?: boolean }, cmd: Command) => {
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ config, ctx }) => {
        const days = opts.days !== undefined ? Number(opts.days) : config.RETENTION_DAYS;
        if (days === undefined) throw new CliError('set --days or RETENTION_DAYS');
        if (!Number.isInteger(days) || days < 1) throw new CliError('--days: must be a positive whole number');
        if (!config.RETENTION_SECRET) throw new CliError('RETENTION_SECRET: required to anonymise (it keys the hash that keeps anonymised opt-outs blocked)');
        const report = await runRetention(ctx, days);
        if (opts.json) io.out.write(json(report));
        else
          io.out.write(
            `Anonymised records older than ${report.cutoff}: ${report.revocations} revocations, ${report.decisions} decisions, ` +
              `${report.consents} ended consents, ${report.call_events} call events, ${report.audit_entries} audit entries re-keyed; ` +
              `removed ${report.rnd_results} imported RND results and ${report.cached_answers} cached reassigned-number answers. Opt-outs stay in force.\n`,
          );
        return EXIT.OK;
      });
    });
}
