import { describe, expect, it } from 'vitest';
import { answerJson, decisionJson } from './decisionJson';
import type { Decision } from './records';

/** Decisions as the gate makes them (decisionOf's key order), with the awkward strings a request may carry. */
const allowed: Decision = {
  id: 'dec_1',
  org_id: 'org_default',
  kind: 'precall',
  phone: '+12125550100',
  entity: 'Acme "Quotes" \\ LLC',
  allowed: true,
  reason: null,
  request: {
    phone: '+12125550100',
    calling_entity: 'Acme "Quotes" \\ LLC',
    calling_number: null,
    metadata: { note: 'line\nbreak \u0001 \ud83d\ude00 lone \ud800', response: 1, decided_at: [1.5, null, true], é: {} },
    rules_version: '2026-12-07.2',
  },
  response: {
    allowed: true,
    decision_id: 'dec_1',
    consent: { consent_id: 'cst_1', scope: ['sms', 'ai_voice'], evidence_url: 'https://gate.example/v1/evidence/cst_1?org=o&sig=a-b_c' },
    honor_by_date: null,
    disclosure: { required: true, script: 'Hi, this is an AI assistant.', version: 'v1', delivery_window_seconds: 2 },
    compliance_notes: [],
  },
  decided_at: '2026-04-10T20:00:00.123Z',
};

const blocked: Decision = {
  ...allowed,
  id: 'dec_sms_2',
  kind: 'presend',
  allowed: false,
  reason: 'quiet_hours',
  request: { phone: '+12125550100', metadata: null },
  response: {
    allowed: false,
    decision_id: 'dec_sms_2',
    reason: 'quiet_hours',
    next_allowed_at: '2026-04-11T12:00:00Z',
    jurisdiction: 'FL',
    compliance_notes: ['Outside the calling window.'],
  },
};

describe('decisionJson', () => {
  it('writes the bytes JSON.stringify writes for the whole decision', () => {
    for (const d of [allowed, blocked]) expect(decisionJson(d)).toBe(JSON.stringify(d));
  });

  it('splices in the answer as answerJson serialised it, so the reply and the row carry the same bytes', () => {
    const d: Decision = { ...blocked, response: { ...blocked.response } };
    const reply = answerJson(d.response);
    expect(reply).toBe(JSON.stringify(d.response));
    expect(decisionJson(d)).toContain(`,"response":${reply},"decided_at":`);
    expect(answerJson(d.response)).toBe(reply);
  });
});
