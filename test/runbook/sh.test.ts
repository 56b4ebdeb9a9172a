import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeEndpoint, type FakeEndpoint } from '../helpers/fake-endpoint.js';
import { isIsolated } from '../../src/simulator/model.js';
import { ISOLATION_FILE } from '../../src/platform/macos-commands.js';

let written = 0;

/** Writes the runbook with the CLI, then runs it with /bin/sh against the fake macOS binaries. */
async function runRunbook(ep: FakeEndpoint, method: string, args: string[] = ['--yes'], env: NodeJS.ProcessEnv = {}) {
  const file = join(ep.dir, `${method}-${++written}.sh`);
  const gen = await runCli(['runbook', '--os=macos', `--method=${method}`, `--output=${file}`], { ISOLATION_RESCUE_STATE_DIR: ep.stateDir });
  expect(gen.code).toBe(0);
  // No terminal: stdin closed, so a question cannot be answered by accident.
  const r = spawnSync('sh', [file, ...args], { env: { ...ep.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr, argv: ep.argv().map((a) => a.join(' ')) };
}

describe('the sh runbook, run by /bin/sh against the fake binaries', () => {
  it('plist: backs up, removes, reloads, verifies: exit 0 and the endpoint is released', async () => {
    const ep = fakeEndpoint('macos', 'bad-code');
    const r = await runRunbook(ep, 'plist');
    expect(r.out).toMatch(/Isolation is released/);
    expect(r.code).toBe(0);
    const state = ep.state();
    expect(isIsolated(state)).toBe(false);
    const backup = Object.keys(state.files).find((f) => f.includes('/backups/runbook-') && f.endsWith('endpoint_isolation.xml'));
    expect(backup).toBeDefined();
    expect(r.argv.findIndex((l) => l.startsWith('cp -p'))).toBeLessThan(r.argv.findIndex((l) => l.startsWith('rm -f')));
    expect(r.argv).toContain(`launchctl load /Library/LaunchDaemons/com.cisco.amp.daemon.plist`);

    // Run again: not isolated any more, so nothing to do, exit 0, nothing changed.
    const before = ep.argv().length;
    const again = await runRunbook(ep, 'plist');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/nothing to do/);
    expect(ep.argv().slice(before).map((a) => a[0])).toEqual(['id', 'test']);
  });

  it('unlock-code: the code from the environment reaches ampcli as one argument and is never printed', async () => {
    const ep = fakeEndpoint('macos', 'offline');
    const r = await runRunbook(ep, 'unlock-code', ['--yes'], { ISOLATION_RESCUE_UNLOCK_CODE: 'fwq8qw' });
    expect(r.code).toBe(0);
    expect(ep.argv()).toContainEqual(['ampcli', 'isolate', 'stop', 'fwq8qw']);
    expect(r.out).not.toContain('fwq8qw');
    expect(isIsolated(ep.state())).toBe(false);
  });

  it('a malformed code is refused before any attempt: exit 2, ampcli never called', async () => {
    const ep = fakeEndpoint('macos', 'offline');
    const r = await runRunbook(ep, 'unlock-code', ['--yes'], { ISOLATION_RESCUE_UNLOCK_CODE: "x'; rm -rf / #" });
    expect(r.code).toBe(2);
    expect(r.argv.some((l) => l.startsWith('ampcli'))).toBe(false);
    expect(isIsolated(ep.state())).toBe(true);
  });

  it('a wrong code: exit 3, still isolated, and the attempt counted by the connector', async () => {
    const ep = fakeEndpoint('macos', 'bad-code');
    const r = await runRunbook(ep, 'unlock-code', ['--yes'], { ISOLATION_RESCUE_UNLOCK_CODE: 'fwq8qw' });
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/NOT RELEASED: ampcli isolate stop with the unlock code failed \(exit \d+\)/);
    expect(ep.state().unlock.failures.length).toBe(1);
  });

  it('not root: exit 6 before anything else runs', async () => {
    const ep = fakeEndpoint('macos', 'bad-code', { elevated: false });
    const r = await runRunbook(ep, 'plist');
    expect(r.code).toBe(6);
    expect(r.argv).toEqual(['id -u']);
  });

  it('without --yes and no terminal to answer on: stops at the question, nothing deleted (exit 3)', async () => {
    const ep = fakeEndpoint('macos', 'bad-code');
    const r = await runRunbook(ep, 'plist', []);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/Stopped at your answer/);
    expect(ep.state().files[ISOLATION_FILE]).toBeDefined();
    expect(r.argv.some((l) => l.startsWith('rm'))).toBe(false);
  });

  it('the file cannot be removed (stuck): exit 3 with the step and its exit code; the backup and the file stay', async () => {
    const ep = fakeEndpoint('macos', 'stuck');
    const r = await runRunbook(ep, 'plist');
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/NOT RELEASED: remove endpoint_isolation\.xml failed \(exit 1\)/);
    expect(ep.state().files[ISOLATION_FILE]).toBeDefined();
    expect(Object.keys(ep.state().files).some((f) => f.includes('/backups/runbook-'))).toBe(true);
  });
});
