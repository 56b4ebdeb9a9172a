import { m } from '../messages/index.js';
import type { RungContext, SkipReason } from './types.js';

/** Preconditions shared by the local rungs; each returns why the rung cannot run, or undefined. */

export function needsLocalConnector(ctx: RungContext): SkipReason | undefined {
  if (!ctx.facts.connector.present) return { kind: 'unsupported', reason: m('skip.noConnector') };
  return undefined;
}

export function needsElevation(ctx: RungContext): SkipReason | undefined {
  if (ctx.facts.elevated === false) return { kind: 'not-elevated', reason: m('skip.notElevated') };
  return undefined;
}

export function needsService(ctx: RungContext): SkipReason | undefined {
  if (!ctx.facts.service.name || ctx.facts.service.state === 'missing') return { kind: 'unsupported', reason: m('skip.noService') };
  return undefined;
}

export const firstOf = (...reasons: (() => SkipReason | undefined)[]) => {
  for (const r of reasons) {
    const reason = r();
    if (reason) return reason;
  }
  return undefined;
};
