// What a request is checked for before any work is done for it: the Host header against the names
// this service answers to (DNS rebinding), Apollo's CSRF rule for the routes Apollo does not see
// (/export), a constant-time token compare, and variables that nest too deep.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { HttpError } from './errors.js';

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

/** Deepest nesting a request's variables may have (filters nest 6 levels, two JSON levels each). */
export const MAX_VARIABLE_DEPTH = 32;

/** True when a JSON value nests deeper than `max`: walked with a stack, so no depth overflows it. */
export function nestsDeeperThan(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const x of Object.values(v)) stack.push([x, depth + 1]);
  }
  return false;
}

/** The variables of a GraphQL request (JSON body or GET parameter), refused when nested too deep. */
export function checkVariableDepth(body: unknown, params: URLSearchParams): void {
  let variables: unknown = body && typeof body === 'object' ? Reflect.get(body, 'variables') : undefined;
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
