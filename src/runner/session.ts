import { RecordingShell } from '../ladder/shell.js';
import type { CommandRecord, LadderEvent } from '../ladder/types.js';
import { detect } from '../platform/detect.js';
import type { Facts } from '../platform/facts.js';
import type { Options } from '../options.js';
import type { Endpoint } from './setup.js';

/** Detection through a recording shell, so the commands it ran land in the report like every other. */
export async function detectFacts(endpoint: Endpoint, options: Options, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<{ facts: Facts; commands: CommandRecord[] }> {
  const commands: CommandRecord[] = [];
  const sh = new RecordingShell(endpoint.executor, () => secretList(options), (c) => commands.push(c), signal);
  const facts = await detect(sh, endpoint.os, env);
  return { facts, commands };
}

export function secretList(options: Options, extra: (string | undefined)[] = []): (string | undefined)[] {
  const s = options.secrets;
  return [s.unlockCode, s.apiKey, s.protectionPassword, ...extra];
}

export type Listener = (event: LadderEvent) => void;
