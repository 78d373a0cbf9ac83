/**
 * What every part of the Redis engine shares: the client, the key names, the
 * scripts, and where a subject's records can be. With a `SuppressionKeying`,
 * a subject's records may be under its phone or under its suppression key
 * (`{org:hmac:…}`, `{net:hmac:…}`), where the retention job moves old ones
 * (retention.ts); every lookup by phone reads both.
 */
import { isSuppressionKey, type SuppressionKeying } from '../ledger';
import type { RedisClient } from './connection';
import { EmergencyCache } from './emergencyCache';
import type { RedisKeys } from './keys';
import type { ScriptRunner } from './scripts';

export type SubjectKeys = ReturnType<RedisKeys['subject']>;

export class RedisStore {
  /** Orgs this process has listed in the store's org set (the retention job and auditSubjects walk that set). */
  private readonly listedOrgs = new Map<string, Promise<unknown>>();
  /** The org's states of emergency as covered decisions read them (checked against Redis on every read). */
  readonly emergencies = new EmergencyCache();

  constructor(
    readonly client: RedisClient,
    readonly keys: RedisKeys,
    readonly scripts: ScriptRunner,
    /** How anonymised phones are keyed; unset, nothing is read or written under a suppression key. */
    readonly suppression: SuppressionKeying | undefined,
    /** Decisions expire after this many seconds (0 = kept). */
    readonly decisionRetentionS: number,
  ) {}

  /** The suppression key a subject may also be stored under; null without a keying or when `phone` already is one. */
  altKey(phone: string): string | null {
    return this.suppression && !isSuppressionKey(phone) ? this.suppression.keyOf(phone) : null;
  }

  /** The phone slot and, with a keying, the key slot: the places a subject's records can be. Key first (it holds the older records). */
  slotsOf(phone: string): string[] {
    const key = this.altKey(phone);
    return key ? [key, phone] : [phone];
  }

  /** Once per org and process, before its first subject write: the store's org set is how the retention job and auditSubjects find it. */
  listOrg(orgId: string): Promise<unknown> {
    let listed = this.listedOrgs.get(orgId);
    if (!listed) {
      listed = this.client.sadd(this.keys.store().orgs, orgId);
      listed.catch(() => this.listedOrgs.delete(orgId));
      this.listedOrgs.set(orgId, listed);
    }
    return listed;
  }

  /**
   * A record found through an org index (id → phone or key). The record may
   * have moved to the key while the index still names the phone (the
   * retention job rewrites the index last): then it is read from there.
   */
  async byIndex(orgId: string, subject: string | null, read: (s: SubjectKeys) => Promise<string | null>): Promise<string | null> {
    if (!subject) return null;
    const raw = await read(this.keys.subject(orgId, subject));
    const key = raw === null ? this.altKey(subject) : null;
    return key ? read(this.keys.subject(orgId, key)) : raw;
  }
}
