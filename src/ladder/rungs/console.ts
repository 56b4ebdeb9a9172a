import { m } from '../../messages/index.js';
import { ApiError, type IsolationInfo } from '../../cloud/console-api.js';
import { verifyLocal } from '../verify.js';
import type { Rung, RungContext, RungResult } from '../types.js';

const POLL_MS = 5_000;

/** Rung 1: "Stop Isolation" from the console, through the cloud API; works from any OS. */
export const consoleRung: Rung = {
  method: 'console',
  os: ['any'],
  precheck(ctx) {
    if (!ctx.console) return { kind: 'missing-input', reason: m('skip.noApiCredentials') };
    if (!ctx.connectorGuid) return { kind: 'missing-input', reason: m('skip.noGuid') };
    return undefined;
  },
  async run(ctx) {
    try {
      return await releaseThroughConsole(ctx);
    } catch (err) {
      if (err instanceof ApiError) return { outcome: 'failed', reason: m('console.apiError', { detail: err.message }) };
      throw err;
    }
  },
};

async function releaseThroughConsole(ctx: RungContext): Promise<RungResult> {
  const api = ctx.console!;
  const guid = ctx.connectorGuid!;
  const read = () => api.getIsolation(guid, ctx.signal);
  const remember = (info: IsolationInfo) => {
    if (info.unlockCode) ctx.shared.fetchedUnlockCode = info.unlockCode;
    return info;
  };
  const before = remember(await ctx.step('read-state', m('step.consoleRead', { console: api.label }), read));
  if (before.status !== 'not_isolated') {
    if (ctx.options.dryRun) return { outcome: 'failed', reason: m('dryRun.unverified') };
    await ctx.step('stop', m('step.consoleStop'), () => api.stopIsolation(guid, ctx.options.comment, ctx.signal));
    const deadline = ctx.sh.now() + ctx.options.waitMs;
    const last = await ctx.step(
      'poll',
      m('step.consolePoll', { seconds: Math.round(ctx.options.waitMs / 1000) }),
      async () => {
        let info = remember(await read());
        while (info.status !== 'not_isolated' && ctx.sh.now() < deadline) {
          await ctx.sh.sleep(POLL_MS);
          info = remember(await read());
        }
        return info;
      },
      (info) => info.status === 'not_isolated',
    );
    ctx.emit({ type: 'verify', method: 'console', ok: last.status === 'not_isolated', checks: { cloudStatus: last.status } });
    if (last.status !== 'not_isolated') {
      return { outcome: 'failed', reason: last.status === 'pending_stop' ? m('console.pendingStop') : m('console.stillIsolated', { status: last.status }) };
    }
  }
  // On the endpoint itself the tool checks locally too: the cloud may say released before the connector has.
  if (ctx.facts.connector.present) {
    const check = await verifyLocal(ctx, 'console');
    if (!check.ok) return { outcome: 'failed', reason: m('console.localStillIsolated') };
  }
  return { outcome: 'recovered' };
}
