// Per-client limits, by remote address: requests in flight at once, and a token bucket of
// requests per second. One client flooding the server gets 429 RATE_LIMITED quickly instead of
// queueing everybody else behind it.
export interface ClientLimitSettings {
  /** Requests in flight at once per client; 0 = no limit. */
  concurrency: number;
  /** Sustained requests per second per client (bursts up to twice that); 0 = no limit. */
  ratePerSecond: number;
}

interface ClientState {
  inFlight: number;
  tokens: number;
  refilledAt: number;
}

export type Admission = { ok: true; release: () => void } | { ok: false; reason: 'CONCURRENCY' | 'RATE'; retryAfterSeconds: number };

export class ClientLimiter {
  private readonly clients = new Map<string, ClientState>();

  constructor(
    private readonly settings: ClientLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  admit(client: string): Admission {
    const { concurrency, ratePerSecond } = this.settings;
    if (concurrency === 0 && ratePerSecond === 0) return { ok: true, release: () => undefined };
    const t = this.now();
    let state = this.clients.get(client);
    if (!state) {
      state = { inFlight: 0, tokens: ratePerSecond * 2, refilledAt: t };
      this.clients.set(client, state);
      if (this.clients.size > 10_000) this.forgetIdle();
    }
    if (ratePerSecond > 0) {
      state.tokens = Math.min(ratePerSecond * 2, state.tokens + ((t - state.refilledAt) / 1000) * ratePerSecond);
      state.refilledAt = t;
      if (state.tokens < 1) return { ok: false, reason: 'RATE', retryAfterSeconds: Math.max(1, Math.ceil((1 - state.tokens) / ratePerSecond)) };
    }
    if (concurrency > 0 && state.inFlight >= concurrency) return { ok: false, reason: 'CONCURRENCY', retryAfterSeconds: 1 };
    if (ratePerSecond > 0) state.tokens -= 1;
    state.inFlight++;
    let released = false;
    const s = state;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        s.inFlight--;
      },
    };
  }

  /** Memory stays bounded however many addresses call: idle clients with a full bucket are forgotten. */
  private forgetIdle(): void {
    for (const [key, s] of this.clients) if (s.inFlight === 0) this.clients.delete(key);
  }
}
