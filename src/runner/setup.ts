import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DryRunExecutor } from '../executors/dry-run.js';
import { SimulatedExecutor } from '../executors/simulated.js';
import type { Executor } from '../executors/types.js';
import { openSimState, saveSimState, simStatePath } from '../simulator/store.js';
import { SimulatedConsole } from '../simulator/console.js';
import type { SimState } from '../simulator/state.js';
import type { ConsoleApi } from '../cloud/console-api.js';
import { hostOs } from '../platform/detect.js';
import type { TargetOs } from '../platform/facts.js';
import { joinEndpointPath } from '../platform/paths.js';
import type { Options } from '../options.js';

/** Everything a run needs to reach the endpoint: executor, target OS, console, where backups go. */
export interface Endpoint {
  executor: Executor;
  os: TargetOs;
  console?: ConsoleApi;
  sim?: SimState;
  /** Where this session's backups go, on the endpoint. */
  backupRoot: string;
  label: string;
  /** Names the endpoint in the state dir: its run lock and its resume marker. */
  key: string;
}

export function newSessionId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Known before the endpoint is opened, so the run lock is taken before anything is read or written. */
export function endpointKey(options: Pick<Options, 'simulate' | 'executor' | 'host'>): string {
  if (options.simulate) return `simulated-${options.simulate}`;
  return options.executor === 'ssh' ? `ssh-${options.host}` : 'local';
}

const SIM_STATE_ROOT = { windows: 'C:\\ProgramData\\isolation-rescue', macos: '/Library/Application Support/isolation-rescue' } as const;

/**
 * `readOnly` (status): the simulated endpoint is read but its changes are never saved, so a status taken
 * while a rescue runs cannot write back an older copy of the simulator's state over the rescue's. Only an
 * explicit --scenario, which asks for a fresh endpoint, is written.
 */
export async function openEndpoint(options: Options, env: NodeJS.ProcessEnv, readOnly = false): Promise<Endpoint> {
  let executor: Executor;
  let os: TargetOs;
  let console: ConsoleApi | undefined;
  let sim: SimState | undefined;
  let backupRoot: string;
  let label: string;
  if (options.simulate) {
    const file = simStatePath(options.stateDir, options.simulate);
    sim = openSimState(file, options.simulate, options.scenario, undefined, !readOnly || Boolean(options.scenario));
    const state = sim;
    executor = new SimulatedExecutor(state, readOnly ? undefined : file);
    console = new SimulatedConsole(state, readOnly ? undefined : () => saveSimState(file, state));
    os = options.simulate;
    backupRoot = joinEndpointPath(SIM_STATE_ROOT[options.simulate], 'backups');
    label = `simulated ${options.simulate} endpoint (scenario ${state.scenario})`;
  } else if (options.executor === 'ssh') {
    const remote = await openSsh(options.host!, env);
    ({ executor, os } = remote);
    backupRoot = REMOTE_BACKUPS[os === 'windows' ? 'windows' : 'macos'];
    label = `${options.host} over ssh`;
    console = await realConsole(options);
  } else {
    // execa is loaded only when real commands will run: --help, --version and simulations never pay for it.
    const { LocalExecutor } = await import('../executors/local.js');
    executor = new LocalExecutor(env);
    const forced = env.ISOLATION_RESCUE_TARGET_OS;
    os = forced === 'windows' || forced === 'macos' ? forced : hostOs();
    backupRoot = join(options.stateDir, 'backups');
    label = 'this computer';
    console = await realConsole(options);
  }
  if (options.dryRun) executor = new DryRunExecutor(executor);
  return { executor, os, console, sim, backupRoot, label, key: endpointKey(options) };
}

const REMOTE_BACKUPS = { windows: 'C:\\ProgramData\\isolation-rescue\\backups', macos: '/Library/Application Support/isolation-rescue/backups' } as const;

/** ssh to the endpoint: which OS answers decides the remote shell's quoting and the commands. */
async function openSsh(host: string, env: NodeJS.ProcessEnv): Promise<{ executor: Executor; os: TargetOs }> {
  const { LocalExecutor } = await import('../executors/local.js');
  const { SshExecutor } = await import('../executors/ssh.js');
  // ssh itself needs the user's home (config, keys, known_hosts) and agent; nothing else is passed on.
  const local = new LocalExecutor({ PATH: env.PATH, HOME: env.HOME, USER: env.USER, LOGNAME: env.LOGNAME, SSH_AUTH_SOCK: env.SSH_AUTH_SOCK });
  const config = env.ISOLATION_RESCUE_SSH_CONFIG;
  const forced = env.ISOLATION_RESCUE_TARGET_OS;
  if (forced === 'windows' || forced === 'macos') return { executor: new SshExecutor(local, host, forced === 'windows' ? 'cmd' : 'posix', config), os: forced };
  // uname answers on macOS and Linux; on Windows, cmd.exe says it does not know it.
  const probe = await new SshExecutor(local, host, 'posix', config).run({ program: 'uname', args: ['-s'], effect: 'read', timeoutMs: 30_000 });
  const name = probe.stdout.trim();
  if (probe.exitCode === 0 && name === 'Darwin') return { executor: new SshExecutor(local, host, 'posix', config), os: 'macos' };
  if (probe.exitCode === 0) return { executor: new SshExecutor(local, host, 'posix', config), os: name === 'Linux' ? 'linux' : 'other' };
  return { executor: new SshExecutor(local, host, 'cmd', config), os: 'windows' };
}

/** The console over HTTP, from the environment's credentials or those typed into the wizard. */
export async function realConsole(options: Options, typed?: { clientId: string; apiKey: string }): Promise<ConsoleApi | undefined> {
  const apiClientId = typed?.clientId ?? options.secrets.apiClientId;
  const apiKey = typed?.apiKey ?? options.secrets.apiKey;
  if (!apiClientId || !apiKey) return undefined;
  const { ApiClient } = await import('../cloud/api-client.js');
  const { REGION_URLS } = await import('../cloud/regions.js');
  return new ApiClient({ baseUrl: options.apiUrl ?? REGION_URLS[options.apiRegion], clientId: apiClientId, apiKey });
}
