import { usageError } from '../errors.js';
import { t } from '../messages/index.js';
import { DEFAULT_INSTALL_DIR, IMMUNET_KEY, MARKER_VALUE, winCmd } from '../platform/windows-commands.js';
import { DAEMON_LABEL, ISOLATION_FILE, macCmd } from '../platform/macos-commands.js';
import { joinEndpointPath, splitEndpointPath } from '../platform/paths.js';
import { VAR, type Runbook, type RunbookStep } from './plan.js';

const WIN_BACKUPS = 'C:\\ProgramData\\isolation-rescue\\backups';
const MAC_BACKUPS = '/Library/Application Support/isolation-rescue/backups';

/**
 * The runbook of each method, step for step what the rung does, built from the same command builders
 * (winCmd, macCmd) the rungs run, so a command changes in one place for both.
 */
export function runbookFor(os: 'windows' | 'macos', method: string, stamp: string, backupDir?: string): Runbook {
  const plans: Record<string, () => RunbookStep[]> = os === 'windows' ? windowsPlans(backupDir ?? `${WIN_BACKUPS}\\runbook-${stamp}`) : macosPlans(backupDir ?? `${MAC_BACKUPS}/runbook-${stamp}`);
  const plan = plans[method];
  if (!plan) throw usageError(t('runbook.noSuchMethod', { method, os }), t('runbook.methods', { os, methods: Object.keys(plans).join(', ') }));
  return { os, method, title: `isolation-rescue runbook: ${method} (${os})`, steps: plan(), restart: os === 'windows' ? winCmd.startService(VAR.SVC) : macCmd.load() };
}

const markerPresent = (otherwise: 'nothing-to-do' | 'abort'): RunbookStep => ({
  kind: 'need', title: `the isolation marker (${IMMUNET_KEY} value ${MARKER_VALUE}) is there`, check: winCmd.regQueryValue(MARKER_VALUE), want: 'present', otherwise, because: 'the computer is not isolated (no unlock_code value): nothing to do',
});
const markerGone: RunbookStep = { kind: 'need', title: 'the isolation marker is gone', check: winCmd.regQueryValue(MARKER_VALUE), want: 'absent', otherwise: 'abort', because: 'the unlock_code value is still there: isolation is not released' };

/** The unlock-code runbook, the same on both OSes but for how the connector's tool is found and called. */
function unlockPlan(tool: string, present: RunbookStep, gone: RunbookStep, find: RunbookStep[], unlock: RunbookStep): RunbookStep[] {
  return [
    { kind: 'say', text: `Releases isolation with the console unlock code (${tool}). Five wrong codes lock the connector out for 30 minutes.` },
    { kind: 'admin' },
    present,
    ...find,
    { kind: 'read-code' },
    { kind: 'confirm', question: 'Use one unlock attempt now?', onNo: 'abort' },
    unlock,
    { kind: 'pause', seconds: 10 },
    gone,
    { kind: 'success', text: 'Isolation is released. Check the Secure Endpoint UI shows Isolation: Not Isolated.' },
  ];
}

function windowsPlans(backupDir: string): Record<string, () => RunbookStep[]> {
  const jobsDb = joinEndpointPath(DEFAULT_INSTALL_DIR, 'jobs.db');
  const stopService: RunbookStep[] = [
    { kind: 'run', title: 'stop the connector service', command: winCmd.stopService(VAR.SVC), ok: [0, 1062], onFail: 'abort' },
    { kind: 'wait-service', state: 'STOPPED', seconds: 60, onFail: 'restart-abort' },
  ];
  const startService: RunbookStep[] = [
    { kind: 'run', title: 'start the connector service', command: winCmd.startService(VAR.SVC), ok: [0, 1056], onFail: 'abort' },
    { kind: 'wait-service', state: 'RUNNING', seconds: 60, onFail: 'abort' },
  ];
  const backupReg = joinEndpointPath(backupDir, 'immunet-protect.reg');
  return {
    'unlock-code': () =>
      unlockPlan('sfc.exe -n', markerPresent('nothing-to-do'), markerGone, [{ kind: 'find-sfc', installDir: DEFAULT_INSTALL_DIR }], {
        kind: 'run', title: 'sfc.exe -n with the unlock code', command: winCmd.sfcUnlock(VAR.SFC, VAR.CODE), ok: [0], onFail: 'abort',
      }),
    registry: () => [
      { kind: 'say', text: 'Stops the connector service, deletes only the unlock_code registry value (after a backup), and starts the service again.' },
      { kind: 'admin' },
      markerPresent('nothing-to-do'),
      { kind: 'find-service' },
      { kind: 'confirm', question: 'Stop the connector service and delete the unlock_code value (after a backup)?', onNo: 'abort' },
      { kind: 'run', title: 'create the backup folder', command: winCmd.mkdir(backupDir), ok: [0, 1], onFail: 'abort' },
      { kind: 'run', title: 'back up the Immunet Protect key', command: winCmd.regExportKey(backupReg), ok: [0], onFail: 'abort' },
      { kind: 'need', title: 'the backup is there', check: winCmd.fileExists(backupDir, 'immunet-protect.reg'), want: 'present', otherwise: 'abort', because: 'the backup was not written: nothing was changed' },
      ...stopService,
      { kind: 'run', title: 'delete the unlock_code value', command: winCmd.regDeleteMarker(), ok: [0], onFail: 'restart-abort' },
      ...startService,
      markerGone,
      { kind: 'success', text: `Isolation is released. The backup is ${backupReg}. Check the Secure Endpoint UI shows Isolation: Not Isolated.` },
    ],
    'jobs-db': () => [
      { kind: 'say', text: 'Stops the connector service, deletes jobs.db (after a backup) and reboots: at boot the connector finds no isolation job.' },
      { kind: 'admin' },
      { kind: 'find-service' },
      { kind: 'need', title: 'jobs.db is there', check: winCmd.fileExists(DEFAULT_INSTALL_DIR, 'jobs.db'), want: 'present', otherwise: 'abort', because: `${jobsDb} is not there (deleted already? then only the reboot is left)` },
      { kind: 'confirm', question: `Stop the connector service and delete ${jobsDb} (after a backup)?`, onNo: 'abort' },
      { kind: 'run', title: 'create the backup folder', command: winCmd.mkdir(backupDir), ok: [0, 1], onFail: 'abort' },
      ...stopService,
      { kind: 'run', title: 'back up jobs.db', command: winCmd.copyFile(DEFAULT_INSTALL_DIR, backupDir, 'jobs.db'), ok: [1], onFail: 'restart-abort' },
      { kind: 'need', title: 'the backup is there', check: winCmd.fileExists(backupDir, 'jobs.db'), want: 'present', otherwise: 'restart-abort', because: 'the backup was not written: nothing was deleted' },
      { kind: 'run', title: 'delete jobs.db', command: winCmd.deleteFile(jobsDb), ok: [0], onFail: 'restart-abort' },
      { kind: 'need', title: 'jobs.db is gone', check: winCmd.fileExists(DEFAULT_INSTALL_DIR, 'jobs.db'), want: 'absent', otherwise: 'restart-abort', because: 'jobs.db is still there (in use?)' },
      { kind: 'confirm', question: 'Reboot now to finish? (No starts the service again; reboot later yourself)', onNo: 'restart-abort' },
      { kind: 'run', title: 'reboot', command: winCmd.reboot('isolation-rescue runbook: finishing the jobs.db recovery'), ok: [0], onFail: 'restart-abort' },
      { kind: 'success', text: 'Rebooting. After the restart, check the Secure Endpoint UI shows Isolation: Not Isolated.' },
    ],
    'safe-boot': () => [
      ...['safeBoot.intro', 'safeBoot.msconfig', 'safeBoot.bcdedit', 'safeBoot.inSafeMode', 'safeBoot.undo', 'safeBoot.bitlockerUnknown', 'safeBoot.soc'].map((id) => ({ kind: 'say' as const, text: t(id as 'safeBoot.intro') })),
      { kind: 'run', title: 'BitLocker state of C: (read-only)', command: winCmd.bitlockerStatus(), ok: [0], onFail: 'abort' },
    ],
  };
}

function macosPlans(backupDir: string): Record<string, () => RunbookStep[]> {
  const { file } = splitEndpointPath(ISOLATION_FILE);
  const backup = joinEndpointPath(backupDir, file);
  const present: RunbookStep = { kind: 'need', title: 'endpoint_isolation.xml is there', check: macCmd.exists(ISOLATION_FILE), want: 'present', otherwise: 'nothing-to-do', because: 'the computer is not isolated (no endpoint_isolation.xml): nothing to do' };
  const gone: RunbookStep = { kind: 'need', title: 'endpoint_isolation.xml is gone', check: macCmd.exists(ISOLATION_FILE), want: 'absent', otherwise: 'abort', because: 'endpoint_isolation.xml is still there: isolation is not released' };
  return {
    'unlock-code': () =>
      unlockPlan('ampcli isolate stop', present, gone, [], {
        kind: 'run', title: 'ampcli isolate stop with the unlock code', command: macCmd.unlock(VAR.AMPCLI, VAR.CODE), ok: [0], onFail: 'abort',
      }),
    plist: () => [
      { kind: 'say', text: 'Removes endpoint_isolation.xml (after a backup) and reloads the Secure Endpoint daemon.' },
      { kind: 'admin' },
      present,
      { kind: 'confirm', question: `Delete ${ISOLATION_FILE} (after a backup) and reload the daemon?`, onNo: 'abort' },
      { kind: 'run', title: 'create the backup folder', command: macCmd.mkdir(backupDir), ok: [0], onFail: 'abort' },
      { kind: 'run', title: 'back up endpoint_isolation.xml', command: macCmd.copy(ISOLATION_FILE, backup), ok: [0], onFail: 'abort' },
      { kind: 'need', title: 'the backup is there', check: macCmd.exists(backup), want: 'present', otherwise: 'abort', because: 'the backup was not written: nothing was changed' },
      { kind: 'run', title: 'remove endpoint_isolation.xml', command: macCmd.remove(ISOLATION_FILE), ok: [0], onFail: 'abort' },
      gone,
      { kind: 'run', title: 'unload the daemon', command: macCmd.unload(), ok: [0], onFail: 'restart-abort' },
      { kind: 'run', title: 'load the daemon', command: macCmd.load(), ok: [0], onFail: 'abort' },
      { kind: 'need', title: `${DAEMON_LABEL} is loaded`, check: macCmd.daemonPrint(), want: 'present', otherwise: 'abort', because: 'the daemon did not come back: run sudo launchctl load again' },
      gone,
      { kind: 'success', text: `Isolation is released. The backup is ${backup}. Check the Secure Endpoint UI shows Isolation: Not Isolated.` },
    ],
  };
}
