/**
 * `consent-gate ledger upgrade`: brings a SQLite ledger created before
 * schema 2 to the consents layout a new ledger has (see
 * ledger/sqlite/upgradeConsentLayout.ts). Offline: it refuses while the
 * gateway, or anything else, has the ledger open.
 */
import type { Command } from 'commander';
import { LedgerInUseError } from '../../errors';
import { upgradeLedgerLayout } from '../../gate/ledgerUpgrade';
import { json } from '../format';
import { PROGRESS_OPTION, progressMode, progressReporter } from '../progress';
import { CliError, configFor, EXIT, type Io } from '../runtime';

export function registerLedger(program: Command, io: Io): void {
  const ledger = program.command('ledger').description('the store itself');
  ledger
    .command('upgrade')
    .description('rebuild a SQLite ledger created before schema 2 in the current consents layout (stop the gateway first)')
    .option(...PROGRESS_OPTION)
    .option('--json', 'print the result as JSON')
    .action(async (opts: { progress: string; json?: boolean }, cmd: Command) => {
      const mode = progressMode(opts.progress);
      const config = configFor(cmd.optsWithGlobals(), io.env);
      const started = performance.now();
      let progress: ReturnType<typeof progressReporter> | undefined;
      let upgrade;
      try {
        upgrade = await upgradeLedgerLayout(config, {
          onProgress: (moved, total) => {
            progress ??= progressReporter(io, { totalBytes: total, mode, label: 'upgrade', rejections: false });
            progress.update({ bytes: moved, rows: moved, rejected: 0 });
          },
        });
      } catch (err) {
        if (err instanceof LedgerInUseError) throw new CliError(err.message, EXIT.FAILED);
        throw err;
      } finally {
        progress?.stop();
      }
      if (upgrade.store === 'redis') {
        io.out.write(opts.json ? json({ store: 'redis', upgraded: false }) : 'Nothing to upgrade: the Redis engine keeps consents by subject already.\n');
        process.exitCode = EXIT.OK;
        return;
      }
      const { file } = upgrade;
      if (!upgrade.found) throw new CliError(`no ledger at ${file}: nothing to upgrade`);
      const { result } = upgrade;
      const seconds = (performance.now() - started) / 1000;
      const upgraded = result.from === 'legacy';
      if (opts.json) io.out.write(json({ store: 'sqlite', file, upgraded, consents: result.consents, seconds: Number(seconds.toFixed(1)) }));
      else if (upgraded)
        io.out.write(`Upgraded ${file}: ${result.consents} consents moved to the current layout in ${seconds.toFixed(1)} s. The gateway can start again.\n`);
      else io.out.write(`${file} already has the current consents layout: nothing to do.\n`);
      process.exitCode = EXIT.OK;
    });
}
