/** The import row: a CSV into an empty SQLite ledger by the CLI in its own process (scenarios/import.ts). */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { defaultParsers } from '../../src/gate/importConsents';
import type { BenchContext } from '../lib/context';
import { fmtNum, mark, target } from '../lib/report';
import { BENCH_DIR, sqliteSeedPath } from '../lib/seed';
import { importCsv } from '../scenarios/import';

export async function importRow(ctx: BenchContext): Promise<void> {
  const { p, judge, report } = ctx;
  const importOrder = ctx.options.importOrder;
  const large = p.growth[1];
  // The first full run on a fresh checkout keeps the imported ledger as the large seed of the growth row: same
  // consents (same CSV fixtures, the same buildConsent + captureConsents path), so that seed need not be built.
  const adopt = importOrder === 'sorted' && p.importRows === large && !existsSync(sqliteSeedPath(large));
  const keepAsSeed = (db: string) => {
    mkdirSync(join(BENCH_DIR, '.cache'), { recursive: true });
    renameSync(db, sqliteSeedPath(large));
  };
  const r = await importCsv(p.importRows, importOrder, adopt ? keepAsSeed : undefined);
  const t = target('import_rows_per_s', `import of ${p.importRows} CSV rows`, r.rows_per_s, 'min', 50_000, ' rows/s', judge);
  report.targets.push(t);
  // The CLI's default: one parsing thread a core beside the writer's (importConsents.ts).
  const parsers = defaultParsers();
  report.results.import = { ...r, parsers, kept_as_seed: adopt };
  report.table.push({
    scenario: `import ${p.importRows.toLocaleString('en-US')} CSV rows (${importOrder === 'sorted' ? 'sorted by phone' : 'shuffled'})\ninto an empty SQLite ledger\n(${r.via === 'cli' ? 'consent-gate consents import --json' : 'importConsents job'}, own process,\n${parsers} parsing thread${parsers === 1 ? '' : 's'} beside the writer)`,
    baseline: '—',
    figure: `${fmtNum(r.rows_per_s)} rows/s (${fmtNum(r.seconds)} s end to end)\npeak RSS ${fmtNum(r.peak_rss_mb)} MB; CSV ${fmtNum(r.csv_mb)} MB → DB ${fmtNum(r.db_mb)} MB`,
    target: mark(t, judge),
  });
}
