import type { Command, CommandResult, Executor, RunOptions } from './types.js';

/**
 * Records every command and runs only the read-only ones (through the inner executor) so the plan
 * matches the real endpoint. A change is never run: it is reported as skipped with exit code 0.
 */
export class DryRunExecutor implements Executor {
  readonly kind = 'dry-run' as const;
  readonly rebootsInline = false;
  readonly recorded: Command[] = [];

  constructor(private readonly inner: Executor) {}

  get targetOs() {
    return this.inner.targetOs;
  }

  async run(command: Command, options?: RunOptions): Promise<CommandResult> {
    if (command.effect === 'read') return this.inner.run(command, options);
    this.recorded.push(command);
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false, durationMs: 0, skipped: true };
  }

  now(): number {
    return this.inner.now();
  }

  async sleep(): Promise<void> {
    // Nothing changes during a dry run, so there is nothing to wait for.
  }
}
