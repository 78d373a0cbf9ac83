import { defineError } from './kinds';

/** The store could not be reached or written: callers answer 503 and never "allowed". */
export class LedgerUnavailableError extends defineError('LEDGER_UNAVAILABLE') {}

/** A write that collides with an existing record of another identity (a programming error, not an outage). */
export class LedgerConflictError extends defineError('LEDGER_CONFLICT') {}

/** An offline ledger operation (an upgrade) found the file open elsewhere: a running gateway, say. */
export class LedgerInUseError extends defineError('LEDGER_IN_USE') {}

/** `after` is not a cursor this list handed out. */
export class UnreadableCursorError extends defineError('UNREADABLE_CURSOR') {}
