/**
 * API key documents by hash, as last read from the file.
 *
 * Why: every API request looks its key up before anything else, and the read
 * was a visible share of a pre-send at peak (docs/performance.md).
 *
 * Why it is never stale: a document is kept only while nothing can have
 * changed it. The ledger clears the cache whenever its own connection writes
 * a key, and `PRAGMA data_version` changes whenever any other connection
 * (the CLI revoking a key, another gateway on the same file) has committed
 * anything since the last look; the cache then starts over. A revoked key is
 * refused on its very next request, as without the cache.
 *
 * Unknown hashes are not kept: wrong secrets cannot grow it, and a key made
 * elsewhere is found at once. It holds at most `max` documents (a deployment
 * has a few keys; past that it starts over).
 */
export class KeyDocCache {
  private readonly docs = new Map<string, string>();
  private version: number | undefined;

  constructor(
    private readonly dataVersion: () => number,
    private readonly max = 1024,
  ) {}

  /** The document for `hash`: as kept, or as `read` finds it (and then kept). */
  get(hash: string, read: () => string | undefined): string | undefined {
    const version = this.dataVersion();
    if (version !== this.version) {
      this.docs.clear();
      this.version = version;
    }
    const kept = this.docs.get(hash);
    if (kept !== undefined) return kept;
    const doc = read();
    if (doc !== undefined) {
      if (this.docs.size >= this.max) this.docs.clear();
      this.docs.set(hash, doc);
    }
    return doc;
  }

  /** After this connection writes a key. */
  clear(): void {
    this.docs.clear();
  }
}
