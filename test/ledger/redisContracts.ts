/**
 * Every store contract, wired for a Redis deployment: the ledger and the stores that share its
 * connection (do-not-call lists, reassigned-number answers). One wiring for the single server and
 * the cluster, which differ only in how they open a ledger and empty the data.
 */
import type { RedisLedger, RedisLedgerOptions } from '../../src/ledger/redis/redisLedger';
import { RedisDncStore } from '../../src/ledger/dnc/redisDncStore';
import { RedisReassignedStore } from '../../src/ledger/reassigned/redisReassignedStore';
import { ledgerContract } from './contract';
import { callsContract } from './callsContract';
import { consoleSessionsContract } from './consoleSessionsContract';
import { coveredContract } from './coveredContract';
import { retentionContract } from './retentionContract';
import { dncContract } from './dncContract';
import { reassignedContract } from './reassignedContract';

export interface RedisDeployment {
  /** A ledger on the deployment as it is. */
  open: (options?: Partial<RedisLedgerOptions>) => Promise<RedisLedger>;
  /** A ledger on an emptied deployment. */
  fresh: (options?: Partial<RedisLedgerOptions>) => Promise<RedisLedger>;
}

// The stores on the ledger's connection; closing one closes the connection it was given here.
const dncOn = (ledger: RedisLedger) => Object.assign(new RedisDncStore(ledger.client), { close: () => ledger.close() });
const reassignedOn = (ledger: RedisLedger) => Object.assign(new RedisReassignedStore(ledger.client), { close: () => ledger.close() });

export function redisContracts(name: string, { open, fresh }: RedisDeployment): void {
  const peer = { openPeer: () => open() };
  ledgerContract(name, () => fresh(), peer);
  coveredContract(name, () => fresh(), peer);
  callsContract(name, () => fresh(), peer);
  consoleSessionsContract(name, () => fresh(), peer);

  // Every case uses one keying, so a store the previous case anonymised opens under it; then it is emptied.
  // No reader runs beside the retention job here, so its grace period (retention.ts) can be short.
  retentionContract(name, (suppression) => fresh({ suppression, retentionGraceMs: 20 }), {
    reopen: (suppression) => open({ suppression, retentionGraceMs: 20 }),
  });

  dncContract(name, async () => dncOn(await fresh()), {
    openPeer: async () => dncOn(await open()),
    // What an import that stopped before its RENAME leaves: the area code's bitmap under its temporary key.
    leaveInterruptedImport: async (store, orgId, list, areaCode, numbers) => {
      const key = (store as RedisDncStore).bitmapKey(orgId, list, areaCode);
      const client = (store as unknown as { client: RedisLedger['client'] }).client;
      for (const n of numbers) await client.setbit(`${key}:tmp:interrupted`, Number(n.slice(3)), 1);
    },
    peerDelayMs: 1100,
  });

  reassignedContract(name, async () => reassignedOn(await fresh()), { openPeer: async () => reassignedOn(await open()) });
}
