/**
 * How an operator sees the age of the do-not-call copies, over real HTTP against a real gateway
 * holding two orgs' lists: /readyz stays ready and names each stale registry copy (never the org
 * holding it: the endpoint is public), and /metrics reports every list's age per org and list.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { ADMIN_KEY, startTestGateway, type TestGateway } from '../support/gateway';
import { prepareOrg } from '../support/orgs';
import { cli } from '../cli/runCli';

const NOW = '2026-12-05T15:00:00Z';
const DAY_S = 86_400;
// 15:00 UTC: ages count from 00:00 UTC of the as_of day.
const ageS = (days: number) => days * DAY_S + 15 * 3_600;

function gauge(text: string, labels: { org: string; list: string }): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`consent_gate_dnc_list_age_seconds{org="${labels.org}",list="${labels.list}"}`));
  return line === undefined ? null : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('do-not-call freshness for the operator', () => {
  let gw: TestGateway;
  let orgB: string;
  let dataDir: string;
  let listFile: string;
  const importForB = async (list: string, asOf: string) => {
    const r = await cli(['--data-dir', dataDir, 'dnc', 'import', '--org', orgB, '--list', list, '--as-of', asOf, '--progress', 'none', listFile], {
      CONSENT_GATE_API_KEY: ADMIN_KEY,
    });
    expect(r.code).toBe(0);
  };
  const readyz = async () => {
    const res = await fetch(`${gw.url}/readyz`);
    return { status: res.status, text: await res.clone().text(), body: (await res.json()) as Record<string, unknown> };
  };
  const metrics = async () => (await fetch(`${gw.url}/metrics`)).text();
  const importList = async (list: string, asOf: string, text: string) => {
    const res = await fetch(`${gw.url}/v1/dnc/${list}/import?as_of=${asOf}&mode=full`, {
      method: 'POST',
      headers: { ...gw.auth, 'Content-Type': 'text/plain' },
      body: text,
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    const b = await prepareOrg('Org B');
    orgB = b.orgId;
    dataDir = b.dataDir;
    listFile = join(mkdtempSync(join(tmpdir(), 'cg-dnc-fresh-')), 'list.txt');
    writeFileSync(listFile, '3055550100\n');
    // Org B's copies, imported by the CLI before the gateway starts: the same stale national copy as A's, and an older Florida one.
    await importForB('national', '2026-10-25');
    await importForB('state:FL', '2026-09-30');
    gw = await startTestGateway({ DATA_DIR: dataDir }, { clock: new FixedClock(new Date(NOW)) });
    await importList('national', '2026-10-25', '2125550101\n');
    await importList('internal', '2026-10-01', '2125550120\n');
    await importList('state:TX', '2026-12-01', '5125550199\n');
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('/readyz stays ready and names each stale registry copy once, with its date and age in days, and no org', async () => {
    const r = await readyz();
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      status: 'ready',
      store: 'sqlite',
      dnc: {
        stale: [
          { list: 'national', as_of: '2026-10-25', age_days: 41 },
          { list: 'state:FL', as_of: '2026-09-30', age_days: 66 },
        ],
      },
    });
    expect(r.text).not.toContain(orgB);
  });

  it("/metrics reports every list's age in seconds, per org and list, the org's own internal list too", async () => {
    const text = await metrics();
    expect(text).toMatch(/^# TYPE consent_gate_dnc_list_age_seconds gauge$/m);
    expect(gauge(text, { org: 'org_default', list: 'national' })).toBe(ageS(41));
    expect(gauge(text, { org: 'org_default', list: 'internal' })).toBe(ageS(65));
    expect(gauge(text, { org: 'org_default', list: 'state:TX' })).toBe(ageS(4));
    expect(gauge(text, { org: orgB, list: 'national' })).toBe(ageS(41));
    expect(gauge(text, { org: orgB, list: 'state:FL' })).toBe(ageS(66));
    expect(gauge(text, { org: orgB, list: 'internal' })).toBeNull();
  });

  it('fresh copies imported, through the API or by the CLI beside the gateway: the metric and /readyz follow', async () => {
    await importList('national', '2026-12-04', '2125550101\n');
    expect(gauge(await metrics(), { org: 'org_default', list: 'national' })).toBe(ageS(1));
    // B's national copy of the same date is still stale: still named.
    expect(((await readyz()).body.dnc as { stale: unknown[] }).stale).toHaveLength(2);
    await importForB('national', '2026-12-03');
    await importForB('state:FL', '2026-12-03');
    // Another process's import is seen within a second.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready', dnc: { stale: [] } } });
    expect(gauge(await metrics(), { org: orgB, list: 'state:FL' })).toBe(ageS(2));
  });
});
