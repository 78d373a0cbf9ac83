/**
 * The shared engine's do-not-call lists: every gateway instance reads the
 * one copy in Redis. Each org's lists are its own (`<org>` as orgStorageName
 * spells the org id, which keeps braces out of the hash tags).
 *
 * | key | type | what |
 * |---|---|---|
 * | `dnc:{<org>.<list>:<area code>}` | string | the area code's bitmap (bitmap.ts), read with GETBIT |
 * | `dnc:{<org>.<list>}:m` | hash | the manifest: area code → `{"count","as_of"}` |
 * | `dnc:{<org>}:lists` | set | the names of the lists the org imported so far |
 * | `dnc:orgs` | set | the orgs that imported a list (stores written before it are listed again by their next import) |
 *
 * Each org, list and area code has a hash tag of its own, so on a Redis Cluster
 * the bitmaps spread over the masters, and the temporary key an import
 * builds one under (`…:tmp:<import id>`, expiring after a day) is in the
 * same slot, which RENAME needs. The RENAME is the moment that area code is
 * swapped: an import that stops before it leaves the previous bitmap in
 * force and its temporary key to expire. The manifest is written after the
 * bitmaps, so an import that stops between two area codes leaves counts
 * that lag for the area codes already swapped until the next import.
 *
 * Redis's bit order is the most significant bit of each byte first, the
 * reverse of bitmap.ts: each byte is stored with its bits reversed, so that
 * GETBIT's offset is the seven local digits themselves.
 */
import { randomBytes } from 'node:crypto';
import type { DncListName } from '../../domain/dnc/lists';
import { dncListName } from '../../domain/dnc/lists';
import type { DncImportMode } from '../../domain/dnc/listFormat';
import { LedgerUnavailableError } from '../../errors';
import type { RedisClient } from '../redis/connection';
import { BITMAP_BYTES, splitUsNumber } from './bitmap';
import { areaCodeKey, dncListWriter, orgStorageName, summarise, type DncListSummary, type DncListWriter, type DncManifest, type DncStore } from './dncStore';

/** How long a manifest read for lookups is trusted: the time another instance's import takes to be seen. */
const MANIFEST_TTL_MS = 1000;
/** A temporary key outlives any import that could still rename it. */
const TEMP_KEY_SECONDS = 86_400;

// List names hold no brace; org ids are percent-encoded by orgStorageName.
const tagOf = (orgId: string, list: DncListName) => `${orgStorageName(orgId)}.${list}`;

interface ManifestSnapshot {
  at: number;
  manifests: Map<DncListName, DncManifest>;
  summaries: DncListSummary[];
}

export class RedisDncStore implements DncStore {
  readonly engine = 'redis';
  /** Org id → its lists' manifests as last read. */
  private readonly cached = new Map<string, ManifestSnapshot>();

  constructor(
    private readonly client: RedisClient,
    private readonly prefix = 'cg:',
    private readonly now: () => number = Date.now,
  ) {}

  bitmapKey(orgId: string, list: DncListName, areaCode: string): string {
    return `${this.prefix}dnc:{${tagOf(orgId, list)}:${areaCode}}`;
  }

  private manifestKey(orgId: string, list: DncListName): string {
    return `${this.prefix}dnc:{${tagOf(orgId, list)}}:m`;
  }

  private listsKey(orgId: string): string {
    return `${this.prefix}dnc:{${orgStorageName(orgId)}}:lists`;
  }

  private get orgsKey(): string {
    return `${this.prefix}dnc:orgs`;
  }

  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new LedgerUnavailableError(`redis: ${what}: ${(err as Error).message}`, { cause: err });
    }
  }

  private async readManifests(orgId: string): Promise<ManifestSnapshot> {
    const names = await this.run('dnc lists', () => this.client.smembers(this.listsKey(orgId)));
    const out = new Map<DncListName, DncManifest>();
    for (const name of names.sort()) {
      const list = dncListName(name);
      if (!list) continue;
      out.set(list, await this.readManifest(orgId, list));
    }
    const summaries: DncListSummary[] = [];
    for (const [list, m] of out) {
      const s = summarise(list, m);
      if (s) summaries.push(s);
    }
    const snapshot = { at: this.now(), manifests: out, summaries };
    this.cached.set(orgId, snapshot);
    return snapshot;
  }

  private async snapshot(orgId: string): Promise<ManifestSnapshot> {
    const cached = this.cached.get(orgId);
    return cached && this.now() - cached.at < MANIFEST_TTL_MS ? cached : this.readManifests(orgId);
  }

  private async readManifest(orgId: string, list: DncListName): Promise<DncManifest> {
    const raw = await this.run('dnc manifest', () => this.client.hgetall(this.manifestKey(orgId, list)));
    const m: DncManifest = {};
    for (const [ac, json] of Object.entries(raw)) m[ac] = JSON.parse(json) as DncManifest[string];
    return m;
  }

  async lists(orgId: string): Promise<DncListSummary[]> {
    // Asked on every decision where lists exist: another instance's import is seen within MANIFEST_TTL_MS.
    return (await this.snapshot(orgId)).summaries;
  }

  async orgs(): Promise<string[]> {
    return (await this.run('dnc orgs', () => this.client.smembers(this.orgsKey))).sort();
  }

  async load(): Promise<void> {
    // Lookups read Redis itself.
  }

  async isListed(orgId: string, list: DncListName, phone: string): Promise<boolean> {
    const n = splitUsNumber(phone);
    if (!n) return false;
    const bit = await this.run('dnc lookup', () => this.client.getbit(this.bitmapKey(orgId, list, areaCodeKey(n.areaCode)), n.local));
    return bit === 1;
  }

  async listsHolding(orgId: string, phone: string): Promise<DncListName[]> {
    const n = splitUsNumber(phone);
    if (!n) return [];
    const { manifests } = await this.snapshot(orgId);
    const ac = areaCodeKey(n.areaCode);
    const candidates = [...manifests].filter(([, m]) => m[ac]).map(([list]) => list);
    const bits = await Promise.all(candidates.map((list) => this.run('dnc lookup', () => this.client.getbit(this.bitmapKey(orgId, list, ac), n.local))));
    return candidates.filter((_, i) => bits[i] === 1);
  }

  startImport(orgId: string, list: DncListName, mode: DncImportMode, asOf: string): DncListWriter {
    const importId = randomBytes(6).toString('hex');
    return dncListWriter(
      {
        manifest: (l) => this.readManifest(orgId, l),
        bitmap: async (l, ac) => {
          const raw = await this.run('dnc bitmap read', () => this.client.getBuffer(this.bitmapKey(orgId, l, ac)));
          if (!raw) return null;
          const bits = new Uint8Array(BITMAP_BYTES);
          for (let i = 0; i < raw.length && i < BITMAP_BYTES; i++) bits[i] = reverseBits(raw[i]);
          return bits;
        },
        store: async (l, bitmaps, manifest) => {
          for (const [ac, bits] of bitmaps) {
            const key = this.bitmapKey(orgId, l, ac);
            const temp = `${key}:tmp:${importId}`;
            const wire = Buffer.allocUnsafe(bits.length);
            for (let i = 0; i < bits.length; i++) wire[i] = reverseBits(bits[i]);
            await this.run('dnc bitmap write', () => this.client.set(temp, wire, 'EX', TEMP_KEY_SECONDS));
            await this.run('dnc bitmap swap', () => this.client.rename(temp, key));
          }
          const fields: Record<string, string> = {};
          for (const [ac, e] of Object.entries(manifest)) fields[ac] = JSON.stringify(e);
          await this.run('dnc manifest write', () => this.client.hset(this.manifestKey(orgId, l), fields));
          await this.run('dnc lists write', () => this.client.sadd(this.listsKey(orgId), l));
          await this.run('dnc orgs write', () => this.client.sadd(this.orgsKey, orgId));
          this.cached.delete(orgId);
        },
      },
      list,
      mode,
      asOf,
    );
  }

  async close(): Promise<void> {
    // The connection is the ledger's, closed with it.
  }
}

const REVERSED = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 1 << (7 - i);
  REVERSED[b] = r;
}
const reverseBits = (b: number) => REVERSED[b];
