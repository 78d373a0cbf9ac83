/** The do-not-call row: a synthetic national list imported by the CLI, then looked up (scenarios/dnc.ts). */
import type { BenchContext } from '../lib/context';
import { fmtNum, mark, target } from '../lib/report';
import { importDncList } from '../scenarios/dnc';

export async function dncRow(ctx: BenchContext): Promise<void> {
  const { p, judge, report } = ctx;
  const r = await importDncList(p.dncNumbers, p.dncAreaCodes);
  const t = target('dnc_import_numbers_per_s', `do-not-call import of ${p.dncNumbers} numbers`, r.numbers_per_s, 'min', 2_000_000, ' numbers/s', judge);
  const rss = target('dnc_import_peak_rss_mb', 'do-not-call import peak RSS', r.peak_rss_mb, 'max', 1024, ' MB', judge);
  const disk = target('dnc_disk_mb', 'do-not-call lists on disk', r.disk_mb, 'max', 1024, ' MB', judge);
  report.targets.push(t, rss, disk);
  report.results.dnc = r;
  report.table.push({
    scenario: `import ${p.dncNumbers.toLocaleString('en-US')} do-not-call numbers\nover ${r.area_codes} area codes (plain list, ${fmtNum(r.file_mb)} MB)\n(consent-gate dnc import --json, own process)`,
    baseline: '—',
    figure: `${fmtNum(r.numbers_per_s)} numbers/s (${fmtNum(r.seconds)} s end to end)\npeak RSS ${fmtNum(r.peak_rss_mb)} MB; on disk ${fmtNum(r.disk_mb)} MB`,
    target: `${mark(t, judge)}\n${mark(rss, judge)}\n${mark(disk, judge)}`,
  });
  report.table.push({
    scenario: `do-not-call lookup alone (isListed, ${fmtNum(r.lookup.lookups)} in a row)\nwith those lists loaded (${fmtNum(r.lookup.load_seconds)} s to load)`,
    baseline: '—',
    figure: `${fmtNum(r.lookup.ns_per_lookup)} ns a lookup\nRSS with the lists held ${fmtNum(r.lookup.rss_mb)} MB`,
    target: '',
  });
}
