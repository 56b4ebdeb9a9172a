import { RescueError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { t } from '../messages/index.js';
import { acquireLock, LockHeldError } from '../safety/lock.js';

/** Takes the endpoint's run lock, or explains who holds it (exit 2: nothing was run, try again later). */
export function holdEndpointLock(stateDir: string, endpointKey: string, command: string): () => void {
  try {
    return acquireLock(stateDir, endpointKey, command);
  } catch (err) {
    if (!(err instanceof LockHeldError)) throw err;
    const h = err.holder;
    const message = h
      ? t('lock.heldBy', { command: h.command, user: h.user, host: h.host, pid: h.pid, since: h.startedAt })
      : t('lock.heldUnknown');
    throw new RescueError(message, EXIT.usage, t('lock.hint', { file: err.file }));
  }
}
