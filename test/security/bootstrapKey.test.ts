/**
 * CONSENT_GATE_API_KEY is the deployment's admin key: changing it retires
 * the one it replaces (and every key that one made through the API), on the
 * same store, at the next start.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { cli } from '../cli/runCli';

const FIRST = 'cg_live_first_bootstrap_key_000000001';
const SECOND = 'cg_live_second_bootstrap_key_00000002';

async function statusWith(gw: TestGateway, key: string): Promise<number> {
  return (await fetch(`${gw.url}/v1/keys`, { headers: { Authorization: `Bearer ${key}` } })).status;
}

async function makeKey(gw: TestGateway, key: string, scopes: string[]): Promise<string> {
  const res = await fetch(`${gw.url}/v1/keys`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ scopes }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { api_key: string }).api_key;
}

describe('changing CONSENT_GATE_API_KEY', () => {
  it('retires the previous bootstrap key and the keys it made; the new one works', async () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'cg-boot-'));
    let gw = await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: FIRST });
    const madeByFirst = await makeKey(gw, FIRST, ['precall']);
    await gw.close();

    gw = await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: SECOND });
    try {
      expect(await statusWith(gw, FIRST)).toBe(401);
      expect(await statusWith(gw, madeByFirst)).toBe(401);
      expect(await statusWith(gw, SECOND)).toBe(200);
    } finally {
      await gw.close();
    }
  });

  it('retires the key generated on first start once a configured key replaces it, and keeps it while none does', async () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'cg-boot-'));
    let gw = await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: undefined });
    const generated = gw.bootstrap.generatedAdminKey!;
    expect(generated).toMatch(/^cg_live_/);
    await gw.close();

    gw = await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: undefined });
    expect(await statusWith(gw, generated)).toBe(200);
    await gw.close();

    gw = await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: FIRST });
    try {
      expect(await statusWith(gw, generated)).toBe(401);
      expect(await statusWith(gw, FIRST)).toBe(200);
    } finally {
      await gw.close();
    }
  });

  it('a CLI command run with another CONSENT_GATE_API_KEY retires nothing', async () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'cg-boot-'));
    await (await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: FIRST })).close();
    expect((await cli(['--data-dir', DATA_DIR, 'keys', 'list'], { CONSENT_GATE_API_KEY: SECOND })).code).toBe(0);
    const gw = await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: FIRST });
    try {
      expect(await statusWith(gw, FIRST)).toBe(200);
    } finally {
      await gw.close();
    }
  });

  it('leaves the current key alone when an instance still configured with the one it replaced restarts', async () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'cg-boot-'));
    await (await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: FIRST })).close();
    await (await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: SECOND })).close();
    const stale = await startTestGateway({ DATA_DIR, CONSENT_GATE_API_KEY: FIRST });
    try {
      expect(await statusWith(stale, SECOND)).toBe(200);
      expect(await statusWith(stale, FIRST)).toBe(401);
    } finally {
      await stale.close();
    }
  });
});
