/**
 * Console sessions kept in the embedded store, over real HTTP: a gateway restarted on the same
 * SQLite file keeps them; a forged, malformed or expired cookie opens nothing; the idle and lifetime
 * limits hold, with a use recorded at most once a minute; each request is held to its key's rate
 * limit, the same bucket as its Bearer requests; tenancy is the key's; the file never holds the
 * key's secret or the cookie's id.
 */
import { hash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { IDLE_MS, LIFETIME_MS } from '../../src/gate/consoleSessions';
import { consoleSessionState, OVERVIEW_READS, signInToConsole, throughConsole, type ConsoleSignIn } from '../support/consoleSession';
import { startTestGateway, type TestGateway } from '../support/gateway';

const MINUTE = 60_000;
const cookieIdOf = (s: ConsoleSignIn) => s.cookie.split('=')[1];
const withCookie = (s: ConsoleSignIn, cookieId: string): ConsoleSignIn => ({ ...s, cookie: `cg_console=${cookieId}` });

async function newKey(gw: TestGateway, body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const res = await fetch(`${gw.url}/v1/keys`, { method: 'POST', headers: { ...gw.auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  const made = (await res.json()) as { id: string; api_key: string };
  return { id: made.id, secret: made.api_key };
}

describe('console sessions in the SQLite file', () => {
  const running: TestGateway[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((g) => g.close()));
  });
  const start = async (overrides: Record<string, unknown> = {}, clock?: FixedClock) => {
    const gw = await startTestGateway(overrides, { clock });
    running.push(gw);
    return gw;
  };

  it('a gateway restarted on the same file keeps the session: same cookie, same CSRF token, the Overview reads', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-console-'));
    const first = await start({ DATA_DIR: dataDir });
    const session = await signInToConsole(first.url, first.adminKey);
    await first.close();
    running.splice(0);
    const again = await start({ DATA_DIR: dataDir });
    expect((await consoleSessionState(again.url, session)).body).toMatchObject({ signed_in: true, csrf: session.csrf });
    for (const path of OVERVIEW_READS) expect((await throughConsole(again.url, session, path)).status, path).toBe(200);
  });

  it("the file holds neither the key's secret nor the cookie's id, only the key's id and the cookie id's hash", async () => {
    const gw = await start();
    const session = await signInToConsole(gw.url, gw.adminKey);
    const db = new Database(join(gw.dataDir, 'consent-gate.db'), { readonly: true });
    const rows = db.prepare('SELECT * FROM console_sessions').all() as Record<string, string>[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0].id_hash).toBe(hash('sha256', cookieIdOf(session)));
    const stored = JSON.stringify(rows);
    for (const secret of [gw.adminKey, cookieIdOf(session), session.csrf]) expect(stored).not.toContain(secret);
  });

  it('a forged or malformed cookie, a wrong CSRF token, or the stored hash sent as a cookie opens nothing', async () => {
    const gw = await start();
    const session = await signInToConsole(gw.url, gw.adminKey);
    const forged = [
      withCookie(session, randomBytes(32).toString('base64url')),
      withCookie(session, 'x'),
      withCookie(session, `${cookieIdOf(session)}x`),
      withCookie(session, hash('sha256', cookieIdOf(session))),
      { ...session, csrf: session.csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    ];
    for (const f of forged) {
      const res = await throughConsole(gw.url, f, '/v1/alerts');
      expect(res.status, f.cookie).toBe(401);
      expect(res.body.error?.code).toBe('UNAUTHORIZED');
    }
    expect((await throughConsole(gw.url, session, '/v1/alerts')).status).toBe(200);
  });

  it('idle for longer than the idle limit, the cookie is refused; a use in time keeps it, and no use outlives the lifetime', async () => {
    const clock = new FixedClock(new Date());
    const gw = await start({}, clock);
    const idle = await signInToConsole(gw.url, gw.adminKey);
    const kept = await signInToConsole(gw.url, gw.adminKey);
    clock.advance(IDLE_MS - MINUTE);
    expect((await throughConsole(gw.url, kept, '/v1/alerts')).status).toBe(200);
    clock.advance(2 * MINUTE);
    expect((await throughConsole(gw.url, idle, '/v1/alerts')).status).toBe(401);
    expect((await consoleSessionState(gw.url, idle)).body).toEqual({ signed_in: false });
    expect((await throughConsole(gw.url, kept, '/v1/alerts')).status).toBe(200);
    // Used every 20 minutes: live until the lifetime, refused after it.
    for (let t = IDLE_MS + MINUTE; t + 20 * MINUTE < LIFETIME_MS; t += 20 * MINUTE) {
      clock.advance(20 * MINUTE);
      expect((await throughConsole(gw.url, kept, '/v1/alerts')).status).toBe(200);
    }
    clock.advance(20 * MINUTE);
    expect((await throughConsole(gw.url, kept, '/v1/alerts')).status).toBe(401);
  });

  it('a use is written at most once a minute per session, not on every request', async () => {
    const clock = new FixedClock(new Date('2026-05-04T10:00:00.000Z'));
    const gw = await start({}, clock);
    const session = await signInToConsole(gw.url, gw.adminKey);
    const idHash = hash('sha256', cookieIdOf(session));
    const lastUsed = async () => (await gw.ctx.ledger.findConsoleSession(idHash, clock.now().toISOString(), () => null))?.last_used_at;
    for (const seconds of [10, 30, 59]) {
      clock.set(new Date(Date.parse('2026-05-04T10:00:00.000Z') + seconds * 1000));
      for (let i = 0; i < 3; i++) expect((await throughConsole(gw.url, session, '/v1/alerts')).status).toBe(200);
      expect(await lastUsed()).toBe('2026-05-04T10:00:00.000Z');
    }
    clock.set('2026-05-04T10:01:00.000Z');
    expect((await throughConsole(gw.url, session, '/v1/alerts')).status).toBe(200);
    expect(await lastUsed()).toBe('2026-05-04T10:01:00.000Z');
  });

  it("requests through a session take from its key's rate limit, the same one its Bearer requests take from", async () => {
    const gw = await start();
    const key = await newKey(gw, { scopes: ['audit:read'], rate_limit_per_minute: 3 });
    const session = await signInToConsole(gw.url, key.secret);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await throughConsole(gw.url, session, '/v1/alerts')).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect((await throughConsole(gw.url, session, '/v1/alerts')).status).toBe(429);
    expect((await fetch(`${gw.url}/v1/alerts`, { headers: { Authorization: `Bearer ${key.secret}` } })).status).toBe(429);
  });

  it("a session sees its key's org only: another org's session finds none of this org's decisions", async () => {
    const gw = await start();
    const call = { phone: '+12125550143', calling_entity: 'Acme Insurance LLC', purpose: 'informational', call_type: 'human_voice' };
    const decided = await fetch(`${gw.url}/v1/precall`, {
      method: 'POST',
      headers: { ...gw.auth, 'content-type': 'application/json' },
      body: JSON.stringify(call),
    });
    const { decision_id } = (await decided.json()) as { decision_id: string };
    const org = await fetch(`${gw.url}/v1/orgs`, {
      method: 'POST',
      headers: { ...gw.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Other' }),
    });
    const { api_key: otherKey } = (await org.json()) as { api_key: string };

    const mine = await signInToConsole(gw.url, gw.adminKey);
    const theirs = await signInToConsole(gw.url, otherKey);
    expect((await throughConsole(gw.url, mine, `/v1/decisions/${decision_id}`)).status).toBe(200);
    expect((await throughConsole(gw.url, theirs, `/v1/decisions/${decision_id}`)).status).toBe(404);
    expect((await throughConsole(gw.url, mine, '/v1/decisions')).body.data).toHaveLength(1);
    expect((await throughConsole(gw.url, theirs, '/v1/decisions')).body.data).toEqual([]);
  });
});

describe('a session made from a key, with the key revoked through the console itself', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.close();
  });

  it("revoking a key through an admin's session ends the sessions of that key and of every key made from it", async () => {
    const parent = await newKey(gw, { scopes: ['audit:read', 'consent:read'] });
    const childRes = await fetch(`${gw.url}/v1/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${parent.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scopes: ['audit:read'] }),
    });
    const child = (await childRes.json()) as { id: string; api_key: string };
    const parentSession = await signInToConsole(gw.url, parent.secret);
    const childSession = await signInToConsole(gw.url, child.api_key);
    const admin = await signInToConsole(gw.url, gw.adminKey);
    expect((await throughConsole(gw.url, admin, `/v1/keys/${parent.id}`, { method: 'DELETE' })).status).toBe(200);
    // Ended in the store at once, not only refused when next used.
    expect(await gw.ctx.ledger.endConsoleSessionsOfKey('org_default', parent.id)).toBe(0);
    expect(await gw.ctx.ledger.endConsoleSessionsOfKey('org_default', child.id)).toBe(0);
    expect((await throughConsole(gw.url, parentSession, '/v1/alerts')).status).toBe(401);
    expect((await throughConsole(gw.url, childSession, '/v1/alerts')).status).toBe(401);
    expect((await throughConsole(gw.url, admin, '/v1/alerts')).status).toBe(200);
  });
});
