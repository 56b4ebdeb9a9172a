import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempStateDir } from '../helpers/cli.js';
import { fakeConsole, org, type FakeConsole } from '../helpers/fake-console.js';

const GROUP = 'a1b2c3d4-0000-4720-b1af-07b02d004020';
let api: FakeConsole | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});
const status = (args: string[]) =>
  runCli(['status', `--api-url=${api!.url}`, ...args], { SECURE_ENDPOINT_CLIENT_ID: 'c', SECURE_ENDPOINT_API_KEY: 'k', ISOLATION_RESCUE_STATE_DIR: tempStateDir() });

describe("status --hostname / --connector-guid: the console's view, from a workstation", () => {
  it('by host name: the computer, its isolation state, the code hidden unless asked', async () => {
    api = await fakeConsole(org(3, GROUP, (i) => i === 1, () => 'pending_stop'));
    const r = await status(['--hostname=pc-0002']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Host name: pc-0002\.corp\.example/);
    expect(r.stdout).toMatch(/Isolation: pending_stop/);
    expect(r.stdout).toMatch(/Unlock code: hidden/);
    expect(r.stdout).not.toContain('code1');
    const shown = await status(['--hostname=pc-0002', '--show-codes', '--json']);
    expect(shown.json().computers).toEqual([expect.objectContaining({ connectorGuid: '00000001-4d50-4720-b1af-07b02d004020', isolation: 'pending_stop', unlockCode: 'code1' })]);
    // Read-only: nothing but GETs.
    expect(api.requests.every((q) => q.method === 'GET')).toBe(true);
  });

  it('by connector GUID', async () => {
    api = await fakeConsole(org(2, GROUP, () => false, () => 'not_isolated'));
    const r = await status(['--connector-guid=00000000-4d50-4720-b1af-07b02d004020', '--json']);
    expect(r.code).toBe(0);
    expect(r.json().computers[0].isolation).toBe('not_isolated');
  });

  it('an unknown host name exits 2; an unknown GUID reports the 404 and exits 3; no credentials exits 2', async () => {
    api = await fakeConsole(org(2, GROUP));
    const noHost = await status(['--hostname=nosuch']);
    expect(noHost.code).toBe(2);
    expect(noHost.stderr).toMatch(/no computer named nosuch/);
    const noGuid = await status(['--connector-guid=eeeeeeee-4d50-4720-b1af-07b02d004020']);
    expect(noGuid.code).toBe(3);
    expect(noGuid.stderr).toMatch(/404 Not Found/);
    const noCreds = await runCli(['status', '--hostname=pc-0001', `--api-url=${api.url}`], { ISOLATION_RESCUE_STATE_DIR: tempStateDir() });
    expect(noCreds.code).toBe(2);
    expect(noCreds.stderr).toMatch(/SECURE_ENDPOINT_API_KEY/);
  });

  it('on the simulator, the simulated console answers', async () => {
    const r = await runCli(['status', '--simulate', '--scenario=offline', '--hostname=DESKTOP-075I5MB', '--json'], { ISOLATION_RESCUE_STATE_DIR: tempStateDir() });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.json().computers[0].isolation).toBe('isolated');
  });
});
