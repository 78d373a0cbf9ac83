/** Opens the ledger engine the configuration names. */
import { join, resolve } from 'node:path';
import type { Config } from '../config';
import { suppressionKeying, type Ledger } from './ledger';
import { SqliteLedger } from './sqlite/sqliteLedger';

export async function openLedger(config: Config): Promise<Ledger> {
  if (config.STORE === 'redis') {
    throw new Error('STORE=redis is not available in this build yet');
  }
  const suppression = config.RETENTION_SECRET ? suppressionKeying(config.RETENTION_SECRET) : undefined;
  return new SqliteLedger({ file: join(resolve(config.DATA_DIR), 'consent-gate.db'), suppression });
}
