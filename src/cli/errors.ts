// User errors end with a clear message and exit code 2; anything else is a bug (exit 1).

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_USER_ERROR = 2;
export const EXIT_INTERNAL = 1;

/** A batch stopped by Ctrl-C or SIGTERM: what finished is stored, and the same command resumes. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export const EXIT_INTERRUPTED = 130;
