import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeEndpoint, type FakeEndpoint } from '../helpers/fake-endpoint.js';
import { SSHD, startSshd, type Sshd } from '../helpers/sshd.js';
import { isIsolated } from '../../src/simulator/model.js';
import { ISOLATION_FILE } from '../../src/platform/macos-commands.js';

// CI installs openssh-server (.ci/run); a developer machine without it skips, CI never does.
const haveSshd = existsSync(SSHD);
if (!haveSshd && process.env.CI) throw new Error(`${SSHD} is missing: .ci/run should have installed openssh-server`);

describe.skipIf(!haveSshd)('ssh executor against a real sshd on 127.0.0.1', () => {
  let ep: FakeEndpoint;
  let sshd: Sshd;
  beforeAll(async () => {
    ep = fakeEndpoint('macos', 'bad-code');
    // The remote side: the fake macOS binaries first on PATH, and where their state is.
    sshd = await startSshd({ PATH: ep.env.PATH!, ISOLATION_RESCUE_FAKE_STATE: ep.stateFile, ISOLATION_RESCUE_FAKE_ARGV_LOG: ep.argvLog });
  });
  afterAll(async () => sshd?.stop());

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(['--executor=ssh', `--host=${sshd.host}`, ...args], {
      ISOLATION_RESCUE_SSH_CONFIG: sshd.config,
      ISOLATION_RESCUE_STATE_DIR: ep.stateDir,
      ISOLATION_RESCUE_TARGET_OS: 'macos',
      ISOLATION_RESCUE_AMPCLI: ep.env.ISOLATION_RESCUE_AMPCLI,
      ...env,
    });

  it('status over ssh: the remote endpoint is detected as isolated', async () => {
    const r = await cli(['status', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ endpoint: 'rescue-target over ssh', facts: { os: 'macos', isolated: true, elevated: true } });
  });

  it('the macOS ladder over ssh: wrong code refused, then plist; paths with spaces arrive as one argument each; exit 0', async () => {
    const r = await cli(['--non-interactive', '--json', '--verbose'], { ISOLATION_RESCUE_UNLOCK_CODE: 'fwq8qw' });
    expect(r.code).toBe(0);
    const result = r.json();
    expect(result.executor).toBe('ssh');
    expect(result.rungs.map((x: any) => `${x.method}:${x.status}`)).toEqual(['console:skipped', 'unlock-code:failed', 'plist:recovered']);
    const state = ep.state();
    expect(isIsolated(state)).toBe(false);
    expect(state.files[result.backups[0].backup]).toBeDefined();
    // Each argument crossed ssh and the remote shell intact: the path with spaces is one argv entry.
    expect(ep.argv()).toContainEqual(['rm', '-f', ISOLATION_FILE]);
    expect(ep.argv()).toContainEqual(['ampcli', 'isolate', 'stop', 'fwq8qw']);
    expect(r.stdout + r.stderr).not.toContain('fwq8qw');
  });

  it('restore over ssh puts endpoint_isolation.xml back from the remote backup', async () => {
    const list = await cli(['restore', '--json']);
    const session = list.json().sessions[0].session;
    const r = await cli(['restore', session, '--yes', '--json']);
    expect(r.code).toBe(0);
    expect(r.json().items).toEqual([expect.objectContaining({ original: ISOLATION_FILE, ok: true })]);
    expect(isIsolated(ep.state())).toBe(true);
  });

  it('a hostile comment and metacharacters reach the remote program unchanged (nothing re-interpreted)', async () => {
    const { SshExecutor } = await import('../../src/executors/ssh.js');
    const { LocalExecutor } = await import('../../src/executors/local.js');
    const ssh = new SshExecutor(new LocalExecutor({ PATH: process.env.PATH, HOME: process.env.HOME }), sshd.host, 'posix', sshd.config);
    const hostile = ["it's", '$(touch /tmp/pwned)', '`id`', 'a;b|c&d', '"quoted"', 'new\nline', 'ünï', '*', ' lead', ''];
    const r = await ssh.run({ program: 'printf', args: ['%s\\0', ...hostile], effect: 'read' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(hostile);
    expect(existsSync('/tmp/pwned')).toBe(false);
  });

  it('an unreachable host: exit 3 with what to check, nothing run', async () => {
    const r = await runCli(['--executor=ssh', '--host=nobody@127.0.0.1:1', 'status'], { ISOLATION_RESCUE_STATE_DIR: ep.stateDir, ISOLATION_RESCUE_TARGET_OS: 'macos' });
    expect(r.code).toBe(2);
    const r2 = await runCli(['--executor=ssh', '--host=ssh://nobody@127.0.0.1:1', 'status'], { ISOLATION_RESCUE_STATE_DIR: ep.stateDir, ISOLATION_RESCUE_TARGET_OS: 'macos' });
    expect(r2.code).toBe(3);
    expect(r2.stderr).toMatch(/ssh could not run the command on ssh:\/\/nobody@127\.0\.0\.1:1: .*Connection refused/);
    expect(r2.stderr).toMatch(/without a password prompt/);
  });

  it('bad --host values are refused before ssh runs: exit 2', async () => {
    for (const host of ['-oProxyCommand=touch /tmp/x', 'a b', 'user@host;id', '']) {
      const r = await runCli(['--executor=ssh', `--host=${host}`, 'status']);
      expect(r.code, host).toBe(2);
    }
    expect((await runCli(['--host=x', 'status'])).stderr).toMatch(/only makes sense with --executor=ssh/);
  });
});

describe('ssh executor: the command line handed to ssh', () => {
  const capture = () => {
    const calls: string[][] = [];
    const local = { kind: 'local' as const, rebootsInline: false, now: () => 0, sleep: async () => {}, run: async (c: { args: string[] }) => (calls.push(c.args), { exitCode: 0, stdout: '', stderr: '', timedOut: false, durationMs: 1 }) };
    return { calls, local };
  };

  it('Windows (cmd.exe as the remote shell): plain tokens bare, the rest double-quoted, after -- and the destination', async () => {
    const { SshExecutor } = await import('../../src/executors/ssh.js');
    const { calls, local } = capture();
    await new SshExecutor(local as never, 'admin@pc-042', 'cmd').run({ program: 'reg.exe', args: ['delete', 'HKLM\\SOFTWARE\\Immunet Protect', '/v', 'unlock_code', '/f'], effect: 'change' });
    expect(calls[0].slice(-3)).toEqual(['--', 'admin@pc-042', 'reg.exe delete "HKLM\\SOFTWARE\\Immunet Protect" /v unlock_code /f']);
    expect(calls[0]).toEqual(expect.arrayContaining(['-o', 'BatchMode=yes']));
  });

  it('Windows: an argument cmd.exe would expand is refused before ssh runs, without echoing it (it may be a secret)', async () => {
    const { SshExecutor } = await import('../../src/executors/ssh.js');
    const { calls, local } = capture();
    const err = await new SshExecutor(local as never, 'pc-042', 'cmd').run({ program: 'C:\\AMP\\sfc.exe', args: ['-k', 'pa%PATH%ss'], effect: 'change', secrets: ['pa%PATH%ss'] }).catch((e) => e);
    expect(err.exitCode).toBe(2);
    expect(err.message).not.toContain('pa%PATH%ss');
    expect(calls).toEqual([]);
  });

  it('POSIX: a marker then exec, every word single-quoted', async () => {
    const { SshExecutor } = await import('../../src/executors/ssh.js');
    const { calls, local } = capture();
    await new SshExecutor(local as never, 'mac-017').run({ program: 'rm', args: ['-f', "/Library/it's here"], effect: 'change' });
    expect(calls[0].at(-1)).toBe(`printf '\\036' && printf '\\036' >&2 && exec 'rm' '-f' '/Library/it'\\''s here'`);
  });
});
