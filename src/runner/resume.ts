import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { fileSafe, readJson, writeJson } from '../safety/json-file.js';
import type { SessionResult } from './result.js';

/**
 * A session that ended in a reboot (jobs-db) or handed off to safe boot leaves a marker in the state dir,
 * so the next run on that endpoint knows what it is continuing: it verifies first, then goes on from the
 * rung after, instead of starting the ladder again from the top.
 */
export interface ResumeMarker {
  session: string;
  method: 'jobs-db' | 'safe-boot';
  endedAt: string;
  /** The simulated endpoint it was written for: a fresh --scenario is a different endpoint. */
  simInstance?: string;
}

const markerPath = (stateDir: string, endpointKey: string) => join(stateDir, 'resume', `${fileSafe(endpointKey)}.json`);

export function loadResume(stateDir: string, endpointKey: string, simInstance?: string): ResumeMarker | undefined {
  const marker = readJson<ResumeMarker | undefined>(markerPath(stateDir, endpointKey), undefined);
  if (!marker || typeof marker.session !== 'string') return undefined;
  if (marker.simInstance !== simInstance) {
    clearResume(stateDir, endpointKey);
    return undefined;
  }
  return marker;
}

export function clearResume(stateDir: string, endpointKey: string): void {
  rmSync(markerPath(stateDir, endpointKey), { force: true });
}

/** Writes the marker when this session ended with a reboot under way or a safe-boot hand-off. */
export function saveResumeIfNeeded(stateDir: string, endpointKey: string, result: SessionResult, simInstance?: string): void {
  const method = continuesAfterReboot(result);
  if (method) writeJson(markerPath(stateDir, endpointKey), { session: result.session, method, endedAt: result.finishedAt, simInstance } satisfies ResumeMarker);
}

function continuesAfterReboot(result: SessionResult): ResumeMarker['method'] | undefined {
  if (result.dryRun) return undefined;
  const last = result.rungs[result.rungs.length - 1];
  if (!last) return undefined;
  if (last.method === 'jobs-db' && last.status === 'reboot-required' && last.steps.some((s) => s.id === 'reboot' && s.ok)) return 'jobs-db';
  if (last.method === 'safe-boot' && last.status === 'hand-off') return 'safe-boot';
  return undefined;
}
