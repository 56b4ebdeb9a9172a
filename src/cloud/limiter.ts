/**
 * Keeps a client under the API's rate limit (x-ratelimit-limit / -remaining / -reset, in both spellings).
 * Each request is sent in a window of ours, and only answers to requests of the current window set its
 * budget and its end, so a late answer from the last window cannot reopen a spent one. Each window starts
 * with one probe; its answer tells what remains. The budget is conservative: what the server says remains,
 * minus what is still in flight. A 429 (a limit shared with another client, say) closes the window until its reset.
 */
export class RateLimiter {
  private window = 0;
  private sent = 0;
  private inFlight = 0;
  private limit: number | undefined;
  /** How many requests this window may carry; one probe until the server has told the limit. */
  private allowance: number;
  private windowEnd = Number.POSITIVE_INFINITY;
  /** Whether an answer to a request of this window has told the budget yet. */
  private informed = false;
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly now: () => number = Date.now,
    /** Added to the server's reset, for clock and transit skew. */
    private readonly marginMs = 250,
    private readonly probe = 1,
  ) {
    this.allowance = probe;
  }

  /** Waits for room in the window; returns the window the request goes out in (pass it to observe). */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      signal?.throwIfAborted();
      if (this.now() >= this.windowEnd) this.roll();
      if (this.sent < this.allowance) {
        this.sent++;
        this.inFlight++;
        return this.window;
      }
      await this.waitForChange(signal);
    }
  }

  /** After each answer; headers undefined when the request failed without one. */
  observe(ticket: number, headers: Headers | undefined, status?: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    // A 429 always counts, whichever window its request went out in: the server says stop now.
    if (headers && (ticket === this.window || status === 429)) this.learn(headers, status);
    // Nothing in flight, the window spent, and no end known: give it a second rather than wait forever.
    if (!Number.isFinite(this.windowEnd) && this.inFlight === 0 && this.sent >= this.allowance) this.windowEnd = this.now() + 1000;
    this.wake();
  }

  private learn(headers: Headers, status?: number): void {
    const get = (name: string) => {
      const v = headers.get(`x-ratelimit-${name}`) ?? headers.get(`x-rate-limit-${name}`);
      return v !== null && Number.isFinite(Number(v)) ? Number(v) : undefined;
    };
    const limit = get('limit');
    const remaining = get('remaining');
    const reset = get('reset');
    const retryAfter = Number(headers.get('retry-after') ?? NaN);
    if (limit !== undefined) this.limit = limit;
    // The first answer of the window sets its end; a later one may already speak of the server's next window.
    if (reset !== undefined && !Number.isFinite(this.windowEnd)) this.windowEnd = this.now() + reset * 1000 + this.marginMs;
    if (remaining !== undefined) {
      const room = this.sent + remaining - this.inFlight;
      this.allowance = this.informed ? Math.min(this.allowance, room) : room;
      this.informed = true;
    } else if (limit === undefined && this.limit === undefined && status !== 429) {
      // A server that tells nothing: no budget to keep, only 429s to react to.
      this.allowance = Number.POSITIVE_INFINITY;
      this.informed = true;
    }
    if (status === 429) {
      this.allowance = Math.min(this.allowance, this.sent);
      const wait = Number.isFinite(retryAfter) ? retryAfter * 1000 : reset !== undefined ? reset * 1000 : 1000;
      this.windowEnd = Math.max(Number.isFinite(this.windowEnd) ? this.windowEnd : 0, this.now() + wait + this.marginMs);
    }
  }

  /** A new window starts with one probe: requests sent late in the last one may already count in it. */
  private roll(): void {
    this.window++;
    this.sent = 0;
    this.allowance = this.limit === undefined && this.informed && !Number.isFinite(this.allowance) ? this.allowance : this.probe;
    this.informed = false;
    this.windowEnd = Number.POSITIVE_INFINITY;
  }

  private waitForChange(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      if (!this.timer && Number.isFinite(this.windowEnd)) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.wake();
        }, Math.max(5, this.windowEnd - this.now()));
      }
    });
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}
