/** POST /v1/detect over HTTP: what an agent platform that prefers HTTP to the stream sees. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway';

describe('POST /v1/detect', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  const detect = (body: Record<string, unknown>) => request(gw.url).post('/v1/detect').set(gw.auth).send(body);

  it('voice speech that may be an opt-out is possible_opt_out, with the phrase that fired', async () => {
    const res = await detect({ text: "I'm not interested", channel: 'voice' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ intent: 'possible_opt_out', matched: 'possible:en:not interested', confidence: 0.5, lang: 'en' });
    expect((await detect({ text: '¿Quién le dio mi número?', channel: 'voice', lang: 'es' })).body).toMatchObject({ intent: 'possible_opt_out', lang: 'es' });
  });

  it('the same words by text are not: SMS never asks', async () => {
    expect((await detect({ text: "I'm not interested", channel: 'sms' })).body.intent).toBe('none');
  });

  it('/openapi.json lists the five intents of the answer', async () => {
    const openapi = (await request(gw.url).get('/openapi.json')).body;
    const schema = openapi.paths['/v1/detect'].post.responses['200'].content['application/json'].schema;
    expect(schema.properties.intent.enum).toEqual(['opt_out', 'possible_opt_out', 'opt_in', 'help', 'none']);
  });
});
