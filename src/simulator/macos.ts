import { traitsOf } from './scenarios.js';
import { MAC_LABEL, MAC_PLIST, type SimState } from './state.js';
import { advance, isIsolated, startNow, tryUnlock } from './model.js';
import { fail, ok, type SimResult } from './result.js';

/** Interprets the macOS commands the tool and its sh runbooks send (id, test, cat, cp, rm, mkdir, launchctl, ampcli, sleep). */
export function runMacos(s: SimState, program: string, args: string[]): SimResult {
  advance(s);
  switch (program) {
    case 'id':
      return ok(s.elevated ? '0\n' : '501\n');
    case 'test': {
      const [op, path = ''] = args;
      const exists = path in s.files || Object.keys(s.files).some((p) => p.startsWith(path.replace(/\/+$/, '') + '/'));
      return exists && (op === '-e' || op === '-x' || op === '-f' || op === '-d') ? ok('') : fail(1, '');
    }
    case 'cat': {
      const path = args[args.length - 1] ?? '';
      return path in s.files ? ok(s.files[path]) : fail(1, '', `cat: ${path}: No such file or directory\n`);
    }
    case 'mkdir':
      return s.elevated ? ok('') : fail(1, '', `mkdir: ${args[args.length - 1]}: Permission denied\n`);
    case 'cp': {
      const [src = '', dst = ''] = args.filter((a) => !a.startsWith('-'));
      if (!(src in s.files)) return fail(1, '', `cp: ${src}: No such file or directory\n`);
      if (!s.elevated) return fail(1, '', `cp: ${dst}: Permission denied\n`);
      s.files[dst] = s.files[src];
      return ok('');
    }
    case 'rm': {
      const path = args.filter((a) => !a.startsWith('-'))[0] ?? '';
      if (!(path in s.files)) return args.includes('-f') ? ok('') : fail(1, '', `rm: ${path}: No such file or directory\n`);
      if (!s.elevated || traitsOf(s.scenario).plistLocked && path.endsWith('endpoint_isolation.xml')) return fail(1, '', `rm: ${path}: Operation not permitted\n`);
      delete s.files[path];
      return ok('');
    }
    case 'sleep': {
      // A runbook's pause: simulated time moves, real time does not.
      const seconds = Number(args[0]);
      if (!Number.isFinite(seconds) || seconds < 0) return fail(1, '', `usage: sleep seconds\n`);
      s.clock += seconds * 1000;
      advance(s);
      return ok('');
    }
    case 'launchctl':
      return launchctl(s, args);
    case 'ampcli':
      return ampcli(s, args);
    default:
      return fail(127, '', `${program}: command not found\n`);
  }
}

function launchctl(s: SimState, args: string[]): SimResult {
  const [verb = '', target = ''] = args;
  switch (verb) {
    case 'print': {
      if (target !== `system/${MAC_LABEL}` || s.service.state !== 'RUNNING') return fail(113, '', `Could not find service "${MAC_LABEL}" in domain for system\n`);
      return ok(`system/${MAC_LABEL} = {\n\tactive count = 1\n\tpath = ${MAC_PLIST}\n\tstate = running\n\n\tprogram = /Library/Application Support/Cisco/Secure Endpoint/SecureEndpointService\n\tdomain = system\n\tpid = ${s.service.pid}\n}\n`);
    }
    case 'unload':
      if (!s.elevated) return fail(5, '', 'Unload failed: 5: Input/output error\nTry running `launchctl bootout` as root for richer errors.\n');
      if (traitsOf(s.scenario).unstoppable) return fail(5, '', 'Unload failed: 5: Input/output error\n');
      s.service.state = 'STOPPED';
      return ok('');
    case 'load':
      if (!s.elevated) return fail(5, '', 'Load failed: 5: Input/output error\nTry running `launchctl bootstrap` as root for richer errors.\n');
      if (s.service.state === 'RUNNING') return fail(37, '', `${target}: service already loaded\nLoad failed: 37: Operation already in progress\n`);
      startNow(s);
      return ok('');
    default:
      return fail(64, '', `Unrecognized subcommand: ${verb}\n`);
  }
}

/** ampcli's real output is not public; this follows the field names scripts parse ("Status:", "Mode:"...). */
function ampcli(s: SimState, args: string[]): SimResult {
  const [verb = '', sub = '', code = ''] = args;
  if (verb === 'version') return ok(`Cisco Secure Endpoint ${s.connectorVersion}\n`);
  if (verb === 'help') return ok('Usage: ampcli <command>\n  status\n  scan\n  history\n  isolate stop <unlock code>\n  version\n  help\n');
  if (verb === 'status') return ok(`Status: ${s.service.state === 'RUNNING' ? 'Connected' : 'Disconnected'}\nMode: Protect\nIsolation: ${isIsolated(s) ? 'Isolated' : 'Not Isolated'}\n`);
  if (verb === 'isolate' && sub === 'stop') {
    if (!s.elevated) return fail(1, '', 'Error: insufficient privileges\n');
    const outcome = tryUnlock(s, code);
    if (outcome === 'released' || outcome === 'not-isolated') return ok('Isolation stopped\n');
    if (outcome === 'locked-out') return fail(1, '', 'Error: Endpoint Isolation Unlock Limit Reached\n');
    return fail(1, '', 'Error: Invalid unlock code (3240624137)\n');
  }
  return fail(1, '', `Unknown command: ${verb}\n`);
}
