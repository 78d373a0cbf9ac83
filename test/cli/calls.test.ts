/**
 * `consent-gate calls show` and the call part of `audit export`, on the store a real gateway wrote:
 * an agent-stream call with an opt-out, streamed to the gateway, then read by the CLI on its data
 * directory.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_KEY, startTestGateway } from '../support/gateway';
import { FrameClient } from '../support/wsClient';
import { settledCallRecord, withEvents } from '../support/callRecords';
import { cli } from './runCli';

const PHONE = '+12125550188';

describe('consent-gate calls show / audit export of call records', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-cli-calls-'));
  const run = (...args: string[]) => cli(['--data-dir', dataDir, ...args], { CONSENT_GATE_API_KEY: ADMIN_KEY });
  let revocationId = '';

  beforeAll(async () => {
    const gw = await startTestGateway({ DATA_DIR: dataDir });
    try {
      const c = await FrameClient.connect(gw.url.replace('http', 'ws') + '/v1/stream', gw.auth);
      await c.quietAfter([{ type: 'start', call_id: 'cli-call-1', phone: PHONE, calling_entity: 'Acme Insurance LLC' }]);
      c.send({ type: 'dtmf', call_id: 'cli-call-1', digit: '9' });
      revocationId = String((await c.next()).revocation_id);
      await c.quietAfter([{ type: 'stop', call_id: 'cli-call-1' }]);
      c.close();
      // gated, answered, the key, its opt-out, the end: written before the gateway closes.
      await settledCallRecord(gw.url, gw.auth, 'cli-call-1', withEvents(5));
    } finally {
      await gw.close();
    }
  });

  it('shows one call by the carrier id, the phone masked, its opt-out and evidence', async () => {
    const r = await run('calls', 'show', 'cli-call-1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('stream cli-call-1');
    expect(r.out).toContain('+1212*****88');
    expect(r.out).not.toContain(PHONE);
    expect(r.out).toMatch(new RegExp(`Opt-out\\s+dtmf_opt_out ${revocationId}`));
    expect(r.out).toMatch(/Keys pressed\s+9/);
    expect(r.out).toMatch(/Evidence\s+http.*\/v1\/evidence\/call_/);
  });

  it('--json is the record the API serves; an unknown call is a usage error naming it not found', async () => {
    const r = await run('calls', 'show', 'cli-call-1', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ carrier_call_id: 'cli-call-1', phone: PHONE, status: 'completed', opt_outs: [{ revocation_id: revocationId }] });
    const missing = await run('calls', 'show', 'no-such-call');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/not found/i);
  });

  it('audit export includes call records: alone, after the decisions, or as CSV', async () => {
    const calls = await run('audit', 'export', '--records', 'calls');
    expect(
      calls.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).carrier_call_id),
    ).toEqual(['cli-call-1']);
    expect(calls.err).toContain('exported 1 call record');
    const all = await run('audit', 'export', '--records', 'all', '--phone', PHONE);
    expect(all.err).toContain('exported 0 decisions and 1 call record');
    const csv = await run('audit', 'export', '--records', 'calls', '--format', 'csv');
    const [header, row] = csv.out.trim().split('\n');
    expect(header).toBe('id,carrier,carrier_call_id,decision_id,phone,entity,answered_at,ended_at,status,duration_seconds,disclosure,dtmf,opt_outs');
    expect(row).toContain(`'${PHONE}`);
    expect((await run('audit', 'export', '--records', 'all', '--format', 'csv')).err).toContain('--records all: only with --format ndjson');
  });
});
