/**
 * The gateway under test, exactly as `npm start` builds it (loadConfig from
 * the environment and CONSENT_GATE_CONFIG, then startGateway), on a free
 * loopback port. The parent sets DATA_DIR to a copy of a seeded ledger (or
 * STORE=redis and REDIS_URL) and a per-key rate limit high enough not to
 * answer 429 to a load generator.
 */
import { loadConfig } from '../../src/config';
import { startGateway } from '../../src/server';
import { announceReady, exitOnSignal } from '../lib/proc';

const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
const gateway = await startGateway(config);
announceReady({
  port: Number(new URL(gateway.url).port),
  store: gateway.ctx.ledger.engine,
  modules: gateway.modules.map((m) => m.name),
  log_level: config.LOG_LEVEL,
});
exitOnSignal(() => gateway.close());
