import { join } from 'node:path';
import { readJson, writeJson } from './json-file.js';

/**
 * Failed unlock attempts per connector, kept across runs. The connector allows 5 wrong codes, then refuses
 * every code for 30 minutes; this ledger mirrors that so the tool never burns the last try by accident.
 * Times are the endpoint's clock (virtual in the simulator).
 */
export const MAX_TRIES = 5;
export const LOCKOUT_MS = 30 * 60_000;

interface Entry {
  failures: number[];
  lockedUntil: number;
}

export interface LedgerStatus {
  used: number;
  left: number;
  lockedUntil?: number;
}

export class UnlockLedger {
  readonly file: string;

  constructor(stateDir: string) {
    this.file = join(stateDir, 'unlock-ledger.json');
  }

  private load(): Record<string, Entry> {
    return readJson<Record<string, Entry>>(this.file, {});
  }

  private entry(key: string, now: number): Entry {
    const e = this.load()[key] ?? { failures: [], lockedUntil: 0 };
    // A lockout that has run out gives the connector its five tries back.
    if (e.lockedUntil && now >= e.lockedUntil) return { failures: [], lockedUntil: 0 };
    return e;
  }

  status(key: string, now: number): LedgerStatus {
    const e = this.entry(key, now);
    const used = e.failures.length;
    return { used, left: Math.max(0, MAX_TRIES - used), lockedUntil: e.lockedUntil > now ? e.lockedUntil : undefined };
  }

  private save(key: string, e: Entry): void {
    const all = this.load();
    all[key] = e;
    writeJson(this.file, all);
  }

  recordFailure(key: string, now: number): LedgerStatus {
    const e = this.entry(key, now);
    e.failures.push(now);
    if (e.failures.length >= MAX_TRIES) e.lockedUntil = now + LOCKOUT_MS;
    this.save(key, e);
    return this.status(key, now);
  }

  /** The connector said the limit is reached (attempts made outside the tool): believe it. */
  markLocked(key: string, now: number): LedgerStatus {
    const e = this.entry(key, now);
    while (e.failures.length < MAX_TRIES) e.failures.push(now);
    e.lockedUntil = now + LOCKOUT_MS;
    this.save(key, e);
    return this.status(key, now);
  }

  reset(key: string): void {
    this.save(key, { failures: [], lockedUntil: 0 });
  }
}
