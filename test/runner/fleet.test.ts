import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { fakeConsole, org, type FakeConsole } from '../helpers/fake-console.js';

const GROUP = 'a1b2c3d4-0000-4720-b1af-07b02d004020';
const KEY = 'api-key-SECRET-77';
let api: FakeConsole | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const fleet = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  runCli(['fleet', `--api-url=${api!.url}`, ...args], { SECURE_ENDPOINT_CLIENT_ID: 'client', SECURE_ENDPOINT_API_KEY: KEY, ISOLATION_RESCUE_STATE_DIR: tempStateDir(), ...extraEnv }, { timeoutMs: 120_000 });
const deletes = () => api!.requests.filter((r) => r.method === 'DELETE').length;
const listFile = (lines: string[]) => {
  const file = join(mkdtempSync(join(tmpdir(), 'ir-list-')), 'list.txt');
  writeFileSync(file, lines.join('\n'));
  return file;
};

describe('fleet: many computers through the console API', () => {
  it('1,000 computers under a rate limit: no window ever exceeds it, all released, one DELETE each, exit 0', async () => {
    api = await fakeConsole(org(1000, GROUP), { limit: 300, windowMs: 1000 });
    const started = Date.now();
    const r = await fleet([`--group-guid=${GROUP}`, '--json']);
    const seconds = (Date.now() - started) / 1000;
    expect(r.stderr).not.toMatch(/unexpected/);
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(doc.counts).toEqual({ total: 1000, released: 1000, already: 0, offline: 0, other: 0 });
    expect(Math.max(...api.windows.values())).toBeLessThanOrEqual(300);
    expect(api.rejected).toBe(0);
    expect(deletes()).toBe(1000);
    // About one request per computer: the list is read in pages of 500, not one GET each.
    expect(api.requests.length).toBeLessThanOrEqual(1000 + 6);
    expect([...api.computers.values()].every((c) => c.status === 'not_isolated')).toBe(true);
    expect(api.requests[0].auth).toBe('Basic ' + Buffer.from(`client:${KEY}`).toString('base64'));
    console.log(`fleet of 1000: ${api.requests.length} requests in ${seconds.toFixed(1)} s, busiest window ${Math.max(...api.windows.values())}/300`);

    // Idempotent: a second run sends no DELETE and counts every computer as already done.
    const before = deletes();
    const again = await fleet([`--group-guid=${GROUP}`, '--json']);
    expect(again.code).toBe(0);
    expect(again.json().counts.already).toBe(1000);
    expect(deletes()).toBe(before);
  });

  it('a server that sends no rate headers: the client adapts to its 429s and still releases all', async () => {
    api = await fakeConsole(org(120, GROUP), { limit: 40, windowMs: 1000, silent: true });
    const r = await fleet([`--group-guid=${GROUP}`, '--json']);
    expect(r.code).toBe(0);
    expect(r.json().counts.released).toBe(120);
    expect(api.rejected).toBeGreaterThan(0);
  });

  it('X-Rate-Limit-* spelling is honoured too', async () => {
    api = await fakeConsole(org(150, GROUP), { limit: 60, windowMs: 1000, spelling: 'X-Rate-Limit' });
    const r = await fleet([`--group-guid=${GROUP}`]);
    expect(r.code).toBe(0);
    expect(api.rejected).toBe(0);
    expect(Math.max(...api.windows.values())).toBeLessThanOrEqual(60);
  });

  it('offline computers stay pending_stop: exit 3, listed as offline; unlock codes only with --show-codes', async () => {
    api = await fakeConsole(org(10, GROUP, (i) => i % 5 === 0), { limit: 3000 });
    const r = await fleet([`--group-guid=${GROUP}`, '--wait=0']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/10 computer\(s\): 8 released, 0 already not isolated, 2 offline/);
    expect(r.stdout).toMatch(/pc-0001\.corp\.example\s+00000000-\S+\s+isolated\s+pending_stop\s+offline/);
    expect(r.stdout).toMatch(/unlock code/i);
    expect(r.stdout).not.toMatch(/code0\b/);
    expect(r.stdout + r.stderr).not.toContain(KEY);

    const shown = await fleet([`--group-guid=${GROUP}`, '--wait=0', '--show-codes', '--json']);
    expect(shown.code).toBe(3);
    const offline = shown.json().computers.filter((c: any) => c.result === 'offline');
    expect(offline.map((c: any) => c.unlockCode)).toEqual(['code0', 'code5']);
    // The report on disk never holds a code.
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(shown.json().report, 'utf8')).not.toMatch(/code0|code5/);
  });

  it('a hostnames file: found, not found and ambiguous names are each reported; exit 3', async () => {
    const computers = org(30, GROUP);
    computers.push({ ...computers[0], guid: 'ffffffff-4d50-4720-b1af-07b02d004020', hostname: 'pc-0001.other.example' });
    api = await fakeConsole(computers);
    const file = listFile(['# the tickets of today', 'pc-0002', 'PC-0003.corp.example', '', 'pc-0002', 'nosuch-host', 'pc-0001']);
    const r = await fleet([`--hostnames-file=${file}`, '--json']);
    expect(r.code).toBe(3);
    const rows = r.json().computers.map((c: any) => [c.asked, c.result]);
    expect(rows).toEqual([['pc-0002', 'released'], ['PC-0003.corp.example', 'released'], ['nosuch-host', 'not-found'], ['pc-0001', 'ambiguous']]);
    expect(r.json().computers[3].detail).toMatch(/pc-0001\.corp\.example .*; pc-0001\.other\.example/);
    expect(deletes()).toBe(2);
  });

  it('a guids file with one malformed line: exit 2, the line named, and not one request sent', async () => {
    api = await fakeConsole(org(5, GROUP));
    const file = listFile(['00000000-4d50-4720-b1af-07b02d004020', '00000001-4d50-4720-b1af-07b02d004020; rm -rf /']);
    const r = await fleet([`--guids-file=${file}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/1 line\(s\) that are not connector GUIDs .*2: "00000001-.*rm -rf \/"; nothing was sent/);
    expect(api.requests).toEqual([]);
  });

  it('a guids file: an unknown GUID is not-found; --dry-run sends no DELETE', async () => {
    api = await fakeConsole(org(3, GROUP));
    const file = listFile(['00000000-4d50-4720-b1af-07b02d004020', '00000002-4D50-4720-B1AF-07B02D004020', 'eeeeeeee-4d50-4720-b1af-07b02d004020']);
    const dry = await fleet([`--guids-file=${file}`, '--dry-run', '--json']);
    expect(dry.code).toBe(3);
    expect(dry.json().computers.map((c: any) => c.result)).toEqual(['would-release', 'would-release', 'not-found']);
    expect(deletes()).toBe(0);
    const r = await fleet([`--guids-file=${file}`, '--json']);
    expect(r.json().computers.map((c: any) => c.result)).toEqual(['released', 'released', 'not-found']);
    expect(r.code).toBe(3);
  });

  it('401: exit 3 with what to check, and the key never printed', async () => {
    api = await fakeConsole(org(3, GROUP), {
      handler: (_req, res) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ version: 'v1', data: {}, errors: [{ error_code: 401, description: 'Unauthorized', details: ['Unknown API key or Client ID'] }] }));
        return true;
      },
    });
    const r = await fleet([`--group-guid=${GROUP}`]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/401 Unauthorized: check SECURE_ENDPOINT_CLIENT_ID/);
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('Ctrl-C during the stops: exit 130, promptly, with a clear message', async () => {
    api = await fakeConsole(org(50, GROUP), {
      // Stops that never answer: the run must still end when told to.
      handler: (req) => req.method === 'DELETE',
    });
    const started = Date.now();
    const r = await runCli(['fleet', `--api-url=${api.url}`, `--group-guid=${GROUP}`], { SECURE_ENDPOINT_CLIENT_ID: 'c', SECURE_ENDPOINT_API_KEY: KEY, ISOLATION_RESCUE_STATE_DIR: tempStateDir() }, {
      onStderr: (chunk, kill) => {
        if (/resolve|stop/.test(chunk)) setTimeout(() => kill('SIGINT'), 300);
      },
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/cancelled \(SIGINT\)/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('bad invocations: no credentials, no source, two sources, a source flag without fleet: exit 2', async () => {
    api = await fakeConsole([]);
    const noCreds = await runCli(['fleet', `--group-guid=${GROUP}`, `--api-url=${api.url}`], { ISOLATION_RESCUE_STATE_DIR: tempStateDir() });
    expect(noCreds.code).toBe(2);
    expect(noCreds.stderr).toMatch(/SECURE_ENDPOINT_CLIENT_ID/);
    expect((await fleet([])).code).toBe(2);
    expect((await fleet([`--group-guid=${GROUP}`, '--guids-file=x'])).stderr).toMatch(/exactly one of/);
    expect((await runCli(['status', `--group-guid=${GROUP}`])).code).toBe(2);
    expect((await fleet(['--group-guid=not-a-guid'])).code).toBe(2);
    expect(api.requests).toEqual([]);
  });
});
