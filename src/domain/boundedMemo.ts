/**
 * Remembers the answers of a pure function of a string, for the inputs every
 * request repeats (an entity name, a sending number). Memory is bounded two
 * ways: only inputs up to `maxInput` characters are kept (a request body may
 * carry 256 KB in one field), and the table is forgotten all at once when it
 * holds `limit` answers (no per-hit bookkeeping, unlike an LRU).
 */
export function boundedMemo<T>(fn: (input: string) => T, options: { limit: number; maxInput: number }): (input: string) => T {
  const known = new Map<string, T>();
  return (input) => {
    if (input.length > options.maxInput) return fn(input);
    const hit = known.get(input);
    if (hit !== undefined) return hit;
    const answer = fn(input);
    if (known.size >= options.limit) known.clear();
    known.set(input, answer);
    return answer;
  };
}
