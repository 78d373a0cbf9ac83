import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/ledger/auditChain';
import { coveredContactWindow } from '../../src/domain/stateLaw/coveredContacts';
import { LedgerUnavailableError, suppressionKeying } from '../../src/ledger/ledger';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { ledgerContract } from './contract';
import { callsContract } from './callsContract';
import { consoleSessionsContract } from './consoleSessionsContract';
import { coveredContract } from './coveredContract';
import { retentionContract } from './retentionContract';
import { aDecision } from '../fixtures/records';
import { writeFileSync } from 'node:fs';
import { FileDncStore } from '../../src/ledger/dnc/fileDncStore';
import { dncContract } from './dncContract';
import { SqliteReassignedStore } from '../../src/ledger/reassigned/sqliteReassignedStore';
import { reassignedContract } from './reassignedContract';

// A real file (WAL needs one), fresh per test.
const freshFile = () => join(mkdtempSync(join(tmpdir(), 'cg-ledger-')), 'ledger.db');

ledgerContract('sqlite', async () => new SqliteLedger({ file: freshFile() }));
// The peer is a second handle on the same file (another process, in effect); two handles in one
// process cannot race (each waits for the other's write lock synchronously), so races run on one.
let coveredFile = '';
coveredContract('sqlite', async () => new SqliteLedger({ file: (coveredFile = freshFile()) }), {
  openPeer: async () => new SqliteLedger({ file: coveredFile }),
  peerRaces: false,
});
let callsFile = '';
callsContract('sqlite', async () => new SqliteLedger({ file: (callsFile = freshFile()) }), {
  openPeer: async () => new SqliteLedger({ file: callsFile }),
  peerRaces: false,
});
let sessionsFile = '';
consoleSessionsContract('sqlite', async () => new SqliteLedger({ file: (sessionsFile = freshFile()) }), {
  openPeer: async () => new SqliteLedger({ file: sessionsFile }),
});
// The embedded engine's lists: files in a directory beside the ledger file.
dncContract('sqlite (files)', async () => new FileDncStore(join(mkdtempSync(join(tmpdir(), 'cg-dnc-')), 'dnc')), {
  openPeer: async (store) => new FileDncStore((store as FileDncStore).dir),
  // What a crash between writing an area code's new file and swapping the manifest leaves: the file, and a temporary manifest.
  leaveInterruptedImport: async (store, orgId, list, areaCode, numbers) => {
    const dir = (store as FileDncStore).listDir(orgId, list);
    const bits = new Uint8Array(1_250_000);
    for (const n of numbers) {
      const local = Number(n.slice(3));
      bits[local >>> 3] |= 1 << (local & 7);
    }
    writeFileSync(join(dir, `${areaCode}.interrupted.bits`), bits);
    writeFileSync(join(dir, 'manifest.json.interrupted.tmp'), '{"area_codes":{');
  },
  peerDelayMs: 1100,
});

let retentionFile = '';
retentionContract('sqlite', async (suppression) => new SqliteLedger({ file: (retentionFile = freshFile()), suppression }), {
  reopen: async (suppression) => new SqliteLedger({ file: retentionFile, suppression }),
});

describe('sqlite: decisions committed in groups', () => {
  it('a decision still waiting for its group when the ledger closes is written, not dropped', async () => {
    const file = freshFile();
    const ledger = new SqliteLedger({ file });
    const d = aDecision();
    const stored = ledger.recordDecision(d);
    await ledger.close();
    await stored;
    const reopened = new SqliteLedger({ file });
    expect(await reopened.getDecision('org_test', d.id)).toEqual(d);
    await reopened.close();
  });

  it('a ledger made before decisions lost their phone index still lists them by phone, and sheds the index', async () => {
    const file = freshFile();
    const before = new SqliteLedger({ file });
    const made = [aDecision(), aDecision(), aDecision({ phone: '+12125550100' })];
    for (const d of made) await before.recordDecision(d);
    // As such a ledger was: the index, and no schema version in its header (builds then kept none).
    before.database.exec('CREATE INDEX decisions_org_phone ON decisions (org_id, phone, seq); PRAGMA user_version = 0');
    await before.close();
    const after = new SqliteLedger({ file });
    expect(after.database.prepare("SELECT name FROM sqlite_schema WHERE name = 'decisions_org_phone'").get()).toBeUndefined();
    const listed = await after.listDecisions('org_test', { phone: made[0].phone, limit: 10 });
    expect(listed.items).toEqual(made.slice(0, 2));
    await after.close();
  });

  it('many decisions arriving together are each readable once acknowledged, and chained per subject', async () => {
    const ledger = new SqliteLedger({ file: freshFile() });
    const made = Array.from({ length: 300 }, (_, i) => aDecision({ phone: `+1212555${String(1000 + (i % 30))}` }));
    await Promise.all(made.map((d) => ledger.recordDecision(d)));
    for (const d of made) expect(await ledger.getDecision('org_test', d.id)).toEqual(d);
    const trail = await ledger.auditTrail('org_test', '+12125551007');
    expect(trail).toHaveLength(10);
    expect(verifyChain(trail)).toMatchObject({ ok: true, length: 10 });
    await ledger.close();
  });

  it('a batch that cannot be written fails every request in it with the store unavailable', async () => {
    const ledger = new SqliteLedger({ file: freshFile() });
    (ledger as unknown as { db: { close(): void } }).db.close();
    const results = await Promise.allSettled([ledger.recordDecision(aDecision()), ledger.recordDecision(aDecision())]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(LedgerUnavailableError);
  });

  it('ping fails, naming the cause, while another connection (as another process would) holds the write lock, and answers once it is released', async () => {
    const file = freshFile();
    const ledger = new SqliteLedger({ file });
    await ledger.ping();
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      // The answer of a probe stands for a second; wait it out so this one is probed.
      await new Promise((r) => setTimeout(r, 1050));
      await expect(ledger.ping()).rejects.toThrow(/cannot take a write: database is locked/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await new Promise((r) => setTimeout(r, 1050));
    await expect(ledger.ping()).resolves.toBeUndefined();
    await ledger.close();
  });
});

describe('sqlite: covered contacts name the phone', () => {
  it('the retention job deletes those before its cutoff, and keeps the later ones', async () => {
    const ledger = new SqliteLedger({ file: freshFile(), suppression: suppressionKeying('covered-contacts-retention-secret') });
    // Both decided on January 10th (the second one planned ahead), so neither drops the other.
    const at = (iso: string) => coveredContactWindow(new Date(iso), new Date('2026-01-10T12:00:00.000Z'));
    const allow = () => ({ decision: aDecision({ phone: '+13055550100' }), coveredLimit: null });
    await ledger.decideCall('org_test', '+13055550100', { entity: 'acme', covered: at('2026-01-10T12:00:00.000Z') }, allow);
    await ledger.decideCall('org_test', '+13055550100', { entity: 'acme', covered: at('2026-03-10T12:00:00.000Z') }, allow);
    const rows = () => ledger.database.prepare('SELECT phone, covered FROM audit_heads WHERE covered IS NOT NULL').all();
    const jan = Date.parse('2026-01-10T12:00:00.000Z');
    const mar = Date.parse('2026-03-10T12:00:00.000Z');
    expect(rows()).toEqual([{ phone: '+13055550100', covered: JSON.stringify([['acme', [jan, mar]]]) }]);
    await ledger.anonymiseBefore('2026-02-01T00:00:00.000Z');
    expect(rows()).toEqual([{ phone: '+13055550100', covered: JSON.stringify([['acme', [mar]]]) }]);
    await ledger.anonymiseBefore('2026-04-01T00:00:00.000Z');
    expect(rows()).toEqual([]);
    await ledger.close();
  });

  it('a ledger made before the state rules (schema 3) is given the column when opened, and counts from there', async () => {
    const file = freshFile();
    const before = new SqliteLedger({ file });
    await before.recordDecision(aDecision({ phone: '+13055550100' }));
    await before.close();
    const raw = new Database(file);
    raw.exec('ALTER TABLE audit_heads DROP COLUMN covered; DROP TABLE emergencies; PRAGMA user_version = 3');
    raw.close();
    const after = new SqliteLedger({ file });
    const covered = coveredContactWindow(new Date('2026-01-10T12:00:00.000Z'), new Date('2026-01-10T12:00:00.000Z'));
    const seen: number[] = [];
    const decide = (f: { coveredContactsInWindow: number }) => {
      seen.push(f.coveredContactsInWindow);
      return { decision: aDecision({ phone: '+13055550100' }), coveredLimit: null };
    };
    await after.decideCall('org_test', '+13055550100', { entity: 'acme', covered }, decide);
    await after.decideCall('org_test', '+13055550100', { entity: 'acme', covered }, decide);
    expect(seen).toEqual([0, 1]);
    await after.close();
  });
});

// The embedded engine's reassigned-number answers: a SQLite file of their own beside the ledger.
reassignedContract('sqlite', async () => new SqliteReassignedStore(join(mkdtempSync(join(tmpdir(), 'cg-rnd-')), 'reassigned.db')), {
  openPeer: async (store) => new SqliteReassignedStore((store as SqliteReassignedStore).file),
});

describe('sqlite: console sessions need no job of their own', () => {
  it('each new session deletes expired ones, so the table holds only sessions that may still be used', async () => {
    const ledger = new SqliteLedger({ file: freshFile() });
    const at = (min: number) => new Date(Date.parse('2026-05-04T10:00:00.000Z') + min * 60_000).toISOString();
    const session = (n: number, created: number) => ({
      id_hash: String(n).repeat(64),
      org_id: 'org_test',
      key_id: 'key_1',
      created_at: at(created),
      last_used_at: at(created),
      expires_at: at(created + 30),
    });
    for (const n of [1, 2, 3]) await ledger.createConsoleSession(session(n, 0));
    await ledger.createConsoleSession(session(4, 20));
    await ledger.createConsoleSession(session(5, 31));
    const left = ledger.database.prepare('SELECT id_hash FROM console_sessions ORDER BY id_hash').all() as { id_hash: string }[];
    expect(left.map((r) => r.id_hash[0])).toEqual(['4', '5']);
    await ledger.close();
  });
});
