/** The agent-stream example runs as documented against a real gateway. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAgent } from '../../examples/agent-stream/agent';
import { startTestGateway, type TestGateway } from '../support/gateway';

describe('examples/agent-stream', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('ends the call on the consumer opt-out, not on the agent disclosure, and the number is blocked', async () => {
    const lines: string[] = [];
    const run = await runAgent(gw.url, gw.adminKey, '+12125550143', (l) => lines.push(l));
    expect(run.errors).toEqual([]);
    expect(run.optOut?.revocation_id).toMatch(/^rev_/);
    expect(lines.at(-1)).toMatch(/hangs up$/);
    expect(lines.findIndex((l) => l.startsWith('gateway: consumer opted out'))).toBeGreaterThan(lines.findIndex((l) => l.includes('take me off your list')));
    const res = await fetch(`${gw.url}/v1/precall`, {
      method: 'POST',
      headers: { ...gw.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: '+12125550143', calling_entity: 'Acme Insurance LLC', purpose: 'informational', call_type: 'human_voice' }),
    });
    expect(await res.json()).toMatchObject({ reason: 'consumer_revoked', revocation_id: run.optOut?.revocation_id });
  });
});
