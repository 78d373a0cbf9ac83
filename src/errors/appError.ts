import { ERROR_CODES, type ErrorCode } from './apiCodes';
import { CodedError } from './codedError';

/** An error as a value with a /v1 code, until the edge turns it into an envelope or a carrier dialect. */
export class AppError extends CodedError<ErrorCode> {
  override readonly name = 'AppError';
  constructor(
    code: ErrorCode,
    message?: string,
    readonly details?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(code, ERROR_CODES[code].status, message ?? ERROR_CODES[code].message);
  }
}

export const validationError = (details: Record<string, string>) => new AppError('VALIDATION_FAILED', undefined, details);
export const notFound = () => new AppError('NOT_FOUND');
