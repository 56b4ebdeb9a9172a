import { readFileSync, statSync } from 'node:fs';
import { usageError } from '../errors.js';
import { t } from '../messages/index.js';
import { GUID_FORM, HOSTNAME_FORM } from '../input-forms.js';

export type FleetSource = { kind: 'group'; groupGuid: string } | { kind: 'hostnames'; file: string } | { kind: 'guids'; file: string };

const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * A list file: one host name or GUID a line; blank lines and `#` comments ignored; duplicates dropped.
 * Every line is checked before anything is sent, so one bad line changes nothing anywhere.
 */
export function readTargetFile(file: string, kind: 'hostnames' | 'guids'): string[] {
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) throw usageError(t('fleet.fileTooBig', { file }));
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as Error).name === 'RescueError') throw err;
    throw usageError(t('fleet.cannotRead', { file, detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  const form = kind === 'guids' ? GUID_FORM : HOSTNAME_FORM;
  const seen = new Set<string>();
  const out: string[] = [];
  const bad: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    if (!form.test(line)) {
      bad.push(`${i + 1}: ${JSON.stringify(line.slice(0, 60))}`);
      return;
    }
    const key = line.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(kind === 'guids' ? key : line);
    }
  });
  if (bad.length) throw usageError(t(kind === 'guids' ? 'fleet.badGuidLines' : 'fleet.badHostnameLines', { file, lines: bad.slice(0, 5).join('; '), count: bad.length }));
  if (!out.length) throw usageError(t('fleet.emptyFile', { file }));
  return out;
}
