import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';

const gen = async (args: string[]) => runCli(['runbook', ...args], { ISOLATION_RESCUE_STATE_DIR: tempStateDir() });

/** Structural checks a cmd file must pass: every goto has its label, CRLF endings, delayed expansion, no blocks. */
function checkCmd(text: string) {
  expect(text.includes('\r\n')).toBe(true);
  expect(text.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
  expect(text).toMatch(/^@echo off\r\n/);
  expect(text).toMatch(/setlocal EnableExtensions EnableDelayedExpansion/);
  const labels = new Set([...text.matchAll(/^:(\w+)$/gm)].map((m) => m[1]));
  for (const [, target] of text.matchAll(/goto :(\w+)/g)) expect(labels.has(target), `label :${target}`).toBe(true);
  const lines = text.split('\r\n').filter((l) => !l.startsWith('rem ') && !l.startsWith('echo ') && !l.startsWith('for /f'));
  // No parenthesised blocks outside for /f: a value set inside one would be expanded too early.
  expect(lines.some((l) => /\($/.test(l.trim()))).toBe(false);
  // Every variable is used with delayed expansion.
  expect(lines.filter((l) => /%(SVC|SFC|CODE)%/.test(l))).toEqual([]);
}

describe('cmd and PowerShell runbooks: structure and quoting', () => {
  it.each(['registry', 'jobs-db', 'unlock-code', 'safe-boot'])('cmd %s', async (method) => {
    const r = await gen(['--os=windows', `--method=${method}`]);
    expect(r.code).toBe(0);
    checkCmd(r.stdout);
    if (method === 'registry') {
      const t = r.stdout;
      expect(t).toContain('reg.exe export "HKLM\\SOFTWARE\\Immunet Protect" C:\\ProgramData\\isolation-rescue\\backups\\runbook-');
      expect(t).toContain('reg.exe delete "HKLM\\SOFTWARE\\Immunet Protect" /v unlock_code /f /reg:64');
      expect(t).toContain('sc.exe stop "!SVC!"');
      // The order of the rung: backup, its check, stop, delete, start, verify.
      let at = 0;
      for (const command of ['reg.exe query', 'reg.exe export', 'where.exe /Q', 'sc.exe stop', 'reg.exe delete', 'sc.exe start', 'reg.exe query']) {
        at = t.indexOf(command, at);
        expect(at, command).toBeGreaterThan(-1);
      }
    }
    if (method === 'unlock-code') {
      expect(r.stdout).toContain('"!SFC!" -n "!CODE!"');
      expect(r.stdout).toMatch(/findstr \/R \/X "\[A-Za-z0-9._-\]/);
    }
  });

  it.each(['registry', 'jobs-db', 'unlock-code'])('ps1 %s', async (method) => {
    const r = await gen(['--os=windows', `--method=${method}`, '--format=ps1']);
    expect(r.code).toBe(0);
    const t = r.stdout;
    expect(t.split('\r\n').find((l) => !l.startsWith('#'))).toBe('param([switch]$Yes)');
    // Balanced braces and parentheses outside strings.
    const code = t.replace(/'(?:[^']|'')*'/g, "''").replace(/"[^"]*"/g, '""').replace(/^#.*$/gm, '');
    for (const [open, close] of [['{', '}'], ['(', ')']]) expect(code.split(open).length).toBe(code.split(close).length);
    for (const line of t.split('\r\n').filter((l) => l.startsWith('& '))) expect(line).toMatch(/^& ('[^']+'|\$[A-Z]+) @\(.*\)( \*> \$null)?$/);
    if (method === 'registry') expect(t).toContain("& 'reg.exe' @('delete', 'HKLM\\SOFTWARE\\Immunet Protect', '/v', 'unlock_code', '/f', '/reg:64')");
    if (method === 'unlock-code') expect(t).toContain("& $SFC @('-n', $CODE)");
  });

  it('no secret is ever written into a runbook, even when one is in the environment', async () => {
    const r = await runCli(['runbook', '--os=windows', '--method=unlock-code'], { ISOLATION_RESCUE_STATE_DIR: tempStateDir(), ISOLATION_RESCUE_UNLOCK_CODE: 'fwq8qw', ISOLATION_RESCUE_PROTECTION_PASSWORD: 'letmein' });
    expect(r.stdout).not.toMatch(/fwq8qw|letmein/);
  });

  it('bad requests exit 2 and write nothing: no --os, console, sh for Windows, plist for Windows, an existing file', async () => {
    expect((await gen(['--method=registry'])).code).toBe(2);
    expect((await gen(['--os=windows', '--method=console'])).stderr).toMatch(/needs a method that runs on the endpoint/);
    expect((await gen(['--os=windows', '--method=registry', '--format=sh'])).stderr).toMatch(/--format=sh does not fit windows/);
    expect((await gen(['--os=windows', '--method=plist'])).stderr).toMatch(/no windows runbook for the method 'plist'/);
    expect((await runCli(['status', '--os=windows'])).code).toBe(2);
    const file = join(mkdtempSync(join(tmpdir(), 'ir-rb-')), 'mine.cmd');
    writeFileSync(file, 'my edited copy');
    const r = await gen(['--os=windows', '--method=registry', `--output=${file}`]);
    expect(r.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('my edited copy');
    expect((await gen(['--os=windows', '--method=registry', `--output=${file}`, '--yes'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^@echo off/);
  });
});
