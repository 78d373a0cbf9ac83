/**
 * The retention job: personal data older than RETENTION_DAYS is
 * erased — transcripts, audio URLs, consent evidence text/ip/user agent,
 * decision request metadata — and the phone of those records is replaced by
 * its suppression key (HMAC-SHA256 under RETENTION_SECRET). The suppression
 * itself stays: the ledger finds an anonymised revocation under the key, so
 * an opted-out number stays blocked. The audit chain commits to a digest of
 * the personal data, not the data, so it still verifies.
 *
 * The same period removes the reassigned-number answers that name a number
 * in clear: RND results the org imported, and cached provider answers, older
 * than RETENTION_DAYS counted from when the gateway received them (the last
 * import of a result, the source's answer). The period that anonymises
 * decisions, because these are of a kind: the facts a decision was taken on.
 * Not counted from when a consent ends, as nothing ties a result to one
 * consent; and not kept as an anonymised copy, since a result looked up by a
 * number it no longer names answers nothing. An org relying on a result for
 * longer imports it again (the RND changes monthly), which restarts its age.
 *
 * The gateway runs it every RETENTION_INTERVAL_MINUTES; `consent-gate
 * retention run` runs it once.
 */
import type { AnonymiseResult } from '../ledger/ledger';
import type { ReassignedRemoval } from '../ledger/reassigned/reassignedStore';
import type { Logger } from '../observability/logger';
import type { GateContext } from './context';

export interface RetentionReport extends AnonymiseResult, ReassignedRemoval {
  /** Records older than this were anonymised. */
  cutoff: string;
}

const DAY_MS = 86_400_000;

export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export async function runRetention(ctx: GateContext, retentionDays: number): Promise<RetentionReport> {
  const cutoff = retentionCutoff(ctx.clock.now(), retentionDays).toISOString();
  const counts = await ctx.ledger.anonymiseBefore(cutoff);
  const removed = (await ctx.reassigned?.removeBefore(Date.parse(cutoff))) ?? { rnd_results: 0, cached_answers: 0 };
  return { cutoff, ...counts, ...removed };
}

export interface RetentionSchedule {
  /** Stops the timer and waits for a run in progress, so the ledger can then be closed under nobody. */
  stop(): Promise<void>;
  /** Runs now (unless a run is in progress) and resolves when it is done. */
  runNow(): Promise<void>;
}

export function scheduleRetention(
  ctx: GateContext,
  options: { retentionDays: number; intervalMs: number; logger: Logger; firstRunDelayMs?: number },
): RetentionSchedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= runRetention(ctx, options.retentionDays)
      .then(
        (report) => {
          const changed =
            report.consents + report.revocations + report.decisions + report.audit_entries + report.call_events + report.rnd_results + report.cached_answers;
          options.logger[changed ? 'info' : 'debug']({ retention: report }, 'retention: anonymised records older than the retention period');
        },
        // A failed run (store down) is retried at the next tick; nothing is half-done, each batch is one transaction.
        (err) => options.logger.error({ err: (err as Error).message }, 'retention run failed'),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  // Not at once: a gateway restarting in a loop should not start a full scan each time.
  const first = setTimeout(run, options.firstRunDelayMs ?? 60_000);
  const timer = setInterval(run, options.intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
    runNow: run,
  };
}
