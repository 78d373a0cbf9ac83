/** A small deterministic generator (mulberry32) for generated-input tests, so a failure can be replayed from its seed. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, chosen by `next`. */
export const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];
