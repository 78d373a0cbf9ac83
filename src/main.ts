/**
 * `npm start`: the gateway on PORT with the configured store — the same as
 * `consent-gate serve`. On first start it prints the admin API key once.
 * SIGTERM/SIGINT stop it gracefully and exit 0.
 */
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { serve } from './cli/commands/serve';

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
  await serve(config);
}

main().catch((err) => {
  process.stderr.write(`consent-gate failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
