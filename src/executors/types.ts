/**
 * The one boundary between the tool and an endpoint. Every effect — a query, a service stop,
 * a registry edit, a backup copy, a deletion, a reboot — is a Command run through an Executor.
 */
export interface Command {
  /** Program to run: a name found on PATH or an absolute path. Never a shell string. */
  program: string;
  args: string[];
  /** 'read' commands change nothing; --dry-run still runs them so the plan is accurate. */
  effect: 'read' | 'change';
  /** Values that must never be shown: masked wherever the command is printed or recorded. */
  secrets?: string[];
  timeoutMs?: number;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
  /** True when the executor did not really run it (dry-run). */
  skipped?: boolean;
}

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface Executor {
  readonly kind: 'local' | 'dry-run' | 'simulated' | 'ssh';
  run(command: Command, options?: RunOptions): Promise<CommandResult>;
  /** The endpoint's clock: the simulator's is virtual, so lockouts and waits cost no real time. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** True when a reboot completes within run() (the simulator), so the tool can verify right after. */
  readonly rebootsInline: boolean;
  /** The OS the commands are for, when the executor knows it (simulated, remote). */
  readonly targetOs?: 'windows' | 'macos' | 'linux';
}

export const DEFAULT_TIMEOUT_MS = 60_000;
