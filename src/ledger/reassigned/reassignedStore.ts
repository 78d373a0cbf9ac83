/**
 * Reassigned-number answers in storage, each org's its own:
 * - the Reassigned Numbers Database results the org imported, by number and
 *   the date asked about (kept until a later import of the same number and
 *   date replaces them);
 * - the answers the gateway was given by a provider (Twilio Lookup), cached
 *   by number and consent date for a while (ANSWER_CACHE_MS), so that the
 *   calls and texts of a day on one consent ask once.
 *
 * Why per org, though the answer is about the number: the consent date is
 * part of the key, so two orgs rarely ask the same question and sharing would
 * save almost no lookups, while a shared answer would let one tenant learn,
 * from how fast it is answered, that another holds a consent of that date
 * for that number. Imported results are the org's own data (its RND
 * subscription, its questions), like its do-not-call lists.
 *
 * Rules every engine keeps (held by the contract in test/ledger/reassignedContract.ts):
 * - Importing the same rows again changes nothing (`added` 0, `changed` 0);
 *   a row for a number and date already held replaces its result.
 * - Another org neither sees nor replaces an org's results or cached answers.
 * - A cached answer is not returned once its time is up.
 * - The retention job's removeBefore takes away the results last imported, and the answers
 *   given, before its cutoff, and nothing younger.
 */
import type { DatedResult, ReassignedResult, ReassignedSourceName } from '../../domain/reassigned/answers';
import type { RndResultRow } from '../../domain/reassigned/rndFile';

/**
 * How long a provider's answer is relied on. `no` is Twilio's safe harbor for 24 hours ("this
 * response provides safe harbor from TCPA violations for messages sent to this number within 24
 * hours"); `no_data` may become an answer as carriers report; `yes` cannot change (a disconnection
 * since the date stays one), kept longer only to spare lookups, and bounded so the cache is.
 */
export const ANSWER_CACHE_MS: Record<ReassignedResult, number> = {
  yes: 30 * 86_400_000,
  no: 86_400_000,
  no_data: 86_400_000,
};

export interface CachedAnswer {
  result: ReassignedResult;
  source: ReassignedSourceName;
  /** ISO instant the source answered. */
  checked_at: string;
}

export interface RndImportResult {
  /** Rows for a number and date not held before. */
  added: number;
  /** Rows that replaced a different result for their number and date. */
  changed: number;
  /** Rows the store already held as they are. */
  unchanged: number;
}

/** What one retention pass took away. */
export interface ReassignedRemoval {
  /** Imported RND results last imported before the cutoff. */
  rnd_results: number;
  /** Cached provider answers given before the cutoff. */
  cached_answers: number;
}

export interface ReassignedStore {
  readonly engine: string;
  /**
   * Stores the org's rows (upsert by number and date), each marked imported at `importedAt`:
   * a row imported again, changed or not, is fresh data from the org's latest query.
   */
  importResults(orgId: string, rows: readonly RndResultRow[], importedAt: Date): Promise<RndImportResult>;
  /** The org's imported results for the number, any date. */
  importedResults(orgId: string, phone: string): Promise<DatedResult[]>;
  /** Whether the org imported any result at all (so a decision knows whether to look). */
  hasImportedResults(orgId: string): Promise<boolean>;
  /** The cached answer for the number and consent date, or null (none, or its time is up at `now`). */
  cachedAnswer(orgId: string, phone: string, consentDate: string, now: Date): Promise<CachedAnswer | null>;
  /** Caches an answer until `checked_at` + ANSWER_CACHE_MS for its result. */
  cacheAnswer(orgId: string, phone: string, consentDate: string, answer: CachedAnswer): Promise<void>;
  /**
   * The retention job's part: removes every org's results last imported before `cutoffMs`
   * and the cached answers a source gave before it (ms since the epoch).
   */
  removeBefore(cutoffMs: number): Promise<ReassignedRemoval>;
  close(): Promise<void>;
}

/** When a cached answer stops being relied on (ms since the epoch). */
export const answerExpiresAt = (a: CachedAnswer): number => Date.parse(a.checked_at) + ANSWER_CACHE_MS[a.result];
