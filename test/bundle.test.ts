import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUNDLE = resolve(__dirname, '../dist/isolation-rescue.mjs');

/** A folder with nothing in it but the bundle: no node_modules here or above (/tmp), no package.json. */
function carry(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ir-usb-'));
  copyFileSync(BUNDLE, join(dir, 'isolation-rescue.mjs'));
  return dir;
}
const run = (dir: string, args: string[]) =>
  spawnSync(process.execPath, ['isolation-rescue.mjs', ...args], { cwd: dir, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', ISOLATION_RESCUE_STATE_DIR: join(dir, 'state') }, timeout: 60_000 });

describe('the single-file build (npm run bundle)', () => {
  it('exists after npm test built it', () => {
    expect(existsSync(BUNDLE)).toBe(true);
  });

  it('runs a simulated ladder from an empty folder: the same exit codes and JSON as the package', () => {
    const dir = carry();
    const r = run(dir, ['--simulate', '--scenario=bad-code', '--non-interactive', '--json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.rungs.map((x: any) => `${x.method}:${x.status}`)).toEqual(['console:failed', 'unlock-code:failed', 'registry:recovered']);
    expect(readdirSync(dir).sort()).toEqual(['isolation-rescue.mjs', 'state']);
    const stuck = run(dir, ['--simulate=macos', '--scenario=stuck', '--non-interactive']);
    expect(stuck.status).toBe(3);
  });

  it('--version, --help, runbook and a usage error work without package.json', () => {
    const dir = carry();
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8'));
    expect(run(dir, ['--version']).stdout.trim()).toBe(pkg.version);
    expect(run(dir, ['--help']).stdout).toMatch(/Exit codes/);
    expect(run(dir, ['runbook', '--os=macos', '--method=plist']).stdout).toMatch(/^#!\/bin\/sh/);
    expect(run(dir, ['--method=nope', '--non-interactive']).status).toBe(2);
  });

  it('carries the licence notices of what it bundles', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    const notices = text.slice(text.lastIndexOf('Licence notices of the code bundled in this file'));
    for (const name of ['@inquirer/core', 'chalk', 'execa', 'ora']) expect(notices).toMatch(new RegExp(` \\* ${name.replace('/', '\\/')}@\\d+\\.\\d+\\.\\d+ \\(MIT\\)`));
    expect(notices).toMatch(/Permission is hereby granted/);
  });
});
