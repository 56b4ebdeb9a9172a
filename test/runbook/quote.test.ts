import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cmdArg, ps1Arg, shArg } from '../../src/runbook/quote.js';
import { VAR } from '../../src/runbook/plan.js';

const HOSTILE = ["it's", 'a b', '$(id)', '`id`', '"; rm -rf / #', 'back\\slash', '*', '~', 'ünï cödé', '-n', ''];

describe('quoting every value for the shell that will read it', () => {
  it('sh: each hostile value comes back from a real /bin/sh as exactly one unchanged argument', () => {
    for (const value of HOSTILE) {
      const r = spawnSync('sh', ['-c', `printf '%s\\0' ${shArg(value)}`], { encoding: 'utf8' });
      expect(r.stdout.split('\0').slice(0, -1)).toEqual([value]);
    }
  });

  it('sh: a variable is expanded once and never split', () => {
    const r = spawnSync('sh', ['-c', `CODE='a b;c'; printf '%s\\0' ${shArg(`pre-${VAR.CODE}-post`)}`], { encoding: 'utf8' });
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(['pre-a b;c-post']);
  });

  it('cmd: plain tokens bare, spaces quoted, characters cmd interprets inside quotes refused', () => {
    expect(cmdArg('/reg:64')).toBe('/reg:64');
    expect(cmdArg('HKLM\\SOFTWARE\\Immunet Protect')).toBe('"HKLM\\SOFTWARE\\Immunet Protect"');
    expect(cmdArg('a&b|c<d>e')).toBe('"a&b|c<d>e"');
    expect(cmdArg(VAR.SVC)).toBe('"!SVC!"');
    for (const bad of ['50%', 'hi!', 'a"b', 'x^y', 'line\nbreak']) expect(() => cmdArg(bad)).toThrow(/cmd.exe would interpret/);
  });

  it('PowerShell: single quotes doubled, variables outside the quotes', () => {
    expect(ps1Arg("it's")).toBe("'it''s'");
    expect(ps1Arg('$env:x')).toBe("'$env:x'");
    expect(ps1Arg(VAR.CODE)).toBe('$CODE');
    expect(ps1Arg(`a${VAR.SFC}b`)).toBe("('a' + $SFC + 'b')");
  });
});
