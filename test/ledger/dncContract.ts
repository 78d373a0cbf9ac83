/**
 * The do-not-call store contract: what every engine must do with the lists
 * (see src/ledger/dnc/dncStore.ts). Each engine's contract test file calls
 * `dncContract` with a factory for a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DncListName } from '../../src/domain/dnc/lists';
import { DncListParser, type DncImportMode } from '../../src/domain/dnc/listFormat';
import type { DncStore } from '../../src/ledger/dnc/dncStore';

export interface DncContractOptions {
  /** A second store on the same storage (another gateway process), opened before the first imports. */
  openPeer: (store: DncStore) => Promise<DncStore>;
  /** Leaves what an import of the area code that stopped part way leaves behind (a temporary file, a temporary key). */
  leaveInterruptedImport: (store: DncStore, orgId: string, list: DncListName, areaCode: string, numbers: string[]) => Promise<void>;
  /** How long a peer may take to see another's import. */
  peerDelayMs: number;
}

/** The org the cases import into, unless they name another. */
export const ORG = 'org_contract';

export async function importText(store: DncStore, list: DncListName, mode: DncImportMode, asOf: string, text: string, orgId = ORG) {
  const writer = store.startImport(orgId, list, mode, asOf);
  const parser = new DncListParser(mode, writer);
  const error = parser.push(Buffer.from(text)) ?? parser.end();
  if (error) throw new Error(`line ${error.line}: ${error.reason}`);
  return writer.commit();
}

export function dncContract(engine: string, open: () => Promise<DncStore>, options: DncContractOptions): void {
  describe(`do-not-call store contract: ${engine}`, () => {
    let store: DncStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const full = '2125550143\n212,5550144\n+13055550100\n';

    it('a full import lists its numbers and no others, and says what it holds', async () => {
      expect(await store.lists(ORG)).toEqual([]);
      expect(await store.orgs()).toEqual([]);
      expect(await importText(store, 'national', 'full', '2026-12-01', full)).toEqual({ added: 3, removed: 0, area_codes: ['212', '305'] });
      expect(await store.isListed(ORG, 'national', '+12125550143')).toBe(true);
      expect(await store.isListed(ORG, 'national', '+12125550144')).toBe(true);
      expect(await store.isListed(ORG, 'national', '+13055550100')).toBe(true);
      expect(await store.isListed(ORG, 'national', '+12125550145')).toBe(false);
      expect(await store.isListed(ORG, 'national', '+17185550143')).toBe(false);
      expect(await store.isListed(ORG, 'state:TX', '+12125550143')).toBe(false);
      expect(await store.isListed(ORG, 'national', '+442071234567')).toBe(false);
      expect(await store.listsHolding(ORG, '+12125550143')).toEqual(['national']);
      expect(await store.lists(ORG)).toEqual([{ list: 'national', as_of: '2026-12-01', entries: 3, area_codes: ['212', '305'] }]);
    });

    it('re-importing the same file changes nothing', async () => {
      await importText(store, 'national', 'full', '2026-12-01', full);
      expect(await importText(store, 'national', 'full', '2026-12-01', full)).toEqual({ added: 0, removed: 0, area_codes: ['212', '305'] });
      expect(await store.lists(ORG)).toEqual([{ list: 'national', as_of: '2026-12-01', entries: 3, area_codes: ['212', '305'] }]);
    });

    it('a change file adds and deletes numbers, and dates every area code of the list', async () => {
      await importText(store, 'national', 'full', '2026-12-01', full);
      const r = await importText(store, 'national', 'changes', '2026-12-02', '2125550145,A\n212,5550143,D\n2125550199,D\n');
      expect(r).toEqual({ added: 1, removed: 1, area_codes: ['212'] });
      expect(await store.isListed(ORG, 'national', '+12125550145')).toBe(true);
      expect(await store.isListed(ORG, 'national', '+12125550143')).toBe(false);
      expect(await store.isListed(ORG, 'national', '+12125550144')).toBe(true);
      expect(await store.lists(ORG)).toEqual([{ list: 'national', as_of: '2026-12-02', entries: 3, area_codes: ['212', '305'] }]);
    });

    it('a full import of an area code replaces that area code only', async () => {
      await importText(store, 'national', 'full', '2026-11-01', full);
      const r = await importText(store, 'national', 'full', '2026-12-01', '2125550150\n');
      expect(r).toEqual({ added: 1, removed: 2, area_codes: ['212'] });
      expect(await store.isListed(ORG, 'national', '+12125550150')).toBe(true);
      expect(await store.isListed(ORG, 'national', '+12125550143')).toBe(false);
      expect(await store.isListed(ORG, 'national', '+13055550100')).toBe(true);
      // The list is as old as its oldest area code.
      expect(await store.lists(ORG)).toEqual([{ list: 'national', as_of: '2026-11-01', entries: 2, area_codes: ['212', '305'] }]);
    });

    it('lists are kept apart, and a number on two lists is named on both', async () => {
      await importText(store, 'national', 'full', '2026-12-01', full);
      await importText(store, 'state:TX', 'full', '2026-12-01', '2125550143\n');
      await importText(store, 'internal', 'full', '2026-12-03', '7185550100\n');
      expect((await store.listsHolding(ORG, '+12125550143')).sort()).toEqual(['national', 'state:TX']);
      expect(await store.listsHolding(ORG, '+17185550100')).toEqual(['internal']);
      expect((await store.lists(ORG)).map((l) => [l.list, l.entries])).toEqual([
        ['internal', 1],
        ['national', 3],
        ['state:TX', 1],
      ]);
    });

    it("each org's lists are its own: another org's import neither blocks, replaces nor shows", async () => {
      const other = 'org_other';
      await importText(store, 'national', 'full', '2026-12-01', full);
      // The other org's full copy of 212 holds another number: it must not replace this org's copy of 212.
      expect(await importText(store, 'national', 'full', '2026-12-02', '2125550199\n', other)).toEqual({ added: 1, removed: 0, area_codes: ['212'] });
      await importText(store, 'internal', 'full', '2026-12-02', '7185550100\n', other);
      expect(await store.isListed(ORG, 'national', '+12125550143')).toBe(true);
      expect(await store.isListed(ORG, 'national', '+12125550199')).toBe(false);
      expect(await store.listsHolding(ORG, '+17185550100')).toEqual([]);
      expect(await store.listsHolding(other, '+17185550100')).toEqual(['internal']);
      expect(await store.listsHolding(other, '+12125550143')).toEqual([]);
      expect(await store.lists(ORG)).toEqual([{ list: 'national', as_of: '2026-12-01', entries: 3, area_codes: ['212', '305'] }]);
      expect((await store.lists(other)).map((l) => [l.list, l.entries])).toEqual([
        ['internal', 1],
        ['national', 1],
      ]);
      // An org id that is not a plain name stays inside its own keys and directories.
      const odd = '../{national}/x';
      await importText(store, 'national', 'full', '2026-12-03', '3055550100\n', odd);
      expect(await store.isListed(odd, 'national', '+13055550100')).toBe(true);
      expect(await store.lists(ORG)).toEqual([{ list: 'national', as_of: '2026-12-01', entries: 3, area_codes: ['212', '305'] }]);
      // Every org that imported a list, as the readiness body and the list-age metric walk them.
      expect(await store.orgs()).toEqual([odd, ORG, other].sort());
      const peer = await options.openPeer(store);
      try {
        expect(await peer.orgs()).toEqual([odd, ORG, other].sort());
        expect(await peer.isListed(odd, 'national', '+13055550100')).toBe(true);
        expect(await peer.listsHolding(ORG, '+12125550199')).toEqual([]);
      } finally {
        await peer.close();
      }
    });

    it('an import that stopped part way leaves the previous copy in force, and the next import is whole', async () => {
      await importText(store, 'national', 'full', '2026-12-01', full);
      await options.leaveInterruptedImport(store, ORG, 'national', '212', ['2125550177']);
      expect(await store.isListed(ORG, 'national', '+12125550177')).toBe(false);
      expect(await store.isListed(ORG, 'national', '+12125550143')).toBe(true);
      expect(await store.lists(ORG)).toEqual([{ list: 'national', as_of: '2026-12-01', entries: 3, area_codes: ['212', '305'] }]);
      const reopened = await options.openPeer(store);
      try {
        expect(await reopened.isListed(ORG, 'national', '+12125550177')).toBe(false);
        expect(await reopened.isListed(ORG, 'national', '+12125550143')).toBe(true);
        expect(await importText(reopened, 'national', 'full', '2026-12-02', '2125550143\n')).toEqual({ added: 0, removed: 1, area_codes: ['212'] });
        expect(await reopened.isListed(ORG, 'national', '+12125550177')).toBe(false);
        expect(await reopened.isListed(ORG, 'national', '+12125550144')).toBe(false);
      } finally {
        await reopened.close();
      }
    });

    it('another instance on the same storage sees an import', async () => {
      const peer = await options.openPeer(store);
      try {
        expect(await peer.listsHolding(ORG, '+12125550143')).toEqual([]);
        await importText(store, 'national', 'full', '2026-12-01', full);
        await new Promise((r) => setTimeout(r, options.peerDelayMs));
        expect(await peer.listsHolding(ORG, '+12125550143')).toEqual(['national']);
        expect(await peer.isListed(ORG, 'national', '+12125550143')).toBe(true);
        expect((await peer.lists(ORG)).map((l) => l.entries)).toEqual([3]);
      } finally {
        await peer.close();
      }
    });
  });
}
