/**
 * Do-not-call lists in decisions, over real HTTP against a real gateway: lists imported through
 * the API, consents captured through the API, then /v1/precall and /v1/sms/pre-send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/gate/clock';
import { startTestGateway } from '../support/gateway';

const ENTITY = 'Acme Insurance LLC';
// 10:00 in New York and in Austin: inside every calling window.
const NOW = '2026-12-05T15:00:00Z';

async function startWithLists(overrides: Record<string, unknown> = {}) {
  const clock = new FixedClock(new Date(NOW));
  const gw = await startTestGateway(overrides, { clock });
  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${gw.url}${path}`, { method: 'POST', headers: { ...gw.auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as Record<string, unknown>;
  };
  const importList = async (list: string, asOf: string, text: string, mode = 'full') => {
    const res = await fetch(`${gw.url}/v1/dnc/${list}/import?as_of=${asOf}&mode=${mode}`, {
      method: 'POST',
      headers: { ...gw.auth, 'Content-Type': 'text/plain' },
      body: text,
    });
    expect(res.status).toBe(200);
  };
  // Within REASSIGNED_CHECK_AFTER_DAYS of NOW: these answers carry no reassigned-number note.
  const consent = (phone: string, type: string, scope: string[], captured_at = '2026-11-20T12:00:00Z') =>
    call('/v1/consents', {
      phone,
      calling_entity: ENTITY,
      type,
      scope,
      ai_specific_consent: false,
      captured_at,
      evidence: { url: 'https://acme.example/form', source: 'web_form' },
    });
  const precall = (phone: string, purpose = 'telemarketing') => call('/v1/precall', { phone, calling_entity: ENTITY, purpose, call_type: 'human_voice' });
  const presend = (phone: string, message_type: string) => call('/v1/sms/pre-send', { phone, sending_entity: ENTITY, message_type });
  return { gw, clock, importList, consent, precall, presend };
}

describe('do-not-call lists in decisions', () => {
  let t: Awaited<ReturnType<typeof startWithLists>>;
  beforeAll(async () => {
    t = await startWithLists();
    await t.importList('national', '2026-12-01', '2125550101\n2125550102\n2125550103\n2125550104\n2125550105\n2125550106\n');
    // A Texas copy five weeks old: stale.
    await t.importList('state:TX', '2026-10-30', '5125550199\n');
    await t.importList('internal', '2026-12-01', '2125550120\n2125550121\n');
  });
  afterAll(async () => {
    await t?.gw.close();
  });

  it('a telemarketing call to a listed number on a prior express consent is blocked, naming the list', async () => {
    await t.consent('+12125550101', 'prior_express', ['human_voice', 'telemarketing']);
    expect(await t.precall('+12125550101')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'national' });
  });

  it('a prior express written consent overrides the registry', async () => {
    await t.consent('+12125550102', 'prior_express_written', ['human_voice', 'telemarketing']);
    expect(await t.precall('+12125550102')).toMatchObject({ allowed: true, compliance_notes: [] });
  });

  it('an established business relationship inside its 18 months overrides the registry; one past them does not', async () => {
    await t.consent('+12125550103', 'established_business_relationship', ['human_voice', 'telemarketing'], '2025-07-01T00:00:00Z');
    expect(await t.precall('+12125550103')).toMatchObject({ allowed: true });
    // The call rests on a prior express consent; the relationship beside it ended 19 months ago.
    await t.consent('+12125550104', 'prior_express', ['human_voice', 'telemarketing']);
    await t.consent('+12125550104', 'established_business_relationship', ['human_voice', 'telemarketing'], '2025-05-01T00:00:00Z');
    expect(await t.precall('+12125550104')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'national' });
  });

  it('informational calls and transactional texts to a listed number are untouched by the registry', async () => {
    await t.consent('+12125550105', 'prior_express', ['human_voice', 'informational', 'sms']);
    expect(await t.precall('+12125550105', 'informational')).toMatchObject({ allowed: true });
    expect(await t.presend('+12125550105', 'transactional')).toMatchObject({ allowed: true });
  });

  it('a number on no list, in a fresh list area code, is allowed', async () => {
    await t.consent('+12125550110', 'prior_express', ['human_voice', 'telemarketing']);
    expect(await t.precall('+12125550110')).toMatchObject({ allowed: true, compliance_notes: [] });
  });

  it('the internal list blocks every purpose, texts included, until a consent captured after the listing', async () => {
    await t.consent('+12125550120', 'prior_express_written', ['human_voice', 'informational', 'sms'], '2026-11-01T00:00:00Z');
    expect(await t.precall('+12125550120', 'informational')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'internal' });
    expect(await t.presend('+12125550120', 'transactional')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'internal' });
    await t.consent('+12125550121', 'prior_express', ['human_voice', 'informational'], '2026-12-03T00:00:00Z');
    expect(await t.precall('+12125550121', 'informational')).toMatchObject({ allowed: true });
  });

  it('a stale registry copy blocks the covered contacts of its area codes with stale: true', async () => {
    await t.consent('+15125550100', 'prior_express', ['human_voice', 'telemarketing', 'informational']);
    expect(await t.precall('+15125550100')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'state:TX', stale: true });
    expect(await t.precall('+15125550100', 'informational')).toMatchObject({ allowed: true });
  });
});

describe('do-not-call lists in decisions, DNC_STALE_POLICY=warn', () => {
  it('a stale copy lets the call through with a compliance note; a listing on a fresh copy still blocks', async () => {
    const t = await startWithLists({ DNC_STALE_POLICY: 'warn' });
    try {
      await t.importList('state:TX', '2026-10-30', '5125550199\n');
      await t.importList('national', '2026-12-01', '5125550198\n');
      await t.consent('+15125550100', 'prior_express', ['human_voice', 'telemarketing']);
      const answer = await t.precall('+15125550100');
      expect(answer).toMatchObject({ allowed: true });
      expect(answer.compliance_notes).toEqual([expect.stringMatching(/state:TX do-not-call copy \(as of 2026-10-30\) is more than 31 days old/)]);
      await t.consent('+15125550198', 'prior_express', ['human_voice', 'telemarketing']);
      expect(await t.precall('+15125550198')).toMatchObject({ allowed: false, reason: 'do_not_call', list: 'national' });
    } finally {
      await t.gw.close();
    }
  });
});
