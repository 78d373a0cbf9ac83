/**
 * Reassigned numbers in decisions, over real HTTP: a real gateway asks the Twilio Lookup
 * emulator (REASSIGNED_SOURCE=twilio) or the org's imported RND results before it relies on
 * a consent older than REASSIGNED_CHECK_AFTER_DAYS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwilioLookupEmulator } from '../emulators/twilioLookup';
import { OLD_CONSENT, YOUNG_CONSENT, startLookupEmulator, startReassignedGateway } from './support';

describe('reassigned numbers through Twilio Lookup', () => {
  let lookup: TwilioLookupEmulator;
  let t: Awaited<ReturnType<typeof startReassignedGateway>>;
  beforeAll(async () => {
    lookup = await startLookupEmulator();
    t = await startReassignedGateway(lookup);
  });
  afterAll(async () => {
    await t?.gw.close();
    await lookup?.stop();
  });

  it('a number Lookup says was reassigned since the consent is blocked, and Lookup was asked with the consent date', async () => {
    lookup.answers.set('+12125550201', 'yes');
    const consent = await t.consent('+12125550201', OLD_CONSENT);
    expect(await t.precall('+12125550201')).toMatchObject({
      allowed: false,
      reason: 'number_reassigned',
      consent_id: consent.consent_id,
      consent_date: '2026-10-01',
      source: 'twilio_lookup',
      compliance_notes: [expect.stringContaining('permanently disconnected')],
    });
    const [asked] = lookup.about('+12125550201');
    expect(asked.query.get('Fields')).toBe('reassigned_number');
    expect(asked.query.get('LastVerifiedDate')).toBe('20261001');
  });

  it('a number Lookup says was not reassigned is allowed, with no note', async () => {
    lookup.answers.set('+12125550202', 'no');
    await t.consent('+12125550202', OLD_CONSENT);
    expect(await t.precall('+12125550202')).toMatchObject({ allowed: true, compliance_notes: [] });
    expect(lookup.about('+12125550202')).toHaveLength(1);
  });

  it('no data is allowed with a note saying the consent is relied on unverified', async () => {
    lookup.answers.set('+12125550203', 'no_data_available');
    await t.consent('+12125550203', OLD_CONSENT);
    expect(await t.precall('+12125550203')).toMatchObject({
      allowed: true,
      compliance_notes: [expect.stringMatching(/no disconnection data for this number since 2026-10-01/)],
    });
  });

  it('the answer is cached: two precalls and a text on one consent ask Lookup once', async () => {
    lookup.answers.set('+12125550204', 'no');
    await t.consent('+12125550204', OLD_CONSENT);
    expect(await t.precall('+12125550204')).toMatchObject({ allowed: true });
    expect(await t.precall('+12125550204')).toMatchObject({ allowed: true });
    expect(await t.presend('+12125550204')).toMatchObject({ allowed: true });
    expect(lookup.about('+12125550204')).toHaveLength(1);
  });

  it('a text to a reassigned number is blocked too', async () => {
    lookup.answers.set('+12125550205', 'yes');
    await t.consent('+12125550205', OLD_CONSENT);
    expect(await t.presend('+12125550205')).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'twilio_lookup' });
  });

  it('a consent younger than REASSIGNED_CHECK_AFTER_DAYS is relied on without a lookup', async () => {
    lookup.answers.set('+12125550206', 'yes');
    await t.consent('+12125550206', YOUNG_CONSENT);
    expect(await t.precall('+12125550206')).toMatchObject({ allowed: true, compliance_notes: [] });
    expect(await t.presend('+12125550206')).toMatchObject({ allowed: true, compliance_notes: [] });
    expect(lookup.about('+12125550206')).toHaveLength(0);
  });

  it('a call refused by an earlier check makes no lookup', async () => {
    lookup.answers.set('+12125550207', 'yes');
    await t.consent('+12125550207', OLD_CONSENT, ['human_voice', 'informational']);
    expect(await t.precall('+12125550207')).toMatchObject({ allowed: false, reason: 'scope_mismatch' });
    expect(lookup.about('+12125550207')).toHaveLength(0);
  });

  it('imported RND results answer first: a reassigned number is blocked without any Lookup request', async () => {
    lookup.answers.set('+12125550208', 'no');
    await t.consent('+12125550208', OLD_CONSENT);
    const res = await t.importResults('phone,date,result\n2125550208,2026-10-01,yes\n');
    expect(res.status).toBe(200);
    expect(await t.precall('+12125550208')).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'rnd_import', consent_date: '2026-10-01' });
    expect(lookup.about('+12125550208')).toHaveLength(0);
  });

  it('the decision that was blocked is the one stored', async () => {
    lookup.answers.set('+12125550209', 'yes');
    await t.consent('+12125550209', OLD_CONSENT);
    const answer = await t.precall('+12125550209');
    const stored = await fetch(`${t.gw.url}/v1/decisions/${answer.decision_id}`, { headers: t.gw.auth });
    expect(await stored.json()).toMatchObject({ allowed: false, reason: 'number_reassigned', response: answer });
  });
});

describe('a Lookup that cannot answer', () => {
  let lookup: TwilioLookupEmulator;
  beforeAll(async () => {
    lookup = await startLookupEmulator();
  });
  afterAll(async () => {
    await lookup?.stop();
  });

  it('blocks by default (REASSIGNED_ON_ERROR=block), and nothing is cached', async () => {
    const t = await startReassignedGateway(lookup);
    try {
      lookup.mode = 'fail';
      await t.consent('+12125550301', OLD_CONSENT);
      expect(await t.precall('+12125550301')).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'twilio_lookup', source_unavailable: true });
      lookup.mode = 'answer';
      expect(await t.precall('+12125550301')).toMatchObject({ allowed: true });
      expect(lookup.about('+12125550301')).toHaveLength(2);
    } finally {
      lookup.mode = 'answer';
      await t.gw.close();
    }
  });

  it('allows with a note under REASSIGNED_ON_ERROR=allow', async () => {
    const t = await startReassignedGateway(lookup, { REASSIGNED_ON_ERROR: 'allow' });
    try {
      lookup.mode = 'fail';
      await t.consent('+12125550302', OLD_CONSENT);
      expect(await t.precall('+12125550302')).toMatchObject({
        allowed: true,
        compliance_notes: [expect.stringMatching(/could not be made .*REASSIGNED_ON_ERROR=allow/)],
      });
    } finally {
      lookup.mode = 'answer';
      await t.gw.close();
    }
  });

  it('a Lookup slower than its time limit is one that cannot answer: the call is blocked within the limit', async () => {
    const t = await startReassignedGateway(lookup);
    try {
      lookup.mode = 'slow';
      await t.consent('+12125550303', OLD_CONSENT);
      const started = performance.now();
      expect(await t.precall('+12125550303')).toMatchObject({ allowed: false, reason: 'number_reassigned', source_unavailable: true });
      expect(performance.now() - started).toBeLessThan(6000); // the time limit, not the Lookup's 8 s answer
    } finally {
      lookup.mode = 'answer';
      await t.gw.close();
    }
  });

  it('wrong credentials are an error Twilio answers (401), blocked like any other', async () => {
    const t = await startReassignedGateway(lookup, { TWILIO_AUTH_TOKEN: 'not-the-token' });
    try {
      await t.consent('+12125550304', OLD_CONSENT);
      expect(await t.precall('+12125550304')).toMatchObject({ allowed: false, reason: 'number_reassigned', source_unavailable: true });
    } finally {
      await t.gw.close();
    }
  });

  it("an answer carrying Lookup's error_code is no answer", async () => {
    const t = await startReassignedGateway(lookup);
    try {
      lookup.answers.set('+12125550305', { error_code: '60606' });
      await t.consent('+12125550305', OLD_CONSENT);
      expect(await t.precall('+12125550305')).toMatchObject({ allowed: false, reason: 'number_reassigned', source_unavailable: true });
    } finally {
      await t.gw.close();
    }
  });
});

describe('with no reassigned-number source', () => {
  it('decisions are made as before and say that no check ran; a young consent says nothing', async () => {
    const t = await startReassignedGateway(null);
    try {
      await t.consent('+12125550401', OLD_CONSENT);
      expect(await t.precall('+12125550401')).toMatchObject({ allowed: true, compliance_notes: [expect.stringMatching(/^No reassigned-number check ran/)] });
      await t.consent('+12125550402', YOUNG_CONSENT);
      expect(await t.precall('+12125550402')).toMatchObject({ allowed: true, compliance_notes: [] });
    } finally {
      await t.gw.close();
    }
  });

  it("the org's imported results are a source for the numbers they hold, and only those", async () => {
    const t = await startReassignedGateway(null);
    try {
      expect((await t.importResults('+12125550403,2026-10-01,yes\n2125550404,2026-09-01,no\n')).status).toBe(200);
      await t.consent('+12125550403', OLD_CONSENT);
      await t.consent('+12125550404', OLD_CONSENT);
      await t.consent('+12125550405', OLD_CONSENT);
      expect(await t.precall('+12125550403')).toMatchObject({ allowed: false, reason: 'number_reassigned', source: 'rnd_import' });
      // No disconnection since September 1 is none since the consent of October 1.
      expect(await t.precall('+12125550404')).toMatchObject({ allowed: true, compliance_notes: [] });
      expect(await t.precall('+12125550405')).toMatchObject({ allowed: true, compliance_notes: [expect.stringMatching(/^No reassigned-number check ran/)] });
    } finally {
      await t.gw.close();
    }
  });
});
