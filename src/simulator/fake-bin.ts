import { appendFileSync } from 'node:fs';
import { runOnEndpoint } from './endpoint.js';
import { loadSimState, saveSimState } from './store.js';

/**
 * The simulator as a real program: `node fake-bin.js PROGRAM ARGS...`, called by small shims named sc.exe,
 * reg.exe, launchctl... that tests put first on PATH. The local executor then runs real processes against
 * the same model as --simulate. State lives in ISOLATION_RESCUE_FAKE_STATE; every raw argv is appended to
 * ISOLATION_RESCUE_FAKE_ARGV_LOG (JSON lines) so tests can prove no argument was split or re-interpreted.
 * ISOLATION_RESCUE_FAKE_HANG="sc.exe stop" makes a matching command hang until killed.
 */
const [program = '', ...args] = process.argv.slice(2);
const stateFile = process.env.ISOLATION_RESCUE_FAKE_STATE;
if (!stateFile) {
  process.stderr.write('fake-bin: ISOLATION_RESCUE_FAKE_STATE is not set\n');
  process.exit(70);
}
if (process.env.ISOLATION_RESCUE_FAKE_ARGV_LOG) appendFileSync(process.env.ISOLATION_RESCUE_FAKE_ARGV_LOG, JSON.stringify([program, ...args]) + '\n');

const hang = process.env.ISOLATION_RESCUE_FAKE_HANG;
if (hang && [program, ...args].join(' ').startsWith(hang)) {
  setInterval(() => {}, 1 << 30);
} else {
  const state = loadSimState(stateFile);
  if (!state) {
    process.stderr.write(`fake-bin: no simulator state in ${stateFile}\n`);
    process.exit(70);
  }
  // Real processes take real time; each call also moves the virtual clock on 1.5 s so a service stop or
  // start completes within a poll or two and the tests stay quick.
  state.clock = Math.max(state.clock, Date.now()) + 1_500;
  const result = runOnEndpoint(state, program, args);
  saveSimState(stateFile, state);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
