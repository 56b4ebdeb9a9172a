import { join } from 'node:path';
import { RescueError, usageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { t } from '../messages/index.js';
import { ApiClient, abortableSleep } from '../cloud/api-client.js';
import { ApiError } from '../cloud/console-api.js';
import { RateLimiter } from '../cloud/limiter.js';
import { REGION_URLS } from '../cloud/regions.js';
import { releaseFleet, type FleetRow } from '../fleet/release.js';
import { readTargetFile } from '../fleet/targets.js';
import { renderTable } from '../fleet/table.js';
import { writeJson } from '../safety/json-file.js';
import { operator } from '../operator.js';
import { VERSION } from '../version.js';
import type { Options } from '../options.js';
import { newSessionId } from './setup.js';
import { withSignals } from './signals.js';
import type { Out } from './print.js';

const CONCURRENCY = 8;
const POLL_MS = 10_000;

/** `fleet`: release many computers through the console, under the rate limit, and print a table. */
export async function runFleet(options: Options, out: Out): Promise<number> {
  const source = options.fleet!;
  const { apiClientId, apiKey } = options.secrets;
  if (!apiClientId || !apiKey) throw usageError(t('fleet.needsCredentials'), t('fleet.credentialsHint'));
  // Files are read and checked before the first request: a bad line sends nothing.
  const targets = source.kind === 'group' ? [] : readTargetFile(source.file, source.kind);
  const api = new ApiClient({ baseUrl: options.apiUrl ?? REGION_URLS[options.apiRegion], clientId: apiClientId, apiKey, limiter: new RateLimiter(), retries: 8, maxRetryWaitMs: 3_600_000 });
  const startedAt = new Date();
  let lastShown = -1;
  const onProgress = (phase: string, done: number, total: number) => {
    // A line per tenth, not per computer: a thousand lines would bury the table.
    const tenth = Math.floor((done / Math.max(total, 1)) * 10);
    if (done === total || tenth !== lastShown) out.err(`${t('fleet.progress', { phase, done, total })}\n`);
    lastShown = done === total ? -1 : tenth;
  };

  let rows: FleetRow[];
  try {
    rows = await withSignals((signal) =>
      releaseFleet(api, source, targets, {
        comment: options.comment ?? `isolation-rescue ${VERSION} by ${operator()} (fleet)`,
        dryRun: options.dryRun,
        waitMs: options.waitSeconds * 1000,
        pollMs: POLL_MS,
        concurrency: CONCURRENCY,
        showCodes: options.showCodes,
        signal,
        sleep: abortableSleep,
        onProgress,
      }),
    );
  } catch (err) {
    if (err instanceof ApiError) throw new RescueError(t('fleet.apiFailed', { detail: err.message }), EXIT.notRecovered);
    if (err === 'SIGINT' || err === 'SIGTERM' || (err as Error)?.name === 'AbortError') throw new RescueError(t('outcome.cancelled', { signal: String(err === 'SIGTERM' ? err : 'SIGINT') }), EXIT.cancelled);
    throw err;
  }

  const count = (...results: string[]) => rows.filter((r) => results.includes(r.result!)).length;
  const allDone = rows.length > 0 && count('released', 'already') === rows.length;
  const exitCode = allDone ? EXIT.recovered : EXIT.notRecovered;
  const counts = { total: rows.length, released: count('released'), already: count('already'), offline: count('offline'), other: rows.length - count('released', 'already', 'offline') };
  const withoutCodes = rows.map(({ unlockCode: _secret, ...r }) => r);
  const report = join(options.stateDir, 'fleet', `${newSessionId(startedAt)}.json`);
  const doc = { tool: 'isolation-rescue', version: VERSION, command: 'fleet', source: { ...source }, dryRun: options.dryRun, operator: operator(), startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), exitCode, counts, report };
  writeJson(report, { ...doc, computers: withoutCodes });

  if (options.json) {
    out.out(JSON.stringify({ ...doc, computers: options.showCodes ? rows : withoutCodes }, null, 2) + '\n');
    return exitCode;
  }
  out.out(renderTable(rows, options.showCodes));
  out.out(`\n${t('fleet.summary', counts)}\n`);
  out.out(`${t(options.dryRun ? 'fleet.dryRun' : allDone ? 'fleet.allReleased' : 'fleet.notAllReleased')}\n`);
  if (counts.offline && !options.dryRun) out.out(`${t('fleet.offlineHint')}\n`);
  out.out(`${t('summary.report')}: ${report}\n`);
  return exitCode;
}
