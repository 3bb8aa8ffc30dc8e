// The node:http server and its socket rules: connection caps, silent connections dropped,
// request and header timeouts, and how long an idle keep-alive connection is kept.
import { createServer, type RequestListener, type Server } from 'node:http';
import { REQUEST_TIMEOUT_MS } from './body-limits.js';
import { capConnections, dropSilentConnections, FIRST_BYTE_TIMEOUT_MS, type ConnectionCaps } from './connection-caps.js';

/** How long an idle keep-alive connection is kept (see createHttpServer). */
export const KEEP_ALIVE_MS = 65_000;
/**
 * How often Node looks for requests past headersTimeout / requestTimeout. Its default, 30 s, let
 * a request outlive its timeout by up to 30 s (a body trickled for 68 s and more was measured); the
 * scan of the open connections every 2 s costs next to nothing.
 */
export const CONNECTION_CHECK_MS = 2_000;

export function createHttpServer(listener: RequestListener, caps: ConnectionCaps, trustedProxies: string | undefined): Server {
  const server = createServer({ connectionsCheckingInterval: CONNECTION_CHECK_MS }, listener);
  capConnections(server, caps, trustedProxies);
  dropSilentConnections(server, caps.firstByteMs ?? FIRST_BYTE_TIMEOUT_MS);
  // Slow clients cannot hold sockets forever.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = 20_000;
  // Idle keep-alive connections stay open 65 s, longer than the 60 s idle timeout of the proxies
  // that commonly front a server (one would otherwise reuse a connection just closed here). With
  // Node's default 5 s, 50 clients resuming after a 15 s pause measured p99 1.1–2.9 s on the
  // document question, against 0.22–0.35 s with 65 s (bench/RESULTS.md, 2026-11-26).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return server;
}

/** Listens on host:port and resolves with the port bound (the one chosen when port is 0). */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server is not listening on a TCP port');
  return address.port;
}
