import { maskText, maskedArgv } from '../executors/mask.js';
import type { Command, CommandResult, Executor } from '../executors/types.js';
import type { Shell } from '../platform/shell.js';
import type { CommandRecord } from './types.js';

const EXCERPT = 2_000;

/**
 * The Shell the ladder hands to platform code: runs through the executor with the run's abort signal and
 * reports every command (secrets masked, output cut to an excerpt) to a listener.
 */
export class RecordingShell implements Shell {
  constructor(
    private readonly executor: Executor,
    private readonly secrets: () => (string | undefined)[],
    private readonly onCommand: (record: CommandRecord) => void,
    private readonly signal?: AbortSignal,
  ) {}

  get dryRun(): boolean {
    return this.executor.kind === 'dry-run';
  }

  async run(command: Command): Promise<CommandResult> {
    const result = await this.executor.run(command, { signal: this.signal });
    const secrets = [...(command.secrets ?? []), ...this.secrets().filter((s): s is string => !!s)];
    this.onCommand({
      argv: maskedArgv(command, secrets),
      effect: command.effect,
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      durationMs: result.durationMs,
      skipped: result.skipped,
      stdout: maskText(result.stdout.slice(0, EXCERPT), secrets),
      stderr: maskText(result.stderr.slice(0, EXCERPT), secrets),
    });
    return result;
  }

  sleep(ms: number): Promise<void> {
    return this.executor.sleep(ms, this.signal);
  }

  now(): number {
    return this.executor.now();
  }

  /** The same shell without the abort signal: clean-up after Ctrl-C must still be able to run. */
  uncancellable(): RecordingShell {
    return new RecordingShell(this.executor, this.secrets, this.onCommand);
  }
}
