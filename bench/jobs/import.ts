/**
 * Fallback import job when the CLI is absent: `importConsents` from src/gate
 * through the SQLite ledger in DATA_DIR, streamed from the CSV named in
 * argv[2]. Prints the result as JSON.
 */
import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_ORG_ID } from '../../src/gate/bootstrap';
import { systemClock } from '../../src/gate/clock';
import type { GateContext } from '../../src/gate/context';
import { importConsents } from '../../src/gate/importConsents';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';

const ledger = new SqliteLedger({ file: join(resolve(process.env.DATA_DIR ?? '.'), 'consent-gate.db') });
const ctx = { ledger, clock: systemClock } as unknown as GateContext;
const result = await importConsents(ctx, createReadStream(process.argv[2]), { orgId: DEFAULT_ORG_ID });
await ledger.close();
process.stdout.write(JSON.stringify(result) + '\n');
