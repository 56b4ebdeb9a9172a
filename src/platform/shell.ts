import type { Command, CommandResult } from '../executors/types.js';

/** What platform code may do: run a command (recorded by whoever provides it), wait, read the clock. */
export interface Shell {
  run(command: Command): Promise<CommandResult>;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export interface WaitOptions {
  timeoutMs: number;
  pollMs: number;
}

/** Bounded polling: service waits give up after timeoutMs of endpoint time. */
export const SERVICE_WAIT: WaitOptions = { timeoutMs: 60_000, pollMs: 1_000 };
