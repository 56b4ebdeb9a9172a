import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createState, type SimOs, type SimState } from '../../src/simulator/state.js';
import { saveSimState, loadSimState } from '../../src/simulator/store.js';
import type { ScenarioName } from '../../src/simulator/scenarios.js';

const FAKE_BIN = resolve(__dirname, '../../dist/simulator/fake-bin.js');
const WINDOWS_PROGRAMS = ['whoami.exe', 'reg.exe', 'where.exe', 'sc.exe', 'cmd.exe', 'robocopy.exe', 'findstr.exe', 'shutdown.exe', 'manage-bde.exe', 'bcdedit.exe'];
const MACOS_PROGRAMS = ['id', 'test', 'cat', 'cp', 'rm', 'mkdir', 'launchctl', 'ampcli', 'sleep'];

export interface FakeEndpoint {
  dir: string;
  bin: string;
  stateFile: string;
  argvLog: string;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  state(): SimState;
  argv(): string[][];
}

/** A temp folder of shims, each a real executable that runs the simulator model for its program name. */
export function fakeEndpoint(os: SimOs, scenario: ScenarioName, opts: { elevated?: boolean; hang?: string } = {}): FakeEndpoint {
  if (!existsSync(FAKE_BIN)) throw new Error('run npm run build first: dist/simulator/fake-bin.js is missing');
  const dir = mkdtempSync(join(tmpdir(), `ir-fake-${os}-`));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const installDir = join(dir, 'AMP');
  const state = createState(os, scenario, os === 'windows' ? { installDir } : {});
  if (opts.elevated === false) state.elevated = false;
  // The detection's `test -x` asks the virtual file system, so it must know where ampcli is in this layout.
  if (os === 'macos') state.files[join(bin, 'ampcli')] = '#!ampcli';
  const stateFile = join(dir, 'endpoint.json');
  saveSimState(stateFile, state);
  const shim = (path: string, name: string) => {
    writeFileSync(path, `#!/bin/sh\nexec "${process.execPath}" "${FAKE_BIN}" "${name}" "$@"\n`);
    chmodSync(path, 0o755);
  };
  for (const p of os === 'windows' ? WINDOWS_PROGRAMS : MACOS_PROGRAMS) shim(join(bin, p), p);
  if (os === 'windows') {
    // sfc.exe is run by the full path `where /R` reports, so it must exist there as a real program.
    for (const v of ['7.2.7.11687', '7.4.5.20701']) {
      mkdirSync(join(installDir, v), { recursive: true });
      shim(join(installDir, v, 'sfc.exe'), 'sfc.exe');
    }
  }
  const argvLog = join(dir, 'argv.jsonl');
  writeFileSync(argvLog, '');
  const stateDir = join(dir, 'state');
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH}`,
    HOME: dir,
    ISOLATION_RESCUE_FAKE_STATE: stateFile,
    ISOLATION_RESCUE_FAKE_ARGV_LOG: argvLog,
    ISOLATION_RESCUE_TARGET_OS: os,
    ISOLATION_RESCUE_STATE_DIR: stateDir,
    ...(os === 'macos' ? { ISOLATION_RESCUE_AMPCLI: join(bin, 'ampcli') } : {}),
    ...(opts.hang ? { ISOLATION_RESCUE_FAKE_HANG: opts.hang } : {}),
  };
  return {
    dir,
    bin,
    stateFile,
    argvLog,
    stateDir,
    env,
    state: () => loadSimState(stateFile)!,
    argv: () => readFileSync(argvLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]),
  };
}
