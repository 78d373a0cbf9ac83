/**
 * Failed authentications are throttled per client address: past
 * `perMinute` failures (a token bucket, refilled continuously) an address is
 * answered 429 RATE_LIMITED with Retry-After before the ledger is asked, so
 * guessing keys costs the guesser, not the store.
 *
 * A failure is an unknown or revoked key (401), or a valid key used from
 * outside its allowlist (403, which otherwise confirms that the key exists).
 *
 * Successful traffic is never throttled by address: a key that has
 * authenticated on this instance is still let through from an address that
 * is throttled, so an attacker sharing an address with a legitimate client
 * (a NAT, the proxy in front of the gateway) cannot lock that client out.
 * Only a key this instance has not yet seen work waits out the Retry-After.
 *
 * Memory is bounded: at most `maxEntries` addresses and as many known keys,
 * the least recently used dropped first. IPv6 clients are counted by /64,
 * the block one subscriber usually holds, so rotating addresses within it
 * does not reset the count.
 */
import { isIP } from 'node:net';

interface Bucket {
  tokens: number;
  at: number;
}

export class FailedAuthThrottle {
  private readonly failures = new Map<string, Bucket>();
  /** Hashes of keys that authenticated here: let through while their address is throttled. */
  private readonly knownGood = new Map<string, true>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  /** Seconds until `address` may present `keyHash`; 0 = now. */
  waitFor(address: string | undefined, keyHash: string | undefined): number {
    if (keyHash && this.knownGood.has(keyHash)) return 0;
    const bucket = this.failures.get(clientGroup(address));
    if (!bucket) return 0;
    const tokens = this.refilled(bucket);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil(((1 - tokens) * 60_000) / this.perMinute / 1000));
  }

  failed(address: string | undefined, keyHash: string | undefined): void {
    if (keyHash) this.knownGood.delete(keyHash);
    const group = clientGroup(address);
    const bucket = this.failures.get(group) ?? { tokens: this.perMinute, at: this.now() };
    bucket.tokens = Math.max(0, this.refilled(bucket) - 1);
    bucket.at = this.now();
    touch(this.failures, group, bucket, this.maxEntries);
  }

  succeeded(keyHash: string): void {
    touch(this.knownGood, keyHash, true, this.maxEntries);
  }

  private refilled(bucket: Bucket): number {
    return Math.min(this.perMinute, bucket.tokens + ((this.now() - bucket.at) * this.perMinute) / 60_000);
  }
}

/** Sets `key` as the most recently used entry, dropping the least recently used past `max`. */
function touch<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** The address a failure is counted under: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function clientGroup(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(mapped) === 4) return mapped;
  if (isIP(address) !== 6) return address;
  const [head, tail] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return (
    groups
      .slice(0, 4)
      .map((g) => parseInt(g, 16).toString(16))
      .join(':') + '::/64'
  );
}
