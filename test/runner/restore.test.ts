import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { fakeEndpoint } from '../helpers/fake-endpoint.js';
import { loadSimState, simStatePath } from '../../src/simulator/store.js';
import { isIsolated, jobsDbPath } from '../../src/simulator/model.js';

const sim = (os: 'windows' | 'macos', stateDir: string) => loadSimState(simStatePath(stateDir, os))!;

describe('restore: put back what a session removed', () => {
  it('simulated Windows registry: lists the session, refuses without --yes, then restores the value with the service running', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    const rescue = await runCli(['--simulate', '--scenario=bad-code', '--non-interactive', '--method=registry', '--json'], env);
    expect(rescue.code).toBe(0);
    const session = rescue.json().session as string;
    expect(sim('windows', stateDir).registry.unlock_code).toBeUndefined();

    const list = await runCli(['restore', '--simulate', '--json'], env);
    expect(list.code).toBe(0);
    expect(list.json().sessions).toEqual([expect.objectContaining({ session, backups: ['HKLM\\SOFTWARE\\Immunet Protect'] })]);

    const noYes = await runCli(['restore', session, '--simulate', '--non-interactive'], env);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toMatch(/add --yes/);
    expect(sim('windows', stateDir).registry.unlock_code).toBeUndefined();

    const r = await runCli(['restore', session, '--simulate', '--yes', '--json'], env);
    expect(r.code).toBe(0);
    const result = r.json();
    expect(result).toMatchObject({ command: 'restore', session, outcome: 'restored', items: [{ kind: 'registry-key', ok: true }] });
    const state = sim('windows', stateDir);
    const exported = state.files[rescue.json().backups[0].backup];
    expect(exported).toContain(`"unlock_code"="${state.registry.unlock_code?.data}"`);
    expect(isIsolated(state)).toBe(true);
    expect(state.service.state).toBe('RUNNING');
    const log = state.log.map((a) => a.join(' '));
    expect(log.findIndex((l) => l.startsWith('sc.exe stop'))).toBeLessThan(log.findIndex((l) => l.startsWith('reg.exe import')));
    expect(JSON.parse(readFileSync(result.reportFile, 'utf8')).outcome).toBe('restored');
  });

  it('simulated macOS plist: endpoint_isolation.xml comes back from the backup', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    const rescue = await runCli(['--simulate=macos', '--scenario=bad-code', '--non-interactive', '--method=plist', '--json'], env);
    expect(rescue.code).toBe(0);
    const file = rescue.json().backups[0].original as string;
    const original = rescue.json().before;
    expect(original.isolated).toBe(true);
    expect(sim('macos', stateDir).files[file]).toBeUndefined();
    const r = await runCli(['restore', rescue.json().session, '--simulate=macos', '--yes'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ .*endpoint_isolation\.xml/);
    expect(sim('macos', stateDir).files[file]).toBeDefined();
  });

  it('fake binaries, Windows jobs.db: robocopy copies it back and the file is there again', async () => {
    const ep = fakeEndpoint('windows', 'stubborn');
    const rescue = await runCli(['--non-interactive', '--method=jobs-db', '--json'], ep.env);
    expect(rescue.stdout).toMatch(/reboot/i);
    expect(rescue.code).toBe(4);
    const jobsDb = jobsDbPath(ep.state());
    expect(ep.state().files[jobsDb]).toBeUndefined();
    const r = await runCli(['restore', rescue.json().session, '--yes', '--json'], ep.env);
    expect(r.code).toBe(0);
    expect(ep.state().files[jobsDb]).toBeDefined();
    expect(ep.state().service.state).toBe('RUNNING');
    expect(ep.argv().some((a) => a[0] === 'robocopy.exe' && a[2].endsWith('AMP'))).toBe(true);
  });

  it('Connector Protection on and no password: the stop is refused, nothing restored, exit 3, service running', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    const rescue = await runCli(['--simulate', '--scenario=protected', '--non-interactive', '--method=registry', '--json'], { ...env, ISOLATION_RESCUE_PROTECTION_PASSWORD: 'letmein' });
    expect(rescue.code).toBe(0);
    const r = await runCli(['restore', rescue.json().session, '--simulate', '--yes', '--json'], env);
    expect(r.code).toBe(3);
    expect(r.json().message).toMatch(/Access is denied/);
    expect(sim('windows', stateDir).service.state).toBe('RUNNING');
    expect(r.stdout).not.toContain('letmein');
  });

  it('bad input changes nothing: a malformed id (2), an unknown session (2), a session of another endpoint (2)', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    const bad = await runCli(['restore', '../../etc/passwd', '--yes'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not a session id/);
    const unknown = await runCli(['restore', '20260101-000000-abcd', '--simulate', '--yes'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/there is no session 20260101-000000-abcd/);
    const rescue = await runCli(['--simulate', '--scenario=bad-code', '--non-interactive', '--method=registry', '--json'], env);
    const other = await runCli(['restore', rescue.json().session, '--simulate=macos', '--yes'], env);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/was run against simulated windows endpoint/);
    expect(sim('windows', stateDir).registry.unlock_code).toBeUndefined();
  });

  it('--dry-run shows what restore would run and changes nothing (exit 3)', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    const rescue = await runCli(['--simulate', '--scenario=bad-code', '--non-interactive', '--method=registry', '--json'], env);
    const r = await runCli(['restore', rescue.json().session, '--simulate', '--yes', '--dry-run', '--json'], env);
    expect(r.code).toBe(3);
    expect(r.json().steps.flatMap((s: any) => s.commands).some((c: any) => c.argv[0] === 'reg.exe' && c.argv[1] === 'import' && c.skipped)).toBe(true);
    expect(sim('windows', stateDir).registry.unlock_code).toBeUndefined();
    expect(sim('windows', stateDir).service.state).toBe('RUNNING');
  });

  it('a session that removed nothing has nothing to restore: exit 2', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    const rescue = await runCli(['--simulate', '--scenario=offline', '--non-interactive', '--unlock-code=fwq8qw', '--json'], env);
    const r = await runCli(['restore', rescue.json().session, '--simulate', '--yes'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/took no backups/);
  });
});
