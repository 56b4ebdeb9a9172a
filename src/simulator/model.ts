import { traitsOf } from './scenarios.js';
import {
  MAC_ISOLATION_FILE,
  SIM_UNLOCK_CODE,
  UNLOCK_LOCKOUT_MS,
  UNLOCK_MAX_TRIES,
  joinEndpointPath,
  type SimState,
} from './state.js';

/** Behaviour shared by the virtual Windows and macOS connectors: isolation, service life cycle, unlock, reboot. */

export const STOP_DELAY_MS = 3_000;
export const START_DELAY_MS = 2_000;

export const jobsDbPath = (s: SimState) => joinEndpointPath(s.installDir, 'jobs.db');

export function isIsolated(s: SimState): boolean {
  return s.os === 'windows' ? 'unlock_code' in s.registry : MAC_ISOLATION_FILE in s.files;
}

function jobsHoldIsolation(s: SimState): boolean {
  return (s.files[jobsDbPath(s)] ?? '').includes('isolation-start');
}

/** The connector's own release: marker gone, jobs.db told, and the cloud told when it can be reached. */
export function clearIsolation(s: SimState): void {
  if (s.os === 'windows') {
    delete s.registry.unlock_code;
    if (s.files[jobsDbPath(s)] !== undefined) s.files[jobsDbPath(s)] = 'SQLite format 3\u0000jobs: none';
  } else {
    delete s.files[MAC_ISOLATION_FILE];
  }
  if (traitsOf(s.scenario).cloudOnline) s.cloud.status = 'not_isolated';
}

function reassert(s: SimState): void {
  if (s.os === 'windows') {
    if (traitsOf(s.scenario).jobsReassert && jobsHoldIsolation(s)) s.registry.unlock_code = { type: 'REG_SZ', data: '7c1f0b52e9a4d3f8' };
  } else if (traitsOf(s.scenario).plistLocked) {
    s.files[MAC_ISOLATION_FILE] = '<?xml version="1.0"?><isolation><state>isolated</state></isolation>\n';
  }
}

/** Moves pending service transitions forward to the current virtual time. */
export function advance(s: SimState): void {
  const svc = s.service;
  if (svc.state === 'STOP_PENDING' && s.clock >= svc.pendingUntil) svc.state = 'STOPPED';
  if (svc.state === 'START_PENDING' && s.clock >= svc.pendingUntil) {
    svc.state = 'RUNNING';
    reassert(s);
  }
  if (s.unlock.lockedUntil && s.clock >= s.unlock.lockedUntil) s.unlock = { failures: [], lockedUntil: 0 };
  if (s.cloud.status === 'pending_stop' && traitsOf(s.scenario).cloudOnline) clearIsolation(s);
}

export function beginStop(s: SimState): void {
  s.service.state = 'STOP_PENDING';
  s.service.pendingUntil = s.clock + STOP_DELAY_MS;
}

export function beginStart(s: SimState): void {
  s.service.state = 'START_PENDING';
  s.service.pendingUntil = s.clock + START_DELAY_MS;
  s.service.pid += 4;
}

/** Immediate start, as launchd does on load. */
export function startNow(s: SimState): void {
  s.service.state = 'RUNNING';
  s.service.pid += 4;
  reassert(s);
}

export type UnlockOutcome = 'released' | 'invalid' | 'locked-out' | 'not-isolated';

export function tryUnlock(s: SimState, code: string): UnlockOutcome {
  if (s.unlock.lockedUntil > s.clock) return 'locked-out';
  if (!isIsolated(s)) return 'not-isolated';
  if (code === SIM_UNLOCK_CODE && traitsOf(s.scenario).acceptsRightCode && s.service.state === 'RUNNING') {
    s.unlock.failures = [];
    clearIsolation(s);
    return 'released';
  }
  s.unlock.failures.push(s.clock);
  if (s.unlock.failures.length >= UNLOCK_MAX_TRIES) s.unlock.lockedUntil = s.clock + UNLOCK_LOCKOUT_MS;
  return 'invalid';
}

/** A reboot: at boot the connector reads jobs.db; with no isolation job there, isolation is gone. */
export function reboot(s: SimState): void {
  s.bootCount += 1;
  s.clock += 90_000;
  if (s.safeboot) {
    // Safe mode: third-party services do not start, so files and values can be changed freely.
    s.service.state = 'STOPPED';
    return;
  }
  if (s.os === 'windows') {
    const path = jobsDbPath(s);
    if (!jobsHoldIsolation(s)) {
      delete s.registry.unlock_code;
      if (traitsOf(s.scenario).cloudOnline) s.cloud.status = 'not_isolated';
    }
    if (s.files[path] === undefined) s.files[path] = 'SQLite format 3\u0000jobs: none';
  }
  s.service.state = 'RUNNING';
  s.service.pid += 100;
  reassert(s);
}

/** The simulated console's "Stop Isolation": applied at once when the connector is online. */
export function consoleStop(s: SimState, comment: string | null): 'stopped' | 'pending' | 'not-isolated' {
  if (!isIsolated(s) && s.cloud.status === 'not_isolated') return 'not-isolated';
  s.cloud.comment = comment;
  s.cloud.status = 'pending_stop';
  if (traitsOf(s.scenario).cloudOnline) {
    clearIsolation(s);
    return 'stopped';
  }
  return 'pending';
}
