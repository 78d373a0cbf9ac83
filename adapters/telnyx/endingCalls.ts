/**
 * Calls the gateway is ending after an opt-out: the confirmation is being
 * spoken, and the hangup follows when it has been said — on the call's
 * `call.speak.ended`, or after the time the words take to say, whichever
 * comes first (the `speak.ended` webhook may reach another instance, or none).
 *
 * A `speak` returns as soon as Telnyx queued it; hanging up then would cut
 * the confirmation off mid-sentence.
 */
export class EndingCalls {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly hangup: (callControlId: string) => Promise<void>) {}

  has(callControlId: string): boolean {
    return this.timers.has(callControlId);
  }

  /** Hang up after `afterMs`, unless the speech ends (or the call does) first. */
  schedule(callControlId: string, afterMs: number): void {
    if (this.timers.has(callControlId)) return;
    const timer = setTimeout(() => void this.now(callControlId), afterMs);
    timer.unref();
    this.timers.set(callControlId, timer);
  }

  /** The confirmation has been said (or the time is up): hang up now. */
  async now(callControlId: string): Promise<void> {
    const timer = this.timers.get(callControlId);
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(callControlId);
    await this.hangup(callControlId);
  }

  /** The call is over by itself. */
  forget(callControlId: string): void {
    const timer = this.timers.get(callControlId);
    if (timer) clearTimeout(timer);
    this.timers.delete(callControlId);
  }

  /** Shutting down: every pending hangup happens now rather than never. */
  async flush(): Promise<void> {
    await Promise.all([...this.timers.keys()].map((id) => this.now(id)));
  }
}

/** Roughly how long Telnyx takes to say some words (150 words a minute), with a margin, within bounds. */
export function speakingTimeMs(words: string): number {
  const count = words.split(/\s+/).filter(Boolean).length;
  return Math.min(20_000, Math.max(4_000, Math.round((count / 2.5) * 1000) + 2_000));
}
