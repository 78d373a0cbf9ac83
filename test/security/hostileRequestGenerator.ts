/**
 * The hostile requests the fuzz test sends (hostileRequests.fuzz.test.ts):
 * seeded, so a failure replays, and shaped after the ways a gate is walked
 * around — odd paths, borrowed accounts, duplicated fields, compressed
 * bodies, dates at the edges — against every gated route of both carriers
 * and the /v1 API. The deployment's fixed names are here too, so the test and
 * the generator agree on them.
 */
import { gzipSync } from 'node:zlib';
import { pick } from '../support/random';

export const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
export const AUTH_TOKEN = 'twilio_test_auth_token_0123456789';
export const OTHER_ACCOUNT = 'AC' + 'f'.repeat(32);
export const TELNYX_KEY = 'KEY0123456789ABCDEF_telnyx_test_key';
export const NOON_ISH = '2026-04-10T18:00:00Z';
export const ACME = 'Acme Insurance LLC';
export const ACME_NUMBER = '+12125550100';
export const OTHER_ENTITY = 'Other Org Corp';
export const CONSENTED = '+12125550143';
export const STRANGERS = ['+12125550199', '+13125550111', '2125550177', '+442071838750', '+15551234567'];

export interface HostileRequest {
  method: string;
  /** The request target exactly as sent, unnormalised. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export function generator(next: () => number, canaryPort: () => number, adminKey: string): () => HostileRequest {
  const chance = (p: number) => next() < p;
  const to = () => (chance(0.35) ? pick(next, [CONSENTED, '2125550143', '+1 (212) 555-0143']) : pick(next, STRANGERS));
  const hugeDate = () =>
    pick(next, [
      '9999-12-31T23:59:59Z',
      '0000-01-01T00:00:00Z',
      '2099-01-01T00:00:00Z',
      '1970-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      'not a date',
      '2026-04-11T02:30:00Z',
      '',
    ]);
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  /** Twist a path the way an attacker would, hoping the gate and the carrier read it differently. */
  const twist = (path: string): string => {
    const segs = path.split('/');
    const i = 1 + Math.floor(next() * (segs.length - 1));
    switch (Math.floor(next() * 18)) {
      case 0:
        return path;
      case 1:
        return path.toLowerCase();
      case 2:
        return [...segs.slice(0, i), 'x', '..', ...segs.slice(i)].join('/');
      case 3:
        return [...segs.slice(0, i), '%2e%2e', ...segs.slice(i - 1)].join('/');
      case 4:
        return path + pick(next, ['/.', '/', '/./', '/%2e', '.json', '.xml', ';x=1', '%00', '%', '%zz', '#frag', '/..']);
      case 5:
        return path.replace('/', '//');
      case 6:
        return segs.join(pick(next, ['/./', '\\', '%2f', '%2F', '%5c', '//']));
      case 7:
        return path.replace(/[A-Za-z]/, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
      case 8:
        return `//${segs[1]}%2F@127.0.0.1:${canaryPort()}/${segs.slice(2).join('/')}`;
      case 9:
        return `http://127.0.0.1:${canaryPort()}${path}`;
      case 10:
        return `/twilio/upstream/${pick(next, ['messaging.twilio.com', 'x.twilio.com@127.0.0.1', `127.0.0.1:${canaryPort()}`, 'evil.com', 'messaging.twilio.com.evil.com', 'messaging.twilio.com:' + canaryPort()])}${pick(next, ['/', '//', '/\\', '/%2f%2f'])}127.0.0.1:${canaryPort()}/x`;
      case 11:
        return path.replace(/\//g, () => (chance(0.2) ? '/%2e/' : '/'));
      case 12:
        return path + '?To=' + encodeURIComponent(pick(next, STRANGERS)) + '&to=' + encodeURIComponent(pick(next, STRANGERS));
      case 13:
        return path.replace('/', '/\t');
      case 14:
        return path.toUpperCase();
      case 15:
        return path.replace(/\/([^/]+)$/, '/%2e%2e/' + segs[segs.length - 2] + '/$1');
      case 16:
        return '/' + encodeURIComponent(path.slice(1));
      default:
        return path.replace(/(\/[^/]+)$/, '$1/..$1');
    }
  };

  const twilioAuth = (): Record<string, string> =>
    pick<Record<string, string>>(next, [
      { authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64') },
      { authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64') },
      { authorization: 'Basic ' + Buffer.from(`${OTHER_ACCOUNT}:guess`).toString('base64') },
      { authorization: 'Bearer x' },
      {},
    ]);

  const withEncoding = (body: Buffer, headers: Record<string, string>): Buffer => {
    if (!chance(0.12)) return body;
    headers['content-encoding'] = pick(next, ['gzip', 'deflate', 'br', 'gzip, gzip']);
    return chance(0.5) ? gzipSync(body) : Buffer.from('\x1f\x8bnot really gzip');
  };

  const twilioForm = (route: string): string => {
    const p = new URLSearchParams();
    p.append('To', to());
    if (chance(0.15)) p.append('To', pick(next, STRANGERS));
    if (chance(0.1)) p.append('to', pick(next, STRANGERS));
    p.append('From', chance(0.85) ? ACME_NUMBER : pick(next, ['+13125550100', 'whatsapp:+12125550100', '']));
    if (chance(0.1)) p.append('From', '+13125550100');
    if (route === 'messages') {
      p.append('Body', 'Hello');
      if (chance(0.2)) {
        p.append('SendAt', hugeDate());
        p.append('ScheduleType', 'fixed');
      }
    } else {
      if (chance(0.5)) p.append('Url', pick(next, ['https://app.example/voice', 'javascript:alert(1)', `http://127.0.0.1:${canaryPort()}/twiml`, '']));
      else
        p.append(
          'Twiml',
          pick(next, [
            '<Response><Say>Hi</Say></Response>',
            `<Response><Dial><Number>${pick(next, STRANGERS)}</Number></Dial></Response>`,
            `<Response><Dial>${pick(next, STRANGERS)}</Dial></Response>`,
            '<Response><Say>unclosed',
            '<!DOCTYPE x [<!ENTITY a "aaaa">]><Response>&a;</Response>',
          ]),
        );
    }
    return p.toString();
  };

  const twilioRequest = (): HostileRequest => {
    const route = pick(next, ['calls', 'messages', 'messages', 'participants', 'update']);
    const account = chance(0.85) ? ACCOUNT_SID : OTHER_ACCOUNT;
    const tail = {
      calls: 'Calls.json',
      messages: pick(next, ['Messages.json', 'SMS/Messages.json']),
      participants: 'Conferences/CF0123/Participants.json',
      update: `Calls/CA${'1'.repeat(32)}.json`,
    }[route];
    const headers: Record<string, string> = {
      ...twilioAuth(),
      'content-type': pick(next, [
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded',
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
      ]),
    };
    if (chance(0.15)) headers['x-consent-entity'] = pick(next, [OTHER_ENTITY, ACME, 'Nobody LLC', 'x'.repeat(300)]);
    if (chance(0.05)) headers['x-consent-purpose'] = pick(next, ['transactional', 'bogus']);
    let body: Buffer = Buffer.from(route === 'update' ? (chance(0.5) ? 'Status=completed' : twilioForm('calls')) : twilioForm(route));
    if (chance(0.03)) body = Buffer.alloc(400 * 1024, 'To=%2B12125550199&');
    body = withEncoding(body, headers);
    return { method: chance(0.95) ? 'POST' : pick(next, ['PUT', 'GET', 'DELETE']), path: twist(`/2010-04-01/Accounts/${account}/${tail}`), headers, body };
  };

  const telnyxRequest = (): HostileRequest => {
    const path = pick(next, [
      '/v2/calls',
      '/v2/messages',
      '/v2/messages/long_code',
      '/v2/messages/number_pool',
      '/v2/messages/group_mms',
      `/v2/calls/v3:abc/actions/transfer`,
      `/v2/texml/Accounts/${ACCOUNT_SID}/Calls`,
      '/v2/texml/calls/1684641123236054244',
    ]);
    const headers: Record<string, string> = {
      ...pick<Record<string, string>>(next, [
        { authorization: `Bearer ${TELNYX_KEY}` },
        { authorization: `Bearer ${TELNYX_KEY}` },
        { authorization: 'Bearer KEYguess' },
        {},
      ]),
      'content-type': pick(next, ['application/json', 'application/json', 'application/x-www-form-urlencoded', 'text/plain']),
    };
    if (chance(0.15)) headers['x-consent-entity'] = pick(next, [OTHER_ENTITY, ACME, 'Nobody LLC']);
    const recipient = chance(0.15) ? [to(), to()] : to();
    let text: string;
    switch (Math.floor(next() * 6)) {
      case 0:
        text = `{"to":${JSON.stringify(recipient)},"to":"${pick(next, STRANGERS)}","from":"${ACME_NUMBER}","connection_id":"c1","text":"hi"}`;
        break;
      case 1:
        text = `{"to":${JSON.stringify(recipient)},"from":"${ACME_NUMBER}","connection_id":"c1","text":"hi","webhook_url":"https://app.example/hook","meta":${chance(0.5) ? nested(5000) : nestedObject(3000)}}`;
        break;
      case 2:
        text = JSON.stringify({
          to: recipient,
          from: ACME_NUMBER,
          text: 'hi',
          send_at: hugeDate(),
          connection_id: 'c1',
          webhook_url: 'https://app.example/hook',
        });
        break;
      case 3:
        text = pick(next, ['{', 'null', '[]', '"x"', '{"to":null}', '{"to":{"$ne":1}}', '\ufeff{"to":"+12125550199"}']);
        break;
      case 4:
        text = `to=${encodeURIComponent(pick(next, STRANGERS))}&to=${encodeURIComponent(CONSENTED)}&from=${encodeURIComponent(ACME_NUMBER)}`;
        break;
      default:
        text = JSON.stringify({
          to: recipient,
          from: ACME_NUMBER,
          connection_id: 'c1',
          text: 'hi',
          webhook_url: 'https://app.example/hook',
          Url: 'https://app.example/texml',
        });
    }
    const body = withEncoding(Buffer.from(text), headers);
    return { method: chance(0.95) ? 'POST' : 'PATCH', path: twist(path), headers, body };
  };

  const v1Request = (): HostileRequest => {
    const path = pick(next, [
      '/v1/precall',
      '/v1/sms/pre-send',
      '/v1/consents',
      '/v1/consents/import',
      '/v1/revoke',
      '/v1/consents/%zz',
      '/v1/decisions/%E0%A4%A',
      '/v1/keys',
    ]);
    const headers: Record<string, string> = {
      ...pick<Record<string, string>>(next, [
        { authorization: `Bearer ${adminKey}` },
        { authorization: `Bearer ${adminKey}` },
        { authorization: 'Bearer cg_live_guess' },
        {},
      ]),
      'content-type': path.endsWith('import')
        ? pick(next, ['text/csv', 'application/json'])
        : pick(next, ['application/json', 'application/json', 'text/csv', 'application/x-www-form-urlencoded']),
    };
    let body: Buffer;
    if (chance(0.08)) {
      // A compression bomb: 64 MB of zeros in about 64 KB.
      headers['content-encoding'] = 'gzip';
      body = bomb;
    } else if (path.endsWith('import')) {
      body = Buffer.from(
        `phone,calling_entity,type,scope,ai_specific_consent,captured_at\n${to()},${ACME},prior_express_written,sms,true,${hugeDate()}\n=HYPERLINK("http://x"),${ACME},prior_express,sms,false,2026-01-01T00:00:00Z\n`,
      );
    } else {
      const json: Record<string, unknown> = {
        phone: to(),
        calling_entity: chance(0.8) ? ACME : OTHER_ENTITY,
        sending_entity: ACME,
        purpose: pick(next, ['telemarketing', 'transactional', 'nope']),
        call_type: 'ai_voice',
        message_type: 'marketing',
        trigger: 'manual',
        type: 'prior_express_written',
        scope: ['ai_voice', 'telemarketing', 'sms', 'marketing'],
        ai_specific_consent: true,
        captured_at: hugeDate(),
        expires_at: chance(0.2) ? hugeDate() : undefined,
      };
      if (chance(0.3)) json.call_at = hugeDate();
      if (chance(0.3)) json.send_at = hugeDate();
      let text = JSON.stringify(json);
      if (chance(0.1)) text = text.replace(/}$/, `,"metadata":${nestedObject(2000)}}`);
      if (chance(0.05)) text = nested(10000);
      if (chance(0.05)) text = text.slice(0, Math.floor(text.length / 2));
      body = withEncoding(Buffer.from(text), headers);
    }
    return { method: chance(0.9) ? 'POST' : 'GET', path: chance(0.7) ? path : twist(path), headers, body };
  };

  const escapeUpstream = (): HostileRequest => ({
    method: pick(next, ['GET', 'POST']),
    path: pick(next, [
      `//2010-04-01%2F@127.0.0.1:${canaryPort()}/latest/meta-data`,
      `//v2%2F@127.0.0.1:${canaryPort()}/internal/admin`,
      `/twilio/upstream/messaging.twilio.com//127.0.0.1:${canaryPort()}/x`,
      `/2010-04-01/..%2f..%2f@127.0.0.1:${canaryPort()}/x`,
      `/v2/%2e%2e/%2e%2e/@127.0.0.1:${canaryPort()}`,
      `http://127.0.0.1:${canaryPort()}/v2/calls`,
      `/\\127.0.0.1:${canaryPort()}/v2/calls`,
      `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json/..%5c..%5c..%5c@127.0.0.1:${canaryPort()}`,
    ]),
    headers: { authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'), 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.from(`To=${encodeURIComponent(CONSENTED)}&From=${encodeURIComponent(ACME_NUMBER)}&Body=x`),
  });

  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  return () => {
    const r = next();
    if (r < 0.4) return twilioRequest();
    if (r < 0.7) return telnyxRequest();
    if (r < 0.92) return v1Request();
    return escapeUpstream();
  };
}
