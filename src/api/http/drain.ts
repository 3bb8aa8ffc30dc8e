// Stopping without dropping: a grace in which every request is told 503, then no new connections,
// then the requests in flight finish (up to a bound) before the sockets close.
import type { Server } from 'node:http';

export class Drain {
  private inFlight = 0;
  private drained: (() => void) | null = null;
  private stopping = false;

  /** True from the moment stop is called: requests are answered 503 and their connections not kept. */
  get draining(): boolean {
    return this.stopping;
  }

  /** Counts a request in; the function returned counts it out (call it once, when its response closes). */
  enter(): () => void {
    this.inFlight++;
    return () => {
      if (--this.inFlight === 0 && this.drained) this.drained();
    };
  }

  /**
   * For `graceMs` (at most drainMs) the port stays open and every request is a 503, so a client or
   * balancer that has not yet seen the SIGTERM gets an answer, not a refused socket; then the server
   * stops accepting, lets requests in flight finish (up to drainMs) and closes every connection.
   */
  async stop(server: Server, drainMs: number, graceMs: number): Promise<void> {
    this.stopping = true;
    if (graceMs > 0) await new Promise((r) => setTimeout(r, Math.min(graceMs, drainMs)));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (this.inFlight > 0) await Promise.race([new Promise<void>((r) => (this.drained = r)), new Promise((r) => setTimeout(r, drainMs))]);
    server.closeAllConnections();
    await closed;
  }
}
