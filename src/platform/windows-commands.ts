import type { Command } from '../executors/types.js';
import { RescueError } from '../errors.js';
import { EXIT } from '../exit-codes.js';

/**
 * Every Windows command the tool runs, one small builder each, as argument arrays.
 * The same builders feed the executors and (later) the runbook writer, so there is one source of truth.
 */

export const IMMUNET_KEY = 'HKLM\\SOFTWARE\\Immunet Protect';
export const MARKER_VALUE = 'unlock_code';
export const DEFAULT_INSTALL_DIR = 'C:\\Program Files\\Cisco\\AMP';

const read = (program: string, args: string[], timeoutMs = 30_000): Command => ({ program, args, effect: 'read', timeoutMs });
const change = (program: string, args: string[], timeoutMs = 60_000, secrets?: string[]): Command => ({ program, args, effect: 'change', timeoutMs, secrets });

/** cmd.exe re-parses its command line, so a path that reaches it must hold none of its metacharacters. */
export function assertCmdSafePath(path: string): string {
  if (/["&|<>^%!\r\n]/.test(path)) {
    throw new RescueError(`refusing to pass the path ${JSON.stringify(path)} to cmd.exe: it holds a character cmd.exe would interpret`, EXIT.unsupported);
  }
  return path;
}

export const winCmd = {
  whoamiGroups: () => read('whoami.exe', ['/groups']),
  regQueryValue: (name: string) => read('reg.exe', ['query', IMMUNET_KEY, '/v', name, '/reg:64']),
  regDeleteMarker: () => change('reg.exe', ['delete', IMMUNET_KEY, '/v', MARKER_VALUE, '/f', '/reg:64']),
  regExportKey: (file: string) => change('reg.exe', ['export', IMMUNET_KEY, file, '/y', '/reg:64']),
  regImport: (file: string) => change('reg.exe', ['import', file, '/reg:64']),
  findSfc: (installDir: string) => read('where.exe', ['/R', installDir, 'sfc.exe']),
  fileExists: (dir: string, file: string) => read('where.exe', ['/Q', `${dir}:${file}`]),
  listServices: () => read('sc.exe', ['query', 'type=', 'service', 'state=', 'all']),
  queryService: (name: string) => read('sc.exe', ['query', name]),
  stopService: (name: string) => change('sc.exe', ['stop', name]),
  startService: (name: string) => change('sc.exe', ['start', name]),
  sfcUnlock: (sfc: string, code: string) => change(sfc, ['-n', code], 60_000, [code]),
  sfcStopWithPassword: (sfc: string, password: string) => change(sfc, ['-k', password], 120_000, [password]),
  readFile: (path: string) => read('findstr.exe', ['/R', '/C:.', path]),
  mkdir: (dir: string) => change('cmd.exe', ['/d', '/c', 'mkdir', assertCmdSafePath(dir)]),
  copyFile: (fromDir: string, toDir: string, file: string) => change('robocopy.exe', [fromDir, toDir, file, '/COPY:DAT', '/R:0', '/W:0', '/NP']),
  deleteFile: (path: string) => change('cmd.exe', ['/d', '/c', 'del', '/f', '/q', assertCmdSafePath(path)]),
  reboot: (reason: string) => change('shutdown.exe', ['/r', '/t', '5', '/c', reason]),
  bitlockerStatus: () => read('manage-bde.exe', ['-status', 'C:']),
  bcdCurrent: () => read('bcdedit.exe', ['/enum', '{current}']),
} as const;
