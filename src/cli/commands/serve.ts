/**
 * `consent-gate serve` and `npm start`: the gateway on PORT with the
 * configured store until SIGTERM/SIGINT, which stop it gracefully (in-flight
 * requests finish, websockets close with a reason, the store is closed) and
 * exit 0.
 */
import type { Command } from 'commander';
import type { Config } from '../../config';
import type { Gateway } from '../../server';
import { configFor, processIo, type Io } from '../runtime';

export async function serve(config: Config, io: Io = processIo): Promise<Gateway> {
  // Signals are taken from the start: a SIGTERM while the gateway is still
  // starting (it listens before its modules are up) stops it once started.
  let gateway: Gateway | undefined;
  let stopping: string | undefined;
  let closing = false;
  const stop = (signal: string) => {
    stopping ??= signal;
    if (!gateway || closing) return;
    closing = true;
    const { logger } = gateway;
    logger.info({ signal }, 'shutting down');
    gateway.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Loaded here, not at the top: the other commands need none of the gateway's modules and start faster without them.
  const { startGateway } = await import('../../server');
  gateway = await startGateway(config);
  // To the terminal, not stdout: stdout carries the JSON log lines, which are shipped to log collectors.
  if (gateway.bootstrap.generatedAdminKey) {
    io.err.write(
      [
        '',
        '  Consent Gate created the default org and its admin API key.',
        '  It is shown this once and stored only as a hash — save it now:',
        '',
        `    ${gateway.bootstrap.generatedAdminKey}`,
        '',
        '',
      ].join('\n'),
    );
  }
  gateway.logger.info({ url: gateway.url, store: gateway.ctx.ledger.engine, data_dir: config.DATA_DIR }, 'consent gate listening');
  if (stopping) stop(stopping);
  return gateway;
}

export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description('run the gateway (the same as npm start)')
    .option('--port <port>', 'listen on this port (default: PORT or 8080)')
    .action(async (opts: { port?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals();
      const env = io.env ?? process.env;
      const config = configFor(globals, opts.port ? { ...env, PORT: opts.port } : env);
      await serve(config, io);
      // Keep running: the signal handlers end the process.
      await new Promise(() => {});
    });
}
