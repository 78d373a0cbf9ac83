/**
 * Twilio webhooks act once. A signed Twilio webhook has no timestamp: whoever
 * captured one (a START, a DTMF 9) can send it again at any time, to any
 * instance. The repeat is relayed to the application but changes nothing:
 * an opt-in replayed after a later opt-out never re-subscribes, not after a
 * restart, not after the gateway's memory of webhooks has expired.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attrsOf, elementsOf, parseTwiml, tagOf } from '../../adapters/twiml';
import { sqliteLedgerFile } from '../../src/ledger/open';
import { ACCOUNT_SID, ACME, ACME_NUMBER, AUTH_TOKEN, NOON_ISH, seedConsent, startStack, TWIML, type Stack } from './harness';

/** Where Twilio is told the gateway is: signatures are over this URL, whichever port the gateway happens to listen on. */
const PUBLIC_BASE_URL = 'https://gateway.example.test';

/** One inbound text, signed once, as an attacker would capture it: the same bytes can be sent again at any time. */
function capturedText(from: string, body: string, messageSid: string) {
  const params = { AccountSid: ACCOUNT_SID, ApiVersion: '2010-04-01', MessageSid: messageSid, From: from, To: ACME_NUMBER, Body: body, NumMedia: '0' };
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/twilio/sms`, params);
  return {
    messageSid,
    send: (s: Stack) =>
      fetch(`${s.gw.url}/twilio/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      }),
  };
}

async function textDecision(s: Stack, phone: string): Promise<{ allowed: boolean; reason?: string }> {
  const res = await request(s.gw.url).post('/v1/sms/pre-send').set(s.gw.auth).send({ phone, sending_entity: ACME, message_type: 'transactional' });
  expect(res.status).toBe(200);
  return res.body;
}

const sid = (n: number) => 'SM' + String(n).padStart(32, '0');

describe('a replayed Twilio text is relayed but acted on once', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-replay-'));
  let s: Stack;
  const start = async () => {
    s = await startStack({ DATA_DIR: dataDir, PUBLIC_BASE_URL });
    s.app.on('/twilio/sms', { body: TWIML('<Message>Thanks!</Message>') });
  };
  afterEach(async () => {
    await s?.stop();
  });

  it('a captured START sent again after a later STOP re-subscribes nobody: not at once, not after a restart, not once the webhook is forgotten', async () => {
    const consumer = '+12125553001';
    await start();
    expect((await capturedText(consumer, 'STOP', sid(1)).send(s)).status).toBe(200);
    s.clock.advance(60_000);
    const optIn = capturedText(consumer, 'START', sid(2));
    expect((await optIn.send(s)).status).toBe(200);
    expect(await textDecision(s, consumer)).toMatchObject({ allowed: true });
    s.clock.advance(60_000);
    expect((await capturedText(consumer, 'STOP', sid(3)).send(s)).status).toBe(200);
    expect(await textDecision(s, consumer)).toMatchObject({ allowed: false, reason: 'consumer_revoked' });

    s.clock.advance(60_000);
    const replay = await optIn.send(s);
    expect(replay.status).toBe(200);
    expect(await textDecision(s, consumer)).toMatchObject({ allowed: false, reason: 'consumer_revoked' });
    // Relayed to the application like the first delivery, but no text goes out a second time.
    expect(s.app.received('/twilio/sms').filter((r) => r.form.MessageSid === optIn.messageSid)).toHaveLength(2);
    expect(elementsOf(parseTwiml(await replay.text()).verbs)).toEqual([]);

    // Another instance (a restart, here) knows the START was acted on.
    await s.stop();
    await start();
    s.clock.set(new Date(Date.parse(NOON_ISH) + 10 * 60_000));
    expect((await optIn.send(s)).status).toBe(200);
    expect(await textDecision(s, consumer)).toMatchObject({ allowed: false, reason: 'consumer_revoked' });

    // Weeks later the webhook itself is forgotten (its mark expired); the consent it made still names its MessageSid.
    const db = new Database(sqliteLedgerFile({ DATA_DIR: dataDir }));
    db.exec('DELETE FROM webhook_marks');
    db.close();
    s.clock.advance(30 * 86_400_000);
    expect((await optIn.send(s)).status).toBe(200);
    expect(await textDecision(s, consumer)).toMatchObject({ allowed: false, reason: 'consumer_revoked' });

    // A START the consumer really sends (a new text) re-subscribes, as it always did.
    s.clock.advance(60_000);
    expect((await capturedText(consumer, 'START', sid(4)).send(s)).status).toBe(200);
    expect(await textDecision(s, consumer)).toMatchObject({ allowed: true });
  });
});

describe('a replayed DTMF opt-out is acted on once', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s.stop();
  });

  it('pressing 9 sent again after the consumer consented anew does not revoke the new consent', async () => {
    const consumer = '+12125553002';
    await seedConsent(s, consumer, ACME, ['ai_voice', 'telemarketing']);
    s.app.on('/voice/replay', { body: TWIML('<Say>Hi from the app</Say>') });
    const call = await s.client.calls.create({ to: consumer, from: ACME_NUMBER, url: s.app.url + '/voice/replay' });
    const first = await s.emulator.answer(call.sid);
    const gather = elementsOf(parseTwiml(first).verbs).find((v) => tagOf(v) === 'Gather')!;
    const action = attrsOf(gather).action;
    await s.emulator.pressDigits(call.sid, action, '9');
    const precall = () =>
      request(s.gw.url).post('/v1/precall').set(s.gw.auth).send({ phone: consumer, calling_entity: ACME, purpose: 'telemarketing', call_type: 'ai_voice' });
    expect((await precall()).body).toMatchObject({ allowed: false, reason: 'consumer_revoked' });

    // The consumer consents again, on the business's web form.
    s.clock.advance(60_000);
    const again = await request(s.gw.url)
      .post('/v1/consents')
      .set(s.gw.auth)
      .send({
        phone: consumer,
        calling_entity: ACME,
        type: 'prior_express_written',
        scope: ['ai_voice', 'telemarketing'],
        ai_specific_consent: true,
        captured_at: s.clock.now().toISOString(),
      });
    expect(again.status).toBe(201);
    s.clock.advance(60_000);
    expect((await precall()).body).toMatchObject({ allowed: true });

    // The same gather action, posted again: the caller still hears goodbye, and nothing is revoked a second time.
    s.clock.advance(60_000);
    const repeat = await s.emulator.pressDigits(call.sid, action, '9');
    expect(elementsOf(parseTwiml(repeat).verbs).map(tagOf)).toEqual(['Say', 'Hangup']);
    expect((await precall()).body).toMatchObject({ allowed: true });
  });
});
