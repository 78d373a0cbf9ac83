/**
 * An opt-out made over the stream is committed before the `opt_out` frame is
 * sent: kill -9 the gateway the moment the frame arrives, restart it on the
 * same data directory, and the number is blocked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGateway, type ChildGateway } from '../support/childGateway';
import { FrameClient } from '../support/wsClient';
import { ADMIN_KEY } from '../support/adminKey';

describe('stream crash safety', () => {
  let gw: ChildGateway | undefined;
  afterEach(() => gw?.child.kill('SIGKILL'));

  it('the revocation behind an opt_out frame survives kill -9', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-stream-crash-')), CONSENT_GATE_API_KEY: ADMIN_KEY };
    gw = await spawnGateway(env);
    const c = await FrameClient.connect(gw.url.replace('http', 'ws') + '/v1/stream', { Authorization: `Bearer ${ADMIN_KEY}` });
    c.send({ type: 'start', call_id: 'k', phone: '+12125550199', calling_entity: 'Acme' });
    c.send({ type: 'transcript', call_id: 'k', text: 'please stop calling me', is_final: true, speaker: 'consumer' });
    const frame = await c.next(10_000);
    gw.child.kill('SIGKILL');
    await gw.exited;
    expect(frame.type).toBe('opt_out');

    gw = await spawnGateway(env);
    const res = await fetch(`${gw.url}/v1/precall`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: '+12125550199', calling_entity: 'Acme', purpose: 'informational', call_type: 'human_voice' }),
    });
    expect(await res.json()).toMatchObject({ allowed: false, reason: 'consumer_revoked', revocation_id: frame.revocation_id });
  }, 60_000);
});
