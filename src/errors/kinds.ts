import { CodedError } from './codedError';

/**
 * Every kind of error thrown inside the gateway that an edge has to tell apart: its code, the HTTP
 * status it stands for, and its default message. These are not /v1 codes (see apiCodes.ts): each
 * edge maps them to its own answer, so the status here is what the kind means, not what every edge
 * sends.
 */
export const ERROR_KINDS = {
  // The store.
  LEDGER_UNAVAILABLE: { status: 503, message: 'the consent store is unavailable; failing closed' },
  LEDGER_CONFLICT: { status: 500, message: 'a write collides with a record of another identity' },
  LEDGER_IN_USE: { status: 409, message: 'the ledger is open elsewhere' },
  UNREADABLE_CURSOR: { status: 400, message: 'not a cursor from this list: pass next_cursor back as it came' },
  // Requests, answers and files read under a limit or in a format.
  BODY_TOO_LARGE: { status: 413, message: 'body too large' },
  MALFORMED_FORM: { status: 400, message: 'malformed form body' },
  RECORD_TOO_LARGE: { status: 400, message: 'a record runs on without a line break outside quotes' },
  TWIML_INVALID: { status: 502, message: 'not a TwiML document we can read' },
  // Carriers' webhooks.
  FORGED_TOKEN: { status: 403, message: 'gateway token invalid, altered or expired' },
  OPT_OUT_NOT_RECORDED: { status: 503, message: 'opt-out could not be recorded' },
  // Start-up and the command line: never an HTTP answer, the process reports them and exits.
  CONFIG_INVALID: { status: 500, message: 'invalid configuration' },
  ENTITY_DIRECTORY_INVALID: { status: 500, message: 'invalid entities configuration' },
  TELNYX_KEY_INVALID: { status: 500, message: 'TELNYX_PUBLIC_KEY is not an ed25519 public key' },
  CLI_FAILED: { status: 400, message: 'the command failed' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorKind = keyof typeof ERROR_KINDS;

/**
 * A class for one kind of the registry, for callers that catch that kind by `instanceof`:
 * `class X extends defineError('CODE') {}`. Status and default message come from the table.
 */
export function defineError<const K extends ErrorKind>(kind: K) {
  const { status, message: defaultMessage } = ERROR_KINDS[kind];
  return class extends CodedError<K> {
    constructor(message: string = defaultMessage, options?: ErrorOptions) {
      super(kind, status, message, options);
    }
  };
}
