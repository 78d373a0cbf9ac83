/**
 * What the gate tells whoever watches it: each decision, each revocation
 * and each store failure. Declared here, with the observability it feeds,
 * so the metrics can implement it without reaching up into the gate.
 */
export interface GateObserver {
  decision?(kind: 'precall' | 'presend', allowed: boolean, reason: string | null, seconds: number): void;
  revocation?(trigger: string, created: boolean): void;
  ledgerError?(operation: string): void;
  /** A reassigned-number provider was asked (a cache miss): its answer, or `unavailable`. */
  reassignedLookup?(outcome: 'yes' | 'no' | 'no_data' | 'unavailable'): void;
}
