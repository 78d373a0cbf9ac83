/**
 * A second org for the carrier suites. The configuration maps carrier
 * accounts to org ids, and an org id exists only once `POST /v1/orgs` made
 * it: so the org is created on a first gateway over a fresh DATA_DIR, and the
 * suite then starts its stack on that same DATA_DIR with the id in its
 * entities — the order an operator follows.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { configSchema } from '../../src/config';
import { startGateway } from '../../src/server';
import { ADMIN_KEY, startTestGateway } from './gateway';

export interface PreparedOrg {
  dataDir: string;
  orgId: string;
  /** The org's first key (every scope but admin). */
  apiKey: string;
  auth: { Authorization: string };
}

export async function prepareOrg(name: string): Promise<PreparedOrg> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-orgs-'));
  const gw = await startTestGateway({ DATA_DIR: dataDir });
  try {
    const res = await fetch(`${gw.url}/v1/orgs`, {
      method: 'POST',
      headers: { ...gw.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    const body = (await res.json()) as { org_id?: string; api_key?: string };
    if (res.status !== 201 || !body.org_id || !body.api_key) throw new Error(`org not created: ${res.status} ${JSON.stringify(body)}`);
    return { dataDir, orgId: body.org_id, apiKey: body.api_key, auth: { Authorization: `Bearer ${body.api_key}` } };
  } finally {
    await gw.close();
  }
}

/** Org `auth`'s decisions for one consumer, as its own audit log lists them. */
export async function decisionsFor(gatewayUrl: string, auth: { Authorization: string }, phone: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${gatewayUrl}/v1/decisions?phone=${encodeURIComponent(phone)}`, { headers: auth });
  const body = (await res.json()) as { data?: Record<string, unknown>[] };
  if (res.status !== 200 || !body.data) throw new Error(`decisions not listed: ${res.status} ${JSON.stringify(body)}`);
  return body.data;
}

/** The warnings a real gateway logs while it starts with this configuration (then it is closed). */
export async function startupWarnings(overrides: Record<string, unknown>): Promise<string[]> {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
  const config = configSchema.parse({
    PORT: 0,
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-warn-')),
    CONSENT_GATE_API_KEY: ADMIN_KEY,
    METRICS_DEFAULT: false,
    ...overrides,
  });
  const gw = await startGateway(config, { logger });
  await gw.close();
  return lines.map((l) => String((JSON.parse(l) as { msg?: string }).msg ?? ''));
}
