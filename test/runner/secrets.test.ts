import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { fakeEndpoint } from '../helpers/fake-endpoint.js';

const API_KEY = 'sk-TEST-0f9e8d7c6b5a';
const CODE = 'fwq8qw';
const PASSWORD = 'letmein';
const secretsEnv = { SECURE_ENDPOINT_CLIENT_ID: 'client-1', SECURE_ENDPOINT_API_KEY: API_KEY, ISOLATION_RESCUE_PROTECTION_PASSWORD: PASSWORD };

/** Every place a secret could leak to: the streams, and both report files. */
function leaks(r: Awaited<ReturnType<typeof runCli>>): string {
  const files = (() => {
    try {
      const files = r.json().reportFiles;
      return readFileSync(files.json, 'utf8') + readFileSync(files.markdown, 'utf8');
    } catch {
      return '';
    }
  })();
  const all = r.stdout + r.stderr + files;
  return [API_KEY, CODE, PASSWORD].filter((s) => all.includes(s)).join(',');
}

// Each rung that handles a secret, in --verbose (which prints every command) and --json.
const CASES: [string, string[], NodeJS.ProcessEnv][] = [
  ['console fetches the code, unlock-code uses it (windows offline)', ['--simulate', '--scenario=offline'], {}],
  ['unlock-code from the flag (windows offline)', ['--simulate', '--scenario=offline', `--unlock-code=${CODE}`, '--method=unlock-code'], {}],
  ['unlock-code from the environment, refused (bad-code), then registry', ['--simulate', '--scenario=bad-code'], { ISOLATION_RESCUE_UNLOCK_CODE: CODE }],
  ['sfc.exe -k with the password (protected)', ['--simulate', '--scenario=protected', '--method=registry'], {}],
  ['jobs-db and reboot (stubborn)', ['--simulate', '--scenario=stubborn', '--reboot'], {}],
  ['safe-boot hand-off (stuck)', ['--simulate', '--scenario=stuck'], { ISOLATION_RESCUE_UNLOCK_CODE: CODE }],
  ['macOS ampcli isolate stop (offline)', ['--simulate=macos', '--scenario=offline'], {}],
  ['macOS plist (bad-code)', ['--simulate=macos', '--scenario=bad-code'], { ISOLATION_RESCUE_UNLOCK_CODE: CODE }],
  ['dry run prints the unlock it would make', ['--simulate', '--scenario=offline', '--dry-run', '--method=unlock-code'], { ISOLATION_RESCUE_UNLOCK_CODE: CODE }],
];

describe('secrets never appear in stdout, stderr, --verbose output or reports', () => {
  it.each(CASES)('%s', async (_name, args, env) => {
    const r = await runCli([...args, '--non-interactive', '--verbose', '--json'], { ISOLATION_RESCUE_STATE_DIR: tempStateDir(), ...secretsEnv, ...env });
    expect(r.code).not.toBe(1);
    // --verbose did print commands, so the check is not vacuous.
    expect(r.stderr).toMatch(/\$ /);
    expect(r.stderr + r.stdout).toMatch(/\*\*\*/);
    expect(leaks(r)).toBe('');
  });

  it('through real processes: the code and password reach the fake sfc.exe as arguments but are masked everywhere else', async () => {
    const ep = fakeEndpoint('windows', 'protected');
    const r = await runCli(['--non-interactive', '--method=registry', '--verbose', '--json'], { ...ep.env, ...secretsEnv });
    expect(r.code).toBe(0);
    expect(ep.argv()).toContainEqual(expect.arrayContaining(['-k', PASSWORD]));
    expect(leaks(r)).toBe('');
  });
});
