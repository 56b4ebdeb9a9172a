import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, tempStateDir } from '../helpers/cli.js';
import { fakeEndpoint } from '../helpers/fake-endpoint.js';
import { haveTmux, terminal, type Terminal } from '../helpers/tmux.js';
import { loadSimState, simStatePath } from '../../src/simulator/store.js';
import { isIsolated } from '../../src/simulator/model.js';
import { displayWidth } from '../../src/wizard/style.js';

// CI installs tmux (.ci/run); a machine without it skips these, CI never does.
if (!haveTmux && process.env.CI) throw new Error('tmux is missing: .ci/run should have installed it');

let term: Terminal | undefined;
afterEach(() => term?.close());
const env = (extra: NodeJS.ProcessEnv) => ({ PATH: process.env.PATH, HOME: process.env.HOME, ...extra });
const ROOT = resolve(__dirname, '../..');

/** The healthy scenario with every default answer: take the recommendation, send the stop, UI says yes. */
async function walkHealthy(t: Terminal): Promise<void> {
  for (const [question, key] of [[/What now\?/, 'Enter'], [/Send Stop Isolation/, 'Enter'], [/Isolation: Not Isolated"\?/, 'Enter']] as const) {
    await t.waitFor(question);
    t.keys(key);
  }
}

describe.skipIf(!haveTmux)('the wizard in a real 80x50 terminal (tmux), typed at like a tech would', () => {
  it('offline, walked to recovery with the default answers', async () => {
    const stateDir = tempStateDir();
    term = terminal([process.execPath, BIN, '--simulate', '--scenario=offline'], env({ ISOLATION_RESCUE_STATE_DIR: stateDir }), ROOT);
    await term.waitFor(/What now\?/);
    expect(term.screen()).toMatch(/Isolated +yes/);
    term.keys('Enter');
    await term.waitFor(/Send Stop Isolation through the console\?/);
    term.keys('Enter');
    await term.waitFor(/Next\?/);
    term.keys('Enter');
    await term.waitFor(/code from the console\?/);
    term.keys('Enter');
    await term.waitFor(/Isolation: Not Isolated"\?/);
    term.keys('Enter');
    expect(await term.exitCode()).toBe(0);
    const screen = term.screen();
    expect(screen).toMatch(/unlock-code: recovered/);
    expect(screen).toMatch(/Summary/);
    expect(screen).not.toContain('fwq8qw');
    // capture-pane -J joins the lines the terminal wrapped: none may be wider than the 80 columns.
    expect(screen.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
    expect(isIsolated(loadSimState(simStatePath(stateDir, 'windows'))!)).toBe(false);
  });

  it('bad-code, walked past the refused code to the registry rung; the unlock code typed is masked', async () => {
    const stateDir = tempStateDir();
    term = terminal([process.execPath, BIN, '--simulate', '--scenario=bad-code', '--method=unlock-code'], env({ ISOLATION_RESCUE_STATE_DIR: stateDir }), ROOT);
    await term.waitFor(/Unlock code from the console/);
    term.type('fwq8qw');
    await term.waitFor(/\*{6}/);
    expect(term.screen()).not.toContain('fwq8qw');
    term.keys('Enter');
    await term.waitFor(/Next\?/);
    term.keys('Down', 'Enter');
    expect(await term.exitCode()).toBe(3);

    // The same endpoint continues: now the registry rung.
    term.close();
    term = terminal([process.execPath, BIN, '--simulate'], env({ ISOLATION_RESCUE_STATE_DIR: stateDir }), ROOT);
    await term.waitFor(/What now\?/);
    term.keys('Down', 'Down', 'Down', 'Enter');
    await term.waitFor(/delete the unlock_code value \(backed up\)/);
    term.keys('Enter');
    await term.waitFor(/Isolation: Not Isolated"\?/);
    term.keys('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toMatch(/✔ delete the unlock_code value/);
    expect(term.screen()).toMatch(/registry: recovered/);
    expect(term.screen().split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
  });

  it('Ctrl-C in the middle of a rung (a hanging reg delete): exit 130, and the service is running again', async () => {
    const ep = fakeEndpoint('windows', 'bad-code', { hang: 'reg.exe delete' });
    term = terminal([process.execPath, BIN, '--method=registry'], env(ep.env), ROOT);
    await term.waitFor(/delete the unlock_code value \(backed up\)/);
    term.keys('Enter');
    await term.waitFor(/stop the service CiscoAMP/);
    await term.waitFor(/delete the unlock_code value/);
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toMatch(/Stopped by Ctrl-C/);
    expect(ep.state().service.state).toBe('RUNNING');
    expect(ep.state().registry.unlock_code).toBeDefined();
  });

  it('Ctrl-C at a prompt: exit 130 and nothing changed', async () => {
    const stateDir = tempStateDir();
    term = terminal([process.execPath, BIN, '--simulate', '--scenario=bad-code', '--method=registry'], env({ ISOLATION_RESCUE_STATE_DIR: stateDir }), ROOT);
    await term.waitFor(/delete the unlock_code value \(backed up\)/);
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toMatch(/Stopped by Ctrl-C/);
    const state = loadSimState(simStatePath(stateDir, 'windows'))!;
    expect(state.registry.unlock_code).toBeDefined();
    expect(state.service.state).toBe('RUNNING');
  });

  it('--json with stdout redirected to a file: the wizard still asks on the terminal, the file gets only the result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-json-'));
    const file = join(dir, 'result.json');
    term = terminal(['sh', '-c', `"$0" "$1" --simulate --scenario=healthy --json > '${file}'`, process.execPath, BIN], env({ ISOLATION_RESCUE_STATE_DIR: tempStateDir() }), ROOT);
    await walkHealthy(term);
    expect(await term.exitCode()).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ outcome: 'recovered', uiCheck: 'yes' });
  });

  it('the single-file bundle, carried to an empty folder, runs the wizard too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-usb-'));
    copyFileSync(join(ROOT, 'dist', 'isolation-rescue.mjs'), join(dir, 'isolation-rescue.mjs'));
    term = terminal([process.execPath, 'isolation-rescue.mjs', '--simulate', '--scenario=healthy'], env({ ISOLATION_RESCUE_STATE_DIR: join(dir, 'state') }), dir);
    await walkHealthy(term);
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toMatch(/console: recovered/);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }, []],
    ['--no-color', {}, ['--no-color']],
  ])('%s: not one colour escape on the screen (and colour without it)', async (_name, extraEnv, flags) => {
    const args = [process.execPath, BIN, '--simulate', '--scenario=stuck', '--method=unlock-code', ...flags];
    term = terminal(args, env({ ISOLATION_RESCUE_STATE_DIR: tempStateDir(), ...extraEnv }), ROOT);
    await term.waitFor(/Unlock code from the console/);
    const SGR = /\x1b\[[0-9;]*m/;
    expect(term.screen(true)).not.toMatch(SGR);
    term.close();
    term = terminal(args.filter((a) => a !== '--no-color'), env({ ISOLATION_RESCUE_STATE_DIR: tempStateDir() }), ROOT);
    await term.waitFor(/Unlock code from the console/);
    expect(term.screen(true)).toMatch(SGR);
  });
});
