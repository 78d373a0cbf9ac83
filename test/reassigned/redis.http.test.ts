/**
 * Reassigned numbers on Redis: two gateway instances on one real Redis, over HTTP. The answers
 * (imported and cached) are in Redis, so what one instance learned the other uses; and a
 * decision that stopped for its answer is stored once, its text counted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwilioLookupEmulator } from '../emulators/twilioLookup';
import { startRedisServer, type RedisServer } from '../support/redis';
import { OLD_CONSENT, startLookupEmulator, startReassignedGateway } from './support';

let redis: RedisServer;
let lookup: TwilioLookupEmulator;
let a: Awaited<ReturnType<typeof startReassignedGateway>>;
let b: Awaited<ReturnType<typeof startReassignedGateway>>;

beforeAll(async () => {
  redis = await startRedisServer();
  lookup = await startLookupEmulator();
  const env = { STORE: 'redis', REDIS_URL: redis.url, SMS_DAILY_CAP: 2 };
  [a, b] = await Promise.all([startReassignedGateway(lookup, env), startReassignedGateway(lookup, env)]);
});

afterAll(async () => {
  await Promise.all([a?.gw.close(), b?.gw.close()]);
  await lookup?.stop();
  await redis?.stop();
});

describe('reassigned numbers on two gateways sharing one Redis', () => {
  it("an answer one instance fetched is the other's too: one lookup for both", async () => {
    lookup.answers.set('+12125550701', 'yes');
    await a.consent('+12125550701', OLD_CONSENT);
    expect(await a.precall('+12125550701')).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'twilio_lookup' });
    expect(await b.precall('+12125550701')).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'twilio_lookup' });
    expect(lookup.about('+12125550701')).toHaveLength(1);
  });

  it('results imported through one instance block on the other, with no lookup', async () => {
    await a.consent('+12125550702', OLD_CONSENT);
    expect((await a.importResults('2125550702,2026-10-01,yes\n')).status).toBe(200);
    // The other instance learns within a second that the org imported results.
    await new Promise((r) => setTimeout(r, 1100));
    expect(await b.precall('+12125550702')).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'rnd_import' });
    expect(lookup.about('+12125550702')).toHaveLength(0);
  });

  it('a text that stopped for its answer is counted once: the daily cap of 2 still allows 2', async () => {
    lookup.answers.set('+12125550703', 'no');
    await a.consent('+12125550703', OLD_CONSENT);
    expect(await a.presend('+12125550703')).toMatchObject({ allowed: true });
    expect(await b.presend('+12125550703')).toMatchObject({ allowed: true });
    expect(await a.presend('+12125550703')).toMatchObject({ allowed: false, reason: 'frequency_cap', sent_today: 2 });
  });
});
