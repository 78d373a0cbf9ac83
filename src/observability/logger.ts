/**
 * JSON logs with pino. Phone numbers are masked (`+1212*****43`) wherever we
 * log them, transcripts and message bodies are only ever logged at debug, and
 * request paths are logged without their query string (which may carry a
 * phone number).
 */
import pino, { type Logger } from 'pino';

export type { Logger };

/** Log lines wait in memory until this many bytes, or FLUSH_MS, whichever comes first. */
const BUFFER_BYTES = 4096;
const FLUSH_MS = 200;

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  // Buffered and asynchronous: a gated call logs two or three lines, and each write is a system
  // call (a blocking one, with pino's default), a visible share of a busy gateway's main thread.
  // Lines now leave in batches at most FLUSH_MS late; pino flushes what is left
  // synchronously on exit. A kill -9 can lose the last lines, never a record (records are in the ledger).
  const destination = pino.destination({ dest: 1, sync: false, minLength: BUFFER_BYTES });
  // flush() throws once the stream is ended (pino ends it on beforeExit, while this timer may still tick);
  // `destroyed` is SonicBoom's own flag, missing from its type.
  const ended = () => (destination as unknown as { destroyed: boolean }).destroyed;
  setInterval(() => ended() || destination.flush(), FLUSH_MS).unref();
  return pino(
    {
      level,
      base: { service: 'consent-gate' },
      redact: { paths: ['req.headers.authorization', 'authorization', '*.authorization', 'api_key', 'secret'], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that writes nothing: tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
