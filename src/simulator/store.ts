import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createState, type SimOs, type SimState } from './state.js';
import type { ScenarioName } from './scenarios.js';

/** Where a simulated endpoint lives between runs: one JSON file per OS under the state dir. */
export const simStatePath = (stateDir: string, os: SimOs) => join(stateDir, 'simulator', `${os}.json`);

export function loadSimState(file: string): SimState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as SimState;
    return state.format === 1 ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temp file then renamed, so a run killed mid-write never leaves half a state. */
export function saveSimState(file: string, state: SimState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 1), { mode: 0o600 });
  renameSync(tmp, file);
}

/** `--scenario` starts a fresh endpoint; without it the saved one continues (or a new `offline` one starts). */
export function openSimState(file: string, os: SimOs, scenario: ScenarioName | undefined, installDir?: string, saveFresh = true): SimState {
  const saved = scenario ? undefined : loadSimState(file);
  if (saved && saved.os === os) return saved;
  const state = createState(os, scenario ?? 'offline', { installDir });
  if (saveFresh) saveSimState(file, state);
  return state;
}
