import type { Command } from '../executors/types.js';

/**
 * A runbook as data: the steps a rung takes, with the same commands (from the same builders), for an
 * endpoint where the tool cannot run. Renderers turn it into sh, cmd or PowerShell.
 */
export type OnFail = 'abort' | 'restart-abort';

export type RunbookStep =
  | { kind: 'say'; text: string }
  | { kind: 'admin' }
  /** Windows: the connector's service name (CiscoAMP_<version>) into SVC. */
  | { kind: 'find-service' }
  /** Windows: the highest sfc.exe under the install dir into SFC. */
  | { kind: 'find-sfc'; installDir: string }
  /** The unlock code into CODE: from ISOLATION_RESCUE_UNLOCK_CODE or a prompt, form-checked before use. */
  | { kind: 'read-code' }
  /** A check command: exit 0 means present. `otherwise` is what happens when it is not as wanted. */
  | { kind: 'need'; title: string; check: Command; want: 'present' | 'absent'; otherwise: OnFail | 'nothing-to-do'; because: string }
  | { kind: 'confirm'; question: string; onNo: OnFail }
  | { kind: 'run'; title: string; command: Command; ok: number[]; onFail: OnFail }
  | { kind: 'wait-service'; state: 'STOPPED' | 'RUNNING'; seconds: number; onFail: OnFail }
  | { kind: 'pause'; seconds: number }
  | { kind: 'success'; text: string };

export interface Runbook {
  os: 'windows' | 'macos';
  method: string;
  title: string;
  steps: RunbookStep[];
  /** What "start it again" means on this OS, for restart-abort. */
  restart: Command;
}

/** Placeholders for values only known when the runbook runs; renderers turn them into variables. */
export const VAR = { SVC: '\u0000SVC\u0000', SFC: '\u0000SFC\u0000', CODE: '\u0000CODE\u0000', AMPCLI: '\u0000AMPCLI\u0000' } as const;
export type VarName = keyof typeof VAR;

/** Splits an argument into literal text and variables, for the renderers. */
export function pieces(arg: string): ({ text: string } | { variable: VarName })[] {
  return arg
    .split(/(\u0000[A-Z]+\u0000)/)
    .filter((p) => p !== '')
    .map((p) => (p.startsWith('\u0000') ? { variable: p.slice(1, -1) as VarName } : { text: p }));
}
