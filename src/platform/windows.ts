import { joinEndpointPath } from './paths.js';
import { isRegNotFound, parseRegQuery } from './parse/reg.js';
import { isAccessDenied, parseScQuery, scErrorCode, SC_ERROR, type ServiceState } from './parse/sc.js';
import { parseWhoamiElevated } from './parse/whoami.js';
import { parseLocalXmlGuid } from './parse/local-xml.js';
import { pickHighestSfc, supportsIsolation } from './parse/version.js';
import { emptyFacts, type Facts } from './facts.js';
import { SERVICE_WAIT, type Shell, type WaitOptions } from './shell.js';
import { MARKER_VALUE, winCmd } from './windows-commands.js';

/** Windows connector operations: each runs the seed note's commands through the shell and reads their result. */

/** Service names across connector generations: CiscoAMP_<version> (7.x), CiscoAMP (8.x), ImmunetProtect (old). */
const CONNECTOR_SERVICE = /^(CiscoAMP(_[\d.]+)?|ImmunetProtect(Connector)?)$/i;

export async function detectWindows(sh: Shell): Promise<Facts> {
  const facts = emptyFacts('windows');
  const who = await sh.run(winCmd.whoamiGroups());
  facts.elevated = parseWhoamiElevated(who.stdout);
  if (facts.elevated === undefined) facts.notes.push('could not tell from whoami /groups whether this prompt is elevated');

  const dir = await sh.run(winCmd.regQueryValue('InstallDir'));
  const installDir = parseRegQuery(dir.stdout).find((v) => v.name === 'InstallDir')?.data;
  if (!installDir) return facts;
  facts.connector = { present: true, installDir };

  const sfc = pickHighestSfc((await sh.run(winCmd.findSfc(installDir))).stdout);
  if (sfc) {
    facts.connector.cliPath = sfc.path;
    facts.connector.version = sfc.version;
    facts.connector.supportsIsolation = supportsIsolation('windows', sfc.version);
  } else {
    facts.notes.push(`no version folder holding sfc.exe was found under ${installDir}`);
  }

  const services = parseScQuery((await sh.run(winCmd.listServices())).stdout).filter((s) => CONNECTOR_SERVICE.test(s.name));
  if (services.length > 1) facts.notes.push(`several connector services found: ${services.map((s) => s.name).join(', ')}`);
  const service = services.find((s) => s.state === 'running') ?? services[0];
  facts.service = service ? { name: service.name, state: service.state } : { state: 'missing' };

  facts.isolated = await markerPresent(sh);

  const xml = await sh.run(winCmd.readFile(joinEndpointPath(installDir, 'local.xml')));
  facts.guid = xml.exitCode === 0 ? parseLocalXmlGuid(xml.stdout) : undefined;
  if (!facts.guid) facts.notes.push('no connector GUID at /config/agent/uuid in local.xml');
  return facts;
}

/** true = the unlock_code value exists (isolated); false = reg says it is not there; undefined = could not tell. */
export async function markerPresent(sh: Shell): Promise<boolean | undefined> {
  const r = await sh.run(winCmd.regQueryValue(MARKER_VALUE));
  if (r.exitCode === 0 && parseRegQuery(r.stdout).some((v) => v.name === MARKER_VALUE)) return true;
  if (isRegNotFound(r.stderr + r.stdout)) return false;
  return undefined;
}

export async function serviceState(sh: Shell, name: string): Promise<ServiceState | 'missing'> {
  const r = await sh.run(winCmd.queryService(name));
  if (r.exitCode === SC_ERROR.notInstalled || scErrorCode(r.stdout + r.stderr) === SC_ERROR.notInstalled) return 'missing';
  return parseScQuery(r.stdout)[0]?.state ?? 'unknown';
}

export async function waitForService(sh: Shell, name: string, want: ServiceState, wait: WaitOptions = SERVICE_WAIT): Promise<ServiceState | 'missing'> {
  const deadline = sh.now() + wait.timeoutMs;
  let state = await serviceState(sh, name);
  while (state !== want && state !== 'missing' && sh.now() < deadline) {
    await sh.sleep(wait.pollMs);
    state = await serviceState(sh, name);
  }
  return state;
}

export type StopOutcome =
  | { ok: true; via: 'sc' | 'sfc-k' | 'already-stopped' }
  | { ok: false; reason: 'access-denied' | 'password-refused' | 'timeout' | 'failed'; detail: string };

/** sc stop, and when Connector Protection refuses it, sfc.exe -k with the protection password if one was given. */
export async function stopService(sh: Shell, name: string, sfcPath: string | undefined, password: string | undefined): Promise<StopOutcome> {
  const r = await sh.run(winCmd.stopService(name));
  const text = r.stdout + r.stderr;
  let via: 'sc' | 'sfc-k' = 'sc';
  // A dry run did not send the stop, so there is nothing to wait for.
  if (r.skipped) return { ok: true, via };
  if (r.exitCode === SC_ERROR.notStarted || scErrorCode(text) === SC_ERROR.notStarted) return { ok: true, via: 'already-stopped' };
  if (r.timedOut) return { ok: false, reason: 'timeout', detail: 'sc stop did not return in time' };
  if (r.exitCode !== 0) {
    if (!isAccessDenied(r.exitCode, text)) return { ok: false, reason: 'failed', detail: firstLine(text) };
    if (!password || !sfcPath) return { ok: false, reason: 'access-denied', detail: firstLine(text) };
    const k = await sh.run(winCmd.sfcStopWithPassword(sfcPath, password));
    if (k.exitCode !== 0 || k.timedOut) return { ok: false, reason: 'password-refused', detail: firstLine(k.stderr + k.stdout) || `sfc.exe -k exited ${k.exitCode}` };
    via = 'sfc-k';
  }
  const state = await waitForService(sh, name, 'stopped');
  return state === 'stopped' ? { ok: true, via } : { ok: false, reason: 'timeout', detail: `service still ${state} after waiting` };
}

export async function startService(sh: Shell, name: string): Promise<{ ok: boolean; state: ServiceState | 'missing'; detail: string }> {
  // A stop may still be under way (the tool was interrupted mid-stop): let it finish before starting.
  let state = await serviceState(sh, name);
  if (state === 'stop_pending') state = await waitForService(sh, name, 'stopped');
  if (state === 'running') return { ok: true, state, detail: '' };
  const r = await sh.run(winCmd.startService(name));
  if (r.skipped) return { ok: true, state: 'running', detail: '' };
  const text = r.stdout + r.stderr;
  if (r.exitCode !== 0 && scErrorCode(text) !== SC_ERROR.alreadyRunning && r.exitCode !== SC_ERROR.alreadyRunning) {
    return { ok: false, state: await serviceState(sh, name), detail: firstLine(text) || `sc start exited ${r.exitCode}` };
  }
  state = await waitForService(sh, name, 'running');
  return { ok: state === 'running', state, detail: state === 'running' ? '' : `service is ${state}` };
}

export async function fileExists(sh: Shell, dir: string, file: string): Promise<boolean> {
  return (await sh.run(winCmd.fileExists(dir, file))).exitCode === 0;
}

export function firstLine(text: string): string {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/^\[SC\]/.test(l) || /FAILED/.test(l)).slice(0, 2).join(' ').slice(0, 200);
}

