/** How big and how long: the full bench, or the smoke run CI uses so the harness cannot rot. */
export interface Profile {
  name: 'full' | 'smoke';
  /** Consents behind the precall / pre-send rows. */
  consents: number;
  /** Ledger sizes compared by the growth row. */
  growth: [number, number];
  importRows: number;
  /** The do-not-call row's synthetic national list: numbers, over this many area codes. */
  dncNumbers: number;
  /** Ledger sizes (decisions) the console row draws the overview over, and how many views it times on each. */
  consoleDecisions: [number, number];
  consoleViews: number;
  dncAreaCodes: number;
  warmupS: number;
  runS: number;
  /** Upper bound on requests per autocannon run (runs are bounded in time and in requests). */
  maxRequests: number;
  peakConnections: number;
  fixedConnections: number;
  /** Shorter runs for the growth comparison, the Redis rows and the stream. */
  shortRunS: number;
  /** Alternating rounds of the growth comparison (the best p99 of each side is kept). */
  growthRounds: number;
  /**
   * Alternating rounds, baseline then gateway, of the precall / pre-send peak (the median of each
   * side is compared) and of their runs at half peak (the best p99 of each side is judged): a
   * single run per side swings too much on a shared machine to compare.
   */
  decisionRounds: { peak: number; half: number };
  streamConnections: number;
  detectionS: number;
  twilioConcurrency: number;
}

export const FULL: Profile = {
  name: 'full',
  consents: 100_000,
  growth: [10_000, 1_000_000],
  importRows: 1_000_000,
  dncNumbers: 100_000_000,
  consoleDecisions: [10_000, 1_000_000],
  consoleViews: 20,
  dncAreaCodes: 400,
  warmupS: 1,
  runS: 4,
  maxRequests: 200_000,
  peakConnections: 16,
  fixedConnections: 4,
  shortRunS: 3,
  growthRounds: 3,
  decisionRounds: { peak: 3, half: 2 },
  streamConnections: 4,
  detectionS: 2,
  twilioConcurrency: 8,
};

export const SMOKE: Profile = {
  name: 'smoke',
  consents: 2_000,
  growth: [200, 2_000],
  importRows: 5_000,
  dncNumbers: 200_000,
  consoleDecisions: [200, 2_000],
  consoleViews: 3,
  dncAreaCodes: 4,
  warmupS: 0.3,
  runS: 1,
  maxRequests: 20_000,
  peakConnections: 8,
  fixedConnections: 2,
  shortRunS: 1,
  growthRounds: 1,
  decisionRounds: { peak: 1, half: 1 },
  streamConnections: 2,
  detectionS: 0.5,
  twilioConcurrency: 4,
};

/** The registry size from BENCH_DNC_NUMBERS / BENCH_DNC_AREA_CODES when set (positive integers), else the profile's. */
export function withDncScale(p: Profile, env: Record<string, string | undefined>): Profile {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: a positive integer, not ${raw}`);
    return n;
  };
  const dncAreaCodes = read('BENCH_DNC_AREA_CODES', p.dncAreaCodes);
  if (dncAreaCodes > 800) throw new Error(`BENCH_DNC_AREA_CODES: at most 800 (area codes 200-999), not ${dncAreaCodes}`);
  return { ...p, dncNumbers: read('BENCH_DNC_NUMBERS', p.dncNumbers), dncAreaCodes };
}
