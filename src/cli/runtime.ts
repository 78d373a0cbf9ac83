/**
 * What every CLI command stands on: the same configuration as the gateway
 * (environment, CONSENT_GATE_CONFIG, and the `--data-dir`/`--config` flags),
 * the same ledger, and a gate context — so a command does exactly what the
 * API would, against the local store. SQLite in WAL mode lets the CLI run
 * beside a running gateway on the same data directory.
 */
import { loadConfig, type Config } from '../config';
import { AppError, ConfigError, defineError, LedgerUnavailableError } from '../errors';
import { bootstrap } from '../gate/bootstrap';
import { systemClock } from '../gate/clock';
import { evidenceLinksFromConfig, type GateContext } from '../gate/context';
import { policyFromConfig } from '../gate/policyFromConfig';
import { issuesToDetails, safeParseReporting } from '../gate/schemas';
import { openDncStore, openLedger, openReassignedStore } from '../ledger/open';
import { reassignedLookupFromConfig } from '../../adapters/twilio/reassignedLookup';
import { Metrics } from '../observability/metrics';
import type { z } from 'zod';

/** Exit codes: scripts can tell "the answer is no" from "the command could not run". */
export const EXIT = {
  OK: 0,
  /** The command ran and the answer is no: a call blocked, rows rejected, a chain broken. */
  NO: 1,
  /** Bad flags, input or configuration. */
  USAGE: 2,
  /** The store could not be reached, or something else failed. */
  FAILED: 3,
} as const;

/** An error the CLI reports in one line and exits with; a kind of the error registry, never an HTTP answer. */
export class CliError extends defineError('CLI_FAILED') {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.USAGE,
  ) {
    super(message);
  }
}

export interface GlobalOptions {
  dataDir?: string;
  config?: string;
}

/** The world a command runs in: where it writes, and the environment its configuration comes from. */
export interface Io {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env?: NodeJS.ProcessEnv;
}

export const processIo: Io = { out: process.stdout, err: process.stderr };

export function configFor(globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Config {
  const merged = { ...env };
  if (globals.config) merged.CONSENT_GATE_CONFIG = globals.config;
  if (globals.dataDir) merged.DATA_DIR = globals.dataDir;
  try {
    return loadConfig(merged);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, EXIT.USAGE);
    throw err;
  }
}

export interface Runtime {
  config: Config;
  ctx: GateContext;
  close(): Promise<void>;
}

/** Opens the configured store (creating the default org on a fresh one, like the gateway's first start). */
export async function openRuntime(globals: GlobalOptions, io: Io): Promise<Runtime> {
  const config = configFor(globals, io.env);
  // The policy (with the state rule data it validates) before the store: a bad file must not leave the store open.
  let policy: GateContext['policy'];
  try {
    policy = policyFromConfig(config, config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, EXIT.USAGE);
    throw err;
  }
  const ledger = await openLedger(config);
  let dnc;
  let reassigned: GateContext['reassigned'];
  try {
    dnc = await openDncStore(config, ledger);
    reassigned = await openReassignedStore(config, ledger);
  } catch (err) {
    await ledger.close();
    throw err;
  }
  const ctx: GateContext = {
    ledger,
    dnc,
    reassigned,
    // `check` makes the gateway's own decision: with the same provider.
    reassignedLookup: reassignedLookupFromConfig(config, new Metrics({ defaultMetrics: false })),
    clock: systemClock,
    policy,
    observer: {},
    evidenceLinks: evidenceLinksFromConfig(config),
  };
  try {
    const boot = await bootstrap(ctx, config.CONSENT_GATE_API_KEY);
    if (boot.configuredKeyRetired) io.err.write('CONSENT_GATE_API_KEY was retired by an earlier change and authenticates nothing: configure a new secret.\n');
    if (boot.generatedAdminKey) {
      io.err.write(`Created the default org and its admin API key (shown this once, stored only as a hash):\n\n    ${boot.generatedAdminKey}\n\n`);
    }
  } catch (err) {
    await reassigned.close();
    await ledger.close();
    throw err;
  }
  return {
    config,
    ctx,
    close: async () => {
      await reassigned.close();
      await ledger.close();
    },
  };
}

/** Opens the runtime, runs `fn`, always closes the store; answers fn's exit code. */
export async function withRuntime(globals: GlobalOptions, io: Io, fn: (rt: Runtime) => Promise<number>): Promise<number> {
  const rt = await openRuntime(globals, io);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Validates CLI input with the API's own schema, so the CLI accepts exactly what the API accepts. */
export function parseInput<S extends z.ZodType>(schema: S, input: Record<string, unknown>, flagOf: Record<string, string> = {}): z.output<S> {
  const result = safeParseReporting(schema, input);
  if (result.success) return result.data;
  const details = issuesToDetails(result.error);
  const name = (path: string) => {
    const [head, ...rest] = path.split('.');
    const flag = flagOf[head] ?? head;
    return rest.length ? `${flag} (item ${Number(rest[0]) + 1})` : flag;
  };
  throw new CliError(
    Object.entries(details)
      .map(([field, why]) => `${name(field)}: ${why}`)
      .join('\n'),
  );
}

/** One line for any failure, and the exit code that goes with it. */
export function describeFailure(err: unknown): { message: string; exitCode: number } {
  if (err instanceof CliError) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof AppError) {
    const details = err.details
      ? ': ' +
        Object.entries(err.details)
          .map(([k, v]) => `${k} ${v}`)
          .join('; ')
      : '';
    return { message: `${err.message}${details}`, exitCode: err.code === 'VALIDATION_FAILED' || err.code === 'NOT_FOUND' ? EXIT.USAGE : EXIT.FAILED };
  }
  if (err instanceof LedgerUnavailableError) return { message: `the store is unavailable: ${err.message}`, exitCode: EXIT.FAILED };
  return { message: (err as Error)?.message ?? String(err), exitCode: EXIT.FAILED };
}
