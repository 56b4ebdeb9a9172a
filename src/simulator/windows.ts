import { traitsOf } from './scenarios.js';
import { SC_ACCESS_DENIED, SC_ALREADY_RUNNING, SC_NOT_STARTED, SC_NO_SERVICE, serviceBlock } from './sc-text.js';
import { SIM_PROTECTION_PASSWORD, joinEndpointPath, type SimState } from './state.js';
import { advance, beginStart, beginStop, jobsDbPath, reboot, tryUnlock } from './model.js';
import type { SimResult } from './result.js';
import { ok, fail } from './result.js';

/** Interprets the Windows commands the tool sends (sc, reg, sfc.exe, where, robocopy, cmd, ...) against a SimState. */

const REG_NOT_FOUND = 'ERROR: The system was unable to find the specified registry key or value.\r\n';
const REG_DENIED = 'ERROR: Access is denied.\r\n';
const REG_OK = 'The operation completed successfully.\r\n';
const IN_USE = 'The process cannot access the file because it is being used by another process.\r\n';

const isOurKey = (key: string) => /^(HKLM|HKEY_LOCAL_MACHINE)\\SOFTWARE\\Immunet Protect$/i.test(key);
const flag = (args: string[], name: string) => {
  const i = args.findIndex((a) => a.toLowerCase() === name.toLowerCase());
  return i >= 0 ? args[i + 1] : undefined;
};
const has = (args: string[], name: string) => args.some((a) => a.toLowerCase() === name.toLowerCase());

export function runWindows(s: SimState, program: string, args: string[]): SimResult {
  advance(s);
  switch (program) {
    case 'whoami':
      return whoami(s);
    case 'reg':
      return reg(s, args);
    case 'sc':
      return sc(s, args);
    case 'sfc':
      return sfc(s, args);
    case 'where':
      return where(s, args);
    case 'robocopy':
      return robocopy(s, args);
    case 'cmd':
      return cmd(s, args);
    case 'findstr':
      return findstr(s, args);
    case 'shutdown':
      if (!s.elevated) return fail(5, '', 'Access is denied.(5)\r\n');
      reboot(s);
      return ok('');
    case 'manage-bde':
      return ok(
        'BitLocker Drive Encryption: Configuration Tool version 10.0.19041\r\n\r\nVolume C: [OS]\r\n[OS Volume]\r\n\r\n    Size:                 475.72 GB\r\n    BitLocker Version:    2.0\r\n    Conversion Status:    Used Space Only Encrypted\r\n    Percentage Encrypted: 100.0%\r\n    Encryption Method:    XTS-AES 128\r\n    Protection Status:    Protection On\r\n    Lock Status:          Unlocked\r\n    Identification Field: Unknown\r\n    Key Protectors:\r\n        TPM\r\n        Numerical Password\r\n',
      );
    case 'bcdedit':
      return bcdedit(s, args);
    default:
      return fail(9009, '', `'${program}' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n`);
  }
}

function whoami(s: SimState): SimResult {
  const label = s.elevated ? 'Mandatory Label\\High Mandatory Level       Label            S-1-16-12288' : 'Mandatory Label\\Medium Mandatory Level     Label            S-1-16-8192';
  return ok(`\r\nGROUP INFORMATION\r\n-----------------\r\n\r\nGroup Name                                 Type             SID          Attributes\r\n========================================== ================ ============ ==================================================\r\nEveryone                                   Well-known group S-1-1-0      Mandatory group, Enabled by default, Enabled group\r\n${label}\r\n`);
}

function reg(s: SimState, args: string[]): SimResult {
  const [verb = '', key = ''] = args;
  const name = flag(args, '/v');
  switch (verb.toLowerCase()) {
    case 'query': {
      if (!isOurKey(key) || name === undefined || !(name in s.registry)) return fail(1, '', REG_NOT_FOUND);
      const v = s.registry[name];
      return ok(`\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Immunet Protect\r\n    ${name}    ${v.type}    ${v.data}\r\n\r\n`);
    }
    case 'delete': {
      if (!s.elevated) return fail(1, '', REG_DENIED);
      if (!isOurKey(key) || name === undefined || !(name in s.registry)) return fail(1, '', REG_NOT_FOUND);
      // The connector's self-protection holds its key while the service runs (the seed note's "Access is denied").
      if (s.service.state !== 'STOPPED') return fail(1, '', REG_DENIED);
      delete s.registry[name];
      return ok(REG_OK);
    }
    case 'add': {
      if (!s.elevated || s.service.state !== 'STOPPED') return fail(1, '', REG_DENIED);
      if (!isOurKey(key) || name === undefined) return fail(1, '', 'ERROR: Invalid syntax.\r\nType "REG ADD /?" for usage.\r\n');
      s.registry[name] = { type: flag(args, '/t') ?? 'REG_SZ', data: flag(args, '/d') ?? '' };
      return ok(REG_OK);
    }
    case 'export': {
      const file = args[2];
      if (!isOurKey(key) || !file) return fail(1, '', REG_NOT_FOUND);
      const lines = Object.entries(s.registry).map(([n, v]) => `"${n}"="${v.data.replace(/\\/g, '\\\\')}"`);
      s.files[file] = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Immunet Protect]\r\n${lines.join('\r\n')}\r\n`;
      return ok(REG_OK);
    }
    case 'import': {
      const content = s.files[key];
      if (content === undefined) return fail(1, '', 'ERROR: Error opening the file. There may be a disk or file system error.\r\n');
      if (!s.elevated || s.service.state !== 'STOPPED') return fail(1, '', 'ERROR: Error accessing the registry.\r\n');
      for (const m of content.matchAll(/^"([^"]+)"="((?:[^"\\]|\\.)*)"/gm)) s.registry[m[1]] = { type: 'REG_SZ', data: m[2].replace(/\\\\/g, '\\') };
      return ok(REG_OK);
    }
    default:
      return fail(1, '', `ERROR: Invalid syntax.\r\nType "REG /?" for usage.\r\n`);
  }
}

function sc(s: SimState, args: string[]): SimResult {
  const [verb = '', name = ''] = args;
  const svc = s.service;
  const ours = name.toLowerCase() === svc.name.toLowerCase();
  switch (verb.toLowerCase()) {
    case 'query':
    case 'queryex': {
      if (name.toLowerCase() === 'type=' || name === '') {
        const others = [serviceBlock('WinDefend', 'STOPPED', { display: 'Microsoft Defender Antivirus Service' }), serviceBlock('wscsvc', 'RUNNING', { display: 'Security Center' })];
        return ok([serviceBlock(svc.name, svc.state, { display: 'Cisco Secure Endpoint 7.4.5.20701' }), ...others].join('\r\n'));
      }
      if (!ours) return fail(1060, SC_NO_SERVICE('EnumQueryServicesStatus:OpenService'));
      return ok(serviceBlock(svc.name, svc.state, { pid: verb.toLowerCase() === 'queryex' ? (svc.state === 'STOPPED' ? 0 : svc.pid) : undefined }));
    }
    case 'stop': {
      if (!ours) return fail(1060, SC_NO_SERVICE('OpenService'));
      const t = traitsOf(s.scenario);
      if (!s.elevated || t.protectedService || t.unstoppable) return fail(5, SC_ACCESS_DENIED('OpenService'));
      if (svc.state === 'STOPPED') return fail(1062, SC_NOT_STARTED);
      beginStop(s);
      return ok(serviceBlock(svc.name, svc.state, { waitHint: 0x2710 }));
    }
    case 'start': {
      if (!ours) return fail(1060, SC_NO_SERVICE('StartService: OpenService'));
      if (!s.elevated) return fail(5, SC_ACCESS_DENIED('StartService: OpenService'));
      if (svc.state !== 'STOPPED') return fail(1056, SC_ALREADY_RUNNING);
      beginStart(s);
      return ok(serviceBlock(svc.name, svc.state, { pid: svc.pid, waitHint: 0x7d0 }));
    }
    default:
      return fail(1, `ERROR:  Unrecognized command\r\n`);
  }
}

/** sfc.exe prints nothing on success in the seed note; its failure text is not public, so this one is ours. */
function sfc(s: SimState, args: string[]): SimResult {
  const [opt = '', value = ''] = args;
  if (!s.elevated) return fail(5, '', 'Access is denied.\r\n');
  switch (opt.toLowerCase()) {
    case '-n': {
      const outcome = tryUnlock(s, value);
      if (outcome === 'released' || outcome === 'not-isolated') return ok('');
      if (outcome === 'locked-out') return fail(1, '', 'Endpoint Isolation Unlock Limit Reached (553648215)\r\n');
      return fail(1, '', 'Isolation Stop Failed: Invalid unlock code (3240624137)\r\n');
    }
    case '-k': {
      const t = traitsOf(s.scenario);
      if (t.unstoppable || value !== SIM_PROTECTION_PASSWORD) return fail(1, '', 'Failed to stop the service: the password was refused.\r\n');
      if (s.service.state !== 'STOPPED') beginStop(s);
      return ok('');
    }
    case '-s':
      if (s.service.state === 'STOPPED') beginStart(s);
      return ok('');
    default:
      return fail(1, '', 'Usage: sfc.exe [-n code] [-k password] [-s]\r\n');
  }
}

function where(s: SimState, args: string[]): SimResult {
  const quiet = has(args, '/q');
  const rest = args.filter((a) => !/^\/[qrtf]$/i.test(a));
  const r = flag(args, '/r');
  let matches: string[];
  if (r !== undefined) {
    const pattern = rest[rest.length - 1]?.toLowerCase() ?? '';
    const prefix = r.replace(/[\\/]+$/, '').toLowerCase();
    matches = Object.keys(s.files).filter((p) => p.toLowerCase().startsWith(prefix) && p.toLowerCase().endsWith(`\\${pattern}`) || p.toLowerCase().startsWith(prefix) && p.toLowerCase().endsWith(`/${pattern}`));
  } else {
    // "dir:pattern" (the drive letter's colon is not the separator).
    const spec = rest[0] ?? '';
    const cut = spec.lastIndexOf(':');
    const dir = spec.slice(0, cut);
    const file = spec.slice(cut + 1);
    const full = joinEndpointPath(dir, file);
    matches = Object.keys(s.files).filter((p) => p.toLowerCase() === full.toLowerCase());
  }
  if (matches.length === 0) return fail(1, '', quiet ? '' : 'INFO: Could not find files for the given pattern(s).\r\n');
  return ok(quiet ? '' : matches.sort().join('\r\n') + '\r\n');
}

/** robocopy SRC DST FILE [options]: exit 1 = copied, 0 = nothing to copy, 8+ = failure. */
function robocopy(s: SimState, args: string[]): SimResult {
  const [src = '', dst = '', file = ''] = args;
  const from = joinEndpointPath(src, file);
  const content = Object.entries(s.files).find(([p]) => p.toLowerCase() === from.toLowerCase())?.[1];
  if (content === undefined) return { exitCode: 0, stdout: `\r\n               Total    Copied\r\n    Files :         0         0\r\n`, stderr: '' };
  s.files[joinEndpointPath(dst, file)] = content;
  return { exitCode: 1, stdout: `\r\n\t  New File  \t\t   ${content.length}\t${from}\r\n               Total    Copied\r\n    Files :         1         1\r\n`, stderr: '' };
}

/** cmd /d /c mkdir|del: the only two built-ins the tool uses (paths are checked before they get here). */
function cmd(s: SimState, args: string[]): SimResult {
  const cIndex = args.findIndex((a) => a.toLowerCase() === '/c');
  const [builtin = '', ...rest] = args.slice(cIndex + 1);
  // Switches are one letter (/f /q); the fake binaries' paths are POSIX paths that also begin with a slash.
  const target = rest.filter((a) => !/^\/[a-z]$/i.test(a))[0] ?? '';
  if (builtin.toLowerCase() === 'mkdir') return ok('');
  if (builtin.toLowerCase() === 'del') {
    const key = Object.keys(s.files).find((p) => p.toLowerCase() === target.toLowerCase());
    if (!key) return ok('', `Could Not Find ${target}\r\n`);
    if (!s.elevated) return ok('', `${target}\r\nAccess is denied.\r\n`);
    // del reports a locked file on stderr but still exits 0: the tool must check the file is really gone.
    if (key.toLowerCase() === jobsDbPath(s).toLowerCase() && s.service.state !== 'STOPPED') return ok('', IN_USE);
    delete s.files[key];
    return ok('');
  }
  return fail(1, '', `'${builtin}' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n`);
}

function findstr(s: SimState, args: string[]): SimResult {
  const file = args[args.length - 1] ?? '';
  const content = Object.entries(s.files).find(([p]) => p.toLowerCase() === file.toLowerCase())?.[1];
  if (content === undefined) return fail(1, '', `FINDSTR: Cannot open ${file}\r\n`);
  return ok(content.split('\n').filter((l) => l.trim() !== '').join('\r\n') + '\r\n');
}

function bcdedit(s: SimState, args: string[]): SimResult {
  if (!s.elevated) return fail(1, '', 'The boot configuration data store could not be opened.\r\nAccess is denied.\r\n');
  const verb = (args[0] ?? '').toLowerCase();
  if (verb === '/set' && args[2]?.toLowerCase() === 'safeboot') {
    s.safeboot = args[3] ?? 'minimal';
    return ok('The operation completed successfully.\r\n');
  }
  if (verb === '/deletevalue' && args[2]?.toLowerCase() === 'safeboot') {
    s.safeboot = null;
    return ok('The operation completed successfully.\r\n');
  }
  const safe = s.safeboot ? `safeboot                ${s.safeboot[0].toUpperCase()}${s.safeboot.slice(1)}\r\n` : '';
  return ok(`\r\nWindows Boot Loader\r\n-------------------\r\nidentifier              {current}\r\ndevice                  partition=C:\r\npath                    \\WINDOWS\\system32\\winload.efi\r\ndescription             Windows 10\r\n${safe}`);
}

