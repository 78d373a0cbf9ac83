import { API_KEY } from './fixtures';

/** The environment of a gateway child: its ledger directory, the bench's key, and no per-key limit in the way. */
export function gatewayEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    CONSENT_GATE_API_KEY: API_KEY,
    // The per-key limit (default 6000/min) would answer 429 to a load generator.
    RATE_LIMIT_PER_MINUTE: String(BENCH_RATE_LIMIT_PER_MINUTE),
    LOG_LEVEL: benchLogLevel(),
    ...extra,
  };
}

export const BENCH_RATE_LIMIT_PER_MINUTE = 1_000_000_000;

/** The gateways' LOG_LEVEL: info, as in production, unless BENCH_LOG_LEVEL says otherwise. */
export function benchLogLevel(): string {
  return process.env.BENCH_LOG_LEVEL ?? 'info';
}
