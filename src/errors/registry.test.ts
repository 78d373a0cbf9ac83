import { describe, expect, it } from 'vitest';
import { AppError, CodedError, ERROR_KINDS, LedgerUnavailableError, OptOutNotRecordedError, RecordTooLargeError, UnreadableCursorError } from './index';

describe('the error registry', () => {
  it('a class built by defineError carries its code, the status and default message of the table, its own name and a cause', () => {
    const cause = new Error('ECONNREFUSED');
    const err = new LedgerUnavailableError('cannot connect to Redis', { cause });
    expect(err).toBeInstanceOf(CodedError);
    expect(err).toBeInstanceOf(Error);
    expect([err.code, err.status, err.name, err.message, err.cause]).toEqual([
      'LEDGER_UNAVAILABLE',
      503,
      'LedgerUnavailableError',
      'cannot connect to Redis',
      cause,
    ]);
    expect(new UnreadableCursorError().message).toBe(ERROR_KINDS.UNREADABLE_CURSOR.message);
  });

  it('kinds stay apart: catching one kind does not catch another', () => {
    const err = new OptOutNotRecordedError('inbound text could not be processed');
    expect(err).not.toBeInstanceOf(LedgerUnavailableError);
    expect(err.status).toBe(503);
    expect(new RecordTooLargeError(8 * 2 ** 20).message).toMatch(/more than 8 MB without a line break outside quotes/);
  });

  it('an AppError takes its status from the /v1 table and keeps its own name', () => {
    const err = new AppError('RATE_LIMITED', undefined, undefined, { 'Retry-After': '1' });
    expect([err.code, err.status, err.name, err.message, err.headers]).toEqual([
      'RATE_LIMITED',
      429,
      'AppError',
      'rate limit exceeded',
      { 'Retry-After': '1' },
    ]);
    expect(err).toBeInstanceOf(CodedError);
  });
});
