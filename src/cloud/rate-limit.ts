/**
 * How long to wait before retrying a 429: Retry-After, or the x-ratelimit-reset / X-Rate-Limit-Reset headers
 * (seconds), read case-insensitively in both spellings; a backoff when none is given.
 */
export function retryDelayMs(headers: Headers, attempt: number, now = Date.now()): number {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const secs = Number(retryAfter);
    if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers.get('x-ratelimit-reset') ?? headers.get('x-rate-limit-reset');
  if (reset && Number.isFinite(Number(reset))) return Math.max(0, Number(reset) * 1000);
  return backoffMs(attempt);
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s... capped at 30 s. */
export function backoffMs(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** attempt);
  return Math.round(base / 2 + Math.random() * (base / 2));
}
