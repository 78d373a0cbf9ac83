/**
 * An acknowledged opt-out survives `kill -9`: revocations are committed
 * (WAL, synchronous=FULL) before the API answers. A real child process is
 * killed right after its last acknowledgement and restarted on the same
 * data directory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGateway, type ChildGateway } from '../support/childGateway';

const KEY = 'cg_live_crash_test_key_0123456789';
const auth = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };

describe('crash safety', () => {
  let gw: ChildGateway | undefined;
  afterEach(() => {
    gw?.child.kill('SIGKILL');
  });

  it('kill -9 right after revokes are acknowledged loses none of them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-crash-'));
    const env = { DATA_DIR: dataDir, CONSENT_GATE_API_KEY: KEY };
    gw = await spawnGateway(env);
    const acknowledged: { phone: string; id: string }[] = [];
    // Fire opt-outs concurrently and kill the process the moment the last one is acknowledged.
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const phone = `+1212555${String(1000 + i)}`;
        const res = await fetch(`${gw!.url}/v1/revoke`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ phone, calling_entity: 'Acme Insurance LLC', trigger: 'verbal_stop_during_call', transcript: 'stop calling me' }),
        });
        if (res.status === 201) acknowledged.push({ phone, id: ((await res.json()) as { revocation_id: string }).revocation_id });
      }),
    );
    gw.child.kill('SIGKILL');
    expect((await gw.exited).signal).toBe('SIGKILL');
    expect(acknowledged).toHaveLength(40);

    gw = await spawnGateway(env);
    for (const { phone, id } of acknowledged) {
      const res = await fetch(`${gw.url}/v1/precall`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ phone, calling_entity: 'Acme Insurance LLC', purpose: 'informational', call_type: 'human_voice' }),
      });
      const body = await res.json();
      expect(body).toMatchObject({ allowed: false, reason: 'consumer_revoked', revocation_id: id });
    }
  }, 60_000);
});
