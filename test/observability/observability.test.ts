/**
 * What an operator sees: Prometheus metrics after real traffic (decisions by
 * kind and reason, latency, opt-outs by trigger and channel, ledger errors
 * on every 503), and logs that never hold a full phone number or a
 * transcript at info level.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config';
import { FixedClock } from '../../src/gate/clock';
import type { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { startGateway, type Gateway } from '../../src/server';
import { ADMIN_KEY } from '../support/adminKey';

const PHONE = '+12125550143';
const TRANSCRIPT = 'My name is Jane Doe and you should stop calling me';

function counter(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name + '{')) continue;
    const inside = line.slice(name.length + 1, line.indexOf('}'));
    if (want.every((w) => inside.split(',').includes(w))) return Number(line.slice(line.indexOf('}') + 1));
  }
  return 0;
}

describe('observability', () => {
  let gw: Gateway;
  let logs = '';
  const post = (path: string, body: object) => request(gw.url).post(path).set('Authorization', `Bearer ${ADMIN_KEY}`).send(body);

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    const config = configSchema.parse({
      PORT: 0,
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-obs-')),
      CONSENT_GATE_API_KEY: ADMIN_KEY,
      METRICS_DEFAULT: false,
    });
    gw = await startGateway(config, { logger: pino({ level: 'info' }, sink), clock: new FixedClock(new Date('2026-04-10T18:00:00Z')) });
    await post('/v1/consents', {
      phone: PHONE,
      calling_entity: 'Acme Insurance LLC',
      type: 'prior_express_written',
      scope: ['ai_voice', 'telemarketing', 'sms', 'marketing'],
      ai_specific_consent: true,
      captured_at: '2026-03-15T14:23:11Z',
    }).expect(201);
    const precall = { phone: PHONE, calling_entity: 'Acme Insurance LLC', purpose: 'telemarketing', call_type: 'ai_voice' };
    expect((await post('/v1/precall', precall)).body.allowed).toBe(true);
    expect((await post('/v1/precall', { ...precall, call_at: '2026-04-11T01:45:00Z' })).body.reason).toBe('quiet_hours');
    expect((await post('/v1/sms/pre-send', { phone: PHONE, sending_entity: 'Acme Insurance LLC', message_type: 'marketing' })).body.allowed).toBe(true);
    await post('/v1/revoke', { phone: PHONE, calling_entity: 'Acme Insurance LLC', trigger: 'verbal_stop_during_call', transcript: TRANSCRIPT }).expect(201);
    await post('/v1/revoke', { phone: PHONE, calling_entity: 'Acme Insurance LLC', trigger: 'verbal_stop_during_call', transcript: TRANSCRIPT }).expect(200);
    await post('/v1/revoke', { phone: '+13105550111', calling_entity: 'Acme Insurance LLC', trigger: 'sms_stop', transcript: 'STOP' }).expect(201);
    expect((await post('/v1/precall', precall)).body.reason).toBe('consumer_revoked');
    await request(gw.url)
      .get(`/v1/consents?phone=${encodeURIComponent(PHONE)}`)
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .expect(200);
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('/metrics counts decisions by kind and reason, their latency, and opt-outs by trigger and channel', async () => {
    const text = (await request(gw.url).get('/metrics').expect(200)).text;
    expect(counter(text, 'consent_gate_decisions_total', { kind: 'precall', allowed: 'true', reason: 'none' })).toBe(1);
    expect(counter(text, 'consent_gate_decisions_total', { kind: 'precall', allowed: 'false', reason: 'quiet_hours' })).toBe(1);
    expect(counter(text, 'consent_gate_decisions_total', { kind: 'precall', allowed: 'false', reason: 'consumer_revoked' })).toBe(1);
    expect(counter(text, 'consent_gate_decisions_total', { kind: 'presend', allowed: 'true', reason: 'none' })).toBe(1);
    expect(text).toMatch(/consent_gate_decision_seconds_count\{kind="precall"\} 3/);
    expect(text).toMatch(/consent_gate_decision_seconds_bucket\{le="0\.005",kind="precall"\} \d/);
    expect(counter(text, 'consent_gate_opt_outs_total', { trigger: 'verbal_stop_during_call', channel: 'voice', created: 'true' })).toBe(1);
    expect(counter(text, 'consent_gate_opt_outs_total', { trigger: 'verbal_stop_during_call', channel: 'voice', created: 'false' })).toBe(1);
    expect(counter(text, 'consent_gate_opt_outs_total', { trigger: 'sms_stop', channel: 'sms', created: 'true' })).toBe(1);
    // Exposed from the start; a handful of decisions never fill the 32 MB log that would need a hold.
    expect(text).toMatch(/^consent_gate_sqlite_write_hold_seconds_count 0$/m);
  });

  it('logs carry request ids and paths, never a full phone number, a query string or a transcript', () => {
    const lines = logs
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(9);
    expect(requests.every((l) => /^req_/.test(l.request_id) && typeof l.path === 'string' && !l.path.includes('?'))).toBe(true);
    for (const secret of ['2125550143', '3105550111', 'Jane Doe', 'stop calling me', ADMIN_KEY]) expect(logs).not.toContain(secret);
  });

  it('every 503 counts a ledger error: decisions, opt-outs and readiness alike', async () => {
    (gw.ctx.ledger as SqliteLedger).database.close();
    expect((await post('/v1/precall', { phone: PHONE, calling_entity: 'Acme', purpose: 'survey', call_type: 'human_voice' })).status).toBe(503);
    expect((await post('/v1/revoke', { phone: PHONE, calling_entity: 'Acme', trigger: 'manual' })).status).toBe(503);
    expect((await request(gw.url).get('/readyz')).status).toBe(503);
    const text = (await request(gw.url).get('/metrics')).text;
    expect(counter(text, 'consent_gate_ledger_errors_total', { operation: '/v1/precall' })).toBe(1);
    expect(counter(text, 'consent_gate_ledger_errors_total', { operation: '/v1/revoke' })).toBe(1);
    expect(counter(text, 'consent_gate_ledger_errors_total', { operation: 'readyz' })).toBe(1);
    for (const secret of ['2125550143', 'Jane Doe']) expect(logs).not.toContain(secret);
  });
});
