import { emptyFacts, type Facts, type TargetOs } from './facts.js';
import type { Shell } from './shell.js';
import { detectWindows } from './windows.js';
import { detectMacos } from './macos.js';
import { DEFAULT_AMPCLI } from './macos-commands.js';

/** The OS whose commands to use: the executor's target when it has one, else this machine's. */
export function hostOs(platform: NodeJS.Platform = process.platform): TargetOs {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  if (platform === 'linux') return 'linux';
  return 'other';
}

export async function detect(sh: Shell, os: TargetOs, env: NodeJS.ProcessEnv = process.env): Promise<Facts> {
  if (os === 'windows') return detectWindows(sh);
  if (os === 'macos') return detectMacos(sh, env.ISOLATION_RESCUE_AMPCLI || DEFAULT_AMPCLI);
  const facts = emptyFacts(os);
  facts.notes.push('Secure Endpoint has no endpoint isolation on this OS');
  return facts;
}
