import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError } from '../errors';
import { readBody } from './rawBody';

function request(headers: Record<string, string> = {}): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.headers = headers;
  return req;
}

describe('readBody', () => {
  it('reads the chunks in order, as they arrive', async () => {
    const req = request();
    const body = readBody(req, 100);
    req.push(Buffer.from('{"a":'));
    await new Promise((r) => setImmediate(r));
    req.push(Buffer.from('1}'));
    req.push(null);
    expect((await body).toString()).toBe('{"a":1}');
  });

  it('reads a body of exactly the limit, and an empty body as empty', async () => {
    const full = request();
    const body = readBody(full, 7);
    full.push(Buffer.from('{"a":'));
    full.push(Buffer.from('1}'));
    full.push(null);
    expect((await body).toString()).toBe('{"a":1}');
    const empty = request({ 'content-length': '0' });
    const none = readBody(empty, 7);
    empty.push(null);
    expect((await none).length).toBe(0);
  });

  it('refuses a declared length over the limit without reading', async () => {
    const req = request({ 'content-length': '101' });
    await expect(readBody(req, 100)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(req.readableFlowing).toBe(null);
  });

  it('refuses a body that grows past the limit, and destroys the request', async () => {
    const req = request();
    const body = readBody(req, 4);
    req.push(Buffer.from('{"a":1}'));
    await expect(body).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(req.destroyed).toBe(true);
  });

  it('passes on the stream error', async () => {
    const req = request();
    const body = readBody(req, 100);
    req.destroy(new Error('aborted'));
    await expect(body).rejects.toThrow('aborted');
  });

  it('refuses a request closed before its end as premature', async () => {
    const req = request();
    const body = readBody(req, 100);
    req.push(Buffer.from('{"a":'));
    req.destroy();
    await expect(body).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('reads a stream another reader has started as before', async () => {
    const req = request();
    req.pause();
    const body = readBody(req, 100);
    req.push(Buffer.from('{}'));
    req.push(null);
    expect((await body).toString()).toBe('{}');
  });
});
