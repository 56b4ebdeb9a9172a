import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, tempStateDir } from './helpers/cli.js';

/** A module hook that reports every heavy package a run resolves. */
function hookDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ir-hook-'));
  writeFileSync(join(dir, 'hooks.mjs'), `export async function resolve(s, c, next) {
  const r = await next(s, c);
  const m = r.url.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//);
  if (m && /^(execa|ora|@inquirer\\/.*|chalk)$/.test(m[1])) process.stderr.write('LOADED ' + m[1] + '\\n');
  return r;
}\n`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  return dir;
}

describe('start-up stays light: the heavy packages load only where they are used', () => {
  const dir = hookDir();
  const loaded = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, ISOLATION_RESCUE_STATE_DIR: tempStateDir() } });
    return [...new Set(r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7)))].sort();
  };

  it.each([
    ['--help'],
    ['--version'],
    ['--simulate --scenario=bad-code --non-interactive --json'],
    ['status --simulate --json'],
    ['runbook --os=windows --method=registry'],
    ['restore --simulate'],
  ])('%s loads none of execa, ora, inquirer, chalk', (args) => {
    expect(loaded(args.split(' '))).toEqual([]);
  });

  it('a scripted run on a real endpoint loads execa, and only execa', () => {
    expect(loaded(['--non-interactive', '--method=registry', '--dry-run'])).toEqual(['execa']);
  });
});
