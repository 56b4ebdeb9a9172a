import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';

describe('status is read-only', () => {
  it('the simulated endpoint is read but its changes never written (only an explicit fresh --scenario is)', async () => {
    const stateDir = tempStateDir();
    const env = { ISOLATION_RESCUE_STATE_DIR: stateDir };
    const none = await runCli(['status', '--simulate', '--json'], env);
    expect(none.json().facts.isolated).toBe(true);
    expect(existsSync(join(stateDir, 'simulator'))).toBe(false);

    await runCli(['--simulate', '--scenario=bad-code', '--non-interactive', '--method=registry'], env);
    const file = join(stateDir, 'simulator', 'windows.json');
    const before = readFileSync(file, 'utf8');
    const r = await runCli(['status', '--simulate', '--json'], env);
    expect(r.json().facts.isolated).toBe(false);
    // A status taken during a rescue can therefore never write back an older copy of the endpoint.
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
