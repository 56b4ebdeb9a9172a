import { CancelledError } from '../errors.js';
import { m } from '../messages/index.js';
import { BackupError } from '../safety/backups.js';
import type { RecordingShell } from './shell.js';
import { LADDER, appliesTo, rungFor } from './rungs/index.js';
import type { LadderEvent, Method, Rung, RungContext, RungResult, SkipReason } from './types.js';

export type LadderOutcome = 'recovered' | 'not-recovered' | 'reboot-required' | 'locked-out' | 'skipped';

export interface LadderResult {
  outcome: LadderOutcome;
  /** With outcome 'skipped': why the one rung asked for could not run. */
  skip?: SkipReason;
  last?: RungResult;
  /** Rungs passed over on the way (auto), with why. */
  skipped: SkipReason[];
}

export type EngineContext = Omit<RungContext, 'step' | 'emit' | 'sh'> & { sh: RecordingShell };

/** What the caller may add to the walk: the wizard asks for inputs and for the next move; scripts need none. */
export interface LadderHooks {
  /** Before a rung's precheck: a chance to supply what it needs (the wizard asks for the unlock code). */
  prepare?(method: Method, ctx: RungContext): Promise<void>;
  /** After the precheck passed, before the rung runs: the wizard shows what it will do and may decline it. */
  approve?(method: Method): Promise<boolean>;
  /** After a rung that did not recover (auto): go on to the next rung, try this one again, or stop. */
  chooseNext?(after: Method, result: RungResult, hasNext: boolean): Promise<boolean | 'retry'>;
  /** Resuming after a reboot: start below this rung. */
  startAfter?: Method;
}

/** Rungs to try: the one named, or every rung for this OS, top down. */
export function plan(method: Method | 'auto', os: string, startAfter?: Method): Rung[] {
  if (method !== 'auto') return [rungFor(method)];
  const rungs = LADDER.filter((r) => appliesTo(r, os));
  // Resuming after a reboot: the rungs up to the one that rebooted have been tried already.
  const from = startAfter ? rungs.findIndex((r) => r.method === startAfter) + 1 : 0;
  return rungs.slice(from);
}

/**
 * Walks the ladder. No UI and no I/O of its own: rungs act through the shell, and every step, command,
 * backup and verification is reported as an event. A service a rung stopped is started again before the
 * next rung, and on every way out of this function, Ctrl-C included.
 */
export async function runLadder(
  method: Method | 'auto',
  base: EngineContext,
  listen: (event: LadderEvent) => void,
  hooks: LadderHooks = {},
): Promise<LadderResult> {
  const explicit = method !== 'auto';
  let current: Method = 'console';
  const emit = (event: LadderEvent) => listen(event);
  const ctx: RungContext = {
    ...base,
    emit,
    async step(id, title, fn, judge) {
      emit({ type: 'step-start', method: current, step: id, title });
      try {
        const value = await fn();
        emit({ type: 'step-end', method: current, step: id, ok: judge ? judge(value) : true });
        return value;
      } catch (err) {
        const detail = err instanceof CancelledError ? m('step.cancelled') : m('step.error', { detail: (err as Error).message });
        emit({ type: 'step-end', method: current, step: id, ok: false, detail });
        throw err;
      }
    },
  };

  let last: RungResult | undefined;
  const skipped: SkipReason[] = [];
  const rungs = plan(method, base.facts.os, hooks.startAfter);
  for (let i = 0; i < rungs.length; i++) {
    const rung = rungs[i];
    current = rung.method;
    await hooks.prepare?.(rung.method, ctx);
    const skip = rung.precheck(ctx);
    if (skip) {
      emit({ type: 'rung-skip', method: rung.method, skip });
      if (explicit) return { outcome: skip.kind === 'locked-out' ? 'locked-out' : 'skipped', skip, skipped: [skip] };
      skipped.push(skip);
      continue;
    }
    if (hooks.approve && !(await hooks.approve(rung.method))) {
      const declined: SkipReason = { kind: 'declined', reason: m('refused.byUser') };
      emit({ type: 'rung-skip', method: rung.method, skip: declined });
      if (explicit) return { outcome: 'skipped', skip: declined, skipped: [declined] };
      skipped.push(declined);
      continue;
    }
    emit({ type: 'rung-start', method: rung.method });
    let result: RungResult;
    try {
      result = await rung.run(ctx);
    } catch (err) {
      if (!(err instanceof BackupError)) throw err;
      result = { outcome: 'failed', reason: m('backup.failed', { detail: err.message }) };
    } finally {
      await restartWhatWeStopped(ctx, base.sh, rung.method);
    }
    emit({ type: 'rung-end', method: rung.method, result });
    last = result;
    if (result.outcome === 'recovered') return { outcome: 'recovered', last, skipped };
    if (result.outcome === 'reboot-required') return { outcome: 'reboot-required', last, skipped };
    if (result.outcome === 'locked-out') {
      if (explicit) return { outcome: 'locked-out', last, skipped };
    }
    const hasNext = !explicit && i < rungs.length - 1;
    const next = hooks.chooseNext ? await hooks.chooseNext(rung.method, result, hasNext) : !explicit;
    if (next === 'retry') i--;
    else if (!next || explicit) break;
  }
  return { outcome: 'not-recovered', last, skipped };
}

async function restartWhatWeStopped(ctx: RungContext, sh: RecordingShell, method: Method): Promise<void> {
  const service = ctx.guard.pending;
  if (!service) return;
  const r = await ctx.guard.restore(sh.uncancellable());
  if (r) ctx.emit({ type: 'service-restart', method, service, ok: r.ok, detail: r.detail });
}
