import { m, type Msg } from '../../messages/index.js';
import { startService, stopService, type StopOutcome } from '../../platform/windows.js';
import type { RungContext } from '../types.js';

/** The Windows service stop both the registry and jobs.db rungs begin with; the guard learns of it at once. */
export async function stopConnectorService(ctx: RungContext): Promise<{ ok: true } | { ok: false; reason: Msg }> {
  const name = ctx.facts.service.name!;
  const password = ctx.options.protectionPassword;
  // Armed before the stop is sent: if anything goes wrong mid-stop, the guard still starts the service again.
  if (!ctx.options.dryRun) ctx.guard.markStopped('windows', name);
  const stop: StopOutcome = await ctx.step(
    'stop-service',
    m('step.stopService', { service: name }),
    () => stopService(ctx.sh, name, ctx.facts.connector.cliPath, password),
    (r) => r.ok,
  );
  if (stop.ok) {
    // Stopped before the tool came: leave it as it was found.
    if (stop.via === 'already-stopped') ctx.guard.markStarted();
    return { ok: true };
  }
  return { ok: false, reason: stopFailureReason(stop, name) };
}

/** Why a service stop failed, in the words the tech needs (shared with restore). */
export function stopFailureReason(stop: Extract<StopOutcome, { ok: false }>, name: string): Msg {
  switch (stop.reason) {
    case 'access-denied':
      return m('stop.accessDenied', { service: name });
    case 'password-refused':
      return m('stop.passwordRefused', { detail: stop.detail });
    case 'timeout':
      // It may stop later: the guard, armed before the stop, starts it again whatever happens.
      return m('stop.timeout', { service: name, detail: stop.detail });
    default:
      return m('stop.failed', { service: name, detail: stop.detail });
  }
}

export async function startConnectorService(ctx: RungContext): Promise<boolean> {
  const name = ctx.facts.service.name!;
  const r = await ctx.step('start-service', m('step.startService', { service: name }), () => startService(ctx.sh, name), (x) => x.ok);
  if (r.ok) ctx.guard.markStarted();
  return r.ok;
}
