/**
 * The console row: a SQLite ledger holding `n` decisions spread over the last 30 days (written
 * straight into the file, as many decisions as a busy org makes, and counted per day by the same
 * step that upgrades an existing ledger), a gateway on it, and the overview measured two ways:
 * the server time of the four reads the page makes, and the time from navigation until Chromium
 * has drawn the page with its chart, signed in as a person is.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { addDailyCounts } from '../../src/ledger/sqlite/dailyCounts';
import { DEFAULT_ORG_ID } from '../../src/gate/bootstrap';
import { API_KEY } from '../lib/fixtures';
import { round, summarize } from '../lib/stats';

const DAY_MS = 86_400_000;
const REASONS = ['no_consent_on_file', 'quiet_hours', 'consumer_revoked', 'scope_mismatch', 'do_not_call'];
const OVERVIEW_READS = ['/v1/stats/decisions', '/v1/stats/opt-outs', '/v1/revocations?limit=50', '/v1/alerts'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ConsoleSeed {
  dataDir: string;
  decisions: number;
  insert_seconds: number;
  count_seconds: number;
}

/** A DATA_DIR whose ledger holds `n` decisions of the bootstrap org over the last 30 days, counted per day. */
export async function seedConsoleLedger(n: number): Promise<ConsoleSeed> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-bench-console-'));
  const file = join(dataDir, 'consent-gate.db');
  // Created (schema and all) by the ledger itself, then closed before the rows go in.
  await new SqliteLedger({ file }).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const started = performance.now();
  const insert = db.prepare('INSERT INTO decisions (id, org_id, phone, decided_at, data) VALUES (?, ?, ?, ?, ?)');
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const allowed = i % 3 !== 0;
      const decided = new Date(now - Math.floor((i / n) * 30 * DAY_MS)).toISOString();
      const phone = `+1212${String(1_000_000 + (i % 9_000_000)).padStart(7, '0')}`;
      const d = {
        id: `dec_bench${i}`,
        org_id: DEFAULT_ORG_ID,
        kind: i % 4 === 0 ? 'presend' : 'precall',
        phone,
        entity: 'Acme Insurance LLC',
        allowed,
        reason: allowed ? null : REASONS[i % REASONS.length],
        request: { phone },
        response: { allowed },
        decided_at: decided,
      };
      insert.run(d.id, d.org_id, d.phone, d.decided_at, JSON.stringify(d));
    }
  })();
  const inserted = performance.now();
  // What opening a ledger made before the counts does: count the decisions it holds, once.
  db.exec('DROP TABLE IF EXISTS daily_counts');
  db.transaction(() => addDailyCounts(db))();
  const counted = performance.now();
  db.close();
  return { dataDir, decisions: n, insert_seconds: round((inserted - started) / 1000, 1), count_seconds: round((counted - inserted) / 1000, 2) };
}

export interface OverviewTimes {
  decisions: number;
  /** The four reads of the overview, one after another, per page view (ms). */
  server_ms: { p50: number; p90: number; max: number; samples: number };
  /** Navigation to the overview drawn, chart included, in Chromium (ms). */
  drawn_ms: { p50: number; p90: number; max: number; samples: number };
  /** Chromium's first contentful paint of the page (ms). */
  first_paint_ms: { p50: number; samples: number };
}

function stats(xs: number[]) {
  const s = summarize(xs);
  return { p50: round(s.p50, 2), p90: round(s.p90, 2), max: round(s.max, 2), samples: s.count };
}

export async function measureOverview(url: string, decisions: number, views: number): Promise<OverviewTimes> {
  const auth = { Authorization: `Bearer ${API_KEY}` };
  const server: number[] = [];
  for (let i = 0; i < views + 2; i++) {
    const t = performance.now();
    for (const path of OVERVIEW_READS) {
      const res = await fetch(url + path, { headers: auth });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
    if (i >= 2) server.push(performance.now() - t);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the console row needs Chromium (scripts/test-deps.sh installs it)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const drawn: number[] = [];
  const paint: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${url}/console`);
    await page.getByLabel('API key').fill(API_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('svg.chart').waitFor({ state: 'attached' });
    for (let i = 0; i < views + 1; i++) {
      await page.goto('about:blank');
      const t = performance.now();
      await page.goto(`${url}/console#/overview`);
      await page.locator('svg.chart rect.bar').first().waitFor({ state: 'attached' });
      // Until the frame after it is painted.
      await page.evaluate(
        () => new Promise((r) => (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() => r(null))),
      );
      const elapsed = performance.now() - t;
      const fcp = await page.evaluate(
        () =>
          (globalThis as unknown as { performance: { getEntriesByName(n: string): { startTime: number }[] } }).performance.getEntriesByName(
            'first-contentful-paint',
          )[0]?.startTime ?? Number.NaN,
      );
      if (i === 0) continue; // the first view warms the browser's cache
      drawn.push(elapsed);
      if (!Number.isNaN(fcp)) paint.push(fcp);
    }
  } finally {
    await browser.close();
  }
  return {
    decisions,
    server_ms: stats(server),
    drawn_ms: stats(drawn),
    first_paint_ms: { p50: round(summarize(paint).p50, 1), samples: paint.length },
  };
}
