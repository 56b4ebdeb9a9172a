import { randomUUID } from 'node:crypto';
import type { ScenarioName } from './scenarios.js';
import { joinEndpointPath } from '../platform/paths.js';

export { joinEndpointPath };

export type SimOs = 'windows' | 'macos';
export type ServiceState = 'RUNNING' | 'STOPPED' | 'STOP_PENDING' | 'START_PENDING';
export type CloudStatus = 'not_isolated' | 'pending_start' | 'isolated' | 'pending_stop';

/** The whole virtual endpoint, saved as JSON between runs so reboots and resumed sessions can be rehearsed. */
export interface SimState {
  format: 1;
  /** Changes whenever a fresh endpoint is made, so the unlock ledger of one rehearsal never leaks into the next. */
  instance: string;
  os: SimOs;
  scenario: ScenarioName;
  /** Virtual clock (ms since epoch): waits, lockouts and reboots move it, not real time. */
  clock: number;
  elevated: boolean;
  hostname: string;
  guid: string;
  connectorVersion: string;
  installDir: string;
  service: { name: string; state: ServiceState; pendingUntil: number; pid: number };
  /** Values under HKLM\SOFTWARE\Immunet Protect (Windows). */
  registry: Record<string, { type: string; data: string }>;
  /** Virtual files by path, exactly as the commands name them. */
  files: Record<string, string>;
  cloud: { status: CloudStatus; comment: string | null };
  unlock: { failures: number[]; lockedUntil: number };
  bootCount: number;
  safeboot: string | null;
  /** argv of every command the endpoint received, for tests and rehearsal review. */
  log: string[][];
}

export const SIM_UNLOCK_CODE = 'fwq8qw';
export const SIM_PROTECTION_PASSWORD = 'letmein';
export const UNLOCK_MAX_TRIES = 5;
export const UNLOCK_LOCKOUT_MS = 30 * 60_000;

export const WIN_INSTALL_DIR = 'C:\\Program Files\\Cisco\\AMP';
export const WIN_VERSION = '7.4.5.20701';
export const MAC_ISOLATION_FILE = '/Library/Application Support/Cisco/Secure Endpoint/endpoint_isolation.xml';
export const MAC_LOCAL_XML = '/Library/Application Support/Cisco/Secure Endpoint/local.xml';
export const MAC_AMPCLI = '/opt/cisco/amp/ampcli';
export const MAC_PLIST = '/Library/LaunchDaemons/com.cisco.amp.daemon.plist';
export const MAC_LABEL = 'com.cisco.amp.daemon';


const localXml = (guid: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<config>\n  <agent>\n    <uuid>${guid}</uuid>\n    <hostname>SIM</hostname>\n  </agent>\n  <janus><uuid>00000000-0000-0000-0000-000000000000</uuid></janus>\n</config>\n`;

export function createState(os: SimOs, scenario: ScenarioName, options: { installDir?: string; now?: number } = {}): SimState {
  const guid = os === 'windows' ? '44b422f2-4d50-4720-b1af-07b02d004020' : '8d1f5a3c-2b7e-4c1a-9f0e-3a6b5c4d2e10';
  const installDir = options.installDir ?? (os === 'windows' ? WIN_INSTALL_DIR : '/opt/cisco/amp');
  const files: Record<string, string> = {};
  const registry: SimState['registry'] = {};
  if (os === 'windows') {
    registry.InstallDir = { type: 'REG_SZ', data: installDir };
    registry.guid = { type: 'REG_SZ', data: guid };
    registry.unlock_code = { type: 'REG_SZ', data: '7c1f0b52e9a4d3f8' };
    files[joinEndpointPath(installDir, 'jobs.db')] = 'SQLite format 3\u0000jobs: isolation-start';
    files[joinEndpointPath(installDir, 'local.xml')] = localXml(guid);
    for (const v of ['7.2.7.11687', WIN_VERSION]) files[joinEndpointPath(installDir, v, 'sfc.exe')] = 'MZ';
  } else {
    files[MAC_ISOLATION_FILE] = '<?xml version="1.0"?><isolation><state>isolated</state></isolation>\n';
    files[MAC_LOCAL_XML] = localXml(guid);
    files[MAC_AMPCLI] = '#!ampcli';
    files[MAC_PLIST] = '<plist/>';
  }
  return {
    format: 1,
    instance: randomUUID(),
    os,
    scenario,
    clock: options.now ?? Date.UTC(2026, 0, 5, 9, 0, 0),
    elevated: true,
    hostname: os === 'windows' ? 'DESKTOP-075I5MB' : 'MBP-SIM',
    guid,
    connectorVersion: os === 'windows' ? WIN_VERSION : '1.24.2.1019',
    installDir,
    service: { name: os === 'windows' ? 'CiscoAMP_7.4.5' : MAC_LABEL, state: 'RUNNING', pendingUntil: 0, pid: 4242 },
    registry,
    files,
    cloud: { status: 'isolated', comment: null },
    unlock: { failures: [], lockedUntil: 0 },
    bootCount: 0,
    safeboot: null,
    log: [],
  };
}
