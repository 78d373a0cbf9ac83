/**
 * The base of every error we throw on purpose: a stable code that callers and edges match on,
 * the HTTP status it stands for, and a message. Edges (the /v1 envelope, the carriers' dialects,
 * the agent stream, the CLI) turn codes into answers; nothing below them builds an answer.
 */
export class CodedError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    // The subclass's own name, so logs and stack traces say which kind it was.
    this.name = new.target.name;
  }
}
