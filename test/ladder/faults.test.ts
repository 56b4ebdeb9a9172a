import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCli } from '../../src/args.js';
import { rescue, type RescueUi } from '../../src/runner/rescue.js';
import { SimulatedExecutor, type Fault } from '../../src/executors/simulated.js';
import { SimulatedConsole } from '../../src/simulator/console.js';
import { createState, type SimState } from '../../src/simulator/state.js';
import { isIsolated } from '../../src/simulator/model.js';
import type { Command } from '../../src/executors/types.js';
import type { Endpoint } from '../../src/runner/setup.js';
import type { ScenarioName } from '../../src/simulator/scenarios.js';

const scripted = (o: { reboot?: boolean }): RescueUi => ({ confirm: async (_q, kind) => (kind === 'reboot' ? Boolean(o.reboot) : kind !== 'last-attempt'), onEvent: () => {} });

async function runWith(os: 'windows' | 'macos', scenario: ScenarioName, method: string, fault: (c: Command, i: number) => Fault | undefined, env: NodeJS.ProcessEnv = {}, abortAt?: (c: Command) => boolean, signalName = 'SIGINT') {
  const stateDir = mkdtempSync(join(tmpdir(), 'ir-fault-'));
  const parsed = parseCli([`--simulate=${os}`, '--non-interactive', `--method=${method}`], { ISOLATION_RESCUE_STATE_DIR: stateDir, ...env });
  if (parsed.kind !== 'run') throw new Error('parse');
  const state: SimState = createState(os, scenario);
  const controller = new AbortController();
  const executor = new SimulatedExecutor(state, undefined, (c, i) => {
    if (abortAt?.(c)) controller.abort(signalName);
    return fault(c, i);
  });
  const endpoint: Endpoint = { executor, os, console: new SimulatedConsole(state), sim: state, backupRoot: 'C:\\ProgramData\\isolation-rescue\\backups', label: 'fault test', key: 'fault-test' };
  const result = await rescue(parsed.options, {}, scripted({}), controller.signal, async () => endpoint);
  return { result, state };
}

/** Every value or file the run removed must have a copy in the session's backups. */
function backupsCover(state: SimState, before: SimState, result: any, method: string): boolean {
  // Only what the tool deletes needs its copy; the connector's own release (unlock code, reboot) is not a deletion.
  const removedFiles = method === 'unlock-code' ? [] : Object.keys(before.files).filter((f) => !(f in state.files));
  const removedValues = method === 'registry' ? Object.keys(before.registry).filter((v) => !(v in state.registry)) : [];
  const copies = result.backups.map((b: any) => state.files[b.backup] ?? '');
  return removedFiles.every((f) => copies.some((c: string) => c === before.files[f])) && removedValues.every((v) => copies.some((c: string) => c.includes(`"${v}"=`)));
}

describe('fault injection: each command of each rung fails in each way', () => {
  const cases: [string, 'windows' | 'macos', ScenarioName, string][] = [
    ['registry', 'windows', 'bad-code', 'registry'],
    ['jobs-db', 'windows', 'stubborn', 'jobs-db'],
    ['unlock-code', 'windows', 'offline', 'unlock-code'],
    ['plist', 'macos', 'bad-code', 'plist'],
  ];
  const faults: [string, Fault][] = [
    ['non-zero exit', { kind: 'exit', exitCode: 1, stderr: 'boom' }],
    ['Access is denied', { kind: 'exit', exitCode: 5, stderr: 'Access is denied.' }],
    ['hang past its timeout', { kind: 'hang' }],
    ['the executor throws', { kind: 'throw', message: 'executor lost' }],
  ];

  it.each(cases)('%s rung', async (_n, os, scenario, method) => {
    const env = method === 'unlock-code' ? { ISOLATION_RESCUE_UNLOCK_CODE: 'fwq8qw' } : {};
    // A clean run first, to learn how many commands the rung sends.
    const clean = await runWith(os, scenario, method, () => undefined, env);
    const total = clean.state.log.length;
    let injected = 0;
    let survived = 0;
    for (let at = 0; at < total; at++) {
      for (const [, fault] of faults) {
        injected++;
        const before = createState(os, scenario);
        const { result, state } = await runWith(os, scenario, method, (_c, i) => (i === at ? fault : undefined), env);
        const ok =
          state.service.state === 'RUNNING' &&
          backupsCover(state, before, result, method) &&
          [0, 1, 3, 4, 5, 6, 7].includes(result.exitCode) &&
          (result.exitCode !== 0 || !isIsolated(state)) &&
          typeof result.message === 'string' && result.message.length > 0;
        if (ok) survived++;
        else console.error(`fault at command ${at} (${JSON.stringify(fault)}): exit ${result.exitCode}, service ${state.service.state}, message ${result.message}`);
      }
    }
    console.log(`${method}: injected ${injected} faults, survived ${survived}`);
    expect(survived).toBe(injected);
  });

  it.each(cases)('%s rung: SIGINT and SIGTERM at each command end with 130, the service running, a backup for anything deleted', async (_n, os, scenario, method) => {
    const env = method === 'unlock-code' ? { ISOLATION_RESCUE_UNLOCK_CODE: 'fwq8qw' } : {};
    const clean = await runWith(os, scenario, method, () => undefined, env);
    let sent = 0;
    for (const signalName of ['SIGINT', 'SIGTERM']) {
      for (let at = 0; at < clean.state.log.length; at++) {
        let n = 0;
        const before = createState(os, scenario);
        const { result, state } = await runWith(os, scenario, method, () => undefined, env, () => n++ === at, signalName);
        sent++;
        expect([130, 0, 3, 4]).toContain(result.exitCode);
        if (result.exitCode === 130) expect(result.message).toContain(`cancelled (${signalName})`);
        expect(state.service.state).toBe('RUNNING');
        expect(backupsCover(state, before, result, method)).toBe(true);
      }
    }
    console.log(`${method}: ${sent} signals sent (SIGINT and SIGTERM at each command), all survived`);
  });
});
