import { RescueError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { m, t } from '../messages/index.js';
import { ApiError, type ComputerSummary, type ConsoleApi } from '../cloud/console-api.js';
import type { Options } from '../options.js';

/** --hostname through the console: exactly one computer, or a usage error that lists what was found. */
export async function guidFromHostname(options: Options, api: ConsoleApi | undefined, signal: AbortSignal, choose?: (hostname: string, found: ComputerSummary[]) => Promise<string | undefined>): Promise<string | undefined> {
  if (!options.hostname || !api) return undefined;
  let found;
  try {
    found = await api.findComputers(options.hostname, signal);
  } catch (err) {
    if (err instanceof ApiError) throw new RescueError(t(m('console.apiError', { detail: err.message })), EXIT.notRecovered);
    throw err;
  }
  if (found.length === 1) return found[0].connectorGuid;
  if (found.length === 0) throw new RescueError(t(m('error.noSuchHost', { hostname: options.hostname })), EXIT.usage);
  if (choose) {
    const guid = await choose(options.hostname, found);
    if (guid) return guid;
  }
  const list = found.map((c) => `${c.hostname} ${c.connectorGuid} (${c.isolationStatus ?? '?'})`).join('; ');
  throw new RescueError(t(m('error.manyHosts', { hostname: options.hostname, list })), EXIT.usage);
}
