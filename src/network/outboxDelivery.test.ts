import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { aRevocation } from '../../test/fixtures/records';
import { FixedClock } from '../gate/clock';
import { SqliteLedger } from '../ledger/sqlite/sqliteLedger';
import { silentLogger } from '../observability/logger';
import { backoffMs, deliverDueOutbox } from './outboxDelivery';
import { verifyNetworkSignature } from './signature';

describe('deliverDueOutbox', () => {
  it('keeps a message due with growing backoff while a subscriber is down, then delivers it signed', async () => {
    const ledger = new SqliteLedger({ file: ':memory:' });
    const clock = new FixedClock(new Date('2026-04-10T18:00:00Z'));
    await ledger.recordRevocation(aRevocation({ scope: 'all', calling_entity: null, created_at: '2026-04-10T18:00:00.000Z' }));
    const received: { body: string; sig: string | undefined }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push({ body, sig: req.headers['x-consent-gate-signature'] as string | undefined });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    server.close();
    await new Promise((r) => setTimeout(r, 50));

    const options = {
      ledger,
      clock,
      logger: silentLogger(),
      subscribers: [{ url: `http://127.0.0.1:${port}/in`, secret: 's'.repeat(20) }],
      origin: 'test',
      timeoutMs: 500,
    };
    expect(await deliverDueOutbox(options)).toBe(0);
    expect(await ledger.dueOutbox(clock.now().toISOString(), 10)).toHaveLength(0);
    clock.advance(backoffMs(0));
    expect(await deliverDueOutbox(options)).toBe(0);
    clock.advance(backoffMs(1));
    const [due] = await ledger.dueOutbox(clock.now().toISOString(), 10);
    expect(due.attempts).toBe(2);

    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    try {
      expect(await deliverDueOutbox(options)).toBe(1);
      expect(received).toHaveLength(1);
      expect(verifyNetworkSignature('s'.repeat(20), received[0].body, received[0].sig, clock.now())).toBe(true);
      expect(JSON.parse(received[0].body)).toMatchObject({ type: 'revocation.network', revocation: { scope: 'all' } });
      clock.advance(3600_000 * 24);
      expect(await ledger.dueOutbox(clock.now().toISOString(), 10)).toEqual([]);
    } finally {
      server.close();
      await ledger.close();
    }
  });

  it('backs off exponentially up to an hour', () => {
    expect([0, 1, 2, 3].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(50)).toBe(3600_000);
  });
});
