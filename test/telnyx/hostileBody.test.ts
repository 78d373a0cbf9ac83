/**
 * A gated Telnyx request with a body no parser downstream can survive is
 * refused at the edge, in Telnyx's dialect, before the gate: no decision is
 * recorded for a request that is not forwarded, and nothing reaches Telnyx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, ACME, ACME_CONNECTION, ACME_NUMBER, ACME_PROFILE, seedConsent, startStack, type Stack } from './harness';

const CONSENTED = '+12125551401';

describe('Telnyx gated requests with hostile bodies', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
    await seedConsent(s, CONSENTED, ACME, ['ai_voice', 'telemarketing', 'sms', 'marketing']);
  });
  afterAll(async () => {
    await s.stop();
  });

  const decisionCount = async () => {
    const res = await fetch(`${s.gw.url}/v1/decisions?limit=200`, { headers: s.gw.auth });
    return ((await res.json()) as { data: unknown[] }).data.length;
  };
  const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('a dial or a text with a deeply nested field: 400 in Telnyx dialect, no decision, nothing forwarded', async () => {
    const before = await decisionCount();
    const cases = [
      { path: '/v2/calls', fields: { connection_id: ACME_CONNECTION, to: CONSENTED, from: ACME_NUMBER } },
      { path: '/v2/messages', fields: { messaging_profile_id: ACME_PROFILE, to: CONSENTED, from: ACME_NUMBER, text: 'hi' } },
    ];
    for (const { path, fields } of cases) {
      const body = JSON.stringify(fields).replace(/}$/, `,"custom_headers":${deep(20000)}}`);
      const res = await fetch(`${s.gw.url}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
        body,
      });
      expect(res.status, path).toBe(400);
      const answer = (await res.json()) as { errors: { code: string }[] };
      expect(answer.errors[0].code, path).toBe('10015');
      expect(s.telnyx.received('POST', path), path).toHaveLength(0);
    }
    expect(await decisionCount()).toBe(before);
  });

  it('ordinary nesting still dials', async () => {
    const body = { connection_id: ACME_CONNECTION, to: CONSENTED, from: ACME_NUMBER, custom_headers: [{ name: 'X-Trace', value: 'abc' }] };
    const res = await fetch(`${s.gw.url}/v2/calls`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    expect(s.telnyx.received('POST', '/v2/calls')).toHaveLength(1);
  });
});
