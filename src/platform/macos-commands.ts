import type { Command } from '../executors/types.js';

/** Every macOS command the tool runs, as argument arrays (the seed note's rm / launchctl unload / load). */

export const ISOLATION_FILE = '/Library/Application Support/Cisco/Secure Endpoint/endpoint_isolation.xml';
export const LOCAL_XML = '/Library/Application Support/Cisco/Secure Endpoint/local.xml';
export const DAEMON_PLIST = '/Library/LaunchDaemons/com.cisco.amp.daemon.plist';
export const DAEMON_LABEL = 'com.cisco.amp.daemon';
export const DEFAULT_AMPCLI = '/opt/cisco/amp/ampcli';

const read = (program: string, args: string[], timeoutMs = 30_000): Command => ({ program, args, effect: 'read', timeoutMs });
const change = (program: string, args: string[], timeoutMs = 60_000, secrets?: string[]): Command => ({ program, args, effect: 'change', timeoutMs, secrets });

export const macCmd = {
  userId: () => read('id', ['-u']),
  exists: (path: string) => read('test', ['-e', path]),
  executable: (path: string) => read('test', ['-x', path]),
  readFile: (path: string) => read('cat', [path]),
  ampcli: (ampcli: string, ...args: string[]) => read(ampcli, args),
  unlock: (ampcli: string, code: string) => change(ampcli, ['isolate', 'stop', code], 60_000, [code]),
  daemonPrint: () => read('launchctl', ['print', `system/${DAEMON_LABEL}`]),
  unload: () => change('launchctl', ['unload', DAEMON_PLIST]),
  load: () => change('launchctl', ['load', DAEMON_PLIST]),
  mkdir: (dir: string) => change('mkdir', ['-p', dir]),
  copy: (from: string, to: string) => change('cp', ['-p', from, to]),
  remove: (path: string) => change('rm', ['-f', path]),
} as const;
