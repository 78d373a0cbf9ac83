/**
 * Every error code the /v1 API can answer, with its status and default message. The HTTP
 * envelope, the carrier dialects and the docs all read from this table.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: 'validation failed' },
  UNAUTHORIZED: { status: 401, message: 'authentication failed' },
  FORBIDDEN: { status: 403, message: 'missing required scope' },
  NOT_FOUND: { status: 404, message: 'not found' },
  CONFLICT: { status: 409, message: 'conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'payload too large' },
  RATE_LIMITED: { status: 429, message: 'rate limit exceeded' },
  UNAVAILABLE: { status: 503, message: 'the consent store is unavailable; failing closed' },
  INTERNAL: { status: 500, message: 'internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
