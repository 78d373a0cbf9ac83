/**
 * An answer an adapter writes back to the carrier's SDK, whatever made it
 * (a dialect's refusal, a path check, the forwarding code): status, headers
 * and body, sent once.
 */
import type { ServerResponse } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function sendAnswer(res: ServerResponse, answer: HttpAnswer): void {
  if (res.headersSent) return;
  res.writeHead(answer.status, { 'content-length': String(Buffer.byteLength(answer.body)), ...answer.headers });
  res.end(answer.body);
}
