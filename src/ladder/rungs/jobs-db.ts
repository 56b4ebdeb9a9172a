import { m } from '../../messages/index.js';
import { joinEndpointPath } from '../../platform/paths.js';
import { winCmd } from '../../platform/windows-commands.js';
import { fileExists } from '../../platform/windows.js';
import { firstOf, needsElevation, needsLocalConnector, needsService } from '../prechecks.js';
import { verifyLocal } from '../verify.js';
import type { Rung, RungContext, RungResult } from '../types.js';
import { stopConnectorService } from './service-steps.js';

/** Rung 4 (Windows): stop the service, back up then delete <InstallDir>\jobs.db, reboot (only when allowed). */
export const jobsDbRung: Rung = {
  method: 'jobs-db',
  os: ['windows'],
  precheck: (ctx) => firstOf(() => needsLocalConnector(ctx), () => needsElevation(ctx), () => needsService(ctx)),
  async run(ctx) {
    const dir = ctx.facts.connector.installDir!;
    const path = joinEndpointPath(dir, 'jobs.db');
    if (!(await ctx.confirm(m('confirm.jobsDb'), 'delete'))) return { outcome: 'refused', reason: m('refused.byUser') };

    const stopped = await stopConnectorService(ctx);
    if (!stopped.ok) return { outcome: 'failed', reason: stopped.reason };

    const present = await ctx.step('find-jobs-db', m('step.findJobsDb', { path }), () => fileExists(ctx.sh, dir, 'jobs.db'));
    if (!present) {
      // An earlier run deleted it and stopped short of the reboot: the reboot is all that is left.
      ctx.emit({ type: 'hint', method: 'jobs-db', lines: [m('jobsDb.alreadyGone', { path })] });
      return reboot(ctx);
    }
    await ctx.step('backup', m('step.backupFile', { path }), async () => {
      const record = await ctx.backups!.file(ctx.sh, path);
      ctx.emit({ type: 'backup', method: 'jobs-db', backup: record });
      return record;
    });
    const del = await ctx.step('delete-jobs-db', m('step.deleteFile', { path }), () => ctx.sh.run(winCmd.deleteFile(path)), (r) => r.exitCode === 0);
    if (del.skipped) return { outcome: 'failed', reason: m('dryRun.unverified') };
    // del exits 0 even when the file is in use, so whether it is gone is checked, not assumed.
    if (await ctx.step('check-deleted', m('step.checkDeleted', { path }), () => fileExists(ctx.sh, dir, 'jobs.db'), (there) => !there)) {
      return { outcome: 'failed', reason: m('jobsDb.stillThere', { path, detail: (del.stderr || del.stdout).trim().slice(0, 160) }) };
    }
    return reboot(ctx);
  },
};

async function reboot(ctx: RungContext): Promise<RungResult> {
  const allowed = ctx.options.reboot || (await ctx.confirm(m('confirm.reboot'), 'reboot'));
  if (!allowed) return { outcome: 'reboot-required', reason: m('reboot.needed') };
  // The reboot starts the service; starting it first would only race the shutdown.
  ctx.guard.handOverToReboot();
  const r = await ctx.step('reboot', m('step.reboot'), () => ctx.sh.run(winCmd.reboot('isolation-rescue: finishing the jobs.db recovery')), (x) => x.exitCode === 0);
  if (r.exitCode !== 0) {
    ctx.guard.markStopped('windows', ctx.facts.service.name!);
    return { outcome: 'reboot-required', reason: m('reboot.commandFailed', { exit: r.exitCode }) };
  }
  if (!ctx.rebootsInline) return { outcome: 'reboot-required', reason: m('reboot.started') };
  ctx.guard.markStarted();
  const check = await verifyLocal(ctx, 'jobs-db');
  return check.ok ? { outcome: 'recovered' } : { outcome: 'failed', reason: check.isolated ? m('jobsDb.stillIsolated') : m('verify.failed', { service: String(check.service) }) };
}
