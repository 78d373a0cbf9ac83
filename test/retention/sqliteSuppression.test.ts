/**
 * A store holding anonymised opt-outs finds them only through their key, so
 * it must never be opened without it — or with another secret — which would
 * quietly unblock opted-out numbers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerUnavailableError, suppressionKeying } from '../../src/ledger/ledger';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { aRevocation } from '../fixtures/records';

describe('SQLite ledger with anonymised records', () => {
  it('refuses to open without the secret it was anonymised under, or with another one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-suppr-')), 'ledger.db');
    const keying = suppressionKeying('the-original-secret-0001');
    const ledger = new SqliteLedger({ file, suppression: keying });
    await ledger.recordRevocation(aRevocation({ created_at: '2020-01-01T00:00:00.000Z' }));
    await ledger.anonymiseBefore('2021-01-01T00:00:00.000Z');
    await ledger.close();

    expect(() => new SqliteLedger({ file })).toThrow(LedgerUnavailableError);
    expect(() => new SqliteLedger({ file })).toThrow(/set the RETENTION_SECRET/);
    expect(() => new SqliteLedger({ file, suppression: suppressionKeying('another-secret-00002') })).toThrow(/different RETENTION_SECRET/);
    const again = new SqliteLedger({ file, suppression: keying });
    expect((await again.contactFacts('org_test', '+15551234567')).revocations).toHaveLength(1);
    await again.close();
  });

  it('a store never anonymised opens with or without a secret', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-suppr-')), 'ledger.db');
    await new SqliteLedger({ file, suppression: suppressionKeying('some-secret-00000001') }).close();
    const plain = new SqliteLedger({ file });
    await expect(plain.anonymiseBefore('2021-01-01T00:00:00.000Z')).rejects.toThrow(/RETENTION_SECRET/);
    await plain.close();
  });
});
