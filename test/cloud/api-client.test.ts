import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../../src/cloud/api-client.js';
import { ApiError } from '../../src/cloud/console-api.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let server: Server | undefined;

async function fakeApi(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

const GUID = '44b422f2-4d50-4720-b1af-07b02d004020';
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const isolation = (status: string, code = 'fwq8qw') => ({ version: 'v1.2.0', metadata: {}, data: { available: true, status, unlock_code: code, comment: null, isolated_by: 'x' } });
const client = (baseUrl: string, extra = {}) => new ApiClient({ baseUrl, clientId: 'id', apiKey: 'secret-key', sleep: async () => {}, ...extra });

describe('Secure Endpoint API client against a real HTTP server', () => {
  it('GET isolation with Basic auth, DELETE with the comment', async () => {
    const seen: { method?: string; auth?: string; body: string; url?: string }[] = [];
    const url = await fakeApi((req, res, body) => {
      seen.push({ method: req.method, auth: req.headers.authorization, body, url: req.url });
      json(res, 200, isolation(req.method === 'DELETE' ? 'pending_stop' : 'isolated'));
    });
    const api = client(url);
    expect(await api.getIsolation(GUID)).toEqual({ status: 'isolated', available: true, unlockCode: 'fwq8qw' });
    expect((await api.stopIsolation(GUID, 'released by helpdesk')).status).toBe('pending_stop');
    expect(seen[0].auth).toBe('Basic ' + Buffer.from('id:secret-key').toString('base64'));
    expect(seen[1]).toMatchObject({ method: 'DELETE', url: `/v1/computers/${GUID}/isolation` });
    expect(JSON.parse(seen[1].body)).toEqual({ comment: 'released by helpdesk' });
  });

  it('401 says to check the credentials, without retrying', async () => {
    let calls = 0;
    const url = await fakeApi((_q, res) => {
      calls++;
      json(res, 401, { version: 'v1', data: {}, errors: [{ error_code: 401, description: 'Unauthorized', details: ['Unknown API key or Client ID'] }] });
    });
    const err = await client(url).getIsolation(GUID).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/SECURE_ENDPOINT_API_KEY.*Unknown API key or Client ID/);
    expect(err.message).not.toContain('secret-key');
    expect(calls).toBe(1);
  });

  it.each([
    [403, /Forbidden/],
    [404, /no computer with that connector GUID/],
    [409, /Conflict/],
  ])('%i has a clear message', async (status, message) => {
    const url = await fakeApi((_q, res) => json(res, status, { errors: [{ description: 'x' }] }));
    await expect(client(url).getIsolation(GUID)).rejects.toThrow(message);
  });

  it('429 waits for the reset header (either spelling), then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const url = await fakeApi((_q, res) => {
      calls++;
      if (calls === 1) return json(res, 429, {}, { 'X-RateLimit-Reset': '7', 'x-ratelimit-remaining': '0' });
      if (calls === 2) return json(res, 429, {}, { 'X-Rate-Limit-Reset': '3' });
      json(res, 200, isolation('not_isolated'));
    });
    const info = await client(url, { sleep: async (ms: number) => void waits.push(ms) }).getIsolation(GUID);
    expect(info.status).toBe('not_isolated');
    expect(waits).toEqual([7000, 3000]);
  });

  it('500 is retried with backoff, then succeeds; persistent 500 fails with the status', async () => {
    let calls = 0;
    const url = await fakeApi((_q, res) => (++calls < 3 ? json(res, 500, {}) : json(res, 200, isolation('isolated'))));
    expect((await client(url).getIsolation(GUID)).status).toBe('isolated');
    expect(calls).toBe(3);
    server!.close();
    const url2 = await fakeApi((_q, res) => json(res, 503, {}));
    await expect(client(url2, { retries: 2 }).getIsolation(GUID)).rejects.toThrow(/503/);
  });

  it('a response slower than the timeout is a timeout error', async () => {
    const url = await fakeApi((_q, res) => setTimeout(() => json(res, 200, isolation('isolated')), 1500));
    await expect(client(url, { timeoutMs: 200, retries: 0 }).getIsolation(GUID)).rejects.toThrow(/no answer .* in time/);
  });

  it('malformed JSON and an unknown status are reported, not trusted', async () => {
    const url = await fakeApi((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url!.includes('bad') ? '{not json' : JSON.stringify({ data: { status: 'weird' } }));
    });
    await expect(client(url).getIsolation('bad')).rejects.toThrow(/not JSON/);
    await expect(client(url).getIsolation(GUID)).rejects.toThrow(/unexpected isolation status/);
  });

  it('finds computers by hostname across pages', async () => {
    const url = await fakeApi((req, res) => {
      const page2 = req.url!.includes('offset=1');
      json(res, 200, {
        metadata: { links: page2 ? {} : { next: `${'http://127.0.0.1'}/v1/computers?hostname[]=pc&offset=1` } },
        data: [{ connector_guid: page2 ? 'b' : 'a', hostname: 'pc', isolation: { available: true, status: page2 ? 'isolated' : 'not_isolated' } }],
      });
    });
    const found = await client(url).findComputers('pc');
    expect(found.map((c) => [c.connectorGuid, c.isolationStatus])).toEqual([['a', 'not_isolated'], ['b', 'isolated']]);
  });

  it('a refused connection is a network error', async () => {
    await expect(client('http://127.0.0.1:9', { retries: 0 }).getIsolation(GUID)).rejects.toThrow(/cannot reach/);
  });
});

describe('network failures the tech can act on', () => {
  it('DNS: a host that does not resolve says so, after the retries', async () => {
    const err = await client('https://api.nosuch.invalid').getIsolation(GUID).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/cannot resolve api\.nosuch\.invalid \(DNS\)/);
  });

  it('TLS: a certificate that does not verify is refused, never retried and never bypassed', async () => {
    const { createServer: createHttps } = await import('node:https');
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    let calls = 0;
    const tls = createHttps({ key: readFileSync(resolve(__dirname, '../fixtures/tls/self-signed.key')), cert: readFileSync(resolve(__dirname, '../fixtures/tls/self-signed.crt')) }, (_q, res) => {
      calls++;
      json(res, 200, isolation('isolated'));
    });
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    try {
      const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
      const err = await client(url).getIsolation(GUID).catch((e) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err.message).toMatch(/TLS verification failed .*SELF_SIGNED.*never turns verification off/);
      expect(calls).toBe(0);
    } finally {
      await new Promise<void>((r) => tls.close(() => r()));
    }
  });
});
