import { runOnEndpoint } from '../simulator/endpoint.js';
import { saveSimState } from '../simulator/store.js';
import type { SimState } from '../simulator/state.js';
import { CancelledError } from '../errors.js';
import { maskedArgv } from './mask.js';
import { DEFAULT_TIMEOUT_MS, type Command, type CommandResult, type Executor, type RunOptions } from './types.js';

/** A fault a test injects at the executor boundary: the command fails, hangs past its timeout, or the executor throws. */
export type Fault = { kind: 'exit'; exitCode: number; stderr?: string } | { kind: 'hang' } | { kind: 'throw'; message?: string };
export type FaultPlan = (command: Command, index: number) => Fault | undefined;

/** Runs commands against the embedded virtual endpoint. Time is virtual: sleeps move its clock. */
export class SimulatedExecutor implements Executor {
  readonly kind = 'simulated' as const;
  readonly rebootsInline = true;
  private count = 0;

  constructor(
    readonly state: SimState,
    private readonly file?: string,
    private readonly faults?: FaultPlan,
  ) {}

  get targetOs() {
    return this.state.os;
  }

  async run(command: Command, options: RunOptions = {}): Promise<CommandResult> {
    if (options.signal?.aborted) throw new CancelledError(String(options.signal.reason ?? 'SIGINT'));
    const fault = this.faults?.(command, this.count++);
    const timeoutMs = options.timeoutMs ?? command.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (fault?.kind === 'throw') throw new Error(fault.message ?? `executor failed while running ${command.program}`);
    if (fault?.kind === 'hang') {
      this.state.clock += timeoutMs;
      this.persist();
      return { exitCode: 124, stdout: '', stderr: '', timedOut: true, durationMs: timeoutMs };
    }
    if (fault?.kind === 'exit') return { exitCode: fault.exitCode, stdout: '', stderr: fault.stderr ?? '', timedOut: false, durationMs: 1 };
    const before = this.state.clock;
    const result = runOnEndpoint(this.state, command.program, command.args, maskedArgv(command));
    this.persist();
    return { ...result, timedOut: false, durationMs: this.state.clock - before };
  }

  now(): number {
    return this.state.clock;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new CancelledError(String(signal.reason ?? 'SIGINT'));
    this.state.clock += ms;
    this.persist();
    // Let signal handlers and timers run between simulated waits, as they would in real time.
    await new Promise((resolve) => setImmediate(resolve));
  }

  private persist(): void {
    if (this.file) saveSimState(this.file, this.state);
  }
}
