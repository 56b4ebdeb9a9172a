import { EXIT, type ExitCode } from './exit-codes.js';

/** An error the user can act on: it carries the contract exit code, and one handler in cli.ts prints it. */
export class RescueError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'RescueError';
  }
}

export const usageError = (message: string, hint?: string) => new RescueError(message, EXIT.usage, hint);

/** Thrown when the run is cancelled (Ctrl-C, SIGTERM) so every finally block still runs. */
export class CancelledError extends Error {
  constructor(readonly signal: string = 'SIGINT') {
    super(`cancelled by ${signal}`);
    this.name = 'CancelledError';
  }
}
