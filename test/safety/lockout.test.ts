import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { UnlockLedger, LOCKOUT_MS } from '../../src/safety/ledger.js';
import { loadSimState, saveSimState, simStatePath } from '../../src/simulator/store.js';

describe('unlock ledger', () => {
  it('counts failures per connector, locks at five, frees after 30 minutes', () => {
    const ledger = new UnlockLedger(mkdtempSync(join(tmpdir(), 'ledger-')));
    for (let i = 0; i < 4; i++) ledger.recordFailure('a', 1000 + i);
    expect(ledger.status('a', 2000)).toEqual({ used: 4, left: 1, lockedUntil: undefined });
    expect(ledger.status('b', 2000).left).toBe(5);
    const locked = ledger.recordFailure('a', 5000);
    expect(locked.lockedUntil).toBe(5000 + LOCKOUT_MS);
    expect(ledger.status('a', 5000 + LOCKOUT_MS).left).toBe(5);
  });
});

describe('lockout across runs (simulated connector, bad-code)', () => {
  it('four wrong tries, then the fifth is refused without --allow-last-attempt; then exit 5 with the end time', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    await runCli(['--simulate', '--scenario=bad-code', 'status'], env);
    for (let i = 0; i < 4; i++) {
      const r = await runCli(['--simulate', '--non-interactive', '--method=unlock-code', '--unlock-code=wrong1', '--json'], env);
      expect(r.code).toBe(3);
      expect(r.json().rungs[0].reason).toMatch(new RegExp(`${4 - i} attempts left`));
    }
    const refused = await runCli(['--simulate', '--non-interactive', '--method=unlock-code', '--unlock-code=wrong1', '--json'], env);
    expect(refused.code).toBe(3);
    expect(refused.json().rungs[0].status).toBe('refused');
    expect(refused.json().rungs[0].reason).toMatch(/--allow-last-attempt/);
    const state = loadSimState(simStatePath(stateDir, 'windows'))!;
    expect(state.unlock.failures.length).toBe(4);

    const last = await runCli(['--simulate', '--non-interactive', '--method=unlock-code', '--unlock-code=wrong1', '--allow-last-attempt', '--json'], env);
    expect(last.code).toBe(5);
    expect(last.json().message).toMatch(/after \d{4}-\d\d-\d\dT/);

    // Locked out: even the right code is not tried (nothing sent), exit 5 again.
    const before = loadSimState(simStatePath(stateDir, 'windows'))!.log.length;
    const again = await runCli(['--simulate', '--non-interactive', '--method=unlock-code', '--unlock-code=fwq8qw'], env);
    expect(again.code).toBe(5);
    const sent = loadSimState(simStatePath(stateDir, 'windows'))!.log.slice(before);
    expect(sent.some((a) => a[0].endsWith('sfc.exe'))).toBe(false);

    // Thirty simulated minutes later the connector takes codes again.
    const s = loadSimState(simStatePath(stateDir, 'windows'))!;
    s.clock += LOCKOUT_MS + 1000;
    saveSimState(simStatePath(stateDir, 'windows'), s);
    const after = await runCli(['--simulate', '--non-interactive', '--method=unlock-code', '--unlock-code=wrong1', '--json'], env);
    expect(after.code).toBe(3);
    expect(after.json().rungs[0].reason).toMatch(/4 attempts left/);
  });

  it('auto skips a locked-out unlock rung and goes on down the ladder', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    await runCli(['--simulate', '--scenario=bad-code', 'status'], env);
    await runCli(['--simulate', '--non-interactive', '--method=unlock-code', '--unlock-code=bad', '--allow-last-attempt'], env);
    for (let i = 0; i < 4; i++) await runCli(['--simulate', '--non-interactive', '--method=unlock-code', '--unlock-code=bad', '--allow-last-attempt'], env);
    const r = await runCli(['--simulate', '--non-interactive', '--json'], env);
    const result = r.json();
    expect(result.rungs.find((x: any) => x.method === 'unlock-code').status).toBe('skipped');
    expect(r.code).toBe(0);
  });
});
