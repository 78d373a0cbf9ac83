/**
 * Reads a request body into memory, up to a limit. Only for what the gateway
 * must look inside (the fast lane's JSON, gated carrier requests, webhooks —
 * a few KB); pass-through traffic is streamed and never comes here.
 *
 * Read with the stream's own events rather than `for await`: the async
 * iterator and the end-of-stream watcher it sets up cost every precall and
 * pre-send more than the body itself. What a caller sees is the same: the
 * chunks in order, a body past the limit refused and the request destroyed
 * (the iterator's early return destroys it too), the stream's error passed
 * on, a request closed before its end refused as premature. A stream some
 * other reader has started on, or that has already ended, goes through the
 * iterator as before.
 */
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError } from '../errors';

// Not async: the promise it returns is the caller's, not wrapped in another.
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(new BodyTooLargeError(`body of ${declared} bytes exceeds ${limitBytes}`));
  if (req.readableFlowing !== null || req.readableEnded || req.destroyed) return iterated(req, limitBytes);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      reject(err);
    };
    // Read as the iterator reads: what has arrived, synchronously, each time more is readable.
    req.on('readable', () => {
      let chunk: Buffer | null;
      while (!settled && (chunk = req.read()) !== null) {
        size += chunk.length;
        if (size > limitBytes) {
          fail(new BodyTooLargeError(`body exceeds ${limitBytes} bytes`));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    req.on('error', fail);
    // As the iterator's end-of-stream watcher reports a request closed before its end (an error is made only then: its stack is dear).
    req.on('close', () => settled || fail(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })));
  });
}

async function iterated(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new BodyTooLargeError(`body exceeds ${limitBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
