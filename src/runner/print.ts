import { t } from '../messages/index.js';
import type { Options } from '../options.js';
import type { SessionResult } from './result.js';

export interface Out {
  out(text: string): void;
  err(text: string): void;
}

export const processOut: Out = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};

/** --json: exactly one JSON document on stdout. Otherwise a short summary a tech can read at a glance. */
export function printResult(result: SessionResult, options: Options, out: Out): void {
  if (options.json) {
    out.out(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const lines = [`${t('summary.result')}: ${result.outcome} (exit ${result.exitCode})`, result.message];
  if (result.hint) lines.push(`${t('summary.next')}: ${result.hint}`);
  if (result.backups.length) lines.push(`${t('summary.backups')}: ${result.backups.map((b) => b.backup).join(', ')}`);
  if (result.reportFiles) lines.push(`${t('summary.report')}: ${result.reportFiles.markdown}`);
  out.out(lines.join('\n') + '\n');
}
