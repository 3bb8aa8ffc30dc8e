// What every HTTP request passes before any work is done for it: a body read within its cap
// without ever touching a destroyed socket, the Host header checked against the names this
// service answers to (DNS rebinding), Apollo's CSRF rule for the routes Apollo does not see
// (/export), a constant-time token compare, and a cap on connections per client address.
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

const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes; send a shorter query, or load large documents with npm run load.`);

/**
 * The body of a POST as text, at most MAX_BODY_BYTES. Over the cap (declared or streamed, chunked
 * included) it stops reading and rejects with 413: the socket is left open for the answer and
 * closed after it (the caller sets `connection: close`), never destroyed under the request, whose
 * log line still reads it. A client that aborts mid-body is a 400, not an unhandled error.
 */
export function readBodyText(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string | undefined> {
  if (req.method !== 'POST') return Promise.resolve(undefined);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge());
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
      if (err) {
        // Stop taking data; what the client still sends is drained and dropped until we answer.
        req.on('error', () => undefined);
        req.resume();
        reject(err);
      } else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge());
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = () => finish(new HttpError(400, 'BAD_REQUEST', 'The request body could not be read (the connection broke mid-body).'));
    const onAborted = onError;
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
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
}

export const DEFAULT_CONNECTION_CAPS: ConnectionCaps = { total: 4_096, perClient: 256 };

/**
 * Bounds open connections: in all, and per client address, so one client holding thousands of
 * idle keep-alive sockets cannot use up the process's file descriptors. A connection over the
 * cap is closed at once, before any byte is read. Returns the live count per address (tests).
 */
export function capConnections(server: Server, caps: ConnectionCaps, trustedProxies?: string): Map<string, number> {
  server.maxConnections = caps.total;
  const open = new Map<string, number>();
  // A trusted proxy carries many clients' connections: only the total bounds it.
  const proxies = new Set((trustedProxies ?? '').split(',').map(bareAddress).filter(Boolean));
  server.on('connection', (socket: Socket) => {
    const client = bareAddress(socket.remoteAddress ?? 'unknown');
    const n = (open.get(client) ?? 0) + 1;
    if (n > caps.perClient && !proxies.has(client)) {
      socket.destroy();
      return;
    }
    open.set(client, n);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left <= 0) open.delete(client);
      else open.set(client, left);
    });
  });
  return open;
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
