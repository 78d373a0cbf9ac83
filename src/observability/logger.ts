/**
 * JSON logs with pino. Phone numbers are masked (`+1212*****43`) wherever we
 * log them, transcripts and message bodies are only ever logged at debug, and
 * request paths are logged without their query string (which may carry a
 * phone number).
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { service: 'consent-gate' },
      redact: { paths: ['req.headers.authorization', 'authorization', '*.authorization', 'api_key', 'secret'], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Asynchronous: a gated call logs two or three lines, and a blocking write to a pipe per line
    // measured as ~5% of the gateway's main thread. Lines written meanwhile leave together; pino
    // flushes what is left synchronously on exit (a kill -9 can lose the last lines, never a record:
    // records are in the ledger).
    pino.destination({ dest: 1, sync: false }),
  );
}

/** A logger that writes nothing: tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
