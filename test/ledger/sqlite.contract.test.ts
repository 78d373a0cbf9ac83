import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { ledgerContract } from './contract';
import { retentionContract } from './retentionContract';

// A real file (WAL needs one), fresh per test.
const freshFile = () => join(mkdtempSync(join(tmpdir(), 'cg-ledger-')), 'ledger.db');

ledgerContract('sqlite', async () => new SqliteLedger({ file: freshFile() }));
retentionContract('sqlite', async (suppression) => new SqliteLedger({ file: freshFile(), suppression }));
