/**
 * The `consent-gate` command line: one file per command under `commands/`,
 * each a thin translation onto the same use cases as the HTTP API.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { registerAudit } from './commands/audit';
import { registerCalls } from './commands/calls';
import { registerCheck } from './commands/check';
import { registerConsents } from './commands/consents';
import { registerDnc } from './commands/dnc';
import { registerReassigned } from './commands/reassigned';
import { registerKeys } from './commands/keys';
import { registerLedger } from './commands/ledger';
import { registerRetention } from './commands/retention';
import { registerRevoke } from './commands/revoke';
import { registerServe } from './commands/serve';
import { describeFailure, EXIT, processIo, type Io } from './runtime';
import { packageFile } from '../packageFile';

const VERSION = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;

export function buildProgram(io: Io): Command {
  const program = new Command('consent-gate')
    .description('Consent and opt-out compliance gateway for outbound voice and SMS')
    .version(VERSION)
    .option('--data-dir <dir>', 'the data directory of the SQLite store (overrides DATA_DIR)')
    .option('--config <file>', 'a JSON config file (overrides CONSENT_GATE_CONFIG)')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .exitOverride();
  registerServe(program, io);
  registerKeys(program, io);
  registerConsents(program, io);
  registerDnc(program, io);
  registerReassigned(program, io);
  registerCheck(program, io);
  registerRevoke(program, io);
  registerAudit(program, io);
  registerCalls(program, io);
  registerRetention(program, io);
  registerLedger(program, io);
  program.addHelpText(
    'after',
    `
Examples:
  consent-gate serve
  consent-gate consents import leads.csv --map phone=Phone --map calling_entity=Company
  consent-gate check +12125550143 --entity "Acme Insurance LLC" --purpose telemarketing --call-type ai_voice
  consent-gate revoke +12125550143 --entity "Acme Insurance LLC" --trigger manual
  consent-gate audit export --from 2026-04-01T00:00:00Z --format csv --out decisions.csv
  consent-gate audit verify

Exit codes: 0 done / allowed; 1 the answer is no (blocked, rows rejected, chain broken);
2 bad flags, input or configuration; 3 the store is unavailable or something else failed.`,
  );
  // Subcommands report errors through the same output and exit override.
  for (const cmd of program.commands) propagate(cmd, io);
  return program;
}

function propagate(cmd: Command, io: Io): void {
  cmd
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  for (const sub of cmd.commands) propagate(sub, io);
}

/** Runs the CLI with these arguments (without `node` and the script); resolves with the exit code. */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  process.exitCode = undefined;
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? EXIT.OK);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version "fail" with exit code 0.
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    const { message, exitCode } = describeFailure(err);
    io.err.write(`consent-gate: ${message}\n`);
    return exitCode;
  } finally {
    process.exitCode = undefined;
  }
}
