import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, tempStateDir } from '../helpers/cli.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

const GUID = '44b422f2-4d50-4720-b1af-07b02d004020';
const creds = { SECURE_ENDPOINT_CLIENT_ID: 'cid', SECURE_ENDPOINT_API_KEY: 'very-secret-api-key', ISOLATION_RESCUE_TARGET_OS: 'linux' };

/** A cloud whose computer is isolated; `applies` decides whether a DELETE releases it (connector online) or not. */
async function cloud(applies: boolean, hosts = [GUID]): Promise<string> {
  let status = 'isolated';
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url!.startsWith('/v1/computers?')) {
        res.end(JSON.stringify({ metadata: { links: {} }, data: hosts.map((g) => ({ connector_guid: g, hostname: 'pc-1', isolation: { status } })) }));
        return;
      }
      if (req.method === 'DELETE') status = applies ? 'not_isolated' : 'pending_stop';
      res.end(JSON.stringify({ data: { available: true, status, unlock_code: 'fwq8qw' } }));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('console rung over HTTP, from a workstation with no connector', () => {
  it('releases through the API and verifies through it: exit 0, key never printed', async () => {
    const url = await cloud(true);
    const r = await runCli(['--non-interactive', '--method=console', `--api-url=${url}`, `--connector-guid=${GUID}`, '--json', '--verbose'], { ...creds, ISOLATION_RESCUE_STATE_DIR: tempStateDir() });
    expect(r.code).toBe(0);
    expect(r.json().rungs[0].verifications[0]).toEqual({ ok: true, checks: { cloudStatus: 'not_isolated' } });
    expect(r.stdout + r.stderr).not.toContain('very-secret-api-key');
    expect(r.stdout + r.stderr).not.toContain('fwq8qw');
  });

  it('a stop that stays pending_stop: exit 3, the connector is offline', async () => {
    const url = await cloud(false);
    const r = await runCli(['--non-interactive', '--method=console', `--api-url=${url}`, `--connector-guid=${GUID}`, '--wait=0'], { ...creds, ISOLATION_RESCUE_STATE_DIR: tempStateDir() });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/pending_stop/);
  });

  it('--hostname finds the computer; two matches are exit 2 with the list', async () => {
    const url = await cloud(true);
    const ok = await runCli(['--non-interactive', '--method=console', `--api-url=${url}`, '--hostname=pc-1'], { ...creds, ISOLATION_RESCUE_STATE_DIR: tempStateDir() });
    expect(ok.code).toBe(0);
    server!.close();
    const url2 = await cloud(true, [GUID, '11111111-2222-3333-4444-555555555555']);
    const many = await runCli(['--non-interactive', '--method=console', `--api-url=${url2}`, '--hostname=pc-1'], { ...creds, ISOLATION_RESCUE_STATE_DIR: tempStateDir() });
    expect(many.code).toBe(2);
    expect(many.stdout).toMatch(/11111111-2222-3333-4444-555555555555/);
  });

  it('without credentials the console rung is skipped with the reason: exit 2', async () => {
    const r = await runCli(['--non-interactive', '--method=console', `--connector-guid=${GUID}`], { ISOLATION_RESCUE_TARGET_OS: 'linux', ISOLATION_RESCUE_STATE_DIR: tempStateDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/SECURE_ENDPOINT_CLIENT_ID/);
  });
});
