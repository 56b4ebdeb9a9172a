import { m, type Msg } from '../messages/index.js';
import type { Facts } from '../platform/facts.js';
import type { Shell } from '../platform/shell.js';
import { splitEndpointPath } from '../platform/paths.js';
import { winCmd } from '../platform/windows-commands.js';
import { DAEMON_LABEL, macCmd } from '../platform/macos-commands.js';
import { fileExists, markerPresent, startService, stopService } from '../platform/windows.js';
import { daemonState } from '../platform/macos.js';
import type { BackupRecord } from './backups.js';
import type { ServiceGuard } from './service-guard.js';
import { stopFailureReason } from '../ladder/rungs/service-steps.js';

/** Runs one named step and reports it; `judge` says whether the value counts as success. */
export type StepRunner = <T>(id: string, title: Msg, fn: () => Promise<T>, judge?: (value: T) => boolean) => Promise<T>;

export interface RestoredItem {
  kind: BackupRecord['kind'];
  original: string;
  backup: string;
  ok: boolean;
}

/**
 * Puts back what a session removed, from its backups, the way it was removed: with the connector's service
 * stopped (its self-protection holds the key and files while it runs), and started again on every exit path.
 */
export async function restoreBackups(sh: Shell, facts: Facts, records: BackupRecord[], guard: ServiceGuard, opts: { password?: string; dryRun: boolean }, step: StepRunner): Promise<{ ok: boolean; items: RestoredItem[]; reason?: Msg }> {
  const os = facts.os === 'windows' ? 'windows' : 'macos';
  const stopped = await stopConnector(sh, facts, guard, opts, step);
  if (!stopped.ok) return { ok: false, items: records.map((r) => ({ kind: r.kind, original: r.original, backup: r.backup, ok: false })), reason: stopped.reason };

  const items: RestoredItem[] = [];
  for (const record of records) {
    const ok = await step(`restore-${items.length + 1}`, m('restore.step', { original: record.original, backup: record.backup }), () => putBack(sh, os, record), (x) => x);
    items.push({ kind: record.kind, original: record.original, backup: record.backup, ok });
  }
  await startConnector(sh, facts, guard, step);
  const failed = items.filter((i) => !i.ok);
  return failed.length ? { ok: false, items, reason: m('restore.someFailed', { count: failed.length }) } : { ok: true, items };
}

async function putBack(sh: Shell, os: 'windows' | 'macos', record: BackupRecord): Promise<boolean> {
  if (record.kind === 'registry-key') {
    const r = await sh.run(winCmd.regImport(record.backup));
    if (r.skipped) return true;
    // The export held the unlock_code value: its presence again is what "restored" means here.
    return r.exitCode === 0 && (await markerPresent(sh)) === true;
  }
  const to = splitEndpointPath(record.original);
  if (os === 'windows') {
    const from = splitEndpointPath(record.backup);
    const r = await sh.run(winCmd.copyFile(from.dir, to.dir, from.file));
    if (r.skipped) return true;
    // robocopy: 1 copied, 0 already identical; 8 and up failed.
    return (r.exitCode === 0 || r.exitCode === 1) && (await fileExists(sh, to.dir, to.file));
  }
  const r = await sh.run(macCmd.copy(record.backup, record.original));
  if (r.skipped) return true;
  return r.exitCode === 0 && (await sh.run(macCmd.exists(record.original))).exitCode === 0;
}

async function stopConnector(sh: Shell, facts: Facts, guard: ServiceGuard, opts: { password?: string; dryRun: boolean }, step: StepRunner): Promise<{ ok: true } | { ok: false; reason: Msg }> {
  if (facts.os === 'windows') {
    const name = facts.service.name;
    if (!name) return { ok: false, reason: m('restore.noService') };
    if (!opts.dryRun) guard.markStopped('windows', name);
    const r = await step('stop-service', m('step.stopService', { service: name }), () => stopService(sh, name, facts.connector.cliPath, opts.password), (x) => x.ok);
    return r.ok ? { ok: true } : { ok: false, reason: stopFailureReason(r, name) };
  }
  if (!opts.dryRun) guard.markStopped('macos', DAEMON_LABEL);
  await step('unload', m('step.unload'), () => sh.run(macCmd.unload()), (r) => r.exitCode === 0);
  return { ok: true };
}

async function startConnector(sh: Shell, facts: Facts, guard: ServiceGuard, step: StepRunner): Promise<void> {
  if (facts.os === 'windows') {
    const name = facts.service.name!;
    const r = await step('start-service', m('step.startService', { service: name }), () => startService(sh, name), (x) => x.ok);
    if (r.ok) guard.markStarted();
    return;
  }
  await step('load', m('step.load'), () => sh.run(macCmd.load()), (r) => r.exitCode === 0);
  if ((await daemonState(sh)) === 'running') guard.markStarted();
}
