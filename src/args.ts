import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { usageError } from './errors.js';
import { METHODS, type Method } from './ladder/types.js';
import { LANGS, t, type Lang } from './messages/index.js';
import { isScenario, MACOS_SCENARIOS, SCENARIOS } from './simulator/scenarios.js';
import { unlockCodeProblem } from './safety/unlock-code.js';
import { isLoopbackUrl } from './cloud/regions.js';
import type { Options } from './options.js';
import { GUID_FORM, HOSTNAME_FORM } from './input-forms.js';
import type { FleetSource } from './fleet/targets.js';

/** The flags of the contract (DESIGN.md). Each is documented in --help; parseArgs rejects any other. */
export const FLAGS = {
  'non-interactive': { type: 'boolean' },
  method: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  simulate: { type: 'string' },
  scenario: { type: 'string' },
  'unlock-code': { type: 'string' },
  reboot: { type: 'boolean' },
  'allow-last-attempt': { type: 'boolean' },
  'connector-guid': { type: 'string' },
  hostname: { type: 'string' },
  'api-region': { type: 'string' },
  'api-url': { type: 'string' },
  comment: { type: 'string' },
  wait: { type: 'string' },
  'group-guid': { type: 'string' },
  'hostnames-file': { type: 'string' },
  'guids-file': { type: 'string' },
  'show-codes': { type: 'boolean' },
  os: { type: 'string' },
  executor: { type: 'string' },
  host: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  report: { type: 'string' },
  lang: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type Parsed = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: Options };

/** user@host, or ssh://user@host:port (OpenSSH takes a port only in the URI form). */
const SSH_HOST = /^(?:ssh:\/\/(?:[A-Za-z0-9._][A-Za-z0-9._-]*@)?[A-Za-z0-9][A-Za-z0-9.-]*(?::\d{1,5})?|(?:[A-Za-z0-9._][A-Za-z0-9._-]*@)?[A-Za-z0-9][A-Za-z0-9.-]*)$/;
const COMMANDS = ['rescue', 'status', 'restore', 'fleet', 'runbook'] as const;
/** Session ids are made by newSessionId(): a timestamp and 4 hex digits. Nothing else may reach a path. */
const SESSION_ID = /^\d{8}-\d{6}-[0-9a-f]{4}$/;

/** `--simulate` alone means windows; `--simulate=macos` picks the OS. */
function normaliseSimulate(argv: string[]): string[] {
  return argv.map((a) => (a === '--simulate' ? '--simulate=windows' : a));
}

export function defaultStateDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.ISOLATION_RESCUE_STATE_DIR) return env.ISOLATION_RESCUE_STATE_DIR;
  if (platform === 'win32') return join(env.ProgramData || 'C:\\ProgramData', 'isolation-rescue');
  if (platform === 'darwin') return '/Library/Application Support/isolation-rescue';
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'isolation-rescue');
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: normaliseSimulate(argv), options: FLAGS, allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs' message names the flag ("Unknown option '--foo'"); keep it to one line.
    throw usageError(String((err as Error).message).split('\n')[0].replace(/\. To specify a positional.*$/, ''), t('usage.seeHelp'));
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };

  const positionals = parsed.positionals;
  const command = positionals[0] ?? 'rescue';
  if (!(COMMANDS as readonly string[]).includes(command)) throw usageError(t('usage.unknownCommand', { command }), t('usage.commands'));
  // Only restore takes an argument: the session to put back.
  const maxPositionals = command === 'restore' ? 2 : 1;
  if (positionals.length > maxPositionals) throw usageError(t('usage.unexpectedArgument', { arg: positionals[maxPositionals] }));
  const session = positionals[1];
  if (session !== undefined && !SESSION_ID.test(session)) throw usageError(t('usage.badSession', { session: session.slice(0, 80) }), t('restore.listHint'));

  const method = (v.method ?? 'auto') as Method | 'auto';
  if (method !== 'auto' && !(METHODS as readonly string[]).includes(method)) {
    throw usageError(t('usage.unknownMethod', { method: String(v.method) }), t('usage.methods', { methods: METHODS.join(', ') }));
  }

  let simulate: Options['simulate'];
  if (v.simulate !== undefined) {
    if (v.simulate !== 'windows' && v.simulate !== 'macos') throw usageError(t('usage.simulateOs', { value: v.simulate }));
    simulate = v.simulate;
  }
  let scenario: Options['scenario'];
  if (v.scenario !== undefined) {
    if (!simulate) throw usageError(t('usage.scenarioNeedsSimulate'), t('usage.addSimulate'));
    if (!isScenario(v.scenario)) throw usageError(t('usage.unknownScenario', { scenario: v.scenario }), t('usage.scenarios', { scenarios: SCENARIOS.join(', ') }));
    if (simulate === 'macos' && !MACOS_SCENARIOS.includes(v.scenario)) {
      throw usageError(t('usage.windowsOnlyScenario', { scenario: v.scenario }), t('usage.macosScenarios', { scenarios: MACOS_SCENARIOS.join(', ') }));
    }
    scenario = v.scenario;
  }

  const unlockCode = v['unlock-code'] ?? env.ISOLATION_RESCUE_UNLOCK_CODE;
  if (unlockCode !== undefined) {
    const problem = unlockCodeProblem(unlockCode);
    const source = v['unlock-code'] !== undefined ? '--unlock-code' : 'ISOLATION_RESCUE_UNLOCK_CODE';
    if (problem) throw usageError(t('usage.badUnlockCode', { source, problem }), t('usage.copyCode'));
  }

  if (v['connector-guid'] !== undefined && !GUID_FORM.test(v['connector-guid'])) {
    throw usageError(t('usage.badGuid'), t('usage.guidForm'));
  }
  if (v.hostname !== undefined && !HOSTNAME_FORM.test(v.hostname)) throw usageError(t('usage.badHostname'), t('usage.hostnameForm'));

  const apiRegion = (v['api-region'] ?? 'na') as Options['apiRegion'];
  if (!['na', 'eu', 'apjc'].includes(apiRegion)) throw usageError(t('usage.badRegion', { value: String(v['api-region']) }));
  if (v['api-url'] !== undefined) {
    let url: URL;
    try {
      url = new URL(v['api-url']);
    } catch {
      throw usageError(t('usage.badUrl'));
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
      throw usageError(t('usage.urlNotHttps'));
    }
  }
  if (v.comment !== undefined && (v.comment.length > 500 || /[\u0000-\u001f\u007f]/.test(v.comment))) {
    throw usageError(t('usage.badComment'));
  }
  let waitSeconds = 120;
  if (v.wait !== undefined) {
    if (!/^\d{1,5}$/.test(v.wait)) throw usageError(t('usage.badWait'));
    waitSeconds = Number(v.wait);
  }
  const lang = (v.lang ?? 'en') as Lang;
  if (!(LANGS as readonly string[]).includes(lang)) throw usageError(t('usage.badLang', { langs: LANGS.join(' or ') }));
  if (v.reboot && v['dry-run']) throw usageError(t('usage.rebootDryRun'), t('usage.dryRunNoReboot'));

  const fleet = fleetSource(command, v['group-guid'], v['hostnames-file'], v['guids-file']);
  if (v['show-codes'] && command !== 'fleet' && command !== 'status') throw usageError(t('fleet.sourceFlagsOnlyForFleet'));
  if (command === 'fleet' && simulate) throw usageError(t('fleet.noSimulate'));

  const executor = v.executor ?? 'local';
  if (executor !== 'local' && executor !== 'ssh') throw usageError(t('usage.badExecutor', { value: executor }));
  if (executor === 'ssh' && !v.host) throw usageError(t('usage.sshNeedsHost'));
  if (executor !== 'ssh' && v.host !== undefined) throw usageError(t('usage.hostWithoutSsh'));
  // Never a leading '-': it would be read as an ssh option.
  if (v.host !== undefined && !SSH_HOST.test(v.host)) throw usageError(t('usage.badHost'));
  if (executor === 'ssh' && simulate) throw usageError(t('usage.sshAndSimulate'));
  const runbook = runbookOptions(command, v.os, v.format, v.output, method);

  const color = v['no-color'] ? false : v.color ? true : !env.NO_COLOR;
  return {
    kind: 'run',
    options: {
      command: command as Options['command'],
      session,
      fleet,
      runbook,
      executor,
      host: v.host,
      showCodes: Boolean(v['show-codes']),
      nonInteractive: Boolean(v['non-interactive']),
      method,
      methodGiven: v.method !== undefined,
      yes: Boolean(v.yes),
      dryRun: Boolean(v['dry-run']),
      json: Boolean(v.json),
      simulate,
      scenario,
      reboot: Boolean(v.reboot),
      allowLastAttempt: Boolean(v['allow-last-attempt']),
      connectorGuid: v['connector-guid']?.toLowerCase(),
      hostname: v.hostname,
      apiRegion,
      apiUrl: v['api-url'],
      comment: v.comment,
      waitSeconds,
      lang,
      color,
      verbose: Boolean(v.verbose),
      report: v.report,
      stateDir: defaultStateDir(env),
      secrets: {
        unlockCode,
        apiClientId: env.SECURE_ENDPOINT_CLIENT_ID || undefined,
        apiKey: env.SECURE_ENDPOINT_API_KEY || undefined,
        protectionPassword: env.ISOLATION_RESCUE_PROTECTION_PASSWORD || undefined,
      },
    },
  };
}

function fleetSource(command: string, groupGuid?: string, hostnamesFile?: string, guidsFile?: string): FleetSource | undefined {
  const given = [groupGuid, hostnamesFile, guidsFile].filter((x) => x !== undefined).length;
  if (command !== 'fleet') {
    if (given) throw usageError(t('fleet.sourceFlagsOnlyForFleet'));
    return undefined;
  }
  if (given !== 1) throw usageError(t('fleet.oneSource'), t('usage.seeHelp'));
  if (groupGuid !== undefined) {
    if (!GUID_FORM.test(groupGuid)) throw usageError(t('usage.badGroupGuid'), t('usage.guidForm'));
    return { kind: 'group', groupGuid: groupGuid.toLowerCase() };
  }
  return hostnamesFile !== undefined ? { kind: 'hostnames', file: hostnamesFile } : { kind: 'guids', file: guidsFile! };
}

function runbookOptions(command: string, os?: string, format?: string, output?: string, method?: string): Options['runbook'] {
  if (command !== 'runbook') {
    if (os !== undefined || format !== undefined || output !== undefined) throw usageError(t('runbook.flagsOnlyForRunbook'));
    return undefined;
  }
  if (os !== 'windows' && os !== 'macos') throw usageError(t('runbook.needsOs'), t('runbook.example'));
  if (!method || method === 'auto' || method === 'console') throw usageError(t('runbook.needsMethod'), t('runbook.example'));
  const fmt = format ?? (os === 'windows' ? 'cmd' : 'sh');
  const fits = os === 'windows' ? fmt === 'cmd' || fmt === 'ps1' : fmt === 'sh';
  if (!fits) throw usageError(t('runbook.badFormat', { format: fmt, os }), t('runbook.formats'));
  return { os, format: fmt as 'cmd' | 'ps1' | 'sh', output };
}
