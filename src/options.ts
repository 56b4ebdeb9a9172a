import type { Method } from './ladder/types.js';
import type { Lang } from './messages/index.js';
import type { ScenarioName } from './simulator/scenarios.js';
import type { FleetSource } from './fleet/targets.js';

/** Everything the command line and environment said, typed and validated. Secrets stay in `secrets`. */
export interface Options {
  command: 'rescue' | 'status' | 'restore' | 'fleet' | 'runbook';
  /** runbook: which script to write, and where (stdout without --output). */
  runbook?: { os: 'windows' | 'macos'; format: 'cmd' | 'ps1' | 'sh'; output?: string };
  /** fleet: where the list of computers comes from. */
  fleet?: FleetSource;
  /** fleet and status: show unlock codes (secrets) on screen; never in reports. */
  showCodes: boolean;
  /** restore: the session whose backups to put back. */
  session?: string;
  nonInteractive: boolean;
  /** How commands reach the endpoint: this machine, or ssh to --host. */
  executor: 'local' | 'ssh';
  host?: string;
  method: Method | 'auto';
  /** True when --method was given (scripted runs need it; the wizard offers a choice otherwise). */
  methodGiven: boolean;
  yes: boolean;
  dryRun: boolean;
  json: boolean;
  simulate?: 'windows' | 'macos';
  scenario?: ScenarioName;
  reboot: boolean;
  allowLastAttempt: boolean;
  connectorGuid?: string;
  hostname?: string;
  apiRegion: 'na' | 'eu' | 'apjc';
  apiUrl?: string;
  comment?: string;
  waitSeconds: number;
  lang: Lang;
  color: boolean;
  verbose: boolean;
  report?: string;
  stateDir: string;
  secrets: {
    unlockCode?: string;
    apiClientId?: string;
    apiKey?: string;
    protectionPassword?: string;
  };
}
