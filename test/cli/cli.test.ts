/**
 * The consent-gate commands against a real SQLite store in a temp data
 * directory, run in-process (the same `runCli` the bin calls) for speed;
 * `bin.test.ts` runs the real executable.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, ADMIN_KEY, type TestGateway } from '../support/gateway';
import { suppressionKeying } from '../../src/ledger/ledger';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { aConsent, aRevocation } from '../fixtures/records';
import { createSchema1Ledger } from '../fixtures/schema1';
import { cli } from './runCli';

const EXAMPLE_CSV = resolve(import.meta.dirname, '../../examples/cli/consents.csv');
const MAP = ['--map', 'phone=Phone', '--map', 'calling_entity=Company'];
const ENV = { CONSENT_GATE_API_KEY: ADMIN_KEY };
const ACME = ['--entity', 'Acme Insurance LLC'];
// 14:00 in New York: inside the calling window whatever the day.
const AT = ['--at', '2026-04-10T18:00:00Z'];

describe('consent-gate CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-cli-'));
  const run = (...args: string[]) => cli(['--data-dir', dataDir, ...args], ENV);

  describe('consents import', () => {
    it('imports the example file, reports bad rows with their line numbers, and exits 1', async () => {
      const r = await run('consents', 'import', EXAMPLE_CSV, ...MAP);
      expect(r.code).toBe(1);
      expect(r.out).toContain('20 rows read from consents.csv');
      expect(r.out).toContain('17 imported, 0 already on file, 3 rejected');
      expect(r.out).toContain('line 15: phone must be E.164 or 10-11 digits');
      expect(r.out).toContain('line 17: type must be one of');
      expect(r.out).toContain('line 21: expires_at must be after captured_at');
    });

    it('a re-run creates nothing new', async () => {
      const r = await run('consents', 'import', EXAMPLE_CSV, ...MAP, '--json');
      expect(JSON.parse(r.out)).toMatchObject({ rows: 20, imported: 0, duplicates: 17, rejected: 3 });
    });

    it('exits 0 when every row is good, and batches by --batch-size', async () => {
      const file = join(dataDir, 'good.csv');
      const rows = Array.from({ length: 25 }, (_, i) => `+1646555${String(1000 + i)},Acme Insurance LLC,prior_express,sms,false,2026-03-01T00:00:00Z`);
      writeFileSync(file, ['phone,calling_entity,type,scope,ai_specific_consent,captured_at', ...rows].join('\n'));
      const r = await run('consents', 'import', file, '--batch-size', '7', '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ rows: 25, imported: 25, rejected: 0 });
    });

    it('--parsers 3 parses in three threads, with the same rows, rejections and line numbers as one', async () => {
      const own = mkdtempSync(join(tmpdir(), 'cg-cli-parsers-'));
      const r = await cli(['--data-dir', own, 'consents', 'import', EXAMPLE_CSV, ...MAP, '--parsers', '3', '--json'], ENV);
      expect(r.code).toBe(1);
      const result = JSON.parse(r.out);
      expect(result).toMatchObject({ rows: 20, imported: 17, duplicates: 0, rejected: 3 });
      expect(result.rejections.map((x: { line: number }) => x.line)).toEqual([15, 17, 21]);
    });

    it('--on-error stop stops at the first bad row', async () => {
      const r = await run('consents', 'import', EXAMPLE_CSV, ...MAP, '--on-error', 'stop', '--json');
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)).toMatchObject({ rows: 14, rejected: 1, stopped_early: true, rejections: [{ line: 15 }] });
    });

    it('refuses an unknown mapped field, a missing file, a bad batch size or parser count with exit 2', async () => {
      expect(await run('consents', 'import', EXAMPLE_CSV, '--map', 'telephone=Phone')).toMatchObject({
        code: 2,
        err: expect.stringContaining('unknown field telephone'),
      });
      expect(await run('consents', 'import', join(dataDir, 'nope.csv'))).toMatchObject({ code: 2, err: expect.stringContaining('cannot read') });
      expect((await run('consents', 'import', EXAMPLE_CSV, '--batch-size', '0')).code).toBe(2);
      expect(await run('consents', 'import', EXAMPLE_CSV, '--parsers', '0')).toMatchObject({
        code: 2,
        err: expect.stringContaining('--parsers: must be a whole number'),
      });
    });
  });

  describe('check and revoke', () => {
    it('ALLOWED: the consent it rests on and the disclosure, exit 0, recorded like an API decision', async () => {
      const r = await run(
        'check',
        '(212) 555-0101',
        ...ACME,
        '--purpose',
        'telemarketing',
        '--call-type',
        'ai_voice',
        '--calling-number',
        '+18005550100',
        ...AT,
      );
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^ALLOWED — consent cst_\w+ \(prior express written, AI-specific, captured 2026-03-15\)/);
      expect(r.out).toContain('Disclosure: "Hi, this is an AI assistant calling on behalf of Acme Insurance LLC.');
      const decisionId = /Decision: (dec_\w+)/.exec(r.out)![1];
      const exported = await run('audit', 'export');
      expect(exported.out).toContain(`"id":"${decisionId}"`);
    });

    it('revoke, then BLOCKED with the honor-by date and exit 1; --json answers like the API', async () => {
      const rev = await run(
        'revoke',
        '+12125550101',
        ...ACME,
        '--trigger',
        'verbal_stop_during_call',
        '--transcript',
        'stop calling me',
        '--captured-at',
        '2026-04-10T15:43:10Z',
      );
      expect(rev.code).toBe(0);
      expect(rev.out).toMatch(/^REVOKED — rev_\w+\n {2}Honor by Friday, April 24, 2026 \(2026-04-24 15:43:10 UTC\)/);
      expect(rev.out).toMatch(/Evidence: http:\/\/localhost:8080\/v1\/evidence\/rev_\w+\?org=org_default&exp=\d+&sig=/);
      const again = await run('revoke', '+12125550101', ...ACME, '--trigger', 'verbal_stop_during_call', '--captured-at', '2026-04-10T15:43:10Z');
      expect(again.out).toContain('already on record');
      const blocked = await run('check', '+12125550101', ...ACME, '--purpose', 'telemarketing', '--call-type', 'ai_voice', ...AT);
      expect(blocked.code).toBe(1);
      expect(blocked.out).toMatch(/^BLOCKED — consumer_revoked: Consumer issued a revocation/);
      expect(blocked.out).toContain('honor by Friday, April 24, 2026');
      const asJson = await run('check', '+12125550101', ...ACME, '--purpose', 'telemarketing', '--call-type', 'ai_voice', ...AT, '--json');
      expect(JSON.parse(asJson.out)).toMatchObject({ allowed: false, reason: 'consumer_revoked', honor_by_date: '2026-04-24T15:43:10Z' });
    });

    it('explains quiet hours', async () => {
      const r = await run('check', '+12125550102', ...ACME, '--purpose', 'telemarketing', '--call-type', 'ai_voice', '--at', '2026-04-11T01:45:00Z');
      expect(r.code).toBe(1);
      expect(r.out).toContain('BLOCKED — quiet_hours');
      expect(r.out).toContain('Recipient local time 21:45 (America/New_York); next allowed 2026-04-11T08:00:00-04:00');
    });

    it("prints the number's jurisdictions: a New York number held to Florida by --state is blocked by Florida's hours at 20:30", async () => {
      const at = ['--at', '2026-04-11T00:30:00Z'];
      const plain = await run('check', '+12125550102', ...ACME, '--purpose', 'telemarketing', '--call-type', 'ai_voice', ...at);
      expect(plain.out).toContain('US-NY from area code: allows');
      const held = await run('check', '+12125550102', ...ACME, '--purpose', 'telemarketing', '--call-type', 'ai_voice', ...at, '--state', 'FL');
      expect(held.code).toBe(1);
      expect(held.out).toContain('BLOCKED — quiet_hours');
      expect(held.out).toMatch(/Rule: US-FL, Fla\. Stat\. § 501\.616/);
      // Florida named by --state holds in both its zones: it opens at 08:00 in the Panhandle, 09:00 in New York.
      expect(held.out).toMatch(/US-FL from recipient state: blocks: quiet_hours \(Fla\. Stat\. § 501\.616.*\), next allowed 2026-04-11T09:00:00-04:00/);
      expect((await run('check', '+12125550102', ...ACME, '--purpose', 'telemarketing', '--call-type', 'ai_voice', '--state', 'XX')).err).toContain(
        '--state: must be a two-letter US state or territory code',
      );
    });

    it('bad input is exit 2 naming the flag', async () => {
      const r = await run('check', '555', '--entity', 'Acme', '--purpose', 'spam', '--call-type', 'ai_voice');
      expect(r.code).toBe(2);
      expect(r.err).toContain('phone: must be E.164 or 10-11 digits');
      expect(r.err).toContain('--purpose: must be one of: telemarketing');
      expect((await run('check', '+12125550101', '--purpose', 'survey', '--call-type', 'ai_voice')).err).toContain("required option '--entity <name>'");
    });
  });

  describe('keys and orgs', () => {
    it('creates, lists and revokes keys; the secret is printed once and works on the API', async () => {
      const created = await run('keys', 'create', '--scopes', 'precall,revoke', '--json');
      expect(created.code).toBe(0);
      const key = JSON.parse(created.out);
      expect(key).toMatchObject({ org_id: 'org_default', scopes: ['precall', 'revoke'], api_key: expect.stringMatching(/^cg_live_/) });
      const listed = await run('keys', 'list');
      expect(listed.out).toContain(key.id);
      expect(listed.out).not.toContain(key.api_key);
      expect((await run('keys', 'revoke', key.id)).code).toBe(0);
      expect(JSON.parse((await run('keys', 'list', '--json')).out).find((k: { id: string }) => k.id === key.id).revoked_at).not.toBeNull();
      expect(await run('keys', 'revoke', 'key_nope')).toMatchObject({ code: 2, err: expect.stringContaining('no key key_nope in org_default') });
      expect(await run('keys', 'create', '--scopes', 'precall,fly')).toMatchObject({
        code: 2,
        err: expect.stringContaining('--scopes (item 2): must be one of'),
      });
      expect(await run('keys', 'create', '--org', 'org_nope', '--scopes', 'precall')).toMatchObject({
        code: 2,
        err: expect.stringContaining('no org org_nope'),
      });
    });

    it('creates an org with its first key', async () => {
      const r = await run('orgs', 'create', 'Bright Solar Inc.', '--json');
      expect(JSON.parse(r.out)).toMatchObject({
        org_id: expect.stringMatching(/^org_/),
        name: 'Bright Solar Inc.',
        api_key: expect.stringMatching(/^cg_live_/),
      });
    });
  });

  describe('audit', () => {
    it('exports decisions as NDJSON or CSV, to stdout or a file', async () => {
      const nd = await run('audit', 'export');
      const lines = nd.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.length).toBeGreaterThanOrEqual(4);
      expect(lines.every((d) => /^dec_/.test(d.id))).toBe(true);
      expect(nd.err).toContain(`exported ${lines.length} decisions`);
      const file = join(dataDir, 'decisions.csv');
      const csv = await run('audit', 'export', '--format', 'csv', '--out', file, '--phone', '+12125550101', '--from', '2020-01-01T00:00:00Z');
      expect(csv.code).toBe(0);
      const text = readFileSync(file, 'utf8').trim().split('\n');
      expect(text[0]).toBe('id,kind,decided_at,phone,entity,allowed,reason,request,response');
      expect(text.slice(1).every((l) => l.includes(",'+12125550101,"))).toBe(true);
      expect(text.length).toBe(4);
      expect((await run('audit', 'export', '--from', 'yesterday')).err).toContain('--from: must be an ISO 8601 date-time');
    });

    it('verify: all intact, then finds an edited entry and a truncated chain, exit 1', async () => {
      const ok = await run('audit', 'verify');
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/^Verified \d+ audit chains \(\d+ entries\): all intact\.\n$/);

      const db = new Database(join(dataDir, 'consent-gate.db'));
      const decision = db.prepare("SELECT seq, ref_id FROM audit WHERE kind = 'decision' AND phone = '+12125550101' ORDER BY seq LIMIT 1").get() as {
        seq: number;
        ref_id: string;
      };
      db.prepare('UPDATE audit SET body = replace(body, \'"allowed":true\', \'"allowed":false\') WHERE seq = ?').run(decision.seq);
      const newest = db.prepare("SELECT seq FROM audit WHERE phone = '+13105550111' ORDER BY seq DESC LIMIT 1").get() as { seq: number };
      db.prepare('DELETE FROM audit WHERE seq = ?').run(newest.seq);
      db.close();

      const broken = await run('audit', 'verify');
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(
        `BROKEN — org_default +1212*****01: first bad entry seq ${decision.seq} (decision ${decision.ref_id}): hash does not match the entry body`,
      );
      expect(broken.out).toContain('BROKEN — org_default +1310*****11');
      expect(broken.out).toContain('the chain head is not the newest entry');
      expect(broken.out).toMatch(/2 of \d+ audit chains broken/);
      expect(JSON.parse((await run('audit', 'verify', '--json')).out)).toMatchObject({
        ok: false,
        broken: [{ seq: decision.seq, ref_id: decision.ref_id }, {}],
      });
    });
  });

  describe('retention run', () => {
    it('needs a period and RETENTION_SECRET; anonymises, and the number stays blocked', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cg-cli-ret-'));
      const env = { ...ENV, RETENTION_SECRET: 'cli-test-retention-secret' };
      expect(await cli(['--data-dir', dir, 'retention', 'run'], env)).toMatchObject({ code: 2, err: expect.stringContaining('set --days or RETENTION_DAYS') });
      expect(await cli(['--data-dir', dir, 'retention', 'run', '--days', '30'], ENV)).toMatchObject({
        code: 2,
        err: expect.stringContaining('RETENTION_SECRET'),
      });
      // An opt-out recorded long ago (the CLI's clock is the real one).
      const ledger = new SqliteLedger({ file: join(dir, 'consent-gate.db'), suppression: suppressionKeying(env.RETENTION_SECRET) });
      await ledger.recordRevocation(
        aRevocation({ org_id: 'org_default', phone: '+12125550101', created_at: '2024-01-01T00:00:00.000Z', captured_at: '2024-01-01T00:00:00.000Z' }),
      );
      await ledger.close();
      const r = await cli(['--data-dir', dir, 'retention', 'run', '--days', '365', '--json'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ revocations: 1 });
      const check = await cli(['--data-dir', dir, 'check', '+12125550101', ...ACME, '--purpose', 'informational', '--call-type', 'human_voice'], env);
      expect(check.out).toContain('BLOCKED — consumer_revoked');
      // Without the secret the anonymised store refuses to open rather than forget the opt-out.
      expect(await cli(['--data-dir', dir, 'check', '+12125550101', ...ACME, '--purpose', 'informational', '--call-type', 'human_voice'], ENV)).toMatchObject({
        code: 3,
        err: expect.stringContaining('set the RETENTION_SECRET'),
      });
    });
  });

  describe('ledger upgrade', () => {
    it('rebuilds a schema-1 ledger once, and refuses while the ledger is open elsewhere', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cg-cli-upgrade-'));
      const file = join(dir, 'consent-gate.db');
      expect(await cli(['--data-dir', dir, 'ledger', 'upgrade'], ENV)).toMatchObject({ code: 2, err: expect.stringContaining('nothing to upgrade') });
      for (const command of [
        ['ledger', 'upgrade'],
        ['consents', 'import', EXAMPLE_CSV],
      ]) {
        expect(await cli(['--data-dir', dir, ...command, '--progress', 'fancy'], ENV)).toMatchObject({
          code: 2,
          err: expect.stringContaining('--progress: must be auto, bar, lines or none'),
        });
      }
      createSchema1Ledger(file);
      const open = new SqliteLedger({ file });
      await open.captureConsent(aConsent({ org_id: 'org_default' }));
      await open.captureConsent(aConsent({ org_id: 'org_default', phone: '+12125550188' }));
      expect(await cli(['--data-dir', dir, 'ledger', 'upgrade'], ENV)).toMatchObject({
        code: 3,
        err: expect.stringContaining('open elsewhere (a running gateway?)'),
      });
      await open.close();

      const r = await cli(['--data-dir', dir, 'ledger', 'upgrade', '--progress', 'lines'], ENV);
      expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/^Upgraded .*consent-gate\.db: 2 consents moved to the current layout in [\d.]+ s/) });
      expect(JSON.parse((await cli(['--data-dir', dir, 'ledger', 'upgrade', '--json'], ENV)).out)).toMatchObject({
        store: 'sqlite',
        upgraded: false,
        consents: 0,
      });
      // The gateway's own store opens it and finds the consents by phone through the new index.
      const check = await cli(['--data-dir', dir, 'check', '+12125550188', ...ACME, '--purpose', 'telemarketing', '--call-type', 'ai_voice', ...AT], ENV);
      expect(check).toMatchObject({ code: 0, out: expect.stringContaining('ALLOWED') });
    });

    it('has nothing to upgrade on the Redis engine, and says so without connecting', async () => {
      const r = await cli(['ledger', 'upgrade'], { ...ENV, STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:1' });
      expect(r).toMatchObject({ code: 0, out: 'Nothing to upgrade: the Redis engine keeps consents by subject already.\n' });
    });
  });

  describe('beside a running gateway on the same data directory', () => {
    let gw: TestGateway;
    const dir = mkdtempSync(join(tmpdir(), 'cg-cli-gw-'));
    beforeAll(async () => {
      gw = await startTestGateway({ DATA_DIR: dir });
    });
    afterAll(async () => {
      await gw.close();
    });

    it('an opt-out from the CLI blocks the next API decision at once, and the reverse', async () => {
      const api = request(gw.url);
      await api
        .post('/v1/consents')
        .set(gw.auth)
        .send({
          phone: '+12125550143',
          calling_entity: 'Acme Insurance LLC',
          type: 'prior_express',
          scope: ['human_voice', 'informational'],
          ai_specific_consent: false,
          captured_at: '2026-03-01T00:00:00Z',
        })
        .expect(201);
      const allowed = await cli(['--data-dir', dir, 'check', '+12125550143', ...ACME, '--purpose', 'informational', '--call-type', 'human_voice'], ENV);
      expect(allowed.code).toBe(0);
      expect((await cli(['--data-dir', dir, 'revoke', '+12125550143', ...ACME], ENV)).code).toBe(0);
      const res = await api
        .post('/v1/precall')
        .set(gw.auth)
        .send({ phone: '+12125550143', calling_entity: 'Acme Insurance LLC', purpose: 'informational', call_type: 'human_voice' });
      expect(res.body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    });

    it('a key made by the CLI works on the gateway at once, and is refused on its next request once the CLI revokes it', async () => {
      const created = JSON.parse((await cli(['--data-dir', dir, 'keys', 'create', '--scopes', 'precall', '--json'], ENV)).out);
      const precall = () =>
        request(gw.url)
          .post('/v1/precall')
          .set({ Authorization: `Bearer ${created.api_key}` })
          .send({ phone: '+12125550144', calling_entity: 'Acme Insurance LLC', purpose: 'informational', call_type: 'human_voice' });
      // Twice: the second is answered with the key as the gateway last read it.
      for (let i = 0; i < 2; i++) expect((await precall()).status).toBe(200);
      expect((await cli(['--data-dir', dir, 'keys', 'revoke', created.id], ENV)).code).toBe(0);
      expect((await precall()).status).toBe(401);
    });
  });
});
