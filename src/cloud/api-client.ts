import { ApiError, type ComputerSummary, type ConsoleApi, type IsolationInfo, type CloudIsolationStatus } from './console-api.js';
import { backoffMs, retryDelayMs } from './rate-limit.js';
import type { RateLimiter } from './limiter.js';

export interface ApiClientOptions {
  baseUrl: string;
  clientId: string;
  apiKey: string;
  timeoutMs?: number;
  retries?: number;
  /** Longest wait the client accepts for a 429 before giving up. */
  maxRetryWaitMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Shared by every request of this client: fleet runs many at once and must stay under the limit. */
  limiter?: RateLimiter;
}

const STATUSES: readonly CloudIsolationStatus[] = ['not_isolated', 'pending_start', 'isolated', 'pending_stop'];

/** A wait that an abort ends at once, rejecting with the signal's reason. */
export const abortableSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** The Secure Endpoint API v1 over node's fetch: Basic auth, a timeout on every request, retries on 429 and 5xx. */
export class ApiClient implements ConsoleApi {
  readonly label: string;
  private readonly auth: string;

  constructor(private readonly o: ApiClientOptions) {
    this.label = o.baseUrl;
    this.auth = 'Basic ' + Buffer.from(`${o.clientId}:${o.apiKey}`).toString('base64');
  }

  async getIsolation(guid: string, signal?: AbortSignal): Promise<IsolationInfo> {
    return isolationFrom(await this.request('GET', `/v1/computers/${encodeURIComponent(guid)}/isolation`, undefined, signal));
  }

  async stopIsolation(guid: string, comment: string, signal?: AbortSignal): Promise<IsolationInfo> {
    return isolationFrom(await this.request('DELETE', `/v1/computers/${encodeURIComponent(guid)}/isolation`, { comment }, signal));
  }

  async findComputers(hostname: string, signal?: AbortSignal): Promise<ComputerSummary[]> {
    return this.listComputers({ hostnames: [hostname] }, signal);
  }

  /** GET /v1/computers, every page: by group, by host names (many per request), or all. */
  async listComputers(filter: { groupGuid?: string; hostnames?: string[] }, signal?: AbortSignal): Promise<ComputerSummary[]> {
    const query = [
      ...(filter.groupGuid ? [`group_guid[]=${encodeURIComponent(filter.groupGuid)}`] : []),
      ...(filter.hostnames ?? []).map((h) => `hostname[]=${encodeURIComponent(h)}`),
      'limit=500',
    ].join('&');
    const found: ComputerSummary[] = [];
    let path: string | undefined = `/v1/computers?${query}`;
    for (let page = 0; path && page < 100; page++) {
      const body = (await this.request('GET', path, undefined, signal)) as { data?: unknown[]; metadata?: { links?: { next?: string } } };
      for (const c of Array.isArray(body.data) ? body.data : []) found.push(computerFrom(c));
      const next = body.metadata?.links?.next;
      path = next ? new URL(next, this.o.baseUrl).pathname + new URL(next, this.o.baseUrl).search : undefined;
    }
    return found;
  }

  private async request(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const retries = this.o.retries ?? 4;
    const sleep = this.o.sleep ?? abortableSleep;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      const ticket = await this.o.limiter?.acquire(signal);
      try {
        res = await fetch(new URL(path, this.o.baseUrl), {
          method,
          headers: { authorization: this.auth, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
          signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(this.o.timeoutMs ?? 20_000)]) : AbortSignal.timeout(this.o.timeoutMs ?? 20_000),
        });
      } catch (err) {
        if (ticket !== undefined) this.o.limiter!.observe(ticket, undefined);
        if (signal?.aborted) throw err;
        const e = networkError(err, this.o.baseUrl);
        if (attempt < retries && e.kind !== 'bad-response') {
          await sleep(backoffMs(attempt), signal);
          continue;
        }
        throw e;
      }
      if (ticket !== undefined) this.o.limiter!.observe(ticket, res.headers, res.status);
      if (res.status === 429 || res.status >= 500) {
        const wait = res.status === 429 ? retryDelayMs(res.headers, attempt) : backoffMs(attempt);
        if (attempt < retries && wait <= (this.o.maxRetryWaitMs ?? 120_000)) {
          await res.body?.cancel();
          await sleep(wait, signal);
          continue;
        }
      }
      return parseResponse(res);
    }
  }
}

async function parseResponse(res: Response): Promise<unknown> {
  const text = await res.text();
  let json: { errors?: { description?: string; details?: string[] }[] } | undefined;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    if (res.ok) throw new ApiError(`the API answered ${res.status} with a body that is not JSON`, res.status, 'bad-response');
  }
  if (res.ok) return json;
  const first = json?.errors?.[0];
  const said = [first?.description, ...(first?.details ?? [])].filter(Boolean).join(': ');
  const suffix = said ? ` (${said})` : '';
  switch (res.status) {
    case 401:
      throw new ApiError(`401 Unauthorized: check SECURE_ENDPOINT_CLIENT_ID and SECURE_ENDPOINT_API_KEY, and the region${suffix}`, 401, 'auth');
    case 403:
      throw new ApiError(`403 Forbidden: this API credential may not change isolation (it needs read and write scope)${suffix}`, 403, 'forbidden');
    case 404:
      throw new ApiError(`404 Not Found: no computer with that connector GUID in this organisation or region${suffix}`, 404, 'not-found');
    case 409:
      throw new ApiError(`409 Conflict: the computer's isolation state does not allow this now${suffix}`, 409, 'conflict');
    case 429:
      throw new ApiError(`429 Too Many Requests: the API rate limit is used up; try again after the reset${suffix}`, 429, 'rate-limit');
    default:
      throw new ApiError(`the API answered ${res.status}${suffix}`, res.status, 'server');
  }
}

function networkError(err: unknown, baseUrl: string): ApiError {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return new ApiError(`no answer from ${baseUrl} in time`, undefined, 'timeout');
  const code = e.cause?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ApiError(`cannot resolve ${new URL(baseUrl).hostname} (DNS): is this machine online, and is the region right?`, undefined, 'network');
  if (/CERT|SSL|TLS/i.test(code)) return new ApiError(`TLS verification failed for ${baseUrl} (${code}); the tool never turns verification off`, undefined, 'bad-response');
  return new ApiError(`cannot reach ${baseUrl}: ${e.cause?.message ?? e.message ?? String(err)}`, undefined, 'network');
}

function isolationFrom(body: unknown): IsolationInfo {
  const data = (body as { data?: Record<string, unknown> })?.data ?? {};
  const status = data.status as CloudIsolationStatus;
  if (!STATUSES.includes(status)) throw new ApiError(`unexpected isolation status in the API answer: ${JSON.stringify(data.status)}`, undefined, 'bad-response');
  return { status, available: data.available as boolean | undefined, unlockCode: typeof data.unlock_code === 'string' ? data.unlock_code : undefined };
}

function computerFrom(c: unknown): ComputerSummary {
  const x = c as Record<string, unknown>;
  const isolation = x.isolation as { status?: CloudIsolationStatus } | undefined;
  return {
    connectorGuid: String(x.connector_guid ?? ''),
    hostname: String(x.hostname ?? ''),
    operatingSystem: x.operating_system as string | undefined,
    connectorVersion: x.connector_version as string | undefined,
    isolationStatus: isolation?.status,
  };
}
