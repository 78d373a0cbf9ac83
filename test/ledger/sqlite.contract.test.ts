import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { ledgerContract } from './contract';

// A real file (WAL needs one), fresh per test.
ledgerContract('sqlite', async () => new SqliteLedger({ file: join(mkdtempSync(join(tmpdir(), 'cg-ledger-')), 'ledger.db') }));
