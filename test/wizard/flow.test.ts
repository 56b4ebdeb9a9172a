import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/args.js';
import { setLang } from '../../src/messages/index.js';
import { runWizard } from '../../src/wizard/run.js';
import { lineSpinner } from '../../src/wizard/spinner.js';
import { displayWidth } from '../../src/wizard/style.js';
import { loadSimState, simStatePath } from '../../src/simulator/store.js';
import { isIsolated } from '../../src/simulator/model.js';
import { tempStateDir } from '../helpers/cli.js';
import { scriptedPrompter, type Answer } from '../helpers/scripted-prompter.js';

/** The wizard in-process over the simulator, with scripted answers; returns what a tech would see. */
async function wizard(args: string[], script: Answer[], opts: { stateDir?: string; env?: NodeJS.ProcessEnv; abortWhen?: (step: string) => boolean } = {}) {
  const stateDir = opts.stateDir ?? tempStateDir();
  const env = { ISOLATION_RESCUE_STATE_DIR: stateDir, ...opts.env };
  const parsed = parseCli(['--no-color', ...args], env);
  if (parsed.kind !== 'run') throw new Error('parse');
  let err = '';
  let out = '';
  const prompter = scriptedPrompter(script);
  const controller = new AbortController();
  const base = lineSpinner((s) => (err += s));
  const spinner = { ...base, start: (text: string) => (opts.abortWhen?.(text) ? controller.abort('SIGINT') : undefined) };
  // The CLI sets the language before the wizard starts; so does this harness, and puts English back after.
  setLang(parsed.options.lang);
  const code = await runWizard(parsed.options, env, { out: (s) => (out += s), err: (s) => (err += s) }, { prompter, spinner, width: 80, signals: (fn) => fn(controller.signal) });
  setLang('en');
  const os = parsed.options.simulate!;
  const state = loadSimState(simStatePath(stateDir, os))!;
  if (process.env.SHOW_WIZARD) console.log(err);
  // Every flow fits an 80-column terminal.
  expect(err.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
  expect(prompter.left(), `unanswered: ${prompter.left().map((a) => a[1]).join(', ')}`).toEqual([]);
  return { code, err, out, state, stateDir, prompter };
}

const WHAT_NOW: Answer = ['select', /What now/, 'auto'];
const CONSOLE_YES: Answer = ['confirm', /Send Stop Isolation/, true];
const NEXT: Answer = ['select', /^Next/, 'next'];
const UI_YES: Answer = ['select', /Isolation: Not Isolated/, 'yes'];

describe('the wizard, walked with injected answers over the simulator', () => {
  it('healthy: recovered at the console rung; the panel, the intro and the summary are shown', async () => {
    const r = await wizard(['--simulate', '--scenario=healthy'], [WHAT_NOW, CONSOLE_YES, UI_YES]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Isolated +yes/);
    expect(r.err).toMatch(/API access +yes \(simulated console\)/);
    expect(r.err).toMatch(/The first rung that can work here: console/);
    expect(r.err).toMatch(/GET, DELETE \/v1\/computers\/[0-9a-f-]{36}\/isolation/);
    expect(r.err).toMatch(/✔ send Stop Isolation/);
    expect(r.err).toMatch(/Summary\nrecovered: isolation is released and verified/);
    expect(r.state.cloud.status).toBe('not_isolated');
    expect(r.out).toBe('');
  });

  it('offline: the console stays pending_stop, the code it returned is confirmed and used: recovered at unlock-code', async () => {
    const r = await wizard(['--simulate', '--scenario=offline'], [WHAT_NOW, CONSOLE_YES, NEXT, ['confirm', /code from the console\? \(5 of 5 attempts left\)/, true], UI_YES]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/✖ wait up to 120 s/);
    expect(r.err).toMatch(/<sfc\.exe> -n \*{8}/);
    expect(r.err).not.toContain('fwq8qw');
    expect(isIsolated(r.state)).toBe(false);
    const report = readFileSync(r.err.match(/Report for the ticket:\s+(\S+)/)![1], 'utf8');
    expect(report).toMatch(/Not Isolated": yes/);
  });

  it('a wrong code, then the right one: the attempts left are shown and the second try recovers', async () => {
    const r = await wizard(['--simulate', '--scenario=offline'], [
      ['select', /What now/, 'unlock-code'],
      ['code', /unlock code/, 'wrong1'],
      ['select', /^Next/, 'retry'],
      ['code', /unlock code/, 'fwq8qw'],
      UI_YES,
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/attempts left for this connector: 5 of 5[\s\S]*rejected \(4 attempts\s+left\)[\s\S]*attempts left for this connector: 4 of 5/);
    expect(r.prompter.choices[1]).toEqual(['retry', 'stop']);
    expect(r.err).not.toMatch(/wrong1|fwq8qw/);
  });

  it('bad-code: the code is refused, then the registry rung recovers; "UI disagrees" is answered', async () => {
    const r = await wizard(['--simulate', '--scenario=bad-code'], [
      WHAT_NOW, CONSOLE_YES, NEXT,
      ['confirm', /code from the console/, true],
      ['select', /^Next/, 'next'],
      ['confirm', /delete the unlock_code value \(backed up\)/, true],
      ['select', /Isolation: Not Isolated/, 'no'],
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/reg\.exe export "HKLM\\SOFTWARE\\Immunet Protect"/);
    expect(r.err).toMatch(/the UI disagrees/);
    expect(r.err).toMatch(/Backups:\s+C:\\ProgramData/);
    expect(isIsolated(r.state)).toBe(false);
  });

  it('a refused confirmation changes nothing: exit 3, the value and the service as they were', async () => {
    const r = await wizard(['--simulate', '--scenario=bad-code'], [['select', /What now/, 'registry'], ['confirm', /delete the unlock_code value \(backed up\)/, false]]);
    expect(r.code).toBe(3);
    expect(r.state.registry.unlock_code).toBeDefined();
    expect(r.state.service.state).toBe('RUNNING');
    expect(r.state.log.some((a) => a[0] === 'sc.exe' && a[1] === 'stop')).toBe(false);
  });

  it('five wrong codes: a warning before the last, the lockout, and the next run says when it ends and what is left', async () => {
    const stateDir = tempStateDir();
    const script: Answer[] = [['select', /What now/, 'unlock-code']];
    for (let i = 0; i < 4; i++) script.push(['code', /unlock code/, `bad${i}`], ['select', /^Next/, 'retry']);
    script.push(['code', /unlock code/, 'bad4'], ['confirm', /last unlock attempt/, true]);
    const r = await wizard(['--simulate', '--scenario=offline'], script, { stateDir });
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/Careful: this is the last attempt/);
    const again = await wizard(['--simulate'], [WHAT_NOW, CONSOLE_YES, NEXT, ['confirm', /unlock_code value \(backed up\)/, false], ['confirm', /jobs\.db/, false]], { stateDir });
    expect(again.err).toMatch(/accepts codes again after\s+\d{4}-\d\d-\d\dT[\d:.]+Z/);
    expect(again.err).toMatch(/Still possible: registry, jobs-db, safe-boot/);
  });

  it('--yes takes the default answers but still asks before the reboot (stubborn: recovered at jobs-db)', async () => {
    const r = await wizard(['--simulate', '--scenario=stubborn', '--yes', '--method=jobs-db'], [['confirm', /Reboot this computer now/, true], UI_YES]);
    expect(r.code).toBe(0);
    expect(r.state.log.some((a) => a[0] === 'shutdown.exe')).toBe(true);
  });

  it('protected: the service refuses to stop until the protection password (from the environment) is used', async () => {
    const r = await wizard(['--simulate', '--scenario=protected', '--method=registry'], [['confirm', /unlock_code value \(backed up\)/, true], UI_YES], { env: { ISOLATION_RESCUE_PROTECTION_PASSWORD: 'letmein' } });
    expect(r.code).toBe(0);
    expect(r.state.log.some((a) => a[0].endsWith('sfc.exe') && a[1] === '-k')).toBe(true);
    expect(r.err).not.toContain('letmein');
  });

  it('protected, no password in the environment: the stop is refused, the wizard asks for the password and retries', async () => {
    const r = await wizard(['--simulate', '--scenario=protected', '--method=registry'], [
      ['confirm', /unlock_code value \(backed up\)/, true],
      ['select', /^Next/, 'retry'],
      ['password', /protection password/, 'letmein'],
      ['confirm', /unlock_code value \(backed up\)/, true],
      UI_YES,
    ]);
    expect(r.prompter.choices[0]).toEqual(['retry', 'stop']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Access is denied/);
    expect(r.err).not.toContain('letmein');
    expect(isIsolated(r.state)).toBe(false);
    expect(r.state.service.state).toBe('RUNNING');
  });

  it('stuck: nothing works; the safe-boot steps are shown and the summary says what to hand to the security team', async () => {
    const r = await wizard(['--simulate', '--scenario=stuck'], [
      WHAT_NOW, CONSOLE_YES, NEXT, ['confirm', /code from the console/, true], ['select', /^Next/, 'next'],
      ['confirm', /delete the unlock_code value \(backed up\)/, true], NEXT,
      ['confirm', /delete .*jobs\.db/, true], NEXT,
    ]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/bcdedit \/set \{current\} safeboot minimal/);
    expect(r.err).toMatch(/For the security team: hand them\s+\S+summary\.md/);
    expect(r.state.service.state).toBe('RUNNING');
  });

  it('macOS offline: the plist rung after the code is declined', async () => {
    const r = await wizard(['--simulate=macos', '--scenario=offline'], [
      WHAT_NOW, CONSOLE_YES, NEXT, ['confirm', /code from the console/, false], ['confirm', /endpoint_isolation\.xml/, true], UI_YES,
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/unlock-code: skipped: not confirmed/);
    expect(isIsolated(r.state)).toBe(false);
  });

  it('Ctrl-C at a prompt: exit 130, nothing changed, the summary says where things stand', async () => {
    const r = await wizard(['--simulate', '--scenario=bad-code'], [['select', /What now/, 'registry'], ['confirm', /unlock_code value \(backed up\)/, 'cancel']]);
    expect(r.code).toBe(130);
    expect(r.err).toMatch(/Stopped by Ctrl-C/);
    expect(r.state.service.state).toBe('RUNNING');
  });

  it('Ctrl-C in the middle of a rung (while the unlock_code value is deleted): exit 130 and the service running again', async () => {
    const r = await wizard(['--simulate', '--scenario=bad-code'], [['select', /What now/, 'registry'], ['confirm', /unlock_code value \(backed up\)/, true]], { abortWhen: (step) => /delete the unlock_code value/.test(step) });
    expect(r.code).toBe(130);
    expect(r.state.service.state).toBe('RUNNING');
    expect(r.err).toMatch(/started CiscoAMP_7\.4\.5 again/);
  });

  it('--json: the prompts and progress on stderr, one JSON document on stdout', async () => {
    const r = await wizard(['--simulate', '--scenario=healthy', '--json'], [WHAT_NOW, CONSOLE_YES, UI_YES]);
    expect(JSON.parse(r.out)).toMatchObject({ outcome: 'recovered', uiCheck: 'yes' });
    expect(r.err).toMatch(/Summary/);
  });

  it('not isolated: nothing is asked, nothing changed, exit 0', async () => {
    const stateDir = tempStateDir();
    await wizard(['--simulate', '--scenario=healthy'], [WHAT_NOW, CONSOLE_YES, UI_YES], { stateDir });
    const r = await wizard(['--simulate'], [], { stateDir });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/not isolated: there is nothing to release/);
  });

  it('--lang=ja: the wizard speaks Japanese, still within 80 terminal columns (two a character)', async () => {
    const r = await wizard(['--simulate', '--scenario=bad-code', '--lang=ja'], [
      ['select', /どうしますか/, 'registry'],
      ['confirm', /unlock_code の値を/, true],
      ['select', /Isolation: Not Isolated/, 'yes'],
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/分離中 +はい/);
    expect(r.err).toMatch(/✔ unlock_code の値を削除/);
    expect(r.err).toMatch(/まとめ/);
  });

  it('every line fits 80 columns', async () => {
    const r = await wizard(['--simulate', '--scenario=stuck', '--method=safe-boot'], []);
    expect(r.err.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
  });
});
