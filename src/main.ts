/**
 * `npm start`: the gateway on PORT with the configured store. On first start
 * it prints the admin API key once. SIGTERM/SIGINT stop it gracefully.
 */
import { ConfigError, loadConfig } from './config';
import { startGateway } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(2);
    }
    throw err;
  }
  const gateway = await startGateway(config);
  const { logger } = gateway;
  if (gateway.bootstrap.generatedAdminKey) {
    process.stdout.write(
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
  logger.info({ url: gateway.url, store: gateway.ctx.ledger.engine, data_dir: config.DATA_DIR }, 'consent gate listening');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    gateway.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`consent-gate failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
