import { m } from '../../messages/index.js';
import { IMMUNET_KEY, winCmd } from '../../platform/windows-commands.js';
import { isAccessDenied } from '../../platform/parse/sc.js';
import { isRegNotFound } from '../../platform/parse/reg.js';
import { firstOf, needsElevation, needsLocalConnector, needsService } from '../prechecks.js';
import { verifyLocal } from '../verify.js';
import type { Rung } from '../types.js';
import { startConnectorService, stopConnectorService } from './service-steps.js';

/** Rung 3 (Windows): stop the service, back up and delete the unlock_code value only, start the service, verify. */
export const registryRung: Rung = {
  method: 'registry',
  os: ['windows'],
  precheck: (ctx) => firstOf(() => needsLocalConnector(ctx), () => needsElevation(ctx), () => needsService(ctx)),
  async run(ctx) {
    if (!(await ctx.confirm(m('confirm.registry'), 'delete'))) return { outcome: 'refused', reason: m('refused.byUser') };
    await ctx.step('backup', m('step.backupRegistry'), async () => {
      const record = await ctx.backups!.registryKey(ctx.sh, IMMUNET_KEY);
      ctx.emit({ type: 'backup', method: 'registry', backup: record });
      return record;
    });
    const stopped = await stopConnectorService(ctx);
    if (!stopped.ok) return { outcome: 'failed', reason: stopped.reason };

    const del = await ctx.step('delete-value', m('step.deleteValue'), () => ctx.sh.run(winCmd.regDeleteMarker()), (r) => r.exitCode === 0);
    const delText = del.stdout + del.stderr;
    const deleteFailed = del.exitCode !== 0 && !isRegNotFound(delText);

    const started = await startConnectorService(ctx);
    if (deleteFailed) {
      return { outcome: 'failed', reason: isAccessDenied(del.exitCode, delText) ? m('registry.accessDenied') : m('registry.deleteFailed', { exit: del.exitCode }) };
    }
    if (del.skipped) return { outcome: 'failed', reason: m('dryRun.unverified') };
    if (!started) return { outcome: 'failed', reason: m('service.notRestarted', { service: ctx.facts.service.name! }) };
    const check = await verifyLocal(ctx, 'registry');
    if (check.ok) return { outcome: 'recovered' };
    return { outcome: 'failed', reason: check.isolated ? m('registry.cameBack') : m('verify.failed', { service: String(check.service) }) };
  },
};
