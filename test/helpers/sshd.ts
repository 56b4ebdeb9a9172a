import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';

export interface Sshd {
  /** The Host alias in `config`. */
  host: string;
  /** An ssh_config file for the client: port, throwaway key, known_hosts with this server's key. */
  config: string;
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * A real OpenSSH server on 127.0.0.1 for one test: throwaway host and user keys, public-key login only, and
 * the environment given (PATH to the fake binaries) set for every session it starts.
 */
export async function startSshd(sessionEnv: Record<string, string>): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), 'ir-sshd-'));
  chmodSync(dir, 0o700);
  const keygen = (file: string) => spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, file)], { stdio: 'ignore' });
  keygen('host_key');
  keygen('user_key');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user_key.pub')));
  const port = await freePort();
  const user = userInfo().username;
  // sshd refuses to start without its privilege-separation directory.
  if (!existsSync('/run/sshd')) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const setEnv = Object.entries(sessionEnv).map(([k, v]) => `"${k}=${v}"`).join(' ');
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${join(dir, 'host_key')}`, `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`, 'StrictModes no', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes', 'PermitRootLogin prohibit-password', 'UsePAM no', `AllowUsers ${user}`, `SetEnv ${setEnv}`, 'LogLevel VERBOSE',
    ].join('\n') + '\n',
  );
  const hostPub = readFileSync(join(dir, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
  writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${port} ${hostPub}\n`);
  writeFileSync(
    join(dir, 'ssh_config'),
    ['Host rescue-target', '  HostName 127.0.0.1', `  Port ${port}`, `  User ${user}`, `  IdentityFile ${join(dir, 'user_key')}`, '  IdentitiesOnly yes', `  UserKnownHostsFile ${join(dir, 'known_hosts')}`, '  StrictHostKeyChecking yes', '  LogLevel ERROR'].join('\n') + '\n',
  );
  let log = '';
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d) => (log += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not start:\n${log}`)), 10_000);
    child.stderr!.on('data', () => {
      if (/Server listening on 127\.0\.0\.1/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`sshd exited ${code}:\n${log}`)));
  });
  return {
    host: 'rescue-target',
    config: join(dir, 'ssh_config'),
    log: () => log,
    stop: () => new Promise<void>((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM')))),
  };
}
