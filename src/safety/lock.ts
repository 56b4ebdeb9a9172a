import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { localUser } from '../operator.js';
import { fileSafe } from './json-file.js';

/** Who holds a run lock: enough for the second run to tell the tech whom to ask. */
export interface LockHolder {
  pid: number;
  user: string;
  host: string;
  command: string;
  startedAt: string;
}

export class LockHeldError extends Error {
  constructor(
    readonly holder: LockHolder | undefined,
    readonly file: string,
  ) {
    super(`locked by ${holder ? `${holder.user}@${holder.host} pid ${holder.pid}` : 'an unreadable lock file'}`);
  }
}

export const lockPath = (stateDir: string, endpointKey: string) => join(stateDir, 'locks', `${fileSafe(endpointKey)}.lock`);

/**
 * One run at a time per endpoint: the ledger, the backups and the simulator state are read-modify-write.
 * The lock file is created exclusively (O_EXCL) and names its holder; proper-lockfile would not say who
 * holds it. A lock left by a process that no longer exists on this host is taken over.
 */
export function acquireLock(stateDir: string, endpointKey: string, command: string): () => void {
  const file = lockPath(stateDir, endpointKey);
  mkdirSync(join(stateDir, 'locks'), { recursive: true, mode: 0o700 });
  const me: LockHolder = { pid: process.pid, user: localUser(), host: hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      if (holder && isStale(holder)) {
        removeQuietly(file);
        continue;
      }
      throw new LockHeldError(holder, file);
    }
    writeSync(fd, JSON.stringify(me) + '\n');
    closeSync(fd);
    // A crash between here and release still frees the lock: 'exit' handlers run on process.exit and on errors.
    const release = () => {
      process.off('exit', release);
      if (readHolder(file)?.pid === me.pid) removeQuietly(file);
    };
    process.on('exit', release);
    return release;
  }
  throw new LockHeldError(readHolder(file), file);
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Only a holder on this host can be checked; one on another host (a shared state dir) is trusted. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: nothing to free.
  }
}
