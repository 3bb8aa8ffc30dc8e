// Caps on connections: in all, per client address with a share left for addresses not yet
// connected, and a short wait for a new connection's first byte.
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { bareAddress } from './client-address.js';

export interface ConnectionCaps {
  /** Open connections in all (Node's server.maxConnections). */
  total: number;
  /** Open connections from one address. */
  perClient: number;
  /** How long a new connection may stay silent before its first byte (default FIRST_BYTE_TIMEOUT_MS). */
  firstByteMs?: number;
}

/**
 * How long a new connection may send nothing. Node drops such a socket only by headersTimeout
 * (20 s, checked every 30 s; Node 20 not at all, since it has begun no request), so 17 addresses
 * × 250 silent sockets held the 4,096 cap 25–30 s a wave. A client writes its request as soon
 * as it has connected; 5 s leaves room for a slow first packet. A keep-alive connection between
 * requests is not new: it keeps KEEP_ALIVE_MS (sockets.ts).
 */
export const FIRST_BYTE_TIMEOUT_MS = 5_000;

export const DEFAULT_CONNECTION_CAPS: ConnectionCaps = { total: 4_096, perClient: 256, firstByteMs: FIRST_BYTE_TIMEOUT_MS };

/**
 * The upper half of the total cap is shared by at least this many addresses: once the server
 * holds half its total, an address may hold only total / 2 / BUSY_SHARED_BY connections (8 of
 * 4,096). Under the per-address cap alone, 17 addresses × 250 sockets filled the 4,096 and
 * refused every new client; now N addresses hold at most half the total plus N × 8, so it takes
 * 256 addresses to fill it, and a new address gets in past any fewer. A browser opens 6
 * connections to a host; a client that pools more keeps those it has and reuses them.
 */
export const BUSY_SHARED_BY = 256;

/** Connections one address may hold while the server holds half its total or more. */
export const busyShare = (caps: ConnectionCaps) => Math.max(1, Math.floor(caps.total / 2 / BUSY_SHARED_BY));

/**
 * Whether an address that holds `held` connections may open one more while the server holds
 * `open` in all: up to its own cap while the server is less than half full, and then only up to
 * its share of the upper half (busyShare).
 */
export function admitsConnection(held: number, open: number, caps: ConnectionCaps): boolean {
  if (held >= caps.perClient || open >= caps.total) return false;
  return open < caps.total / 2 || held < busyShare(caps);
}

/**
 * Bounds open connections: in all, and per client address by admitsConnection, so neither one
 * client holding thousands of idle keep-alive sockets can use up the process's file descriptors,
 * nor fewer than BUSY_SHARED_BY addresses together keep a new one out. A connection refused is
 * closed at once, before any byte is read. Returns the live count per address (tests).
 */
export function capConnections(server: Server, caps: ConnectionCaps, trustedProxies?: string): Map<string, number> {
  server.maxConnections = caps.total;
  const open = new Map<string, number>();
  let openInAll = 0;
  // A trusted proxy carries many clients' connections: only the total bounds it.
  const proxies = new Set((trustedProxies ?? '').split(',').map(bareAddress).filter(Boolean));
  server.on('connection', (socket: Socket) => {
    const client = bareAddress(socket.remoteAddress ?? 'unknown');
    const held = open.get(client) ?? 0;
    if (!proxies.has(client) && !admitsConnection(held, openInAll, caps)) {
      socket.destroy();
      return;
    }
    open.set(client, held + 1);
    openInAll++;
    socket.once('close', () => {
      openInAll--;
      const left = (open.get(client) ?? 1) - 1;
      if (left <= 0) open.delete(client);
      else open.set(client, left);
    });
  });
  return open;
}

/**
 * Closes a new connection that sends nothing within `ms` (an idle timer, so each byte restarts
 * it; a request trickled header by header is then headersTimeout's). Once a request has arrived
 * the timer is off: the request may run as long as it needs, and between requests Node's
 * keep-alive timer holds the socket (it destroys a socket whose timer fires and nobody listens).
 */
export function dropSilentConnections(server: Server, ms: number): void {
  server.on('connection', (socket: Socket) => socket.setTimeout(ms));
  server.on('request', (req: IncomingMessage) => req.socket.setTimeout(0));
}
