import type { ServiceState } from './state.js';

/** sc.exe's output, laid out exactly as the real tool prints it (see fixtures/real-output). */

const STATE_NUM: Record<ServiceState, number> = { STOPPED: 1, START_PENDING: 2, STOP_PENDING: 3, RUNNING: 4 };
const FLAGS: Record<ServiceState, string | null> = {
  STOPPED: null,
  START_PENDING: '(NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
  STOP_PENDING: '(NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
  RUNNING: '(STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)',
};

export function serviceBlock(name: string, state: ServiceState, opts: { display?: string; pid?: number; waitHint?: number } = {}): string {
  const lines = [`SERVICE_NAME: ${name}`];
  if (opts.display) lines.push(`DISPLAY_NAME: ${opts.display}`);
  lines.push(`        TYPE               : 10  WIN32_OWN_PROCESS`);
  lines.push(`        STATE              : ${STATE_NUM[state]}  ${state}`);
  const flags = FLAGS[state];
  if (flags) lines.push(`                                ${flags}`);
  lines.push(
    `        WIN32_EXIT_CODE    : 0  (0x0)`,
    `        SERVICE_EXIT_CODE  : 0  (0x0)`,
    `        CHECKPOINT         : 0x0`,
    `        WAIT_HINT          : 0x${(opts.waitHint ?? 0).toString(16)}`,
  );
  if (opts.pid !== undefined) lines.push(`        PID                : ${opts.pid}`, `        FLAGS              :`);
  return lines.join('\r\n') + '\r\n';
}

export const SC_ACCESS_DENIED = (op: string) => `[SC] ${op} FAILED 5:\r\n\r\nAccess is denied.\r\n\r\n`;
export const SC_NO_SERVICE = (op: string) => `[SC] ${op} FAILED 1060:\r\n\r\nThe specified service does not exist as an installed service.\r\n\r\n`;
export const SC_NOT_STARTED = '[SC] ControlService FAILED 1062:\r\n\r\nThe service has not been started.\r\n\r\n';
export const SC_ALREADY_RUNNING = '[SC] StartService FAILED 1056:\r\n\r\nAn instance of the service is already running.\r\n\r\n';
