import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli, tempStateDir } from './helpers/cli.js';
import { FLAGS } from '../src/args.js';
import { loadSimState, simStatePath } from '../src/simulator/store.js';
import { isIsolated } from '../src/simulator/model.js';

const pkg = JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8'));

describe('help and version', () => {
  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists every flag of the contract, every method, every exit code', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    // Every flag the parser accepts is documented: a new flag without help fails here.
    for (const flag of Object.keys(FLAGS)) expect(r.stdout).toContain(`--${flag}`);
    for (const command of ['status', 'fleet', 'runbook', 'restore']) expect(r.stdout).toContain(`isolation-rescue ${command}`);
    // An 80-column terminal shows it without wrapping.
    expect(r.stdout.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    for (const method of ['console', 'unlock-code', 'registry', 'plist', 'jobs-db', 'safe-boot']) expect(r.stdout).toContain(method);
    for (const env of ['SECURE_ENDPOINT_CLIENT_ID', 'SECURE_ENDPOINT_API_KEY', 'ISOLATION_RESCUE_UNLOCK_CODE', 'ISOLATION_RESCUE_PROTECTION_PASSWORD', 'ISOLATION_RESCUE_STATE_DIR', 'ISOLATION_RESCUE_SSH_CONFIG', 'NO_COLOR']) expect(r.stdout).toContain(env);
    expect(r.stdout).toMatch(/130 cancelled/);
  });
});

describe('bad input: a clear error, the contract exit code, nothing executed', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['unknown flag', ['--frobnicate'], 2, /Unknown option '--frobnicate'/],
    ['unknown method', ['--method=magic'], 2, /unknown method 'magic'/],
    ['unknown scenario', ['--scenario=weird'], 2, /unknown scenario 'weird'/],
    ['windows-only scenario on macOS', ['--simulate=macos', '--scenario=protected'], 2, /Windows-only/],
    ['malformed GUID', ['--connector-guid=1234'], 2, /not a connector GUID/],
    ['hostname with a shell metacharacter', ['--hostname=pc;rm'], 2, /not a valid host name/],
    ['plain http to a real host', ['--api-url=http://api.example.com'], 2, /https/],
    ['comment with a newline', ['--comment=a\nb'], 2, /one line/],
    ['contradictory flags', ['--dry-run', '--reboot'], 2, /contradict/],
    ['unknown command', ['fix-it'], 2, /unknown command 'fix-it'/],
  ];
  it.each(cases)('%s', async (_name, args, code, message) => {
    const stateDir = tempStateDir();
    const r = await runCli(['--non-interactive', '--simulate', ...args.filter((a) => !a.startsWith('--simulate')), ...args.filter((a) => a.startsWith('--simulate='))], { ISOLATION_RESCUE_STATE_DIR: stateDir });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(loadSimState(simStatePath(stateDir, 'windows'))).toBeUndefined();
  });

  it.each([
    ['a b', /whitespace/],
    ['x&del', /character other than/],
    ['fwq8qw\nrm', /whitespace or a line break/],
    ['a'.repeat(25), /25 characters/],
    ['"quoted"', /character other than/],
    ['$(reboot)', /character other than/],
  ])('unlock code %j is refused before any attempt', async (code, why) => {
    const stateDir = tempStateDir();
    for (const [args, env] of [
      [[`--unlock-code=${code}`], {}],
      [[], { ISOLATION_RESCUE_UNLOCK_CODE: code }],
    ] as const) {
      const r = await runCli(['--simulate', '--non-interactive', '--method=unlock-code', ...args], { ISOLATION_RESCUE_STATE_DIR: stateDir, ...env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(why);
      if (code.length > 3) expect(r.stderr).not.toContain(code);
    }
    expect(loadSimState(simStatePath(stateDir, 'windows'))).toBeUndefined();
  });

  it('with no terminal and no --non-interactive: exit 2 with a hint, never a hang', async () => {
    const r = await runCli(['--simulate'], { ISOLATION_RESCUE_STATE_DIR: tempStateDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--non-interactive/);
  });
});

describe('--dry-run', () => {
  it('changes nothing on the endpoint, records the changes it would make, and is not a success', async () => {
    const stateDir = tempStateDir();
    await runCli(['--simulate', '--scenario=bad-code', 'status'], { ISOLATION_RESCUE_STATE_DIR: stateDir });
    const before = loadSimState(simStatePath(stateDir, 'windows'))!;
    const r = await runCli(['--simulate', '--non-interactive', '--method=registry', '--dry-run', '--json'], { ISOLATION_RESCUE_STATE_DIR: stateDir });
    expect(r.code).toBe(3);
    const result = r.json();
    expect(result.outcome).toBe('dry-run');
    const after = loadSimState(simStatePath(stateDir, 'windows'))!;
    expect(after.registry).toEqual(before.registry);
    expect(after.files).toEqual(before.files);
    expect(after.service.state).toBe('RUNNING');
    // Only read-only commands reached the endpoint.
    const sent = after.log.slice(before.log.length).map((a) => a.join(' '));
    expect(sent.some((l) => /^(reg\.exe (delete|export)|sc\.exe (stop|start)|cmd\.exe)/.test(l))).toBe(false);
    const planned = result.rungs[0].steps.flatMap((s: any) => s.commands).filter((c: any) => c.skipped).map((c: any) => c.argv.join(' '));
    expect(planned).toEqual(expect.arrayContaining(['sc.exe stop CiscoAMP_7.4.5', 'reg.exe delete HKLM\\SOFTWARE\\Immunet Protect /v unlock_code /f /reg:64']));
  });
});

describe('status', () => {
  it('is read-only and reports the diagnosis as JSON', async () => {
    const stateDir = tempStateDir();
    const r = await runCli(['status', '--simulate', '--scenario=offline', '--json'], { ISOLATION_RESCUE_STATE_DIR: stateDir });
    expect(r.code).toBe(0);
    const s = r.json();
    expect(s.facts).toMatchObject({ os: 'windows', elevated: true, isolated: true, guid: '44b422f2-4d50-4720-b1af-07b02d004020', service: { name: 'CiscoAMP_7.4.5', state: 'running' } });
    expect(s.facts.connector).toMatchObject({ version: '7.4.5.20701', supportsIsolation: true });
    expect(isIsolated(loadSimState(simStatePath(stateDir, 'windows'))!)).toBe(true);
  });
});

describe('the simulated endpoint persists between runs', () => {
  it('a run without --scenario continues the saved endpoint', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    expect((await runCli(['--simulate', '--scenario=stubborn', '--non-interactive'], env)).code).toBe(4);
    expect((await runCli(['--simulate', 'status', '--json'], env)).json().facts.isolated).toBe(true);
    // jobs.db is already gone; the second run only has to reboot, and then it is verified.
    const r = await runCli(['--simulate', '--non-interactive', '--method=jobs-db', '--reboot', '--json'], env);
    expect(r.code).toBe(0);
    expect(r.json().rungs[0].hints.join(' ')).toMatch(/already gone/);
    expect((await runCli(['--simulate', 'status', '--json'], env)).json().facts.isolated).toBe(false);
  });
});
