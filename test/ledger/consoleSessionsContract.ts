/**
 * Console sessions and keys by id: what every engine must do, so that a session made on one gateway
 * instance is served, touched and ended by another (`peer`: a second instance on the same store,
 * where the engine has one). Each engine's test file calls `consoleSessionsContract` with a factory
 * for a fresh, empty ledger.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey, ConsoleSessionRecord, Ledger } from '../../src/ledger/ledger';

export interface ConsoleSessionsContractOptions {
  openPeer?: (ledger: Ledger) => Promise<Ledger>;
}

const T0 = Date.parse('2026-05-04T10:00:00.000Z');
const at = (msAfter: number) => new Date(T0 + msAfter).toISOString();
const MINUTE = 60_000;

function aSession(overrides: Partial<ConsoleSessionRecord> = {}): ConsoleSessionRecord {
  return {
    id_hash: 'a'.repeat(64),
    org_id: 'org_test',
    key_id: 'key_1',
    created_at: at(0),
    last_used_at: at(0),
    expires_at: at(30 * MINUTE),
    ...overrides,
  };
}

function aKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: 'key_1',
    org_id: 'org_test',
    hash: 'hash-1',
    prefix: 'cg_live_ab',
    scopes: ['audit:read'],
    ip_allowlist: [],
    rate_limit_per_minute: null,
    created_at: at(0),
    revoked_at: null,
    ...overrides,
  };
}

const noTouch = () => null;

export function consoleSessionsContract(name: string, openLedger: () => Promise<Ledger>, options: ConsoleSessionsContractOptions = {}): void {
  describe(`console sessions contract: ${name}`, () => {
    let ledger: Ledger;
    let peer: Ledger;
    beforeEach(async () => {
      ledger = await openLedger();
      peer = options.openPeer ? await options.openPeer(ledger) : ledger;
    });
    afterEach(async () => {
      if (peer !== ledger) await peer.close();
      await ledger.close();
    });

    it('a session made on one instance is found on another, as made; a lookup that touches nothing writes nothing', async () => {
      const session = aSession();
      await ledger.createConsoleSession(session);
      const asked: ConsoleSessionRecord[] = [];
      const found = await peer.findConsoleSession(session.id_hash, at(MINUTE / 2), (s) => {
        asked.push(s);
        return null;
      });
      expect(found).toEqual(session);
      expect(asked).toEqual([session]);
      expect(await ledger.findConsoleSession(session.id_hash, at(MINUTE), noTouch)).toEqual(session);
      expect(await peer.findConsoleSession('b'.repeat(64), at(MINUTE), noTouch)).toBeNull();
    });

    it('a touch stores the new times, seen by every instance, and moves the expiry', async () => {
      const session = aSession();
      await ledger.createConsoleSession(session);
      const times = { last_used_at: at(20 * MINUTE), expires_at: at(50 * MINUTE) };
      expect(await peer.findConsoleSession(session.id_hash, at(20 * MINUTE), () => times)).toEqual({ ...session, ...times });
      // Past the first expiry, alive through the touch.
      expect(await ledger.findConsoleSession(session.id_hash, at(40 * MINUTE), noTouch)).toEqual({ ...session, ...times });
    });

    it('an expired session is not found, and is gone for every instance, whatever the time asked later', async () => {
      const session = aSession();
      await ledger.createConsoleSession(session);
      expect(await peer.findConsoleSession(session.id_hash, session.expires_at, () => ({ last_used_at: at(0), expires_at: at(99 * MINUTE) }))).toBeNull();
      expect(await ledger.findConsoleSession(session.id_hash, at(MINUTE), noTouch)).toBeNull();
    });

    it('ending a session ends it on every instance; a later touch does not bring it back', async () => {
      const session = aSession();
      await ledger.createConsoleSession(session);
      await peer.endConsoleSession(session.id_hash);
      expect(await ledger.findConsoleSession(session.id_hash, at(MINUTE), () => ({ last_used_at: at(MINUTE), expires_at: at(31 * MINUTE) }))).toBeNull();
      expect(await peer.findConsoleSession(session.id_hash, at(MINUTE), noTouch)).toBeNull();
      await expect(peer.endConsoleSession(session.id_hash)).resolves.toBeUndefined();
    });

    it("ending a key's sessions ends those and no other, in its org only", async () => {
      const mine = [aSession({ id_hash: '1'.repeat(64) }), aSession({ id_hash: '2'.repeat(64) })];
      const otherKey = aSession({ id_hash: '3'.repeat(64), key_id: 'key_2' });
      const otherOrg = aSession({ id_hash: '4'.repeat(64), org_id: 'org_other' });
      for (const s of [...mine, otherKey, otherOrg]) await ledger.createConsoleSession(s);
      // One of them touched on the peer first: still the key's.
      await peer.findConsoleSession(mine[1].id_hash, at(10 * MINUTE), () => ({ last_used_at: at(10 * MINUTE), expires_at: at(40 * MINUTE) }));

      expect(await peer.endConsoleSessionsOfKey('org_test', 'key_1')).toBe(2);
      for (const s of mine) expect(await ledger.findConsoleSession(s.id_hash, at(11 * MINUTE), noTouch)).toBeNull();
      expect(await ledger.findConsoleSession(otherKey.id_hash, at(11 * MINUTE), noTouch)).toEqual(otherKey);
      expect(await ledger.findConsoleSession(otherOrg.id_hash, at(11 * MINUTE), noTouch)).toEqual(otherOrg);
      expect(await peer.endConsoleSessionsOfKey('org_test', 'key_1')).toBe(0);
    });

    it('finds a key by its id within its org only, revoked ones too, as the peer revoked it', async () => {
      await ledger.createOrg({ id: 'org_test', name: 'Test', monthly_quota: null, created_at: at(0) });
      const key = aKey();
      await ledger.createApiKey(key);
      expect(await peer.getApiKey('org_test', key.id)).toEqual(key);
      expect(await peer.getApiKey('org_other', key.id)).toBeNull();
      expect(await peer.getApiKey('org_test', 'key_missing')).toBeNull();
      await peer.revokeApiKey('org_test', key.id, at(MINUTE));
      expect((await ledger.getApiKey('org_test', key.id))?.revoked_at).toBe(at(MINUTE));
    });
  });
}
