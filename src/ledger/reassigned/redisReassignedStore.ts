/**
 * The shared engine's reassigned-number answers: every gateway instance
 * reads the one copy in Redis. `<org>` is the org id as orgStorageName
 * spells it (no braces, so the hash tags hold).
 *
 * | key | type | what |
 * |---|---|---|
 * | `rnd:{<org>.<phone>}` | hash | the org's imported results for the number: date → result |
 * | `rnd:{<org>}:any` | string | set once the org imported any result |
 * | `rna:{<org>.<phone>}:<consent date>` | string | a provider's cached answer (JSON), expiring with it |
 *
 * Each number has a hash tag of its own, so on a Redis Cluster the answers
 * spread over the masters; no command spans two keys.
 */
import type { DatedResult, ReassignedResult } from '../../domain/reassigned/answers';
import type { RndResultRow } from '../../domain/reassigned/rndFile';
import { LedgerUnavailableError } from '../../errors';
import { orgStorageName } from '../dnc/dncStore';
import type { RedisClient } from '../redis/connection';
import { ANSWER_CACHE_MS, answerExpiresAt, type CachedAnswer, type ReassignedStore, type RndImportResult } from './reassignedStore';

/** Rows sent at once: bounded, so an import of a large file does not queue all its commands at once. */
const IMPORT_WINDOW = 1000;

export class RedisReassignedStore implements ReassignedStore {
  readonly engine = 'redis';

  constructor(
    private readonly client: RedisClient,
    private readonly prefix = 'cg:',
  ) {}

  resultsKey(orgId: string, phone: string): string {
    return `${this.prefix}rnd:{${orgStorageName(orgId)}.${phone}}`;
  }

  private anyKey(orgId: string): string {
    return `${this.prefix}rnd:{${orgStorageName(orgId)}}:any`;
  }

  answerKey(orgId: string, phone: string, consentDate: string): string {
    return `${this.prefix}rna:{${orgStorageName(orgId)}.${phone}}:${consentDate}`;
  }

  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new LedgerUnavailableError(`redis: ${what}: ${(err as Error).message}`, { cause: err });
    }
  }

  async importResults(orgId: string, rows: readonly RndResultRow[]): Promise<RndImportResult> {
    const out: RndImportResult = { added: 0, changed: 0, unchanged: 0 };
    for (let i = 0; i < rows.length; i += IMPORT_WINDOW) {
      const window = rows.slice(i, i + IMPORT_WINDOW);
      const held = await this.run('rnd import', () => Promise.all(window.map((r) => this.client.hget(this.resultsKey(orgId, r.phone), r.date))));
      const writes: Promise<unknown>[] = [];
      for (const [j, r] of window.entries()) {
        if (held[j] === r.result) {
          out.unchanged++;
          continue;
        }
        if (held[j] === null) out.added++;
        else out.changed++;
        writes.push(this.client.hset(this.resultsKey(orgId, r.phone), r.date, r.result));
      }
      await this.run('rnd import', () => Promise.all(writes));
    }
    if (rows.length) await this.run('rnd import', () => this.client.set(this.anyKey(orgId), '1'));
    return out;
  }

  async importedResults(orgId: string, phone: string): Promise<DatedResult[]> {
    const raw = await this.run('rnd read', () => this.client.hgetall(this.resultsKey(orgId, phone)));
    return Object.entries(raw)
      .map(([date, result]) => ({ date, result: result as ReassignedResult }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  async hasImportedResults(orgId: string): Promise<boolean> {
    return (await this.run('rnd read', () => this.client.exists(this.anyKey(orgId)))) === 1;
  }

  async cachedAnswer(orgId: string, phone: string, consentDate: string, now: Date): Promise<CachedAnswer | null> {
    const raw = await this.run('reassigned answer read', () => this.client.get(this.answerKey(orgId, phone, consentDate)));
    if (!raw) return null;
    const answer = JSON.parse(raw) as CachedAnswer;
    // Redis expires the key by its own clock; the gateway's clock has the last word.
    return answerExpiresAt(answer) > now.getTime() ? answer : null;
  }

  async cacheAnswer(orgId: string, phone: string, consentDate: string, answer: CachedAnswer): Promise<void> {
    // Relative: Redis counts it on its own clock from now, the time `checked_at` was taken.
    const ttlMs = ANSWER_CACHE_MS[answer.result];
    await this.run('reassigned answer write', () => this.client.set(this.answerKey(orgId, phone, consentDate), JSON.stringify(answer), 'PX', ttlMs));
  }

  async close(): Promise<void> {
    // The connection is the ledger's, closed with it.
  }
}
