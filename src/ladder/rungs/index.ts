import type { Method, Rung } from '../types.js';
import { consoleRung } from './console.js';
import { unlockCodeRung } from './unlock-code.js';
import { registryRung } from './registry.js';
import { plistRung } from './plist.js';
import { jobsDbRung } from './jobs-db.js';
import { safeBootRung } from './safe-boot.js';

/** The escalation ladder, top down: the order `--method=auto` walks. */
export const LADDER: readonly Rung[] = [consoleRung, unlockCodeRung, registryRung, plistRung, jobsDbRung, safeBootRung];

export function rungFor(method: Method): Rung {
  return LADDER.find((r) => r.method === method)!;
}

export function appliesTo(rung: Rung, os: string): boolean {
  return rung.os.includes('any') || (rung.os as readonly string[]).includes(os);
}
