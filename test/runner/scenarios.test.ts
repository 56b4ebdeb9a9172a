import { describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { loadSimState, simStatePath } from '../../src/simulator/store.js';
import { isIsolated } from '../../src/simulator/model.js';

/** Every OS and scenario, scripted, through the built CLI: exit code, the endpoint's state, and what the JSON lists. */
const run = async (os: 'windows' | 'macos', scenario: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) => {
  const stateDir = tempStateDir();
  const r = await runCli([`--simulate=${os}`, `--scenario=${scenario}`, '--non-interactive', '--method=auto', '--json', ...extra], { ISOLATION_RESCUE_STATE_DIR: stateDir, ...env });
  const state = loadSimState(simStatePath(stateDir, os))!;
  return { r, result: r.json(), state, stateDir };
};

const statuses = (result: any) => result.rungs.map((x: any) => `${x.method}:${x.status}`);

describe('windows scenarios', () => {
  it('offline with the code given: 0, released by the unlock code', async () => {
    const { r, result, state } = await run('windows', 'offline', ['--unlock-code=fwq8qw']);
    expect(r.code).toBe(0);
    expect(statuses(result)).toEqual(['console:failed', 'unlock-code:recovered']);
    expect(isIsolated(state)).toBe(false);
    expect(state.service.state).toBe('RUNNING');
    expect(result.rungs[0].reason).toMatch(/pending_stop/);
  });

  it('healthy: the console stop clears it', async () => {
    const { r, result, state } = await run('windows', 'healthy');
    expect(r.code).toBe(0);
    expect(statuses(result)).toEqual(['console:recovered']);
    expect(state.cloud.status).toBe('not_isolated');
  });

  it('bad-code: 0 through the registry rung, with the value backed up before deletion', async () => {
    const { r, result, state } = await run('windows', 'bad-code');
    expect(r.code).toBe(0);
    expect(statuses(result)).toEqual(['console:failed', 'unlock-code:failed', 'registry:recovered']);
    expect(isIsolated(state)).toBe(false);
    expect(state.service.state).toBe('RUNNING');
    const log = state.log.map((a) => a.join(' '));
    const exportAt = log.findIndex((l) => l.startsWith('reg.exe export'));
    const deleteAt = log.findIndex((l) => l.startsWith('reg.exe delete'));
    expect(exportAt).toBeGreaterThan(-1);
    expect(exportAt).toBeLessThan(deleteAt);
    expect(result.backups[0].backup).toMatch(/immunet-protect\.reg$/);
    expect(state.files[result.backups[0].backup]).toContain('"unlock_code"=');
    expect(result.rungs[2].verifications.at(-1)).toEqual({ ok: true, checks: { isolated: false, service: 'running' } });
  });

  it('protected without the password: 3, service still running, safe-boot hint given', async () => {
    const { r, result, state } = await run('windows', 'protected');
    expect(r.code).toBe(3);
    expect(statuses(result)).toEqual(['console:failed', 'unlock-code:failed', 'registry:failed', 'jobs-db:failed', 'safe-boot:hand-off']);
    expect(result.rungs[2].reason).toMatch(/Access is denied/);
    expect(result.rungs[4].hints.join('\n')).toMatch(/bcdedit \/set \{current\} safeboot minimal/);
    expect(result.rungs[4].hints.join('\n')).toMatch(/BitLocker protection is ON/);
    expect(state.service.state).toBe('RUNNING');
    expect(isIsolated(state)).toBe(true);
  });

  it('protected with the password: 0 via sfc.exe -k, and the password is never printed', async () => {
    const { r, result, state, stateDir } = await run('windows', 'protected', [], { ISOLATION_RESCUE_PROTECTION_PASSWORD: 'letmein' });
    expect(r.code).toBe(0);
    expect(statuses(result).at(-1)).toBe('registry:recovered');
    expect(r.stdout + r.stderr).not.toContain('letmein');
    expect(JSON.stringify(state.log)).not.toContain('letmein');
    expect(result.tamperingLikeSteps.join('\n')).toMatch(/sfc\.exe -k/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(result.reportFiles.markdown, 'utf8')).not.toContain('letmein');
    expect(readFileSync(result.reportFiles.json, 'utf8')).not.toContain('letmein');
    expect(stateDir).toBeTruthy();
  });

  it('stubborn: 4 without --reboot (service running again), 0 with it', async () => {
    const a = await run('windows', 'stubborn');
    expect(a.r.code).toBe(4);
    expect(statuses(a.result)).toEqual(['console:failed', 'unlock-code:failed', 'registry:failed', 'jobs-db:reboot-required']);
    expect(a.state.service.state).toBe('RUNNING');
    expect(a.state.bootCount).toBe(0);
    expect(a.result.backups.map((b: any) => b.backup.split('\\').pop())).toEqual(['immunet-protect.reg', 'jobs.db']);
    const b = await run('windows', 'stubborn', ['--reboot']);
    expect(b.r.code).toBe(0);
    expect(b.state.bootCount).toBe(1);
    expect(isIsolated(b.state)).toBe(false);
  });

  it('stuck: 3, only safe boot left, nothing deleted', async () => {
    const { r, result, state } = await run('windows', 'stuck');
    expect(r.code).toBe(3);
    expect(statuses(result).at(-1)).toBe('safe-boot:hand-off');
    expect(state.files[`${state.installDir}\\jobs.db`]).toBeDefined();
    expect(state.service.state).toBe('RUNNING');
  });
});

describe('macOS scenarios', () => {
  it.each([
    ['healthy', 0, 'console:recovered'],
    ['offline', 0, 'unlock-code:recovered'],
    ['bad-code', 0, 'plist:recovered'],
    ['stuck', 3, 'plist:failed'],
  ])('%s ends with exit %i (%s)', async (scenario, code, last) => {
    const { r, result, state } = await run('macos', scenario, ['--unlock-code=fwq8qw']);
    expect(r.code).toBe(code);
    expect(statuses(result).at(-1)).toBe(last);
    expect(isIsolated(state)).toBe(code !== 0);
    expect(state.service.state).toBe('RUNNING');
  });

  it('bad-code: endpoint_isolation.xml is copied before rm', async () => {
    const { state, result } = await run('macos', 'bad-code');
    const log = state.log.map((a) => a.join(' '));
    expect(log.findIndex((l) => l.startsWith('cp -p'))).toBeLessThan(log.findIndex((l) => l.startsWith('rm -f')));
    expect(state.files[result.backups[0].backup]).toContain('isolated');
  });

  it('a Windows-only method on macOS is exit 7 with nothing run', async () => {
    const stateDir = tempStateDir();
    const r = await runCli(['--simulate=macos', '--scenario=offline', '--non-interactive', '--method=registry'], { ISOLATION_RESCUE_STATE_DIR: stateDir });
    expect(r.code).toBe(7);
    expect(r.stdout).toMatch(/does not apply to macos/);
    const state = loadSimState(simStatePath(stateDir, 'macos'))!;
    expect(state.log.every((a) => ['id', 'test', 'cat', 'launchctl'].includes(a[0]) || a[0].endsWith('ampcli'))).toBe(true);
  });
});

describe('the JSON result', () => {
  it('lists every rung, every command (secrets masked) and each verification', async () => {
    const { result } = await run('windows', 'offline', ['--unlock-code=fwq8qw']);
    const argv = result.rungs.flatMap((x: any) => x.steps.flatMap((s: any) => s.commands.map((c: any) => c.argv.join(' '))));
    expect(argv).toContain('C:\\Program Files\\Cisco\\AMP\\7.4.5.20701\\sfc.exe -n ********');
    expect(JSON.stringify(result)).not.toContain('fwq8qw');
    expect(result.rungs[1].verifications.at(-1).ok).toBe(true);
    expect(result.before.isolated).toBe(true);
    expect(result.after.isolated).toBe(false);
    expect(result.exitCode).toBe(0);
  });
});
