/**
 * Per-key rate limits: a token bucket per key and instance, refilled
 * continuously. Opt-outs have their own bucket with a generous floor, so a
 * client that exhausted its decision budget can still record every "stop".
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one token; answers 0 when allowed, or the seconds until one is available. */
  take(key: string, perMinute: number): number {
    const t = this.now();
    const rate = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * rate);
    bucket.at = t;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }
}
