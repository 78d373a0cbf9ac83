/**
 * Bounded polling for what settles after an answer (a drain, a webhook's side
 * effect, a process becoming ready). A probe that throws counts as "not yet":
 * the server being polled may not be listening yet; the last error is named
 * if time runs out.
 */

export interface PollOptions {
  /** How long to keep trying. The default is generous: a busy CI machine can take seconds over what settles in milliseconds here, and a passing wait returns as soon as it holds. */
  timeoutMs?: number;
  /** The pause between tries. */
  intervalMs?: number;
}

/** Polls `probe` until `done` holds for its value, and returns that value; throws with the last value or error when time runs out. */
export async function waitForValue<T>(what: string, probe: () => T | Promise<T>, done: (value: T) => boolean, options: PollOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | { error: unknown } | undefined;
  for (;;) {
    try {
      const value = await probe();
      if (done(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const seen = !last ? '' : 'error' in last ? `: ${(last.error as Error)?.message ?? String(last.error)}` : `: still ${describe(last.value)}`;
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}`);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Polls until `probe` answers true; throws when time runs out. */
export async function waitUntil(what: string, probe: () => boolean | Promise<boolean>, options: PollOptions = {}): Promise<void> {
  await waitForValue(what, probe, (ok) => ok, options);
}
