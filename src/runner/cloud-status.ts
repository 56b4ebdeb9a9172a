import { RescueError, usageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { t } from '../messages/index.js';
import { ApiError, type ConsoleApi } from '../cloud/console-api.js';
import type { Options } from '../options.js';
import type { Out } from './print.js';

export interface CloudComputer {
  hostname?: string;
  connectorGuid: string;
  operatingSystem?: string;
  connectorVersion?: string;
  isolation: string;
  /** Secret: present only with --show-codes. */
  unlockCode?: string;
}

/**
 * `status --hostname X` / `status --connector-guid G`: the console's view of a computer, from any machine
 * (a tech's workstation has no connector to ask). The unlock code is shown only when asked for.
 */
export async function runCloudStatus(options: Options, api: ConsoleApi | undefined, out: Out): Promise<number> {
  if (!api) throw usageError(t('fleet.needsCredentials'), t('fleet.credentialsHint'));
  let computers: CloudComputer[];
  try {
    const found = options.connectorGuid
      ? [{ connectorGuid: options.connectorGuid, hostname: undefined as string | undefined, operatingSystem: undefined, connectorVersion: undefined }]
      : await api.findComputers(options.hostname!);
    if (!found.length) throw new RescueError(t('error.noSuchHost', { hostname: options.hostname! }), EXIT.usage);
    computers = [];
    for (const c of found) {
      const iso = await api.getIsolation(c.connectorGuid);
      computers.push({ hostname: c.hostname, connectorGuid: c.connectorGuid, operatingSystem: c.operatingSystem, connectorVersion: c.connectorVersion, isolation: iso.status, ...(options.showCodes && iso.unlockCode ? { unlockCode: iso.unlockCode } : {}) });
    }
  } catch (err) {
    if (err instanceof ApiError) throw new RescueError(t('console.apiError', { detail: err.message }), EXIT.notRecovered);
    throw err;
  }
  if (options.json) {
    out.out(JSON.stringify({ tool: 'isolation-rescue', command: 'status', view: 'cloud', console: api.label, computers, exitCode: EXIT.recovered }, null, 2) + '\n');
    return EXIT.recovered;
  }
  const lines = [t('cloudStatus.title', { console: api.label })];
  for (const c of computers) {
    lines.push('', `  ${t('status.hostname')}: ${c.hostname ?? '?'}`, `  ${t('status.guid')}: ${c.connectorGuid}`);
    if (c.operatingSystem) lines.push(`  ${t('status.os')}: ${c.operatingSystem}`);
    if (c.connectorVersion) lines.push(`  ${t('status.version')}: ${c.connectorVersion}`);
    lines.push(`  ${t('cloudStatus.isolation')}: ${c.isolation}`);
    if (c.isolation === 'pending_stop') lines.push(`  ${t('cloudStatus.pendingStop')}`);
    if (c.isolation !== 'not_isolated') lines.push(`  ${t('cloudStatus.unlockCode')}: ${c.unlockCode ?? t('cloudStatus.codeHidden')}`);
  }
  if (computers.length > 1) lines.push('', t('cloudStatus.several'));
  out.out(lines.join('\n') + '\n');
  return EXIT.recovered;
}
