// Cross-origin calls by configuration (BUDGET_GRAPH_CORS_ORIGINS): the web apps of the named
// origins may call /graphql and /export from a browser; no other origin gets CORS headers, and
// the CSRF rule (request-checks.ts) holds for everyone else. Credentials are never allowed: the API
// has no cookies, and writes carry their token in Authorization, which the app sends itself.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers a browser may send cross-origin: JSON bodies, the write token, Apollo's CSRF-safe headers. */
const ALLOWED_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, apollographql-client-name, apollographql-client-version';
/** Response headers a cross-origin app may read. */
const EXPOSED_HEADERS = 'x-request-id, retry-after';
/** How long a browser may keep a preflight's answer (s). */
const PREFLIGHT_MAX_AGE = 600;

export interface CorsPolicy {
  /** True when `origin` (an Origin header) is one the configuration names. */
  allows(origin: string | undefined): origin is string;
}

/**
 * The policy for a BUDGET_GRAPH_CORS_ORIGINS value: origins separated by commas, each
 * `scheme://host[:port]` exactly as a browser sends it, or `*` for any origin. Anything else is
 * refused at start with the value named, so a typo never opens (or silently closes) the API.
 */
export function corsPolicy(setting: string | undefined): CorsPolicy {
  const listed = (setting ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of listed) {
    if (origin === '*') continue;
    const url = URL.parse(origin);
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new Error(`BUDGET_GRAPH_CORS_ORIGINS: "${origin}" is not an origin; write each as a browser sends it, scheme://host[:port] without a path or trailing slash (e.g. https://analysis.example.org), separated by commas, or * for any origin.`);
    }
  }
  const any = listed.includes('*');
  const origins = new Set(listed);
  return { allows: (origin): origin is string => origin !== undefined && origin !== 'null' && (any || origins.has(origin)) };
}

export type CorsOutcome =
  /** A preflight, answered here. */
  | 'PREFLIGHT_ANSWERED'
  /** A request from a named origin: CORS headers set, the CSRF rule satisfied by the policy. */
  | 'ALLOWED_ORIGIN'
  /** No Origin, the server's own, or one not named: nothing changes. */
  | 'NOT_CROSS_ORIGIN';

/** Sets the CORS headers of a request to /graphql or /export, and answers its preflight. */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): CorsOutcome {
  const origin = req.headers.origin;
  res.appendHeader('vary', 'origin');
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!policy.allows(origin)) {
    if (!preflight) return 'NOT_CROSS_ORIGIN';
    // No CORS headers: the browser refuses the call and says why in its console.
    res.statusCode = 204;
    res.end();
    return 'PREFLIGHT_ANSWERED';
  }
  res.setHeader('access-control-allow-origin', origin);
  if (!preflight) {
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    return 'ALLOWED_ORIGIN';
  }
  res.statusCode = 204;
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
  res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE));
  res.end();
  return 'PREFLIGHT_ANSWERED';
}
