/**
 * Reads a request body into memory, up to a limit. Only for what the gateway
 * must look inside (the fast lane's JSON, gated carrier requests, webhooks —
 * a few KB); pass-through traffic is streamed and never comes here.
 */
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError } from '../errors';

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw new BodyTooLargeError(`body of ${declared} bytes exceeds ${limitBytes}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new BodyTooLargeError(`body exceeds ${limitBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
