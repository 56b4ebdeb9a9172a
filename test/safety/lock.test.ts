import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { fakeEndpoint } from '../helpers/fake-endpoint.js';
import { acquireLock, lockPath } from '../../src/safety/lock.js';

describe('one run at a time per endpoint', () => {
  it('a second run while the first is mid-rung exits 2 naming the holder, and changes nothing', async () => {
    const ep = fakeEndpoint('windows', 'bad-code', { hang: 'reg.exe delete' });
    let second: Awaited<ReturnType<typeof runCli>> | undefined;
    let argvAtSecond = 0;
    let argvAtSecondEnd = 0;
    const first = await runCli(['--non-interactive', '--method=registry'], ep.env, {
      onStderr: (chunk, kill) => {
        if (second || !/ok {3}stop-service/.test(chunk)) return;
        second = {} as never;
        argvAtSecond = ep.argv().length;
        void runCli(['--non-interactive', '--method=registry', '--json'], ep.env).then((r) => {
          second = r;
          argvAtSecondEnd = ep.argv().length;
          kill('SIGTERM');
        });
      },
    });
    expect(second?.code).toBe(2);
    expect(second?.stdout).toBe('');
    expect(second?.stderr).toMatch(new RegExp(`another isolation-rescue run is working on this endpoint: rescue by .+@${hostname()} \\(pid \\d+\\)`));
    expect(second?.stderr).toMatch(/if you are sure no run is going on, delete .*locks.local\.lock/);
    // The second run executed nothing: a run begins with whoami /groups, and none ran while it was alive.
    const during = ep.argv().slice(argvAtSecond, argvAtSecondEnd).map((a) => a.join(' '));
    expect(during.filter((l) => l.startsWith('whoami'))).toEqual([]);
    // The first, interrupted, still restarted the service and released the lock.
    expect(first.code).toBe(130);
    expect(ep.state().service.state).toBe('RUNNING');
    expect(existsSync(lockPath(ep.stateDir, 'local'))).toBe(false);
  });

  it('a lock left by a process that no longer exists is taken over', async () => {
    const stateDir = tempStateDir();
    mkdirSync(join(stateDir, 'locks'), { recursive: true });
    // PIDs are below 2^22 on Linux: this one cannot be running.
    writeFileSync(lockPath(stateDir, 'simulated-windows'), JSON.stringify({ pid: 4_194_304 + 7, user: 'ghost', host: hostname(), command: 'rescue', startedAt: '2026-01-01T00:00:00Z' }));
    const r = await runCli(['--simulate', '--scenario=offline', '--non-interactive', '--unlock-code=fwq8qw'], { ISOLATION_RESCUE_STATE_DIR: stateDir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(stateDir, 'locks'))).toEqual([]);
  });

  it('a lock held on another host is respected (a shared state dir): exit 2', async () => {
    const stateDir = tempStateDir();
    mkdirSync(join(stateDir, 'locks'), { recursive: true });
    writeFileSync(lockPath(stateDir, 'simulated-windows'), JSON.stringify({ pid: 1, user: 'alice', host: 'other-host', command: 'restore', startedAt: '2026-01-01T00:00:00Z' }));
    const r = await runCli(['--simulate', '--non-interactive', '--method=registry'], { ISOLATION_RESCUE_STATE_DIR: stateDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/restore by alice@other-host \(pid 1\)/);
    // Nothing ran: the simulator was never even opened.
    expect(existsSync(join(stateDir, 'simulator'))).toBe(false);
  });

  it('an unreadable lock file is reported as such, not overwritten', () => {
    const stateDir = tempStateDir();
    mkdirSync(join(stateDir, 'locks'), { recursive: true });
    writeFileSync(lockPath(stateDir, 'x'), 'garbage');
    expect(() => acquireLock(stateDir, 'x', 'rescue')).toThrow(/unreadable lock file/);
  });

  it('locks are per endpoint: a simulated run is not blocked by a lock on the local endpoint', async () => {
    const stateDir = tempStateDir();
    const release = acquireLock(stateDir, 'local', 'rescue');
    const r = await runCli(['--simulate', '--scenario=healthy', '--non-interactive'], { ISOLATION_RESCUE_STATE_DIR: stateDir });
    release();
    expect(r.code).toBe(0);
  });
});
