import { EXIT, type ExitCode } from '../exit-codes.js';
import { m, t, type Msg } from '../messages/index.js';
import type { LadderResult } from '../ladder/engine.js';
import type { Facts } from '../platform/facts.js';

/** How the ladder's result becomes the contract's exit code, the message and the hint. */
export const OUTCOME_EXIT: Record<LadderResult['outcome'], ExitCode> = {
  recovered: EXIT.recovered,
  'not-recovered': EXIT.notRecovered,
  'reboot-required': EXIT.rebootRequired,
  'locked-out': EXIT.lockedOut,
  skipped: EXIT.usage,
};

export const SKIP_EXIT = { declined: EXIT.notRecovered, 'missing-input': EXIT.usage, 'not-elevated': EXIT.notElevated, unsupported: EXIT.unsupported, 'locked-out': EXIT.lockedOut } as const;

export function outcomeMessage(ladder: LadderResult): Msg {
  if (ladder.skip) return ladder.skip.reason;
  switch (ladder.outcome) {
    case 'recovered':
      return m('outcome.recovered');
    case 'reboot-required':
      return ladder.last?.reason ?? m('reboot.needed');
    case 'locked-out':
      return ladder.last?.reason ?? m('outcome.lockedOut');
    default:
      return ladder.last?.reason ? m('outcome.notRecoveredBecause', { reason: t(ladder.last.reason) }) : m('outcome.notRecovered');
  }
}

export function outcomeHint(ladder: LadderResult, facts: Facts): Msg | undefined {
  if (ladder.skip?.kind === 'not-elevated' || (ladder.outcome === 'not-recovered' && ladder.skipped.some((s) => s.kind === 'not-elevated'))) return facts.os === 'windows' ? m('hint.elevateWindows') : m('hint.elevateMacos');
  if (ladder.outcome === 'not-recovered') return facts.os === 'windows' ? m('hint.notRecoveredWindows') : m('hint.notRecoveredMacos');
  return undefined;
}
