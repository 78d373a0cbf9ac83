/** What every use case gets: the ledger, the clock, the policy and someone to tell what happened. */
import type { Ledger } from '../ledger/ledger';
import type { Clock } from './clock';
import type { GatePolicy } from './policy';

export interface GateObserver {
  decision?(kind: 'precall' | 'presend', allowed: boolean, reason: string | null, seconds: number): void;
  revocation?(trigger: string, created: boolean): void;
  ledgerError?(operation: string): void;
}

export interface GateContext {
  ledger: Ledger;
  clock: Clock;
  policy: GatePolicy;
  observer: GateObserver;
}

export function evidenceUrl(ctx: GateContext, id: string): string {
  return `${ctx.policy.publicBaseUrl.replace(/\/+$/, '')}/v1/evidence/${id}`;
}

/** Milliseconds are noise in an audit log and in API answers; the contract's examples have none. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
