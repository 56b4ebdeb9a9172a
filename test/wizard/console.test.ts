import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/args.js';
import { runWizard } from '../../src/wizard/run.js';
import { lineSpinner } from '../../src/wizard/spinner.js';
import { fakeEndpoint } from '../helpers/fake-endpoint.js';
import { fakeConsole, org } from '../helpers/fake-console.js';
import { scriptedPrompter, type Answer } from '../helpers/scripted-prompter.js';
import { tempStateDir } from '../helpers/cli.js';

const KEY = 'typed-KEY-0042';

describe('the wizard on a real endpoint (fake binaries) with the console API typed in', () => {
  it('asks for credentials (key masked, never shown), lets the tech choose between two computers, and uses the choice', async () => {
    const ep = fakeEndpoint('windows', 'offline');
    const computers = org(2, 'g');
    computers[1].hostname = computers[0].hostname;
    const api = await fakeConsole(computers);
    try {
      const parsed = parseCli(['--no-color', `--api-url=${api.url}`, `--hostname=${computers[0].hostname}`], ep.env);
      if (parsed.kind !== 'run') throw new Error('parse');
      const script: Answer[] = [
        ['select', /What now/, 'console'],
        ['confirm', /Use the console API\?/, true],
        ['clientId', /client id/, 'client-7'],
        ['apiKey', /api key/, KEY],
        ['select', /Several computers are named pc-0001\.corp\.example/, computers[1].guid],
        ['confirm', /Send Stop Isolation/, true],
      ];
      const prompter = scriptedPrompter(script);
      let err = '';
      const code = await runWizard(parsed.options, ep.env, { out: () => {}, err: (s) => (err += s) }, { prompter, spinner: lineSpinner((s) => (err += s)), width: 80 });
      expect(prompter.left()).toEqual([]);
      const deletes = api.requests.filter((q) => q.method === 'DELETE');
      expect(deletes.map((q) => q.url)).toEqual([`/v1/computers/${computers[1].guid}/isolation`]);
      expect(deletes[0].auth).toBe('Basic ' + Buffer.from(`client-7:${KEY}`).toString('base64'));
      // The cloud says released, but this endpoint still has its marker: the local check catches it.
      expect(code).toBe(3);
      expect(err).toMatch(/the console reports the stop, but this computer is still isolated|still isolated/i);
      const report = err.match(/Report for the ticket:\s+(\S+)/)![1];
      expect(err + readFileSync(report, 'utf8') + readFileSync(report.replace('summary.md', 'session.json'), 'utf8')).not.toContain(KEY);
    } finally {
      await api.close();
    }
  });

  it("from a tech's workstation (no connector here): asks which computer, releases it through the console, exit 0", async () => {
    const api = await fakeConsole(org(3, 'g'));
    try {
      const env = { PATH: process.env.PATH, ISOLATION_RESCUE_STATE_DIR: tempStateDir(), ISOLATION_RESCUE_TARGET_OS: undefined };
      const parsed = parseCli(['--no-color', `--api-url=${api.url}`], env);
      if (parsed.kind !== 'run') throw new Error('parse');
      const prompter = scriptedPrompter([
        ['select', /What now/, 'auto'],
        ['confirm', /Use the console API\?/, true],
        ['clientId', /client id/, 'client-7'],
        ['apiKey', /api key/, KEY],
        ['computer', /which computer/, 'pc-0002'],
        ['confirm', /Send Stop Isolation/, true],
        ['select', /Isolation: Not Isolated/, 'cant-check'],
      ]);
      let err = '';
      const code = await runWizard(parsed.options, env, { out: () => {}, err: (s) => (err += s) }, { prompter, spinner: lineSpinner((s) => (err += s)), width: 80 });
      expect(prompter.left()).toEqual([]);
      expect(code).toBe(0);
      expect(err).toMatch(/Connector +not found/);
      expect(api.computers.get('00000001-4d50-4720-b1af-07b02d004020')!.status).toBe('not_isolated');
      expect(api.computers.get('00000000-4d50-4720-b1af-07b02d004020')!.status).toBe('isolated');
    } finally {
      await api.close();
    }
  });

  it('declining the credentials skips the console rung with its reason', async () => {
    const ep = fakeEndpoint('windows', 'bad-code');
    const parsed = parseCli(['--no-color', '--method=console'], ep.env);
    if (parsed.kind !== 'run') throw new Error('parse');
    const prompter = scriptedPrompter([['confirm', /Use the console API\?/, false]]);
    let err = '';
    const code = await runWizard(parsed.options, ep.env, { out: () => {}, err: (s) => (err += s) }, { prompter, spinner: lineSpinner((s) => (err += s)), width: 80 });
    expect(code).toBe(2);
    expect(err).toMatch(/no API credentials/);
  });
});
