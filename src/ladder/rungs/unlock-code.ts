import { m } from '../../messages/index.js';
import { winCmd } from '../../platform/windows-commands.js';
import { macCmd } from '../../platform/macos-commands.js';
import { ampcliOffersIsolate } from '../../platform/macos.js';
import { isUnlockCodeWellFormed } from '../../safety/unlock-code.js';
import { firstOf, needsElevation, needsLocalConnector } from '../prechecks.js';
import { verifyLocal } from '../verify.js';
import type { Rung, RungContext } from '../types.js';

const codeOf = (ctx: RungContext) => ctx.options.unlockCode ?? ctx.shared.fetchedUnlockCode;

/** Rung 2: the local unlock code (sfc.exe -n CODE / ampcli isolate stop CODE). One attempt of five. */
export const unlockCodeRung: Rung = {
  method: 'unlock-code',
  os: ['windows', 'macos'],
  precheck(ctx) {
    return firstOf(
      () => needsLocalConnector(ctx),
      () => needsElevation(ctx),
      () => (ctx.facts.connector.cliPath ? undefined : { kind: 'unsupported', reason: m('skip.noConnectorCli') }),
      () => (codeOf(ctx) ? undefined : { kind: 'missing-input', reason: m('skip.noUnlockCode') }),
      () => (isUnlockCodeWellFormed(codeOf(ctx)!) ? undefined : { kind: 'missing-input', reason: m('skip.fetchedCodeMalformed') }),
      () => {
        const status = ctx.ledger.status(ctx.connectorKey, ctx.sh.now());
        return status.lockedUntil ? { kind: 'locked-out', reason: m('unlock.lockedOut', { until: new Date(status.lockedUntil).toISOString() }) } : undefined;
      },
    );
  },
  async run(ctx) {
    const code = codeOf(ctx)!;
    const cli = ctx.facts.connector.cliPath!;
    const before = ctx.ledger.status(ctx.connectorKey, ctx.sh.now());
    if (before.left <= 1) {
      const go = ctx.options.allowLastAttempt || (await ctx.confirm(m('confirm.lastAttempt'), 'last-attempt'));
      if (!go) return { outcome: 'refused', reason: m('unlock.lastAttemptRefused', { used: before.used }) };
    }
    if (ctx.facts.os === 'macos') {
      const help = await ctx.step('ampcli-help', m('step.ampcliHelp'), () => ampcliOffersIsolate(ctx.sh, cli));
      if (!help.offers) ctx.emit({ type: 'hint', method: 'unlock-code', lines: [m('unlock.ampcliNoIsolateVerb', { help: help.help.slice(0, 300) })] });
    }
    const r = await ctx.step(
      'unlock',
      m('step.unlock', { left: before.left }),
      () => ctx.sh.run(ctx.facts.os === 'windows' ? winCmd.sfcUnlock(cli, code) : macCmd.unlock(cli, code)),
      (res) => res.exitCode === 0,
    );
    if (r.skipped) return { outcome: 'failed', reason: m('dryRun.unverified') };
    const check = await verifyLocal(ctx, 'unlock-code');
    const now = ctx.sh.now();
    if (check.ok) {
      ctx.ledger.reset(ctx.connectorKey);
      return { outcome: 'recovered' };
    }
    const said = r.stdout + r.stderr;
    const status = /limit reached|553648215/i.test(said) ? ctx.ledger.markLocked(ctx.connectorKey, now) : ctx.ledger.recordFailure(ctx.connectorKey, now);
    if (status.lockedUntil) return { outcome: 'locked-out', reason: m('unlock.lockedOut', { until: new Date(status.lockedUntil).toISOString() }) };
    if (r.timedOut) return { outcome: 'failed', reason: m('unlock.timedOut', { left: status.left }) };
    return { outcome: 'failed', reason: m('unlock.rejected', { left: status.left, said: said.trim().split(/\r?\n/)[0] ?? '' }) };
  },
};
