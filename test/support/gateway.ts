/**
 * A real gateway for tests: a fresh SQLite file in a temp DATA_DIR, a free
 * loopback port, a known admin key, silent logs. Config overrides go through
 * the same validation as production config.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema, type Config } from '../../src/config';
import type { Clock } from '../../src/gate/clock';
import type { Ledger } from '../../src/ledger/ledger';
import { silentLogger } from '../../src/observability/logger';
import type { ModuleFactory } from '../../src/module';
import { startGateway, type Gateway } from '../../src/server';
import { ADMIN_KEY } from './adminKey';

export { ADMIN_KEY };

export interface TestGateway extends Gateway {
  adminKey: string;
  dataDir: string;
  auth: { Authorization: string };
}

export async function startTestGateway(
  overrides: Record<string, unknown> = {},
  options: { clock?: Clock; ledger?: Ledger; modules?: ModuleFactory[] } = {},
): Promise<TestGateway> {
  const dataDir = (overrides.DATA_DIR as string) ?? mkdtempSync(join(tmpdir(), 'cg-gw-'));
  const config: Config = configSchema.parse({
    PORT: 0,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CONSENT_GATE_API_KEY: ADMIN_KEY,
    LOG_LEVEL: 'silent',
    METRICS_DEFAULT: false,
    ...overrides,
  });
  const gw = await startGateway(config, { logger: silentLogger(), clock: options.clock, ledger: options.ledger, modules: options.modules });
  return Object.assign(gw, { adminKey: ADMIN_KEY, dataDir, auth: { Authorization: `Bearer ${ADMIN_KEY}` } });
}
