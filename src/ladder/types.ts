import type { Command, CommandResult } from '../executors/types.js';
import type { Facts } from '../platform/facts.js';
import type { Shell } from '../platform/shell.js';
import type { Backups, BackupRecord } from '../safety/backups.js';
import type { UnlockLedger } from '../safety/ledger.js';
import type { ServiceGuard } from '../safety/service-guard.js';
import type { ConsoleApi } from '../cloud/console-api.js';
import type { Msg } from '../messages/index.js';

export const METHODS = ['console', 'unlock-code', 'registry', 'plist', 'jobs-db', 'safe-boot'] as const;
export type Method = (typeof METHODS)[number];

export type RungOutcome = 'recovered' | 'failed' | 'reboot-required' | 'locked-out' | 'hand-off' | 'refused';

export interface RungResult {
  outcome: RungOutcome;
  reason?: Msg;
}

/** Why a rung cannot run here: `kind` decides the exit code when the rung was asked for by name. */
export interface SkipReason {
  kind: 'missing-input' | 'not-elevated' | 'unsupported' | 'locked-out' | 'declined';
  reason: Msg;
}

export interface LadderOptions {
  unlockCode?: string;
  protectionPassword?: string;
  /** Reboot without asking (scripted --reboot); the wizard asks through confirm(). */
  reboot: boolean;
  /** Make the attempt that would lock the connector out. */
  allowLastAttempt: boolean;
  comment: string;
  /** Console polling budget. */
  waitMs: number;
  dryRun: boolean;
}

/** Answers a question the ladder must ask (a deletion, a reboot). Scripted mode answers from the flags. */
export type Confirm = (question: Msg, kind: 'delete' | 'reboot' | 'last-attempt' | 'stop-service') => Promise<boolean>;

export interface RungContext {
  sh: Shell;
  facts: Facts;
  options: LadderOptions;
  console?: ConsoleApi;
  ledger: UnlockLedger;
  connectorKey: string;
  guard: ServiceGuard;
  backups?: Backups;
  confirm: Confirm;
  /** Runs one named step, emitting events around it; `judge` says whether its result counts as success. */
  step<T>(id: string, title: Msg, fn: () => Promise<T>, judge?: (value: T) => boolean): Promise<T>;
  emit(event: LadderEvent): void;
  /** Passed down the ladder: the console rung may fetch the unlock code for the next rung. */
  shared: { fetchedUnlockCode?: string };
  signal: AbortSignal;
  /** The GUID the console rung acts on (from a flag, local.xml, or a hostname lookup). */
  connectorGuid?: string;
  /** True when the executor finishes a reboot inside run() (the simulator), so the result can be verified now. */
  rebootsInline: boolean;
}

export interface Rung {
  method: Method;
  os: readonly ('windows' | 'macos' | 'any')[];
  /** Whether the rung can run here and now; undefined means yes. */
  precheck(ctx: RungContext): SkipReason | undefined;
  run(ctx: RungContext): Promise<RungResult>;
}

export interface CommandRecord {
  argv: string[];
  effect: Command['effect'];
  exitCode: number;
  timedOut: boolean;
  durationMs: number;
  skipped?: boolean;
  stdout: string;
  stderr: string;
}

export type LadderEvent =
  | { type: 'rung-start'; method: Method }
  | { type: 'rung-skip'; method: Method; skip: SkipReason }
  | { type: 'step-start'; method: Method; step: string; title: Msg }
  | { type: 'command'; method: Method; step: string; command: CommandRecord }
  | { type: 'step-end'; method: Method; step: string; ok: boolean; detail?: Msg }
  | { type: 'backup'; method: Method; backup: BackupRecord }
  | { type: 'verify'; method: Method; ok: boolean; checks: Record<string, string | boolean | undefined> }
  | { type: 'service-restart'; method: Method; service: string; ok: boolean; detail: string }
  | { type: 'hint'; method: Method; lines: Msg[] }
  | { type: 'rung-end'; method: Method; result: RungResult };

export type { CommandResult };
