import type { Shell } from '../platform/shell.js';
import { markerPresent, serviceState } from '../platform/windows.js';
import { daemonState, isolationFilePresent } from '../platform/macos.js';
import type { Method, RungContext } from './types.js';

/** Seconds of endpoint time the connector gets to apply a change before the check counts as failed. */
const SETTLE_MS = 10_000;
const POLL_MS = 2_000;

export interface LocalCheck {
  ok: boolean;
  isolated: boolean | undefined;
  service: string | undefined;
}

async function checkOnce(sh: Shell, ctx: RungContext): Promise<LocalCheck> {
  if (ctx.facts.os === 'windows') {
    const isolated = await markerPresent(sh);
    const name = ctx.facts.service.name;
    const service = name ? await serviceState(sh, name) : undefined;
    return { ok: isolated === false && (service === undefined || service === 'running'), isolated, service };
  }
  const isolated = await isolationFilePresent(sh);
  const service = await daemonState(sh);
  return { ok: isolated === false && service === 'running', isolated, service };
}

/** The tool's own check that isolation is gone: the local marker absent and the connector running again. */
export async function verifyLocal(ctx: RungContext, method: Method): Promise<LocalCheck> {
  const deadline = ctx.sh.now() + SETTLE_MS;
  let check = await checkOnce(ctx.sh, ctx);
  while (!check.ok && ctx.sh.now() < deadline) {
    await ctx.sh.sleep(POLL_MS);
    check = await checkOnce(ctx.sh, ctx);
  }
  ctx.emit({ type: 'verify', method, ok: check.ok, checks: { isolated: check.isolated, service: check.service } });
  return check;
}
