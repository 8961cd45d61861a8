/**
 * Errors a user can fix (a bad flag, a missing file). The CLI prints their message on one line,
 * never a stack trace; anything else is a bug and is reported as such.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Exit codes, as the README documents them. */
export const EXIT = {
  ok: 0,
  /** No article could be read, or the job failed on every input. */
  nothingRead: 1,
  usage: 2,
} as const;
