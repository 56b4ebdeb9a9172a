import { m } from '../../messages/index.js';
import { ISOLATION_FILE, macCmd } from '../../platform/macos-commands.js';
import { daemonState, isolationFilePresent } from '../../platform/macos.js';
import { firstOf, needsElevation, needsLocalConnector } from '../prechecks.js';
import { verifyLocal } from '../verify.js';
import type { Rung } from '../types.js';

/** Rung 3 (macOS): back up and remove endpoint_isolation.xml, then launchctl unload and load the daemon. */
export const plistRung: Rung = {
  method: 'plist',
  os: ['macos'],
  precheck: (ctx) => firstOf(() => needsLocalConnector(ctx), () => needsElevation(ctx)),
  async run(ctx) {
    if (!(await ctx.confirm(m('confirm.plist'), 'delete'))) return { outcome: 'refused', reason: m('refused.byUser') };
    const present = await isolationFilePresent(ctx.sh);
    if (present) {
      await ctx.step('backup', m('step.backupFile', { path: ISOLATION_FILE }), async () => {
        const record = await ctx.backups!.file(ctx.sh, ISOLATION_FILE);
        ctx.emit({ type: 'backup', method: 'plist', backup: record });
        return record;
      });
      const rm = await ctx.step('delete-file', m('step.deleteFile', { path: ISOLATION_FILE }), () => ctx.sh.run(macCmd.remove(ISOLATION_FILE)), (r) => r.exitCode === 0);
      if (rm.skipped) return { outcome: 'failed', reason: m('dryRun.unverified') };
      if (rm.exitCode !== 0) return { outcome: 'failed', reason: m('plist.removeFailed', { detail: rm.stderr.trim().slice(0, 160) }) };
    }
    // Armed before unload is sent, so an interruption between unload and load still reloads the daemon.
    if (!ctx.options.dryRun) ctx.guard.markStopped('macos', 'com.cisco.amp.daemon');
    const unload = await ctx.step('unload', m('step.unload'), () => ctx.sh.run(macCmd.unload()), (r) => r.exitCode === 0);
    const load = await ctx.step('load', m('step.load'), () => ctx.sh.run(macCmd.load()), (r) => r.exitCode === 0);
    if (load.exitCode === 0 && (await daemonState(ctx.sh)) === 'running') ctx.guard.markStarted();
    if (unload.exitCode !== 0) return { outcome: 'failed', reason: m('plist.unloadFailed', { detail: unload.stderr.trim().slice(0, 160) }) };
    const check = await verifyLocal(ctx, 'plist');
    if (check.ok) return { outcome: 'recovered' };
    return { outcome: 'failed', reason: check.isolated ? m('plist.cameBack') : m('verify.failed', { service: String(check.service) }) };
  },
};
