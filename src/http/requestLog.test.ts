import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { logRequest } from './requestLog';

/** A logger redacting as the gateway's does (a wildcard path among them), its lines kept. */
function capturing() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino(
    {
      level: 'info',
      base: { service: 'consent-gate' },
      redact: { paths: ['authorization', '*.authorization', 'secret'], censor: '[redacted]' },
      timestamp: () => ',"time":"T"',
    },
    sink,
  );
  return { logger, lines, flushed: () => new Promise((r) => setImmediate(r)) };
}

describe('logRequest', () => {
  it('writes the line the logger itself would write', async () => {
    const { logger, lines, flushed } = capturing();
    logRequest(logger, 'req_"odd"\\id', 'POST', '/v1/précall', 200, process.hrtime.bigint());
    await flushed();
    const ms = JSON.parse(lines[0]).ms;
    logger.info({ request_id: 'req_"odd"\\id', method: 'POST', path: '/v1/précall', status: 200, ms }, 'request');
    await flushed();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(lines[1]);
  });

  it("follows the logger's level when it changes", async () => {
    const { logger, lines, flushed } = capturing();
    logRequest(logger, 'req_one_one_one', 'POST', '/v1/precall', 200, process.hrtime.bigint());
    logger.level = 'warn';
    logRequest(logger, 'req_two_two_two', 'POST', '/v1/precall', 200, process.hrtime.bigint());
    await flushed();
    expect(lines.map((l) => JSON.parse(l).request_id)).toEqual(['req_one_one_one']);
  });
});
