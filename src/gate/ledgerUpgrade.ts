/**
 * `ledger upgrade`: bring a stored ledger to the layout the current engine
 * expects. Only a SQLite ledger created before schema 2 has anything to
 * move (the Redis engine keeps consents by subject already). Offline: the
 * engine refuses (LedgerInUseError) while anything has the ledger open.
 */
import { existsSync } from 'node:fs';
import type { Config } from '../config';
import { sqliteLedgerFile } from '../ledger/open';
import { upgradeConsentLayout, type LayoutUpgrade, type UpgradeOptions } from '../ledger/sqlite/upgradeConsentLayout';

export type LedgerUpgrade =
  | { store: 'redis' }
  | { store: 'sqlite'; file: string; found: false }
  | { store: 'sqlite'; file: string; found: true; result: LayoutUpgrade };

export async function upgradeLedgerLayout(config: Pick<Config, 'STORE' | 'DATA_DIR'>, options: UpgradeOptions = {}): Promise<LedgerUpgrade> {
  if (config.STORE === 'redis') return { store: 'redis' };
  const file = sqliteLedgerFile(config);
  if (!existsSync(file)) return { store: 'sqlite', file, found: false };
  return { store: 'sqlite', file, found: true, result: await upgradeConsentLayout(file, options) };
}
