// What every HTTP request passes before any work is done for it: a body read within its cap
// without ever touching a destroyed socket, and at a minimum pace; the Host header checked
// against the names this service answers to (DNS rebinding), Apollo's CSRF rule for the routes
// Apollo does not see (/export), a constant-time token compare, and caps on connections: in all,
// per client address with a share left for addresses not yet connected, and a short wait for a
// new connection's first byte.
import { timingSafeEqual, createHash } from 'node:crypto';
import { isIP, type Socket } from 'node:net';
import type { IncomingMessage, Server } from 'node:http';
import type { ErrorCode } from '../errors.js';

/** A client mistake or refusal found in the HTTP layer: its status and documented code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const tooLarge = (limit = MAX_BODY_BYTES) => new HttpError(413, 'PAYLOAD_TOO_LARGE', limit === MAX_BODY_BYTES ? `The request body is larger than ${MAX_BODY_BYTES} bytes; send a shorter query, or load large documents with npm run load.` : `The request body is larger than ${limit} bytes, the most one document may be.`);

/**
 * The body of a POST as text, at most MAX_BODY_BYTES. Over the cap (declared or streamed, chunked
 * included) it stops reading and rejects with 413: the socket is left open for the answer and
 * closed after it (the caller sets `connection: close`), never destroyed under the request, whose
 * log line still reads it. A client that aborts mid-body is a 400, not an unhandled error. When
 * `cut` aborts (watchBodyRate found the body too slow) it stops the same way and rejects with the
 * abort's reason, a 408.
 */
export async function readBodyText(req: IncomingMessage, limit = MAX_BODY_BYTES, cut?: AbortSignal): Promise<string | undefined> {
  return (await readBodyBytes(req, limit, cut))?.toString('utf8');
}

/** The same, as the bytes sent (a document's file: /ingest). */
export function readBodyBytes(req: IncomingMessage, limit = MAX_BODY_BYTES, cut?: AbortSignal): Promise<Buffer | undefined> {
  if (req.method !== 'POST') return Promise.resolve(undefined);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  if (cut?.aborted) return Promise.reject(cutReason(cut));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: HttpError | null) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      cut?.removeEventListener('abort', onCut);
      if (err) {
        // Stop taking data; what the client still sends is drained and dropped until we answer.
        req.on('error', () => undefined);
        req.resume();
        reject(err);
      } else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = () => finish(new HttpError(400, 'BAD_REQUEST', 'The request body could not be read (the connection broke mid-body).'));
    const onAborted = onError;
    const onCut = () => finish(cutReason(cut!));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
    cut?.addEventListener('abort', onCut, { once: true });
  });
}

/** Node's own bound on receiving a whole request (server.requestTimeout). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** The pace a request body must keep (watchBodyRate). */
export interface BodyRate {
  /** Bytes per second, averaged from the start of the request, that the body must keep up. */
  minBytesPerSecond: number;
  /** Before this any pace is accepted: a client's first write, a slow start of TCP. */
  graceMs: number;
  /** The whole body by then, whatever its pace. */
  maxMs: number;
}

/**
 * A body trickled a few bytes a second held its socket until Node's requestTimeout (60 s, checked
 * every 30 s: 68 s and more were reported, 90 s measured here), and Node's own 408 is written
 * under the handler, which logged the request as 200. Any client sends its body far faster than
 * 1 KiB/s (2 MiB, the largest accepted, takes 35 s even at 60 KiB/s), so a body under that average
 * after 5 s is cut with our 408; and any body not whole within 55 s, before Node's requestTimeout
 * would cut it without an answer the log can see.
 */
export const MIN_BODY_RATE: BodyRate = { minBytesPerSecond: 1024, graceMs: 5_000, maxMs: REQUEST_TIMEOUT_MS - 5_000 };

/** What a body cut for its pace is answered with. */
export const slowBody = (rate: BodyRate) => new HttpError(408, 'REQUEST_TIMEOUT', `The request body arrived slower than ${rate.minBytesPerSecond} bytes per second (or took over ${rate.maxMs / 1000} s); send it at once.`);

const cutReason = (cut: AbortSignal) => (cut.reason instanceof HttpError ? cut.reason : slowBody(MIN_BODY_RATE));

/**
 * When a body that has `received` bytes after `elapsedMs` must be looked at again: the time its
 * bytes stop covering the average, at the earliest at the end of the grace and at the latest at
 * the whole-body deadline. 0: it is under the rate (or past the deadline) now.
 */
export function bodyCheckInMs(received: number, elapsedMs: number, rate: BodyRate): number {
  const coveredUntil = Math.max(rate.graceMs, (received / rate.minBytesPerSecond) * 1000);
  return Math.max(0, Math.ceil(Math.min(coveredUntil, rate.maxMs) - elapsedMs));
}

/** A request that carries a body: a length above 0, or chunked. */
const hasBody = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

/**
 * Calls `onSlow` once if the request's body falls under `rate` before it is complete. It counts
 * the bytes the socket reads, not those a reader takes, so a body nobody reads (a refused request,
 * /healthz, a static file, which Node reads and drops after the answer) is held to the same pace.
 * One timer per request, set for the moment the pace could fall short, not a poll.
 */
export function watchBodyRate(req: IncomingMessage, rate: BodyRate, onSlow: () => void): void {
  if (!hasBody(req)) return;
  const socket = req.socket;
  const started = performance.now();
  const base = socket.bytesRead;
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    if (req.complete || socket.destroyed) return;
    const due = bodyCheckInMs(socket.bytesRead - base, performance.now() - started, rate);
    if (due === 0) return onSlow();
    timer = setTimeout(check, due);
  };
  timer = setTimeout(check, rate.graceMs);
  // On the request, not the socket: a keep-alive socket would gather one listener per request.
  req.once('close', () => clearTimeout(timer));
}

/** Host names always answered: loopback. Others come from the bind address and BUDGET_GRAPH_HOSTS. */
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/**
 * Which Host headers this server answers. A browser tricked by DNS rebinding sends the attacker's
 * host name, so names outside the list are refused; IP literals cannot be rebound and are allowed
 * (a client that addresses the server by its IP). `*` in the list turns the check off.
 */
export function hostPolicy(bindHost: string, extra: string | undefined): (header: string | undefined) => boolean {
  const names = new Set([...LOOPBACK, bindHost, ...(extra ?? '').split(',')].map((h) => h.trim().toLowerCase()).filter(Boolean));
  if (names.has('*')) return () => true;
  return (header) => {
    if (!header) return false;
    const host = hostnameOf(header.trim().toLowerCase());
    if (host === null) return false;
    return names.has(host) || isIP(host) !== 0;
  };
}

/** "example.org:4000" → "example.org", "[::1]:4000" → "::1"; null when it is not a host. */
function hostnameOf(header: string): string | null {
  if (header.startsWith('[')) {
    const end = header.indexOf(']');
    if (end < 0) return null;
    const rest = header.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return header.slice(1, end);
  }
  const m = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(header);
  return m ? m[1]!.replace(/\.$/, '') : null;
}

/**
 * Apollo's CSRF rule (csrfPrevention), for /export, which Apollo does not see: a request that a
 * browser would send cross-site without a preflight (GET or a "simple" content type, no custom
 * header) is refused, so no web page can make a visitor's browser run exports.
 */
export function passesCsrfRule(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const simple = type === '' || type === 'text/plain' || type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
  if (!simple) return true;
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' && v.trim() !== '';
  };
  return header('x-apollo-operation-name') || header('apollo-require-preflight');
}

export const CSRF_MESSAGE =
  'This request has no header that a browser would only send after a preflight, so it could come from another web site. Send it with the header `apollo-require-preflight: true` (curl -H), or as a POST with content-type application/json; in a browser, use the query editor at /graphiql.';

/** Bearer token compare in constant time (hashes make the lengths equal). */
export function tokenMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return false;
  const a = createHash('sha256').update(match[1]!).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** "::ffff:10.0.0.5" and "10.0.0.5" are one address. */
const bareAddress = (a: string) => a.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

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
 * requests is not new: it keeps KEEP_ALIVE_MS (http/sockets.ts).
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

/** Deepest nesting a request's variables may have (filters nest 6 levels, two JSON levels each). */
export const MAX_VARIABLE_DEPTH = 32;

/** True when a JSON value nests deeper than `max`: walked with a stack, so no depth overflows it. */
export function nestsDeeperThan(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const k in v) stack.push([(v as Record<string, unknown>)[k], depth + 1]);
  }
  return false;
}

/** The variables of a GraphQL request (JSON body or GET parameter), refused when nested too deep. */
export function checkVariableDepth(body: unknown, params: URLSearchParams): void {
  let variables: unknown = body && typeof body === 'object' ? (body as Record<string, unknown>).variables : undefined;
  const fromQuery = params.get('variables');
  if (variables === undefined && fromQuery) {
    try {
      variables = JSON.parse(fromQuery);
    } catch {
      return; // Apollo answers the malformed parameter itself
    }
  }
  if (nestsDeeperThan(variables, MAX_VARIABLE_DEPTH)) throw new HttpError(400, 'BAD_USER_INPUT', `The variables nest more than ${MAX_VARIABLE_DEPTH} levels deep; no argument of this API needs that.`);
}


/**
 * The client a request comes from, for rate and connection limits. A request whose socket comes
 * from a trusted proxy (BUDGET_GRAPH_TRUSTED_PROXIES) is the first address of X-Forwarded-For read
 * from the right that is not itself a trusted proxy; from anyone else the header is ignored, since
 * any client can write it.
 */
export function clientAddressPolicy(trusted: string | undefined): (socketAddress: string | undefined, forwardedFor: string | string[] | undefined) => string {
  const proxies = new Set((trusted ?? '').split(',').map(bareAddress).filter(Boolean));
  return (socketAddress, forwardedFor) => {
    const direct = bareAddress(socketAddress ?? 'unknown');
    if (!proxies.has(direct) || forwardedFor === undefined) return direct;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(bareAddress).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) if (!proxies.has(hops[i]!)) return hops[i]!.slice(0, 64);
    return direct;
  };
}
