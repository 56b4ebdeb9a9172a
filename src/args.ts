import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { usageError } from './errors.js';
import { METHODS, type Method } from './ladder/types.js';
import { LANGS, type Lang } from './messages/index.js';
import { isScenario, MACOS_SCENARIOS, SCENARIOS } from './simulator/scenarios.js';
import { unlockCodeProblem } from './safety/unlock-code.js';
import { isLoopbackUrl } from './cloud/regions.js';
import type { Options } from './options.js';

/** The flags of the contract (DESIGN.md). Each is documented in --help; parseArgs rejects any other. */
const FLAGS = {
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
  report: { type: 'string' },
  lang: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type Parsed = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: Options };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*$/;

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
    throw usageError(String((err as Error).message).split('\n')[0].replace(/\. To specify a positional.*$/, ''), 'run isolation-rescue --help for the list of options');
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };

  const positionals = parsed.positionals;
  const command = positionals[0] ?? 'rescue';
  if (command !== 'rescue' && command !== 'status') throw usageError(`unknown command '${command}'`, 'commands: (none) for the rescue, status');
  if (positionals.length > 1) throw usageError(`unexpected argument '${positionals[1]}'`);

  const method = (v.method ?? 'auto') as Method | 'auto';
  if (method !== 'auto' && !(METHODS as readonly string[]).includes(method)) {
    throw usageError(`unknown method '${v.method}'`, `methods: auto, ${METHODS.join(', ')}`);
  }

  let simulate: Options['simulate'];
  if (v.simulate !== undefined) {
    if (v.simulate !== 'windows' && v.simulate !== 'macos') throw usageError(`--simulate takes windows or macos, not '${v.simulate}'`);
    simulate = v.simulate;
  }
  let scenario: Options['scenario'];
  if (v.scenario !== undefined) {
    if (!simulate) throw usageError('--scenario only makes sense with --simulate', 'add --simulate (or --simulate=macos)');
    if (!isScenario(v.scenario)) throw usageError(`unknown scenario '${v.scenario}'`, `scenarios: ${SCENARIOS.join(', ')}`);
    if (simulate === 'macos' && !MACOS_SCENARIOS.includes(v.scenario)) {
      throw usageError(`scenario '${v.scenario}' is Windows-only`, `macOS scenarios: ${MACOS_SCENARIOS.join(', ')}`);
    }
    scenario = v.scenario;
  }

  const unlockCode = v['unlock-code'] ?? env.ISOLATION_RESCUE_UNLOCK_CODE;
  if (unlockCode !== undefined) {
    const problem = unlockCodeProblem(unlockCode);
    const source = v['unlock-code'] !== undefined ? '--unlock-code' : 'ISOLATION_RESCUE_UNLOCK_CODE';
    if (problem) throw usageError(`the unlock code in ${source} is not valid: ${problem}`, 'copy the code exactly as the console shows it (Management > Computers > the computer)');
  }

  if (v['connector-guid'] !== undefined && !GUID.test(v['connector-guid'])) {
    throw usageError('--connector-guid is not a connector GUID', 'expected 8-4-4-4-12 hex digits, as the console shows it');
  }
  if (v.hostname !== undefined && !HOSTNAME.test(v.hostname)) throw usageError('--hostname is not a valid host name', 'letters, digits, hyphens and dots only');

  const apiRegion = (v['api-region'] ?? 'na') as Options['apiRegion'];
  if (!['na', 'eu', 'apjc'].includes(apiRegion)) throw usageError(`--api-region takes na, eu or apjc, not '${v['api-region']}'`);
  if (v['api-url'] !== undefined) {
    let url: URL;
    try {
      url = new URL(v['api-url']);
    } catch {
      throw usageError('--api-url is not a URL');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
      throw usageError('--api-url must use https (plain http only for a loopback address)');
    }
  }
  if (v.comment !== undefined && (v.comment.length > 500 || /[\u0000-\u001f\u007f]/.test(v.comment))) {
    throw usageError('--comment must be one line of at most 500 characters');
  }
  let waitSeconds = 120;
  if (v.wait !== undefined) {
    if (!/^\d{1,5}$/.test(v.wait)) throw usageError('--wait takes a whole number of seconds');
    waitSeconds = Number(v.wait);
  }
  const lang = (v.lang ?? 'en') as Lang;
  if (!(LANGS as readonly string[]).includes(lang)) throw usageError(`--lang takes ${LANGS.join(' or ')}`);
  if (v.reboot && v['dry-run']) throw usageError('--reboot and --dry-run contradict each other', 'a dry run changes nothing, so it never reboots');

  const color = v['no-color'] ? false : v.color ? true : !env.NO_COLOR;
  return {
    kind: 'run',
    options: {
      command: command as Options['command'],
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
