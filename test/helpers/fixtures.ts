import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real console outputs in ../shared/fixtures/real-output (beside the checkout), copied into test/fixtures for CI. */
const DIRS = [resolve(__dirname, '../fixtures/real-output'), resolve(__dirname, '../../../shared/fixtures/real-output')];

export function fixture(name: string): string {
  for (const d of DIRS) {
    const p = resolve(d, name);
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  throw new Error(`fixture ${name} not found`);
}
