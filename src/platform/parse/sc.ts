/** Parsers for sc.exe output. Exit codes carry the meaning first; text is read only for what codes cannot say. */

export type ServiceState = 'running' | 'stopped' | 'stop_pending' | 'start_pending' | 'paused' | 'unknown';

export interface ScService {
  name: string;
  displayName?: string;
  state: ServiceState;
  pid?: number;
}

const STATE_BY_NUMBER: Record<number, ServiceState> = { 1: 'stopped', 2: 'start_pending', 3: 'stop_pending', 4: 'running', 7: 'paused' };

/** Every SERVICE_NAME block in `sc query`/`sc queryex` output (single service or a full listing). */
export function parseScQuery(text: string): ScService[] {
  const services: ScService[] = [];
  let current: ScService | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const name = /^SERVICE_NAME:\s*(.+?)\s*$/.exec(line);
    if (name) {
      current = { name: name[1], state: 'unknown' };
      services.push(current);
      continue;
    }
    if (!current) continue;
    const display = /^DISPLAY_NAME:\s*(.+?)\s*$/.exec(line);
    if (display) current.displayName = display[1];
    // "STATE : 4  RUNNING": the number is the same in every display language, so it wins over the word.
    const state = /^STATE\s*:\s*(\d+)\s*(\w+)?/.exec(line);
    if (state) current.state = STATE_BY_NUMBER[Number(state[1])] ?? 'unknown';
    const pid = /^PID\s*:\s*(\d+)/.exec(line);
    if (pid) current.pid = Number(pid[1]);
  }
  return services;
}

/** The Win32 error number in "[SC] OpenService FAILED 5:" lines, or undefined. */
export function scErrorCode(text: string): number | undefined {
  const m = /FAILED\s+(\d+)\s*:/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export const SC_ERROR = { accessDenied: 5, notInstalled: 1060, alreadyRunning: 1056, notStarted: 1062 } as const;

/** True for "Access is denied" whether it came as an exit code (sc), a FAILED 5 line, or only as text (reg, del). */
export function isAccessDenied(exitCode: number, text: string): boolean {
  return exitCode === 5 || scErrorCode(text) === 5 || /access is denied/i.test(text);
}
