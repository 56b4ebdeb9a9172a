import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeEndpoint } from '../helpers/fake-endpoint.js';
import { isIsolated } from '../../src/simulator/model.js';
import { LocalExecutor } from '../../src/executors/local.js';

describe('local executor against fake binaries run as real processes', () => {
  it('Windows registry rung: value backed up, deleted, service running, exit 0', async () => {
    const ep = fakeEndpoint('windows', 'bad-code');
    const r = await runCli(['--non-interactive', '--method=registry', '--json'], ep.env);
    expect(r.stderr).not.toMatch(/unexpected/);
    expect(r.code).toBe(0);
    const state = ep.state();
    expect(isIsolated(state)).toBe(false);
    expect(state.service.state).toBe('RUNNING');
    const argv = ep.argv().map((a) => a.join(' '));
    expect(argv).toContain('sc.exe stop CiscoAMP_7.4.5');
    expect(argv.findIndex((l) => l.startsWith('reg.exe export'))).toBeLessThan(argv.findIndex((l) => l.startsWith('reg.exe delete')));
    const backup = r.json().backups[0].backup as string;
    expect(backup.startsWith(ep.stateDir)).toBe(true);
    expect(state.files[backup]).toContain('"unlock_code"=');
  });

  it('Windows unlock code: sfc.exe from the highest version folder gets the code as one argument', async () => {
    const ep = fakeEndpoint('windows', 'offline');
    const r = await runCli(['--non-interactive', '--method=unlock-code'], { ...ep.env, ISOLATION_RESCUE_UNLOCK_CODE: 'fwq8qw' });
    expect(r.code).toBe(0);
    const sfc = ep.argv().find((a) => a[0] === 'sfc.exe')!;
    expect(sfc).toEqual(['sfc.exe', '-n', 'fwq8qw']);
    expect(r.stdout + r.stderr).not.toContain('fwq8qw');
  });

  it('macOS plist rung: file copied then removed, daemon reloaded, exit 0', async () => {
    const ep = fakeEndpoint('macos', 'bad-code');
    const r = await runCli(['--non-interactive', '--method=plist', '--json'], ep.env);
    expect(r.code).toBe(0);
    const argv = ep.argv().map((a) => a.join(' '));
    const cp = argv.findIndex((l) => l.startsWith('cp -p /Library/Application Support/Cisco/Secure Endpoint/endpoint_isolation.xml'));
    const rm = argv.indexOf('rm -f /Library/Application Support/Cisco/Secure Endpoint/endpoint_isolation.xml');
    expect(cp).toBeGreaterThan(-1);
    expect(cp).toBeLessThan(rm);
    expect(argv.indexOf('launchctl unload /Library/LaunchDaemons/com.cisco.amp.daemon.plist')).toBeGreaterThan(rm);
    expect(argv.indexOf('launchctl load /Library/LaunchDaemons/com.cisco.amp.daemon.plist')).toBeGreaterThan(rm);
    expect(isIsolated(ep.state())).toBe(false);
    expect(ep.state().service.state).toBe('RUNNING');
  });

  it('not elevated: exit 6 with how to re-run elevated, nothing changed', async () => {
    const ep = fakeEndpoint('windows', 'bad-code', { elevated: false });
    const r = await runCli(['--non-interactive', '--method=registry'], ep.env);
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(/Run as administrator/);
    expect(ep.argv().some((a) => a[1] === 'stop' || a[1] === 'delete')).toBe(false);
  });

  it('no connector on this machine: exit 7 and what can still be done', async () => {
    const r = await runCli(['--non-interactive'], { ISOLATION_RESCUE_TARGET_OS: 'linux', ISOLATION_RESCUE_STATE_DIR: fakeEndpoint('windows', 'offline').stateDir });
    expect(r.code).toBe(7);
    expect(r.stdout).toMatch(/--method=console/);
    expect(r.stdout).toMatch(/--simulate/);
  });

  it('Ctrl-C while the service stop hangs: exit 130, and the service is started again', async () => {
    const ep = fakeEndpoint('windows', 'bad-code', { hang: 'reg.exe delete' });
    let sent = false;
    const r = await runCli(['--non-interactive', '--method=registry', '--verbose'], ep.env, {
      onStderr: (chunk, kill) => {
        if (!sent && /ok\s+stop-service/.test(chunk)) {
          sent = true;
          setTimeout(() => kill('SIGINT'), 300);
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/cancelled \(SIGINT\)/);
    expect(ep.state().service.state).toBe('RUNNING');
    expect(isIsolated(ep.state())).toBe(true);
  });

  it('SIGTERM in the middle is handled the same way', async () => {
    const ep = fakeEndpoint('windows', 'bad-code', { hang: 'reg.exe delete' });
    let sent = false;
    const r = await runCli(['--non-interactive', '--method=registry'], ep.env, {
      onStderr: (chunk, kill) => {
        if (!sent && /ok\s+stop-service/.test(chunk)) {
          sent = true;
          setTimeout(() => kill('SIGTERM'), 300);
        }
      },
    });
    expect(r.code).toBe(130);
    expect(ep.state().service.state).toBe('RUNNING');
  });

  it('a command that hangs past its timeout is killed and reported as timed out', async () => {
    const ep = fakeEndpoint('windows', 'offline', { hang: 'sc.exe query' });
    const ex = new LocalExecutor(ep.env);
    const r = await ex.run({ program: 'sc.exe', args: ['query', 'x'], effect: 'read', timeoutMs: 500 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).not.toBe(0);
  });

  it('a missing program is an exit code and a message, not a crash', async () => {
    const r = await new LocalExecutor({ PATH: '/nonexistent' }).run({ program: 'no-such-tool', args: [], effect: 'read' });
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toMatch(/no-such-tool/);
  });

  it('arguments with metacharacters, quotes, newlines and unicode arrive as exactly one argument each', async () => {
    const ep = fakeEndpoint('windows', 'offline');
    const hostile = ['a b', 'x&del', '"q"', "it's", 'l1\nl2', '$(reboot)', '`id`', 'ünïcödé', '%PATH%', 'x'.repeat(10_000)];
    await new LocalExecutor(ep.env).run({ program: 'reg.exe', args: ['query', ...hostile], effect: 'read' });
    expect(ep.argv().at(-1)).toEqual(['reg.exe', 'query', ...hostile]);
  });
});
