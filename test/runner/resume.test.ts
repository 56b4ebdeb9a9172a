import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeEndpoint } from '../helpers/fake-endpoint.js';
import { saveSimState } from '../../src/simulator/store.js';

const statuses = (result: any) => result.rungs.map((x: any) => `${x.method}:${x.status}`);

describe('resume after a reboot', () => {
  it('jobs-db rebooted the endpoint: the next run continues that session, verifies, and reports recovered', async () => {
    const ep = fakeEndpoint('windows', 'stubborn');
    const first = await runCli(['--non-interactive', '--method=jobs-db', '--reboot', '--json'], ep.env);
    expect(first.code).toBe(4);
    expect(first.json().message).toMatch(/reboot/i);
    expect(readdirSync(join(ep.stateDir, 'resume'))).toEqual(['local.json']);

    const second = await runCli(['--non-interactive', '--json'], ep.env);
    expect(second.code).toBe(0);
    const result = second.json();
    expect(result.resumedFrom).toEqual({ session: first.json().session, method: 'jobs-db' });
    expect(result.message).toMatch(/after the reboot that session .* \(jobs-db\) started, the endpoint is no longer isolated/);
    // Nothing was tried again: the verification was enough.
    expect(result.rungs).toEqual([]);
    expect(second.stderr).toMatch(/Continuing session/);
    expect(existsSync(join(ep.stateDir, 'resume', 'local.json'))).toBe(false);
  });

  it('still isolated after the reboot: the ladder goes on from the rung after jobs-db, then a safe-boot session resumes too', async () => {
    const ep = fakeEndpoint('windows', 'stubborn');
    const first = await runCli(['--non-interactive', '--method=jobs-db', '--reboot'], ep.env);
    expect(first.code).toBe(4);
    // The reboot did not clear it this time (as on a machine where the job is re-sent).
    const state = ep.state();
    state.registry.unlock_code = { type: 'REG_SZ', data: 'again' };
    saveSimState(ep.stateFile, state);

    const second = await runCli(['--non-interactive', '--json'], ep.env);
    expect(second.code).toBe(3);
    expect(statuses(second.json())).toEqual(['safe-boot:hand-off']);
    // The console, the code, the registry and jobs.db were not tried again.
    expect(ep.argv().filter((a) => a[0] === 'reg.exe' && a[1] === 'delete')).toHaveLength(0);
    expect(existsSync(join(ep.stateDir, 'resume', 'local.json'))).toBe(true);

    // The tech did the safe-boot procedure; isolation is gone now.
    const after = ep.state();
    delete after.registry.unlock_code;
    saveSimState(ep.stateFile, after);
    const third = await runCli(['--non-interactive', '--json'], ep.env);
    expect(third.code).toBe(0);
    expect(third.json().resumedFrom.method).toBe('safe-boot');
    expect(third.json().hint).toMatch(/bcdedit \/deletevalue \{current\} safeboot/);
  });

  it('a marker for another simulated endpoint (a fresh --scenario) is ignored and removed', async () => {
    const ep = fakeEndpoint('windows', 'stuck');
    const env = { ISOLATION_RESCUE_STATE_DIR: ep.stateDir };
    const first = await runCli(['--simulate', '--scenario=stuck', '--non-interactive'], env);
    expect(first.code).toBe(3);
    expect(existsSync(join(ep.stateDir, 'resume', 'simulated-windows.json'))).toBe(true);
    const fresh = await runCli(['--simulate', '--scenario=healthy', '--non-interactive', '--json'], env);
    expect(fresh.code).toBe(0);
    expect(fresh.json().resumedFrom).toBeUndefined();
    expect(existsSync(join(ep.stateDir, 'resume', 'simulated-windows.json'))).toBe(false);
  });
});
