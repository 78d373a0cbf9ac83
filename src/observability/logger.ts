/**
 * JSON logs with pino. Phone numbers are masked (`+1212*****43`) wherever we
 * log them, transcripts and message bodies are only ever logged at debug, and
 * request paths are logged without their query string (which may carry a
 * phone number).
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'consent-gate' },
    redact: { paths: ['req.headers.authorization', 'authorization', '*.authorization', 'api_key', 'secret'], censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** A logger that writes nothing: tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
