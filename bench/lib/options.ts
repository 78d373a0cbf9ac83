/**
 * The command line of `npm run bench`, read with node:util parseArgs. Unknown
 * flags are refused rather than ignored: a mistyped --only would otherwise
 * start the full bench.
 */
import { parseArgs } from 'node:util';
import type { ImportOrder } from '../scenarios/import';
import { FULL, SMOKE, withDncScale, type Profile } from './profile';

/** The rows, by the names --only takes and docs/performance.md describes. */
export const ROWS = [
  'precall',
  'presend',
  'dnc-decisions',
  'twilio',
  'growth',
  'import',
  'optout',
  'redis',
  'transcription',
  'media',
  'dnc',
  'console',
  'calls',
] as const;
export type RowName = (typeof ROWS)[number];

export const USAGE = `usage: npm run bench [-- options]

  --smoke                   tiny sizes, 1-second runs, nothing judged (CI: npm run bench:smoke)
  --only=ROW[,ROW…]         some rows only: ${ROWS.join(', ')}
  --cpu-prof                profile the gateway children; top frames printed, files in bench/.cache/profiles/
  --cpu-prof-interval=US    with --cpu-prof: microseconds between samples (default 1000)
  --import-order=ORDER      the import row's CSV: sorted (by phone, the default) or shuffled
  --help                    this text

  BENCH_DNC_NUMBERS=N, BENCH_DNC_AREA_CODES=N (environment): the synthetic do-not-call registry of
  the dnc and dnc-decisions rows (default 100,000,000 numbers over 400 area codes), to try the
  rows at a small size
`;

export interface BenchOptions {
  help: boolean;
  smoke: boolean;
  profile: Profile;
  only: ReadonlySet<RowName>;
  /** Every row runs: the results file is the full one. */
  allRows: boolean;
  cpuProf: boolean;
  /** Undefined: node's own default interval. */
  cpuProfIntervalUs: number | undefined;
  importOrder: ImportOrder;
}

export function parseBenchArgs(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      only: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'cpu-prof-interval': { type: 'string' },
      'import-order': { type: 'string', default: 'sorted' },
    },
  });
  const only = new Set((values.only?.split(',') ?? ROWS) as RowName[]);
  for (const r of only) if (!ROWS.includes(r)) throw new Error(`--only: unknown row ${r}; rows are ${ROWS.join(', ')}`);
  const intervalArg = values['cpu-prof-interval'];
  const cpuProfIntervalUs = intervalArg === undefined ? undefined : Number(intervalArg);
  if (cpuProfIntervalUs !== undefined && !(Number.isInteger(cpuProfIntervalUs) && cpuProfIntervalUs > 0))
    throw new Error(`--cpu-prof-interval: microseconds, a positive integer, not ${intervalArg}`);
  if (cpuProfIntervalUs !== undefined && !values['cpu-prof']) throw new Error('--cpu-prof-interval goes with --cpu-prof');
  const importOrder = values['import-order'];
  if (importOrder !== 'sorted' && importOrder !== 'shuffled') throw new Error(`--import-order: sorted or shuffled, not ${importOrder}`);
  return {
    help: values.help,
    smoke: values.smoke,
    profile: withDncScale(values.smoke ? SMOKE : FULL, process.env),
    only,
    allRows: only.size === ROWS.length,
    cpuProf: values['cpu-prof'],
    cpuProfIntervalUs,
    importOrder,
  };
}
