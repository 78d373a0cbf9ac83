/**
 * Retention of reassigned-number answers through a running gateway, on SQLite and on Redis:
 * imported RND results and cached Lookup answers older than RETENTION_DAYS leave the store
 * (reassigned.db, or every Redis key), so the next contact on such a number asks Lookup again;
 * younger ones keep answering.
 */
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../src/gate/retention';
import type { TwilioLookupEmulator } from '../emulators/twilioLookup';
import { OLD_CONSENT, startLookupEmulator, startReassignedGateway } from '../reassigned/support';
import { startRedisServer, type RedisServer } from '../support/redis';

const IMPORTED = '+12125550801';
const LOOKED_UP = '+12125550802';
const IMPORTED_LATER = '+12125550803';
const DAY_MS = 86_400_000;

describe.each(['sqlite', 'redis'] as const)('retention of reassigned-number answers: %s', (engine) => {
  let lookup: TwilioLookupEmulator;
  let t: Awaited<ReturnType<typeof startReassignedGateway>>;
  let redis: RedisServer | undefined;
  /** Everything the store holds of reassigned-number answers, as someone with a copy of it would read it. */
  const dump = async (): Promise<string> => {
    if (redis) {
      const client = new Redis(redis.url);
      try {
        const keys = (await client.keys('*')).filter((k) => /:rn[da]:/.test(k));
        const values = await Promise.all(
          keys.map(async (k) => {
            const type = await client.type(k);
            if (type === 'hash') return client.hgetall(k);
            if (type === 'zset') return client.zrange(k, 0, -1);
            return client.get(k);
          }),
        );
        return JSON.stringify([keys, values]);
      } finally {
        client.disconnect();
      }
    }
    const db = new Database(join(t.gw.dataDir, 'reassigned.db'), { readonly: true });
    try {
      return JSON.stringify([db.prepare('SELECT * FROM rnd_results').all(), db.prepare('SELECT * FROM answer_cache').all()]);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    lookup = await startLookupEmulator();
    if (engine === 'redis') redis = await startRedisServer();
    const store = redis ? { STORE: 'redis', REDIS_URL: redis.url } : {};
    t = await startReassignedGateway(lookup, { RETENTION_DAYS: 7, RETENTION_SECRET: 'test-retention-secret-0002', ...store });
    for (const phone of [IMPORTED, LOOKED_UP, IMPORTED_LATER]) await t.consent(phone, OLD_CONSENT);
  });
  afterAll(async () => {
    await t?.gw.close();
    await lookup?.stop();
    await redis?.stop();
  });

  it('answers younger than the period stay and keep answering', async () => {
    expect((await t.importResults(`${IMPORTED.slice(2)},2026-10-01,yes\n`)).status).toBe(200);
    lookup.answers.set(LOOKED_UP, 'yes');
    expect(await t.precall(IMPORTED)).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'rnd_import' });
    expect(await t.precall(LOOKED_UP)).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'twilio_lookup' });

    expect(await runRetention(t.gw.ctx, 7)).toMatchObject({ rnd_results: 0, cached_answers: 0 });
    expect(await t.precall(LOOKED_UP)).toMatchObject({ allowed: false, source: 'twilio_lookup' });
    expect(lookup.about(LOOKED_UP)).toHaveLength(1);
    expect(lookup.about(IMPORTED)).toHaveLength(0);
  });

  it('after the period they are gone from the store, and the numbers are asked about again', async () => {
    t.clock.advance(10 * DAY_MS);
    expect((await t.importResults(`${IMPORTED_LATER.slice(2)},2026-10-01,no\n`)).status).toBe(200);

    const report = await runRetention(t.gw.ctx, 7);
    expect(report).toMatchObject({ rnd_results: 1, cached_answers: 1, cutoff: '2026-12-08T15:00:00.000Z' });
    const held = await dump();
    expect(held).not.toContain(IMPORTED.slice(2));
    expect(held).not.toContain(LOOKED_UP.slice(2));
    expect(held).toContain(IMPORTED_LATER);

    // The cached `yes` would have answered for 30 days; with it removed, Lookup is asked again.
    expect(await t.precall(LOOKED_UP)).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'twilio_lookup' });
    expect(lookup.about(LOOKED_UP)).toHaveLength(2);
    // The imported result is gone too: the gate falls back to Lookup, which still says `yes`.
    lookup.answers.set(IMPORTED, 'yes');
    expect(await t.precall(IMPORTED)).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'twilio_lookup' });
    expect(lookup.about(IMPORTED)).toHaveLength(1);
    // The result imported within the period still answers, without a lookup.
    expect(await t.precall(IMPORTED_LATER)).toMatchObject({ allowed: true });
    expect(lookup.about(IMPORTED_LATER)).toHaveLength(0);
  });
});
