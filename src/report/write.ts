import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionResult } from '../runner/result.js';
import { renderMarkdown } from './markdown.js';

/** Writes session.json and summary.md into the session folder. A failure to write never hides the run's result. */
export function writeSessionReport(result: SessionResult, dir: string): { json: string; markdown: string } | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const json = join(dir, 'session.json');
    const markdown = join(dir, 'summary.md');
    const withFiles = { ...result, reportFiles: { json, markdown } };
    writeFileSync(json, JSON.stringify(withFiles, null, 2) + '\n', { mode: 0o600 });
    writeFileSync(markdown, renderMarkdown(withFiles), { mode: 0o600 });
    return { json, markdown };
  } catch {
    return undefined;
  }
}
