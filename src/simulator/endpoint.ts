import { runMacos } from './macos.js';
import { runWindows } from './windows.js';
import type { SimResult } from './result.js';
import type { SimState } from './state.js';

/** Each command costs a little virtual time, like a real process start. */
const COMMAND_COST_MS = 40;

/** The program's name as the endpoint sees it: no directory, no .exe, lower case. */
export function programName(program: string): string {
  const base = program.split(/[\\/]/).pop() ?? program;
  return base.replace(/\.exe$/i, '').toLowerCase();
}

/** Runs one command against the virtual endpoint, recording its argv (as the caller masked it), and returns what the real program would. */
export function runOnEndpoint(state: SimState, program: string, args: string[], loggedArgv: string[] = [program, ...args]): SimResult {
  state.log.push(loggedArgv);
  state.clock += COMMAND_COST_MS;
  const name = programName(program);
  return state.os === 'windows' ? runWindows(state, name, args) : runMacos(state, name, args);
}
