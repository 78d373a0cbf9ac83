/**
 * The ledger contract's cases for orgs and API keys, including keys made from
 * keys and their revocation cascade; `ledgerContract` runs them on every engine.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../src/domain/records';
import type { Ledger } from '../../src/ledger/ledger';

/** A live key of org_a, as created before any request. */
function orgAKey(id: string, hash: string, prefix: string, scope: ApiKey['scopes'][number]): ApiKey {
  return {
    id,
    org_id: 'org_a',
    hash,
    prefix,
    scopes: [scope],
    ip_allowlist: [],
    rate_limit_per_minute: null,
    created_at: '2026-01-01T00:00:00.000Z',
    revoked_at: null,
  };
}

/** Declares the cases inside the engine's contract suite; `ledgerOf` / `peerOf` give the instances of the running case. */
export function orgAndKeyCases(ledgerOf: () => Ledger, peerOf: () => Ledger): void {
  let ledger: Ledger;
  let peer: Ledger;
  // Runs after the suite's own beforeEach, which opened this case's instances.
  beforeEach(() => {
    ledger = ledgerOf();
    peer = peerOf();
  });

  it('stores orgs and finds api keys by hash only', async () => {
    await ledger.createOrg({ id: 'org_a', name: 'A', monthly_quota: null, created_at: '2026-01-01T00:00:00.000Z' });
    expect((await ledger.getOrg('org_a'))?.name).toBe('A');
    expect(await ledger.getOrg('org_missing')).toBeNull();
    const key = orgAKey('key_1', 'h1', 'cg_live_ab', 'precall');
    await ledger.createApiKey(key);
    expect(await ledger.findApiKeyByHash('h1')).toEqual(key);
    expect(await ledger.findApiKeyByHash('nope')).toBeNull();
    expect((await ledger.listApiKeys('org_a')).map((k) => k.id)).toEqual(['key_1']);
  });

  it('revokes a key only within its org, keeping the first revocation time', async () => {
    const key = orgAKey('key_2', 'h2', 'p', 'admin');
    await ledger.createApiKey(key);
    expect(await ledger.revokeApiKey('org_b', 'key_2', '2026-01-02T00:00:00.000Z')).toBeNull();
    expect((await ledger.revokeApiKey('org_a', 'key_2', '2026-01-02T00:00:00.000Z'))?.revoked_at).toBe('2026-01-02T00:00:00.000Z');
    expect((await ledger.revokeApiKey('org_a', 'key_2', '2026-01-03T00:00:00.000Z'))?.revoked_at).toBe('2026-01-02T00:00:00.000Z');
    expect((await ledger.findApiKeyByHash('h2'))?.revoked_at).toBe('2026-01-02T00:00:00.000Z');
  });

  it('a key found on every request reads as revoked once another instance revokes it, and what one request found cannot be changed for the next', async () => {
    const key = orgAKey('key_3', 'h3', 'p', 'precall');
    await ledger.createApiKey(key);
    const found = (await ledger.findApiKeyByHash('h3'))!;
    expect(() => Object.assign(found, { revoked_at: null, scopes: ['admin'] })).toThrow(TypeError);
    expect(() => (found.scopes as string[]).push('admin')).toThrow(TypeError);
    expect(await ledger.findApiKeyByHash('h3')).toEqual(key);
    await peer.revokeApiKey('org_a', 'key_3', '2026-01-02T00:00:00.000Z');
    expect((await ledger.findApiKeyByHash('h3'))?.revoked_at).toBe('2026-01-02T00:00:00.000Z');
  });

  describe('keys made from keys', () => {
    const aKey = (id: string, parent: string | null, org = 'org_a') => ({
      id,
      org_id: org,
      hash: `h_${id}`,
      prefix: 'p',
      scopes: ['precall' as const],
      ip_allowlist: [],
      rate_limit_per_minute: null,
      created_at: '2026-01-01T00:00:00.000Z',
      revoked_at: null,
      parent_key_id: parent,
    });
    const revokedAt = async (l: Ledger, id: string) => (await l.findApiKeyByHash(`h_${id}`))?.revoked_at ?? null;

    it('revoking a key revokes every key made from it, down the generations, and no other', async () => {
      for (const k of [aKey('root', null), aKey('child', 'root'), aKey('grandchild', 'child'), aKey('sibling', null), aKey('nephew', 'sibling')]) {
        expect(await ledger.createApiKey(k)).toBe(true);
      }
      // Read once first: a cached copy must not outlive the revocation.
      expect(await revokedAt(ledger, 'grandchild')).toBeNull();
      const at = '2026-01-02T00:00:00.000Z';
      expect((await ledger.revokeApiKey('org_a', 'root', at))?.revoked_at).toBe(at);
      expect(await revokedAt(ledger, 'child')).toBe(at);
      expect(await revokedAt(ledger, 'grandchild')).toBe(at);
      expect(await revokedAt(ledger, 'sibling')).toBeNull();
      expect(await revokedAt(ledger, 'nephew')).toBeNull();
      const listed = Object.fromEntries((await ledger.listApiKeys('org_a')).map((k) => [k.id, k.revoked_at]));
      expect(listed).toEqual({ root: at, child: at, grandchild: at, sibling: null, nephew: null });
    });

    it('refuses a key whose parent is revoked, unknown or of another org', async () => {
      await ledger.createApiKey(aKey('gone', null));
      await ledger.revokeApiKey('org_a', 'gone', '2026-01-02T00:00:00.000Z');
      await ledger.createApiKey(aKey('elsewhere', null, 'org_b'));
      expect(await ledger.createApiKey(aKey('orphan', 'gone'))).toBe(false);
      expect(await ledger.createApiKey(aKey('stray', 'key_nope'))).toBe(false);
      expect(await ledger.createApiKey(aKey('smuggled', 'elsewhere'))).toBe(false);
      for (const id of ['orphan', 'stray', 'smuggled']) expect(await ledger.findApiKeyByHash(`h_${id}`)).toBeNull();
      expect((await ledger.listApiKeys('org_a')).map((k) => k.id)).toEqual(['gone']);
    });

    it('a key made from one being revoked by another instance is refused or revoked with it, never left working', async () => {
      for (let round = 0; round < 10; round++) {
        await ledger.createApiKey(aKey(`p${round}`, null));
        expect(await revokedAt(peer, `p${round}`)).toBeNull();
        const [created] = await Promise.all([
          peer.createApiKey(aKey(`c${round}`, `p${round}`)),
          ledger.revokeApiKey('org_a', `p${round}`, '2026-01-02T00:00:00.000Z'),
        ]);
        const child = await peer.findApiKeyByHash(`h_c${round}`);
        if (created) expect(child?.revoked_at).toBe('2026-01-02T00:00:00.000Z');
        else expect(child).toBeNull();
      }
    });
  });
}
