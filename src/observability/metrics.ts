/**
 * Prometheus metrics (prom-client), one registry per running gateway so that
 * tests can run several in one process. The gate reports through
 * `GateObserver`; adapters through the counters here.
 */
import { Counter, Histogram, Registry, Gauge, collectDefaultMetrics } from 'prom-client';
import type { GateObserver } from './gateObserver';

/** One do-not-call list's age as the metric reports it. */
export interface DncListAgeSample {
  org: string;
  list: string;
  ageSeconds: number;
}

export class Metrics {
  readonly registry = new Registry();
  readonly decisions = new Counter({
    name: 'consent_gate_decisions_total',
    help: 'Precall and pre-send decisions by kind, outcome and reason',
    labelNames: ['kind', 'allowed', 'reason'] as const,
    registers: [this.registry],
  });
  readonly decisionSeconds = new Histogram({
    name: 'consent_gate_decision_seconds',
    help: 'Time to decide and durably record a decision',
    labelNames: ['kind'] as const,
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [this.registry],
  });
  readonly optOuts = new Counter({
    name: 'consent_gate_opt_outs_total',
    help: 'Revocations recorded, by trigger and channel (repeats of an existing opt-out counted as created="false")',
    labelNames: ['trigger', 'channel', 'created'] as const,
    registers: [this.registry],
  });
  readonly webhookSignatureFailures = new Counter({
    name: 'consent_gate_webhook_signature_failures_total',
    help: 'Carrier webhooks refused for a bad or missing signature',
    labelNames: ['carrier'] as const,
    registers: [this.registry],
  });
  readonly callHangupFailures = new Counter({
    name: 'consent_gate_call_hangup_failures_total',
    help: 'Attempts to end a call after a spoken opt-out that the carrier did not accept (outcome retried, or gave_up after the last)',
    labelNames: ['carrier', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly callStartFailures = new Counter({
    name: 'consent_gate_call_start_failures_total',
    help: 'What the gateway starts on a call after the disclosure (transcription, a held-back stream or assistant) that the carrier did not accept',
    labelNames: ['carrier', 'what'] as const,
    registers: [this.registry],
  });
  readonly reassignedLookups = new Counter({
    name: 'consent_gate_reassigned_lookups_total',
    help: 'Reassigned-number provider lookups (cache misses), by answer: yes, no, no_data, or unavailable',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly upstreamSeconds = new Histogram({
    name: 'consent_gate_upstream_seconds',
    help: 'Latency of requests forwarded to carrier APIs and applications',
    labelNames: ['target', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly upstreamErrors = new Counter({
    name: 'consent_gate_upstream_errors_total',
    help: 'Forwarded requests that failed without an answer (connection refused, timeout)',
    labelNames: ['target'] as const,
    registers: [this.registry],
  });
  readonly ledgerErrors = new Counter({
    name: 'consent_gate_ledger_errors_total',
    help: 'Store operations that failed (the gate failed closed)',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly writeHoldSeconds = new Histogram({
    name: 'consent_gate_sqlite_write_hold_seconds',
    help: 'How long decisions and reservations waited while the SQLite log was started over (one observation per hold)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
    registers: [this.registry],
  });
  readonly streamConnections = new Gauge({
    name: 'consent_gate_stream_connections',
    help: 'Open agent-stream and relay websockets',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  /** Where a scrape reads the do-not-call lists' ages from; unset until the lists are open. */
  private dncAges: (() => Promise<DncListAgeSample[]>) | null = null;
  readonly dncListAge: Gauge<'org' | 'list'> = new Gauge({
    name: 'consent_gate_dnc_list_age_seconds',
    help: "Seconds since the day (00:00 UTC) each org's do-not-call copy was taken (its as_of); a registry copy is stale from 32 days (2764800 s)",
    labelNames: ['org', 'list'] as const,
    registers: [this.registry],
    // Read at each scrape from the manifests the stores already hold: nothing on the decision path.
    collect: () => this.collectDncAges(),
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Reports the lists' ages from `source` at every scrape. */
  reportDncListAges(source: () => Promise<DncListAgeSample[]>): void {
    this.dncAges = source;
  }

  private async collectDncAges(): Promise<void> {
    if (!this.dncAges) return;
    let ages: DncListAgeSample[];
    try {
      ages = await this.dncAges();
    } catch {
      // The store's failure is counted where it is met; a scrape keeps the ages last read.
      return;
    }
    this.dncListAge.reset();
    for (const a of ages) this.dncListAge.set({ org: a.org, list: a.list }, a.ageSeconds);
  }

  observer(): GateObserver {
    return {
      decision: (kind, allowed, reason, seconds) => {
        this.decisions.inc({ kind, allowed: String(allowed), reason: reason ?? 'none' });
        this.decisionSeconds.observe({ kind }, seconds);
      },
      revocation: (trigger, created) => this.optOuts.inc({ trigger, channel: channelOf(trigger), created: String(created) }),
      ledgerError: (operation) => this.ledgerErrors.inc({ operation }),
      reassignedLookup: (outcome) => this.reassignedLookups.inc({ outcome }),
    };
  }
}

function channelOf(trigger: string): string {
  if (trigger === 'sms_stop') return 'sms';
  if (trigger === 'verbal_stop_during_call' || trigger === 'dtmf_opt_out') return 'voice';
  return 'api';
}
