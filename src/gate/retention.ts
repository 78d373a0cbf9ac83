/**
 * The retention job: personal data older than RETENTION_DAYS is
 * erased — transcripts, audio URLs, consent evidence text/ip/user agent,
 * decision request metadata — and the phone of those records is replaced by
 * its suppression key (HMAC-SHA256 under RETENTION_SECRET). The suppression
 * itself stays: the ledger finds an anonymised revocation under the key, so
 * an opted-out number stays blocked. The audit chain commits to a digest of
 * the personal data, not the data, so it still verifies.
 *
 * The gateway runs it every RETENTION_INTERVAL_MINUTES; `consent-gate
 * retention run` runs it once.
 */
import type { AnonymiseResult } from '../ledger/ledger';
import type { Logger } from '../observability/logger';
import type { GateContext } from './context';

export interface RetentionReport extends AnonymiseResult {
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
  return { cutoff, ...counts };
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
          const changed = report.consents + report.revocations + report.decisions + report.audit_entries + report.call_events;
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
