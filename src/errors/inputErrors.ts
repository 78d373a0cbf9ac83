import { defineError } from './kinds';

/** A body (a request's, or an answer relayed from the customer's app) past the limit it is read under. */
export class BodyTooLargeError extends defineError('BODY_TOO_LARGE') {}

/** A form body we refuse rather than guess at: bad percent-encoding, or not UTF-8. */
export class MalformedFormError extends defineError('MALFORMED_FORM') {}

/** A CSV record with no line break outside quotes within `limitBytes` (an unclosed quote, most likely). */
export class RecordTooLargeError extends defineError('RECORD_TOO_LARGE') {
  constructor(limitBytes: number) {
    super(`a record runs on for more than ${limitBytes / 2 ** 20} MB without a line break outside quotes (an unclosed quote?)`);
  }
}

/** An answer from the customer's app that is not TwiML (or TeXML) we can read and rewrite. */
export class TwimlError extends defineError('TWIML_INVALID') {}
