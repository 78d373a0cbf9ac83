/**
 * The shared engine's reassigned-number answers: every gateway instance
 * reads the one copy in Redis. `<org>` is the org id as orgStorageName
 * spells it (no braces, so the hash tags hold).
 *
 * | key | type | what |
 * |---|---|---|
 * | `rnd:{<org>.<phone>}` | hash | the org's imported results for the number: date → result, and `t:<date>` → when it was last imported (ms) |
 * | `rnd:{<org>}:any` | string | set once the org imported any result |
 * | `rna:{<org>.<phone>}:<consent date>` | string | a provider's cached answer (JSON), expiring with it |
 * | `rnd:imported` | sorted set | `<phone> <date> <org>` by when it was last imported: how the retention job finds old results |
 * | `rna:checked` | sorted set | answer key names by when the source answered: how the retention job finds old answers |
 *
 * Each number has a hash tag of its own, so on a Redis Cluster the answers
 * spread over the masters; no command spans two keys. The two retention
 * indexes only point the way: a result or answer is removed by a script on
 * its own key that checks the time the key itself holds, so one imported or
 * answered again since the index was read is kept.
 */
import type { DatedResult, ReassignedResult } from '../../domain/reassigned/answers';
import type { RndResultRow } from '../../domain/reassigned/rndFile';
import { LedgerUnavailableError } from '../../errors';
import { orgStorageName } from '../dnc/dncStore';
import type { RedisClient } from '../redis/connection';
import { defineScripts, type RunScript } from '../redis/scripts/runner';
import { ANSWER_CACHE_MS, answerExpiresAt, type CachedAnswer, type ReassignedRemoval, type ReassignedStore, type RndImportResult } from './reassignedStore';
import { REASSIGNED_RETENTION_SCRIPTS } from './redisRetentionScripts';

/** Rows sent at once: bounded, so an import of a large file does not queue all its commands at once. */
const IMPORT_WINDOW = 1000;

/** Index entries the retention job reads at once. */
const REMOVE_WINDOW = 500;

/** The hash field holding when a result was last imported: the date's own field holds the result. */
const importedAtField = (date: string): string => `t:${date}`;

/** The longest an answer is cached: index entries older than this point at keys Redis has expired. */
const LONGEST_CACHE_MS = Math.max(...Object.values(ANSWER_CACHE_MS));

export class RedisReassignedStore implements ReassignedStore {
  readonly engine = 'redis';
  private readonly script: RunScript<keyof typeof REASSIGNED_RETENTION_SCRIPTS>;

  constructor(
    private readonly client: RedisClient,
    private readonly prefix = 'cg:',
  ) {
    this.script = defineScripts(client, REASSIGNED_RETENTION_SCRIPTS);
  }

  private importedIndex(): string {
    return `${this.prefix}rnd:imported`;
  }

  private checkedIndex(): string {
    return `${this.prefix}rna:checked`;
  }

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

  async importResults(orgId: string, rows: readonly RndResultRow[], importedAt: Date): Promise<RndImportResult> {
    const out: RndImportResult = { added: 0, changed: 0, unchanged: 0 };
    const at = importedAt.getTime();
    for (let i = 0; i < rows.length; i += IMPORT_WINDOW) {
      const window = rows.slice(i, i + IMPORT_WINDOW);
      const held = await this.run('rnd import', () => Promise.all(window.map((r) => this.client.hget(this.resultsKey(orgId, r.phone), r.date))));
      const writes: Promise<unknown>[] = [];
      const indexed: (string | number)[] = [];
      for (const [j, r] of window.entries()) {
        if (held[j] === r.result) out.unchanged++;
        else if (held[j] === null) out.added++;
        else out.changed++;
        // Written even when unchanged: its retention age restarts with the org's latest query.
        writes.push(this.client.hset(this.resultsKey(orgId, r.phone), r.date, r.result, importedAtField(r.date), at));
        indexed.push(at, `${r.phone} ${r.date} ${orgId}`);
      }
      writes.push(this.client.zadd(this.importedIndex(), ...indexed));
      await this.run('rnd import', () => Promise.all(writes));
    }
    if (rows.length) await this.run('rnd import', () => this.client.set(this.anyKey(orgId), '1'));
    return out;
  }

  async importedResults(orgId: string, phone: string): Promise<DatedResult[]> {
    const raw = await this.run('rnd read', () => this.client.hgetall(this.resultsKey(orgId, phone)));
    return Object.entries(raw)
      .filter(([field]) => !field.startsWith('t:'))
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
    const key = this.answerKey(orgId, phone, consentDate);
    const checkedMs = Date.parse(answer.checked_at);
    await this.run('reassigned answer write', () =>
      Promise.all([
        this.client.set(key, JSON.stringify(answer), 'PX', ttlMs),
        this.client.zadd(this.checkedIndex(), checkedMs, key),
        // Entries for answers Redis has expired by now go, so the index stays as small as the cache without a retention job.
        this.client.zremrangebyscore(this.checkedIndex(), '-inf', `(${checkedMs - LONGEST_CACHE_MS}`),
      ]),
    );
  }

  async removeBefore(cutoffMs: number): Promise<ReassignedRemoval> {
    const out: ReassignedRemoval = { rnd_results: 0, cached_answers: 0 };
    for (;;) {
      const members = await this.run('rnd retention', () => this.client.zrangebyscore(this.importedIndex(), '-inf', `(${cutoffMs}`, 'LIMIT', 0, REMOVE_WINDOW));
      const removed = await this.run('rnd retention', () =>
        Promise.all(
          members.map(async (member) => {
            const [phone, date, orgId] = splitIndexed(member);
            const n = await this.script<number>('cgRndDropImportedBefore', [this.resultsKey(orgId, phone)], [date, importedAtField(date), cutoffMs]);
            await this.script('cgZremIfBefore', [this.importedIndex()], [member, cutoffMs]);
            return n;
          }),
        ),
      );
      out.rnd_results += removed.reduce((a, b) => a + b, 0);
      if (members.length < REMOVE_WINDOW) break;
    }
    for (;;) {
      const keys = await this.run('reassigned answer retention', () =>
        this.client.zrangebyscore(this.checkedIndex(), '-inf', `(${cutoffMs}`, 'LIMIT', 0, REMOVE_WINDOW),
      );
      const removed = await this.run('reassigned answer retention', () =>
        Promise.all(
          keys.map(async (key) => {
            const n = await this.script<number>('cgAnswerDropCheckedBefore', [key], [new Date(cutoffMs).toISOString()]);
            await this.script('cgZremIfBefore', [this.checkedIndex()], [key, cutoffMs]);
            return n;
          }),
        ),
      );
      out.cached_answers += removed.reduce((a, b) => a + b, 0);
      if (keys.length < REMOVE_WINDOW) break;
    }
    return out;
  }

  async close(): Promise<void> {
    // The connection is the ledger's, closed with it.
  }
}

/** `<phone> <date> <org>`: the org last, as it is the one part that could hold a space. */
function splitIndexed(member: string): [string, string, string] {
  const first = member.indexOf(' ');
  const second = member.indexOf(' ', first + 1);
  return [member.slice(0, first), member.slice(first + 1, second), member.slice(second + 1)];
}
