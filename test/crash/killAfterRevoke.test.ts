/**
 * An acknowledged opt-out survives `kill -9`: revocations are committed
 * (WAL, synchronous=FULL) before the API answers. So does every answered
 * decision: decisions of one event-loop turn share a transaction, and none is
 * answered before it commits. A real child process is killed right after its
 * last acknowledgement and restarted on the same data directory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGateway, type ChildGateway } from '../support/childGateway';
import { ADMIN_KEY } from '../support/adminKey';

const auth = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };

describe('crash safety', () => {
  let gw: ChildGateway | undefined;
  afterEach(() => {
    gw?.child.kill('SIGKILL');
  });

  /**
   * Starts a gateway on a fresh data directory, sends `count` requests at once, kills it with
   * SIGKILL the moment the last answer is in, and starts it again on the same data. Answers what
   * `send` made of the acknowledged requests (undefined: not acknowledged).
   */
  async function killRightAfter<T>(count: number, send: (url: string, i: number) => Promise<T | undefined>): Promise<T[]> {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-crash-')), CONSENT_GATE_API_KEY: ADMIN_KEY };
    gw = await spawnGateway(env);
    const acknowledged: T[] = [];
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const ack = await send(gw!.url, i);
        if (ack !== undefined) acknowledged.push(ack);
      }),
    );
    gw.child.kill('SIGKILL');
    expect((await gw.exited).signal).toBe('SIGKILL');
    gw = await spawnGateway(env);
    return acknowledged;
  }

  it('kill -9 right after revokes are acknowledged loses none of them', async () => {
    // Opt-outs fired concurrently; the process dies the moment the last one is acknowledged.
    const acknowledged = await killRightAfter(40, async (url, i) => {
      const phone = `+1212555${String(1000 + i)}`;
      const res = await fetch(`${url}/v1/revoke`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ phone, calling_entity: 'Acme Insurance LLC', trigger: 'verbal_stop_during_call', transcript: 'stop calling me' }),
      });
      return res.status === 201 ? { phone, id: ((await res.json()) as { revocation_id: string }).revocation_id } : undefined;
    });
    expect(acknowledged).toHaveLength(40);

    for (const { phone, id } of acknowledged) {
      const res = await fetch(`${gw!.url}/v1/precall`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ phone, calling_entity: 'Acme Insurance LLC', purpose: 'informational', call_type: 'human_voice' }),
      });
      const body = await res.json();
      expect(body).toMatchObject({ allowed: false, reason: 'consumer_revoked', revocation_id: id });
    }
  }, 60_000);

  it('kill -9 right after decisions are answered loses none of them, though many shared a transaction', async () => {
    // Concurrent requests land in the same turns; the process dies the moment the last answer is in.
    const answered = await killRightAfter(80, async (url, i) => {
      const phone = `+1212555${String(2000 + i)}`;
      const [path, body] =
        i % 2
          ? ['/v1/precall', { phone, calling_entity: 'Acme Insurance LLC', purpose: 'informational', call_type: 'human_voice' }]
          : ['/v1/sms/pre-send', { phone, sending_entity: 'Acme Insurance LLC', message_type: 'informational' }];
      const res = await fetch(`${url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      if (res.status !== 200) return undefined;
      const d = (await res.json()) as { decision_id: string; allowed: boolean };
      return { id: d.decision_id, allowed: d.allowed };
    });
    expect(answered).toHaveLength(80);

    for (const { id, allowed } of answered) {
      const res = await fetch(`${gw!.url}/v1/decisions/${id}`, { headers: auth });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id, allowed });
    }
  }, 60_000);
});
