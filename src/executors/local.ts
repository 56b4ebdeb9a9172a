import { execa } from 'execa';
import { DEFAULT_TIMEOUT_MS, type Command, type CommandResult, type Executor, type RunOptions } from './types.js';
import { CancelledError } from '../errors.js';

/** Runs programs on this machine, as real processes, with an argument array (execa never uses a shell here). */
export class LocalExecutor implements Executor {
  readonly kind = 'local' as const;
  readonly rebootsInline = false;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async run(command: Command, options: RunOptions = {}): Promise<CommandResult> {
    const started = performance.now();
    if (options.signal?.aborted) throw new CancelledError(String(options.signal.reason ?? 'SIGINT'));
    const result = await execa(command.program, command.args, {
      reject: false,
      shell: false,
      stdin: 'ignore',
      timeout: options.timeoutMs ?? command.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      cancelSignal: options.signal,
      forceKillAfterDelay: 2_000,
      env: this.env,
      extendEnv: false,
      windowsHide: true,
      stripFinalNewline: false,
      maxBuffer: 4 * 1024 * 1024,
    });
    if (result.isCanceled) throw new CancelledError(String(options.signal?.reason ?? 'SIGINT'));
    const spawnFailed = result.exitCode === undefined && !result.timedOut;
    return {
      exitCode: result.exitCode ?? (result.timedOut ? 124 : 127),
      stdout: String(result.stdout ?? ''),
      // A program that could not start (ENOENT) has no stderr of its own: say why, like a shell would.
      stderr: spawnFailed ? `${command.program}: ${result.originalMessage ?? result.shortMessage}` : String(result.stderr ?? ''),
      timedOut: Boolean(result.timedOut),
      durationMs: Math.round(performance.now() - started),
    };
  }

  now(): number {
    return Date.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError(String(signal.reason ?? 'SIGINT')));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new CancelledError(String(signal?.reason ?? 'SIGINT')));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
