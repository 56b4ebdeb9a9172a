import { m } from '../../messages/index.js';
import { parseBitLockerProtection } from '../../platform/parse/bitlocker.js';
import { parseBcdSafeboot } from '../../platform/parse/bcdedit.js';
import { winCmd } from '../../platform/windows-commands.js';
import { needsLocalConnector } from '../prechecks.js';
import type { Rung } from '../types.js';

/**
 * Rung 5 (Windows): the hand-off. It changes nothing: it reads BitLocker and boot settings and gives the
 * safe-boot procedure (msconfig or bcdedit and its undo) with the warnings a tech needs before rebooting.
 */
export const safeBootRung: Rung = {
  method: 'safe-boot',
  os: ['windows'],
  precheck: (ctx) => needsLocalConnector(ctx),
  async run(ctx) {
    const bde = await ctx.step('bitlocker', m('step.bitlocker'), () => ctx.sh.run(winCmd.bitlockerStatus()));
    const bitlocker = bde.exitCode === 0 ? parseBitLockerProtection(bde.stdout) : 'unknown';
    const bcd = await ctx.step('bcdedit', m('step.bcdedit'), () => ctx.sh.run(winCmd.bcdCurrent()));
    const safeboot = bcd.exitCode === 0 ? parseBcdSafeboot(bcd.stdout) : undefined;
    const lines = [
      m('safeBoot.intro'),
      m('safeBoot.msconfig'),
      m('safeBoot.bcdedit'),
      m('safeBoot.inSafeMode'),
      m('safeBoot.undo'),
      bitlocker === 'on' ? m('safeBoot.bitlockerOn') : bitlocker === 'off' ? m('safeBoot.bitlockerOff') : m('safeBoot.bitlockerUnknown'),
      m('safeBoot.soc'),
    ];
    if (safeboot) lines.unshift(m('safeBoot.alreadySet', { value: safeboot }));
    ctx.emit({ type: 'hint', method: 'safe-boot', lines });
    return { outcome: 'hand-off', reason: m('safeBoot.handOff') };
  },
};
