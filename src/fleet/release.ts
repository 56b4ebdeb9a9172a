import { ApiError, type CloudIsolationStatus, type ComputerSummary, type ConsoleApi } from '../cloud/console-api.js';
import type { FleetSource } from './targets.js';

export type FleetResult = 'released' | 'already' | 'offline' | 'still-isolated' | 'would-release' | 'not-found' | 'ambiguous' | 'error';

/** One computer's line in the fleet table. */
export interface FleetRow {
  /** What the list asked for: a host name or a GUID. */
  asked: string;
  hostname?: string;
  guid?: string;
  before?: CloudIsolationStatus;
  after?: CloudIsolationStatus;
  result?: FleetResult;
  detail?: string;
  /** Secret: filled only when asked for (--show-codes), for the computers still pending_stop. */
  unlockCode?: string;
}

export interface FleetOptions {
  comment: string;
  dryRun: boolean;
  waitMs: number;
  pollMs: number;
  concurrency: number;
  showCodes: boolean;
  signal?: AbortSignal;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  onProgress(phase: 'resolve' | 'stop' | 'verify' | 'codes', done: number, total: number): void;
}

const HOSTNAMES_PER_REQUEST = 50;

/**
 * Releases many computers through the console. About one request per computer (a DELETE each); states are
 * read and verified in bulk through the paged computer list, which carries each computer's isolation
 * status. Idempotent: a computer already not_isolated gets no DELETE and counts as done.
 */
export async function releaseFleet(api: ConsoleApi, source: FleetSource, targets: string[], o: FleetOptions): Promise<FleetRow[]> {
  const rows = await resolve(api, source, targets, o);
  const toStop = rows.filter((r) => r.guid && !r.result && r.before !== 'not_isolated');
  if (o.dryRun) {
    for (const r of toStop) r.result = 'would-release';
  } else {
    let done = 0;
    await pool(toStop, o.concurrency, async (row) => {
      try {
        row.after = (await api.stopIsolation(row.guid!, o.comment, o.signal)).status;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        // 409: nothing to stop (released meanwhile, or not isolated at all); the bulk read decides.
        if (err.kind !== 'conflict') Object.assign(row, { result: err.kind === 'not-found' ? 'not-found' : 'error', detail: err.message });
      }
      o.onProgress('stop', ++done, toStop.length);
    });
    await verify(api, source, rows, o);
  }
  for (const r of rows) r.result ??= finalResult(r);
  if (o.showCodes) await fetchCodes(api, rows, o);
  return rows;
}

async function resolve(api: ConsoleApi, source: FleetSource, targets: string[], o: FleetOptions): Promise<FleetRow[]> {
  if (source.kind === 'guids') {
    const listed = new Map((await api.listComputers({}, o.signal)).map((c) => [c.connectorGuid.toLowerCase(), c]));
    return targets.map((guid) => {
      const c = listed.get(guid);
      return c ? fromSummary(guid, c) : { asked: guid, guid, result: 'not-found' as const };
    });
  }
  if (source.kind === 'group') {
    const listed = await api.listComputers({ groupGuid: source.groupGuid }, o.signal);
    o.onProgress('resolve', listed.length, listed.length);
    return listed.map((c) => fromSummary(c.hostname, c));
  }
  const rows: FleetRow[] = [];
  for (let i = 0; i < targets.length; i += HOSTNAMES_PER_REQUEST) {
    const batch = targets.slice(i, i + HOSTNAMES_PER_REQUEST);
    const found = await api.listComputers({ hostnames: batch }, o.signal);
    for (const name of batch) {
      const matches = found.filter((c) => sameHost(c.hostname, name));
      if (matches.length === 1) rows.push(fromSummary(name, matches[0]));
      else if (matches.length === 0) rows.push({ asked: name, result: 'not-found' });
      else rows.push({ asked: name, result: 'ambiguous', detail: matches.map((c) => `${c.hostname} ${c.connectorGuid}`).join('; ') });
    }
    o.onProgress('resolve', Math.min(i + HOSTNAMES_PER_REQUEST, targets.length), targets.length);
  }
  return rows;
}

/** Reads the list again until every stopped computer is not_isolated or the wait is over. */
async function verify(api: ConsoleApi, source: FleetSource, rows: FleetRow[], o: FleetOptions): Promise<void> {
  const pending = () => rows.filter((r) => r.guid && !r.result && r.after !== 'not_isolated' && r.before !== 'not_isolated');
  const deadline = Date.now() + o.waitMs;
  for (let round = 0; pending().length; round++) {
    if (round > 0) {
      if (Date.now() >= deadline) break;
      await o.sleep(Math.min(o.pollMs, Math.max(0, deadline - Date.now())), o.signal);
    }
    const names = source.kind === 'hostnames' ? pending().map((r) => r.hostname!) : [];
    const listed = new Map<string, ComputerSummary>();
    if (source.kind === 'hostnames') {
      for (let i = 0; i < names.length; i += HOSTNAMES_PER_REQUEST) {
        for (const c of await api.listComputers({ hostnames: names.slice(i, i + HOSTNAMES_PER_REQUEST) }, o.signal)) listed.set(c.connectorGuid.toLowerCase(), c);
      }
    } else {
      for (const c of await api.listComputers(source.kind === 'group' ? { groupGuid: source.groupGuid } : {}, o.signal)) listed.set(c.connectorGuid.toLowerCase(), c);
    }
    for (const r of pending()) {
      const status = listed.get(r.guid!.toLowerCase())?.isolationStatus;
      if (status) r.after = status;
    }
    o.onProgress('verify', rows.length - pending().length, rows.length);
  }
}

async function fetchCodes(api: ConsoleApi, rows: FleetRow[], o: FleetOptions): Promise<void> {
  const offline = rows.filter((r) => r.result === 'offline' || r.result === 'still-isolated' || r.result === 'would-release');
  let done = 0;
  await pool(offline, o.concurrency, async (row) => {
    try {
      row.unlockCode = (await api.getIsolation(row.guid!, o.signal)).unlockCode;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
    o.onProgress('codes', ++done, offline.length);
  });
}

function finalResult(r: FleetRow): FleetResult {
  const now = r.after ?? r.before;
  if (now === 'not_isolated') return r.before === 'not_isolated' ? 'already' : 'released';
  if (now === 'pending_stop') return 'offline';
  return 'still-isolated';
}

const fromSummary = (asked: string, c: ComputerSummary): FleetRow => ({ asked, hostname: c.hostname, guid: c.connectorGuid.toLowerCase(), before: c.isolationStatus });

/** "pc-042" matches "pc-042.corp.example" in the console, and case never matters. */
function sameHost(listed: string, asked: string): boolean {
  const a = listed.toLowerCase();
  const b = asked.toLowerCase();
  return a === b || (!b.includes('.') && a.split('.')[0] === b);
}

/** Runs fn over items with at most `size` at once (the rate limiter decides how fast). */
async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
