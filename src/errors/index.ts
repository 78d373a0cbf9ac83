/**
 * The one error registry, in the spirit of fastify's lib/errors.js: every error we throw on purpose
 * has a stable code, a status and a message, declared in a table (apiCodes.ts for what /v1 answers,
 * kinds.ts for what is thrown inside and mapped at the edges). Classes exist only for kinds that
 * callers catch, and are built from the table with defineError.
 */
export { ERROR_CODES, type ErrorCode } from './apiCodes';
export { AppError, notFound, validationError } from './appError';
export { CodedError } from './codedError';
export { defineError, ERROR_KINDS, type ErrorKind } from './kinds';
export { BodyTooLargeError, MalformedFormError, RecordTooLargeError, TwimlError } from './inputErrors';
export { ConfigError, EntityDirectoryError, TelnyxKeyError } from './startupErrors';
export { LedgerConflictError, LedgerInUseError, LedgerUnavailableError, UnreadableCursorError } from './storeErrors';
export { ForgedTokenError, OptOutNotRecordedError } from './webhookErrors';
