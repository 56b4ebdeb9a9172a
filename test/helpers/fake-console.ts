import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One computer of the fake organisation. `online` decides whether a stop applies or stays pending_stop. */
export interface FakeComputer {
  guid: string;
  hostname: string;
  group: string;
  status: 'not_isolated' | 'pending_start' | 'isolated' | 'pending_stop';
  online: boolean;
  unlockCode: string;
}

export interface FakeConsole {
  url: string;
  computers: Map<string, FakeComputer>;
  /** Arrival time of every request, 429s included. */
  arrivals: number[];
  requests: { method: string; url: string; auth?: string; body: string }[];
  /** Requests counted in each fixed window of the rate limit. */
  windows: Map<number, number>;
  rejected: number;
  close(): Promise<void>;
}

export interface FakeConsoleOptions {
  limit?: number;
  windowMs?: number;
  /** Send no rate-limit headers, only 429s (a server that tells nothing). */
  silent?: boolean;
  /** Header spelling: x-ratelimit-* or X-Rate-Limit-*. */
  spelling?: 'x-ratelimit' | 'X-Rate-Limit';
  handler?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/**
 * The Secure Endpoint API v1 as far as this tool uses it, on 127.0.0.1, with the real payload shapes: paged
 * computer lists with hostname[] and group_guid[] filters, GET and DELETE /isolation, and a fixed-window rate
 * limit with its headers.
 */
export async function fakeConsole(computers: FakeComputer[], o: FakeConsoleOptions = {}): Promise<FakeConsole> {
  const limit = o.limit ?? 3000;
  const windowMs = o.windowMs ?? 3_600_000;
  const t0 = Date.now();
  const state: Omit<FakeConsole, 'url' | 'close'> = { computers: new Map(computers.map((c) => [c.guid, c])), arrivals: [], requests: [], windows: new Map(), rejected: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const now = Date.now();
      state.arrivals.push(now);
      state.requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      const w = Math.floor((now - t0) / windowMs);
      const used = (state.windows.get(w) ?? 0) + 1;
      state.windows.set(w, used);
      const resetSecs = Math.ceil(((w + 1) * windowMs - (now - t0)) / 1000);
      const p = o.spelling ?? 'x-ratelimit';
      const headers: Record<string, string> = o.silent ? {} : { [`${p}-limit`]: String(limit), [`${p}-remaining`]: String(Math.max(0, limit - used)), [`${p}-reset`]: String(resetSecs) };
      if (used > limit) {
        state.rejected++;
        return send(res, 429, { version: 'v1.2.0', data: {}, errors: [{ error_code: 429, description: 'Too Many Requests' }] }, o.silent ? { 'retry-after': String(resetSecs) } : headers);
      }
      if (o.handler?.(req, res)) return;
      route(state.computers, req, body, res, headers);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, { url, close: () => new Promise<void>((r) => server.close(() => r())) });
}

function route(computers: Map<string, FakeComputer>, req: IncomingMessage, body: string, res: ServerResponse, headers: Record<string, string>): void {
  const url = new URL(req.url!, 'http://x');
  const iso = url.pathname.match(/^\/v1\/computers\/([^/]+)\/isolation$/);
  if (iso) {
    const c = computers.get(decodeURIComponent(iso[1]));
    if (!c) return send(res, 404, { version: 'v1.2.0', data: {}, errors: [{ error_code: 404, description: 'Not Found' }] }, headers);
    if (req.method === 'DELETE') {
      if (c.status === 'not_isolated') return send(res, 409, { version: 'v1.2.0', data: {}, errors: [{ error_code: 409, description: 'Conflict', details: ['not isolated'] }] }, headers);
      JSON.parse(body || '{}');
      c.status = c.online ? 'not_isolated' : 'pending_stop';
    }
    return send(res, 200, { version: 'v1.2.0', metadata: {}, data: { available: true, status: c.status, unlock_code: c.unlockCode, comment: null, isolated_by: 'soc' } }, headers);
  }
  if (url.pathname === '/v1/computers' && req.method === 'GET') {
    const names = url.searchParams.getAll('hostname[]').map((h) => h.toLowerCase());
    const groups = url.searchParams.getAll('group_guid[]');
    const all = [...computers.values()].filter((c) => (!names.length || names.some((n) => c.hostname.toLowerCase().startsWith(n))) && (!groups.length || groups.includes(c.group)));
    const lim = Math.min(500, Number(url.searchParams.get('limit') ?? 500));
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const page = all.slice(offset, offset + lim);
    const next = offset + lim < all.length ? (() => { const n = new URL(url); n.searchParams.set('offset', String(offset + lim)); return `http://api.example${n.pathname}${n.search}`; })() : undefined;
    return send(res, 200, {
      version: 'v1.2.0',
      metadata: { results: { total: all.length, current_item_count: page.length, index: offset, items_per_page: lim }, links: { self: req.url, ...(next ? { next } : {}) } },
      data: page.map((c) => ({ connector_guid: c.guid, hostname: c.hostname, operating_system: 'Windows 10 Enterprise', connector_version: '8.4.0.30201', group_guid: c.group, isolation: { available: true, status: c.status } })),
    }, headers);
  }
  send(res, 404, { version: 'v1.2.0', data: {}, errors: [{ error_code: 404, description: 'Not Found' }] }, headers);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** n computers named pc-0001..., in one group; `offline` picks the ones that stay pending_stop. */
export function org(n: number, group: string, offline: (i: number) => boolean = () => false, status: (i: number) => FakeComputer['status'] = () => 'isolated'): FakeComputer[] {
  return Array.from({ length: n }, (_, i) => ({
    guid: `${String(i).padStart(8, '0')}-4d50-4720-b1af-07b02d004020`,
    hostname: `pc-${String(i + 1).padStart(4, '0')}.corp.example`,
    group,
    status: status(i),
    online: !offline(i),
    unlockCode: `code${i}`,
  }));
}
