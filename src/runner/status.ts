import { EXIT } from '../exit-codes.js';
import { t } from '../messages/index.js';
import type { Options } from '../options.js';
import type { Facts } from '../platform/facts.js';
import { openEndpoint } from './setup.js';
import { detectFacts } from './session.js';
import type { Out } from './print.js';

/** `isolation-rescue status`: read-only diagnosis. Runs only 'read' commands; changes nothing. */
export async function runStatus(options: Options, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const endpoint = await openEndpoint({ ...options, dryRun: true }, env, true);
  if (options.hostname || options.connectorGuid) {
    const { runCloudStatus } = await import('./cloud-status.js');
    return runCloudStatus(options, endpoint.console, out);
  }
  const { facts } = await detectFacts(endpoint, options, env);
  const canDo = whatCanBeDone(facts, Boolean(endpoint.console));
  if (options.json) {
    out.out(JSON.stringify({ tool: 'isolation-rescue', command: 'status', endpoint: endpoint.label, facts, canDo, exitCode: EXIT.recovered }, null, 2) + '\n');
    return EXIT.recovered;
  }
  const yesNo = (v: boolean | undefined) => (v === undefined ? t('status.unknown') : v ? t('status.yes') : t('status.no'));
  const c = facts.connector;
  const rows: [string, string][] = [
    [t('status.endpoint'), endpoint.label],
    [t('status.os'), facts.os],
    [t('status.elevated'), yesNo(facts.elevated)],
    [t('status.connector'), c.present ? `${c.installDir ?? ''}` : t('status.notFound')],
    [t('status.version'), c.version ? `${c.version} (${c.supportsIsolation ? t('status.supportsIsolation') : t('status.noIsolationSupport')})` : t('status.unknown')],
    [t('status.service'), facts.service.name ? `${facts.service.name}: ${facts.service.state}` : t('status.notFound')],
    [t('status.isolated'), yesNo(facts.isolated)],
    [t('status.guid'), facts.guid ?? t('status.unknown')],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  for (const n of facts.notes) lines.push(`${t('status.note')}: ${n}`);
  lines.push('', ...canDo.map((s) => `- ${s}`));
  out.out(lines.join('\n') + '\n');
  return EXIT.recovered;
}

function whatCanBeDone(facts: Facts, hasConsole: boolean): string[] {
  if (!facts.connector.present) return [t('status.canConsole'), t('status.canSimulate')];
  if (facts.isolated === false) return [t('status.notIsolatedNothingNeeded')];
  const list = [hasConsole ? t('status.canConsoleNow') : t('status.canConsole'), t('status.canUnlock')];
  list.push(facts.os === 'windows' ? t('status.canRegistry') : t('status.canPlist'));
  if (facts.elevated === false) list.push(facts.os === 'windows' ? t('hint.elevateWindows') : t('hint.elevateMacos'));
  return list;
}
